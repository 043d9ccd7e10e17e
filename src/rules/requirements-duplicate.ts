import { findDuplicates } from "../facts/lock.js";
import type { RuleContext } from "./context.js";
import { defineRule } from "./define-rule.js";

/**
 * The same package twice in one requirements file (same environment markers). pip refuses
 * conflicting double requirements ("Double requirement given"); identical ones are noise.
 */
export default defineRule<RuleContext>({
  id: "requirements-duplicate",
  defaultSeverity: "error",
  summary: "A requirements file lists the same package twice",
  check: ({ svc }) =>
    [...svc.requirementFiles.values()].flatMap((file) =>
      findDuplicates(file.requirements).map(({ first, second, conflicting }) => ({
        span: second.span,
        severity: conflicting ? ("error" as const) : ("warning" as const),
        message: conflicting
          ? `\`${second.raw}\` conflicts with \`${first.raw}\` on line ${first.span.line} of ${file.path}`
          : `\`${second.raw}\` repeats line ${first.span.line} of ${file.path}`,
        found: second.raw,
        expected: first.raw,
        fix: "Keep one entry per package.",
        related: [first.span],
      })),
    ),
});
