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
        fix:
          pair.diff.kind === "compiled"
            ? `Recompile ${pair.lock} from ${pair.requirements} (e.g. \`pip-compile\` / \`uv pip compile\`) and commit both.`
            : `Add ${q(r.raw)} to ${pair.lock}, or regenerate the lock from ${pair.requirements}.`,
      })),
    ),
});
