import { findDuplicates } from "../facts/lock.js";
import { q } from "../model/quote.js";
import type { Requirement } from "../sources/requirements/parse.js";
import type { RuleContext } from "./context.js";
import { defineRule } from "./define-rule.js";

/**
 * The same package twice in one requirements file (same environment markers). pip's resolver merges
 * repeated requirements (extras are unioned, specifiers intersected): two different exact pins can
 * never install (error); differing ranges hide the real constraint (warning); identical lines or
 * extras-only differences are noise (notice).
 */
export function duplicateKind(
  a: Requirement,
  b: Requirement,
  conflicting: boolean,
): "conflict" | "range" | "extras" | "same" {
  if (!conflicting) return "same";
  if (a.pinned !== null && b.pinned !== null && a.pinned !== b.pinned) return "conflict";
  if (a.specifier !== b.specifier || a.url !== b.url) return "range";
  return "extras";
}
export default defineRule<RuleContext>({
  id: "requirements-duplicate",
  defaultSeverity: "error",
  summary: "A requirements file lists the same package twice",
  check: ({ svc }) =>
    [...svc.requirementFiles.values()].flatMap((file) =>
      findDuplicates(file.requirements).map(({ first, second, conflicting }) => {
        const kind = duplicateKind(first, second, conflicting);
        return {
          span: second.span,
          severity:
            kind === "conflict"
              ? ("error" as const)
              : kind === "range"
                ? ("warning" as const)
                : ("notice" as const),
          message:
            kind === "conflict"
              ? `${q(second.raw)} conflicts with ${q(first.raw)} on line ${first.span.line} of ${file.path}: no version satisfies both`
              : kind === "range"
                ? `${q(second.raw)} repeats ${q(first.raw)} (line ${first.span.line}) with another specifier; pip combines both, so the effective constraint is hidden`
                : `${q(second.raw)} repeats line ${first.span.line} of ${file.path}${kind === "extras" ? " with other extras" : ""}`,
          found: second.raw,
          expected: first.raw,
          fix: "Keep one entry per package (with all the extras it needs).",
          related: [first.span],
        };
      }),
    ),
});
