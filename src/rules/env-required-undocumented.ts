import { declares, describeRead, isProvidedByPlatform } from "../facts/env-names.js";
import { q } from "../model/quote.js";
import { definiteValue } from "../sources/railway-iac/model/types.js";
import type { RuleContext } from "./context.js";
import { defineRule, type Emit } from "./define-rule.js";

/**
 * A variable the code cannot start without (a settings field with no default, `os.environ["X"]`,
 * `env("X")` without a default) that no `.env.example`-style file and no `.railway/railway.ts`
 * declares: the next deploy or the next developer has to guess it. Variables Railway sets itself
 * (`PORT`, `RAILWAY_*`) are exempt. When the service has no declaration file at all, one finding
 * lists every such variable. The files that document a service are its folder's examples and the
 * examples beside each dotenv file a settings class loads (`env_file`, resolved from where the
 * service runs). Reads in files a Dockerfile build leaves out of the image, and plain `$VAR` in
 * scripts (without `set -u`), make nothing required (see ../facts/env-scope.ts). When the IaC
 * file's env for the service cannot be followed (a dict comprehension, an unmodelled call), whether
 * it declares them is unknown: one notice says so instead of "documented nowhere".
 */
export default defineRule<RuleContext>({
  id: "env-required-undocumented",
  defaultSeverity: "warning",
  summary: "A required environment variable is not documented in .env.example or railway.ts/railway.py",
  check: ({ svc }) => {
    const env = svc.env;
    const missing = env.variables.filter(
      (v) => v.required && !isProvidedByPlatform(v.name) && !env.declarations.some((d) => declares(d, v)),
    );
    if (missing.length === 0) return [];
    // The IaC env is built in a way deploy-drift cannot follow (a comprehension, an unmodelled call):
    // it may declare them, so "documented nowhere" would be a guess. Said once, as unknown.
    const iac = svc.railwayTs;
    if (iac && !iac.envComplete) {
      const iacName = definiteValue(iac.name);
      return [
        {
          span: iac.span,
          severity: "notice",
          message: `The env of ${iacName ? `service ${q(iacName)}` : "this service"} in ${iac.span.file} is built in a way deploy-drift cannot follow, so whether it declares the ${missing.length} required variable${missing.length === 1 ? "" : "s"} the code reads is unknown: ${missing.map((v) => q(v.name)).join(", ")}`,
          found: "env not followed",
          expected: "an env written as a dict/object of literal names",
          fix: `Write the env as literal names (\`${iac.span.file.endsWith(".py") ? `"${missing[0]!.name}"` : missing[0]!.name}: preserve()\`), or list the variables in ${q(env.docFiles[0] ?? ".env.example")}.`,
          related: missing.map((v) => v.span),
        },
      ];
    }
    const where = [
      ...env.docFiles,
      // A Dockerfile ENV sets a value (it satisfies a read) but documents nothing.
      ...new Set(
        env.declarations
          .filter((d) => d.source !== "env-example" && d.source !== "dockerfile")
          .map((d) => d.span.file),
      ),
    ];
    // The dotenv file the settings load (`env_file`) is where its example belongs.
    const loaded = env.settingsEnvFiles.find((e) => e.files && e.files.length > 0);
    const defaultFile = `${svc.root === "" ? "" : `${svc.root}/`}.env`;
    const loadedFile = loaded?.files?.find((f) => f !== defaultFile) ?? null;
    const exampleName = loadedFile
      ? `${loadedFile}.example`
      : `${svc.root === "" ? "" : `${svc.root}/`}.env.example`;
    if (where.length === 0) {
      const names = missing.map((v) => `${q(v.name)}`).join(", ");
      const none = loadedFile
        ? `no example beside ${q(loadedFile)}, the \`env_file\` of \`${loaded!.owner}\`, and no railway.ts/railway.py`
        : "no .env.example, .env.sample, .env.template, railway.ts or railway.py";
      return [
        {
          span: missing[0]!.span,
          message: `${missing.length} required environment variable${missing.length === 1 ? " is" : "s are"} read by the code but documented nowhere (${none}): ${names}`,
          found: `${missing.length} undocumented`,
          expected: "every required variable listed in `.env.example`",
          fix: `Add ${q(exampleName)} listing ${missing.map((v) => `\`${v.name}=\``).join(", ")} (names only, no real values).`,
          related: missing.slice(1).map((v) => v.span),
        },
      ];
    }
    return missing.map(
      (v): Emit => ({
        span: v.span,
        message: `${q(v.name)} is required (${describeRead(v.reads[0]!)} has no default, so startup fails without it) but ${where.map((w) => `${q(w)}`).join(" and ")} ${where.length === 1 ? "does" : "do"} not declare it`,
        found: "not declared",
        expected: `${q(v.name)} in ${where[0]}`,
        fix: `Add \`${v.name}=\` to ${q(env.docFiles[0] ?? exampleName)}, or give the setting a default.`,
      }),
    );
  },
});
