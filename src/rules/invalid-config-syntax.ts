import type { RuleContext } from "./context.js";
import { defineRule } from "./define-rule.js";

/** Parse errors in any deployment file: a builder that cannot parse a file fails or ignores it. */
export default defineRule<RuleContext>({
  id: "invalid-config-syntax",
  defaultSeverity: "error",
  summary: "A deployment file cannot be parsed",
  check: ({ svc }) =>
    svc.problems
      .filter((p) => p.kind === "syntax")
      .map((p) => ({
        span: p.diagnostic.span,
        message: p.diagnostic.message,
        fix: p.diagnostic.fix ?? `Fix the syntax of \`${p.file}\`.`,
        ...(p.diagnostic.severity ? { severity: p.diagnostic.severity } : {}),
      })),
});
