import type { LockPair } from "../facts/locks.js";
import { q } from "../model/quote.js";
import type { RuleContext } from "./context.js";
import { defineRule } from "./define-rule.js";

/**
 * A declared requirement has no entry in its lock. Whatever installs from the lock will not install
 * it (or will resolve it fresh), so the deployed environment differs from the declared one. Blocks
 * merges by default.
 */
export default defineRule<RuleContext>({
  id: "lockfile-missing-package",
  defaultSeverity: "error",
  summary: "A requirement is missing from its lock file",
  check: ({ svc }) =>
    svc.lockPairs.flatMap((pair) =>
      pair.diff.missingInLock.map((r) => ({
        span: r.span,
        message: `${q(r.raw)} in ${r.span.file} is missing from ${pair.lock}`,
        found: "absent",
        expected: r.raw,
        // One fix for the pair: every requirement missing from one lock has the same remedy.
        fix: lockFix(pair),
      })),
    ),
});

/** Regenerate the lock, with the command its own header names when it has one. */
export function lockFix(pair: LockPair): string {
  if (pair.command)
    return `Regenerate ${pair.lock} with its header's command, ${q(pair.command)}, and commit both files.`;
  return pair.diff.kind === "compiled"
    ? `Recompile ${pair.lock} from ${pair.requirements} (e.g. \`uv pip compile ${pair.requirements} -o ${pair.lock}\`) and commit both.`
    : `Add the missing requirements to ${pair.lock}, or regenerate it from ${pair.requirements}, and commit both.`;
}
