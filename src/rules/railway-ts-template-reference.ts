import type { RuleContext } from "./context.js";
import { defineRule } from "./define-rule.js";

/**
 * A Railway reference `${{ Service.VAR }}` written inside a JavaScript template literal in
 * `.railway/railway.ts`: JavaScript evaluates `${…}` itself, so Railway never receives the reference
 * (railway-iac.md, references). Detected by the railway.ts reader, never by running the file.
 */
export default defineRule<RuleContext>({
  id: "railway-ts-template-reference",
  defaultSeverity: "error",
  summary: "A `${{…}}` Railway reference sits inside a JavaScript template literal in railway.ts",
  check: ({ svc }) =>
    svc.problems
      .filter((p) => p.diagnostic.code === "railway-ts-template-reference")
      .map((p) => ({
        span: p.diagnostic.span,
        message: p.diagnostic.message,
        found: "`${{…}}` inside backticks",
        expected: 'a plain string ("…${{Service.VAR}}…") or a reference helper',
        fix: p.diagnostic.fix ?? "Write the reference in an ordinary string.",
      })),
});
