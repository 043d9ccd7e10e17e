import { q } from "../model/quote.js";
import type { RuleContext } from "./context.js";
import { defineRule } from "./define-rule.js";

/**
 * The lock pins a version the requirement does not allow (compiled lock) or a different pin (mirror
 * lock): the lock and the requirements describe different environments.
 */
export default defineRule<RuleContext>({
  id: "lockfile-version-mismatch",
  defaultSeverity: "error",
  summary: "A lock entry's version disagrees with its requirement",
  check: ({ svc }) =>
    svc.lockPairs.flatMap((pair) =>
      pair.diff.versionMismatch.map(({ req, lock, reason }) => ({
        span: lock.span,
        message: `${pair.lock} has ${q(lock.raw)} but ${req.span.file} line ${req.span.line} asks for ${q(req.raw)} (${reason})`,
        found: lock.raw,
        expected: req.raw,
        fix:
          pair.diff.kind === "compiled"
            ? `Recompile ${pair.lock} from ${pair.requirements}.`
            : `Make both files pin the same version.`,
        related: [req.span],
      })),
    ),
});
