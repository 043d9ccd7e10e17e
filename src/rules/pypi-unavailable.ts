import { q } from "../model/quote.js";
import { isLookupError } from "../pypi/release.js";
import type { RuleContext } from "./context.js";
import { defineRule } from "./define-rule.js";

const SHOWN = 3;

/**
 * The opt-in PyPI look-ups (`pypi = true`, `--pypi`) failed for some pins: no network, a timeout, an
 * HTTP error, or an index without that release. Those pins were checked offline only (the curated
 * table of pin-python-incompatible still applies). Reported once per run: the look-ups are run-wide,
 * so every service emits the same finding and the engine's deduplication keeps one.
 */
export default defineRule<RuleContext>({
  id: "pypi-unavailable",
  defaultSeverity: "notice",
  summary: "PyPI look-ups failed, so pins were checked offline only",
  check: ({ pypi }) => {
    if (!pypi) return [];
    const failed = [...pypi].flatMap(([key, l]) => (isLookupError(l) ? [`${q(key)}: ${l.error}`] : []));
    if (failed.length === 0) return [];
    const more = failed.length > SHOWN ? `; and ${failed.length - SHOWN} more` : "";
    return [
      {
        span: null,
        file: ".",
        message: `${
          failed.length < pypi.size
            ? `${failed.length} of ${pypi.size} PyPI look-ups failed`
            : pypi.size === 1
              ? "The PyPI look-up failed"
              : `All ${pypi.size} PyPI look-ups failed`
        } (${failed.slice(0, SHOWN).join("; ")}${more}); pins without an answer were checked offline only`,
        found: `${failed.length} failed look-up${failed.length === 1 ? "" : "s"}`,
        expected: "an answer from the index for every pin",
        fix: "Let the runner reach `pypi-url` (default https://pypi.org/pypi), or point `pypi-url` at a mirror that has these releases; set `pypi = false` to run offline on purpose.",
      },
    ];
  },
});
