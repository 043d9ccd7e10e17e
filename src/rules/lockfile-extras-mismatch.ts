import { q } from "../model/quote.js";
import type { RuleContext } from "./context.js";
import { defineRule } from "./define-rule.js";

/** A mirror lock drops extras the requirement asks for (e.g. `python-jose[cryptography]` → `python-jose`). */
export default defineRule<RuleContext>({
  id: "lockfile-extras-mismatch",
  defaultSeverity: "error",
  summary: "A mirror lock entry lacks extras its requirement asks for",
  check: ({ svc }) =>
    svc.lockPairs.flatMap((pair) =>
      pair.diff.extrasMismatch.map(({ req, lock }) => ({
        span: lock.span,
        message: `${pair.lock} has ${q(lock.raw)} without the extras \`[${req.extras.filter((e) => !lock.extras.includes(e)).join(",")}]\` that ${req.span.file} line ${req.span.line} asks for`,
        found: lock.raw,
        expected: req.raw,
        fix: `Write ${q(req.raw)} in ${pair.lock}.`,
        related: [req.span],
      })),
    ),
});
