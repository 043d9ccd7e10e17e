import { KIND_LABEL } from "../facts/secrets.js";
import { q } from "../model/quote.js";
import type { RuleContext } from "./context.js";
import { defineRule } from "./define-rule.js";

/**
 * A secret value committed to the repository, decided on the value (../facts/secrets.ts): a known
 * credential format (AWS, GitHub, Slack, Stripe live, Google, OpenAI, Anthropic, JWT, private key)
 * or a URL with a long random password for a non-local host is an error; a long random-looking value
 * in a credential-named setting is a warning. Scanned: committed `.env` files (not templates), every
 * Python string literal, shell/PowerShell scripts, Dockerfile `ENV`/`ARG`, literal env values of
 * the IaC config, and the lines of requirements files and deployment configs (URL userinfo, `NAME=value`
 * in a command: ../facts/inline-secrets.ts). Numbers, short values, multi-line/SQL text, placeholders and local DSNs are never
 * flagged. The value is never shown: name, file, line, kind and length only.
 */
export default defineRule<RuleContext>({
  id: "committed-secret",
  defaultSeverity: "error",
  summary: "A secret value is committed to the repository",
  check: ({ svc }) =>
    [
      ...svc.env.secrets,
      // A line already reported (a Dockerfile ENV) is not reported twice.
      ...svc.inlineSecrets.filter(
        (i) => !svc.env.secrets.some((s) => s.span.file === i.span.file && s.span.line === i.span.line),
      ),
    ].map((s) => {
      const what = `${KIND_LABEL[s.kind]} (${s.length} characters${s.kind === "url-password" ? " of password" : ""})`;
      const where =
        s.origin === "env-file"
          ? `the committed file ${s.span.file}`
          : s.origin === "dockerfile"
            ? `a Dockerfile ENV/ARG in ${s.span.file}`
            : s.origin === "railway-config"
              ? `a literal service variable in ${s.span.file}`
              : s.origin === "requirements"
                ? `a requirement or index URL in ${s.span.file}`
                : s.origin === "deploy-config"
                  ? `a command in ${s.span.file}`
                  : s.origin === "script"
                    ? `the script ${s.span.file}`
                    : `a literal in ${s.span.file}`;
      const subject = s.name ? q(s.name) : "A value";
      const rotate = s.name ? `Rotate ${q(s.name)}` : "Rotate the credential";
      const fix =
        s.origin === "env-file"
          ? `${rotate}, remove ${s.span.file} from git (\`git rm --cached\`), add it to .gitignore and set the value in Railway's variables.`
          : s.origin === "railway-config"
            ? `${rotate}, and set it in Railway's variables (or as a sealed variable) instead of a literal in ${s.span.file}.`
            : s.origin === "requirements"
              ? `${rotate}, and write the URL with variables pip expands (\`https://\${PIP_USER}:\${PIP_TOKEN}@host/…\`) set in Railway's variables; Railpack's install step sees only \`PIP_*\`-style names.`
              : s.origin === "deploy-config"
                ? `${rotate}, set the value in Railway's variables and reference it (${s.name ? `\`$${s.name}\`` : "a `$VARIABLE`"}) instead of writing it in ${s.span.file}.`
                : `${rotate}, read it from the environment (no default) and set the value in Railway's variables.`;
      return {
        span: s.span,
        severity: s.confidence,
        message: `${
          (s.origin === "requirements" || s.origin === "deploy-config") && !s.name
            ? s.kind === "url-password"
              ? `A URL in ${s.span.file} carries a password (${s.length} characters) for a host that is not local`
              : `A URL in ${s.span.file} carries ${what}`
            : `${subject} holds ${what} in ${where}`
        } (value hidden)${s.confidence === "warning" ? "; it looks random, but its format is not a known credential's" : ""}`,
        found: `${s.kind}, ${s.length} characters`,
        expected: "no committed value; set it in Railway's variables",
        fix,
      };
    }),
});
