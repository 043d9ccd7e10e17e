import { q } from "../model/quote.js";
import type { RuleContext } from "./context.js";
import { defineRule } from "./define-rule.js";

/**
 * A secret committed to the repository: a non-empty value for a secret-looking name (`*_KEY`,
 * `*_SECRET`, `*TOKEN*`, `*PASSWORD*` ...) or a URL with a password, in a tracked `.env` file
 * (`.env`, `.env.production` ...; not `.env.example`) or as a literal in the Python settings (a
 * default, or `SECRET_KEY = "…"`). Placeholders (`changeme`, `<your-key>`, `${{Postgres.DATABASE_URL}}`)
 * are not secrets. The value is never shown: only the name and its length.
 */
export default defineRule<RuleContext>({
  id: "committed-secret",
  defaultSeverity: "error",
  summary: "A secret value is committed to the repository",
  check: ({ svc }) =>
    svc.env.secrets.map((s) => {
      const what =
        s.why === "url-password"
          ? `a URL with a ${s.length}-character password`
          : `a ${s.length}-character value`;
      const where =
        s.origin === "env-file"
          ? `the committed file ${s.span.file}`
          : s.origin === "code-default"
            ? `the default of its read in ${s.span.file}`
            : `a literal in ${s.span.file}`;
      return {
        span: s.span,
        message: `${q(s.name)} has ${what} in ${where} (value hidden)`,
        found: `${s.length} characters`,
        expected: "no committed value; set it in Railway's variables",
        fix:
          s.origin === "env-file"
            ? `Rotate ${q(s.name)}, remove ${s.span.file} from git (\`git rm --cached\`), add it to .gitignore and set the value in Railway.`
            : `Rotate ${q(s.name)}, read it from the environment without a default and set the value in Railway.`,
      };
    }),
});
