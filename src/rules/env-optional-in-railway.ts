import { declares, isProvidedByPlatform } from "../facts/env-names.js";
import { q } from "../model/quote.js";
import type { RuleContext } from "./context.js";
import { defineRule, type Emit } from "./define-rule.js";

/**
 * A variable the code cannot start without, declared `isOptional: true` in `.railway/railway.ts`:
 * Railway lets the environment come up without it, and the service then crashes on boot. The
 * railway.ts declarations reach `svc.env.declarations` through `collectEnv`'s `railwayTs` argument;
 * without them this rule has nothing to compare.
 */
export default defineRule<RuleContext>({
  id: "env-optional-in-railway",
  defaultSeverity: "warning",
  summary: "A variable the code requires is optional in railway.ts/railway.py",
  check: ({ svc }) => {
    const out: Emit[] = [];
    for (const d of svc.env.declarations) {
      if (d.source !== "railway.ts" || d.optional !== true) continue;
      const v = svc.env.variables.find((x) => x.required && declares(d, x));
      if (!v || isProvidedByPlatform(v.name)) continue;
      out.push({
        span: d.span,
        message: `${q(d.name)} is \`isOptional: true\` in ${d.span.file}, but ${v.span.file}:${v.span.line} reads it without a default, so the service fails to start when it is unset`,
        found: "isOptional: true",
        expected: "required (no `isOptional`), or a default in the code",
        fix: `Drop \`isOptional\` for ${q(d.name)} in ${q(d.span.file)}, or give the setting a default.`,
        related: [v.span],
      });
    }
    return out;
  },
});
