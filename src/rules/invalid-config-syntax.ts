import { q } from "../model/quote.js";
import type { RuleContext } from "./context.js";
import { defineRule } from "./define-rule.js";

/** Parse errors in any deployment file: a builder that cannot parse a file fails or ignores it. */
export default defineRule<RuleContext>({
  id: "invalid-config-syntax",
  defaultSeverity: "error",
  summary: "A deployment file cannot be parsed",
  check: ({ svc }) =>
    svc.problems
      .filter((p) => p.kind === "syntax" && !p.diagnostic.code)
      .map((p) => {
        // A Dockerfile build never reads the Procfile or nixpacks config: broken ones are dead files.
        const dead =
          svc.builder.name === "dockerfile" && /(^|\/)(Procfile|nixpacks\.(toml|json))$/.test(p.file);
        const severity = dead ? "warning" : p.diagnostic.severity;
        return {
          span: p.diagnostic.span,
          message: p.diagnostic.message,
          fix: p.diagnostic.fix ?? `Fix the syntax of ${q(p.file)}.`,
          ...(severity ? { severity } : {}),
        };
      }),
});
