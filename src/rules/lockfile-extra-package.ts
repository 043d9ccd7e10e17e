import { q } from "../model/quote.js";
import type { RuleContext } from "./context.js";
import { defineRule } from "./define-rule.js";

/** A mirror lock (same packages as its requirements file) holds a package the requirements do not. */
export default defineRule<RuleContext>({
  id: "lockfile-extra-package",
  defaultSeverity: "error",
  summary: "A mirror lock lists a package its requirements file does not",
  check: ({ svc }) =>
    svc.lockPairs.flatMap((pair) =>
      pair.diff.extraInLock.map((l) => ({
        span: l.span,
        message: `${q(l.raw)} is in ${pair.lock} but not in ${pair.requirements}`,
        found: l.raw,
        expected: "absent (the lock mirrors the requirements file)",
        fix: `Remove it from ${pair.lock}, or add it to ${pair.requirements} if the service needs it.`,
      })),
    ),
});
