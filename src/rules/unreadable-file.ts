import type { RuleContext } from "./context.js";
import { defineRule } from "./define-rule.js";

/**
 * A deployment file that deploy-drift refused to read: a symlink or include that leaves the
 * repository, a file over the size cap, binary or non-UTF-8 content. Its content is never shown.
 */
export default defineRule<RuleContext>({
  id: "unreadable-file",
  defaultSeverity: "error",
  summary: "A deployment file points outside the repository or cannot be read as text",
  check: ({ svc }) =>
    svc.problems
      .filter((p) => p.kind === "unreadable")
      .map((p) => ({
        span: p.diagnostic.span,
        message: p.diagnostic.message,
        fix: p.diagnostic.fix ?? "Commit the file as UTF-8 text inside the repository.",
      })),
});
