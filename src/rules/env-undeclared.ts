import { declares, describeRead, isProvidedByPlatform } from "../facts/env-names.js";
import { q } from "../model/quote.js";
import type { RuleContext } from "./context.js";
import { defineRule, type Emit } from "./define-rule.js";

/**
 * An optional variable the code reads (it has a default) that no `.env.example`-style file and no
 * railway.ts declares: nobody reading the docs learns the knob exists. Required variables are
 * `env-required-undocumented`'s job; `PORT` and `RAILWAY_*` are set by Railway. Without any
 * declaration file, one finding lists them all.
 */
export default defineRule<RuleContext>({
  id: "env-undeclared",
  defaultSeverity: "notice",
  summary: "An environment variable read by the code is declared nowhere",
  check: ({ svc }) => {
    const env = svc.env;
    const missing = env.variables.filter(
      (v) => !v.required && !isProvidedByPlatform(v.name) && !env.declarations.some((d) => declares(d, v)),
    );
    // An IaC env deploy-drift cannot follow may declare them (env-required-undocumented says so once).
    if (missing.length === 0 || (svc.railwayTs && !svc.railwayTs.envComplete)) return [];
    if (env.docFiles.length === 0 && env.declarations.every((d) => d.source === "dockerfile")) {
      return [
        {
          span: missing[0]!.span,
          message: `${missing.length} optional environment variable${missing.length === 1 ? " is" : "s are"} read by the code and declared nowhere: ${missing.map((v) => `${q(v.name)}`).join(", ")}`,
          found: `${missing.length} undeclared`,
          expected: "each variable in `.env.example` (commented out when optional)",
          fix: `List them in \`.env.example\`, e.g. \`# ${missing[0]!.name}=\`, so their defaults can be overridden knowingly.`,
          related: missing.slice(1).map((v) => v.span),
        },
      ];
    }
    return missing.map(
      (v): Emit => ({
        span: v.span,
        message: `${q(v.name)} is read by ${describeRead(v.reads[0]!)} (default ${v.default === null ? "none" : `${q(v.default)}`}) but declared nowhere`,
        found: "undeclared",
        expected: `${q(v.name)} in ${env.docFiles[0] ?? "`.env.example`"}`,
        fix: `Add \`# ${v.name}=\` to ${q(env.docFiles[0] ?? ".env.example")}.`,
      }),
    );
  },
});
