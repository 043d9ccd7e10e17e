import { endOfLife } from "../python/versions.js";
import type { RuleContext } from "./context.js";
import { defineRule } from "./define-rule.js";

/** The deployed Python has reached end of life by the run's date (PEP 602 cycle; python.org status page). */
export default defineRule<RuleContext>({
  id: "python-end-of-life",
  pythonBuild: true,
  defaultSeverity: "warning",
  summary: "The deployed Python version no longer receives security fixes",
  check: ({ svc, today }) => {
    const eff = svc.python.selected;
    if (!eff.parsed) return [];
    const eol = endOfLife(eff.parsed.major, eff.parsed.minor);
    if (!eol || eol > today) return [];
    return [
      {
        span: eff.span,
        file: svc.display,
        message: `Python \`${eff.parsed.major}.${eff.parsed.minor}\` (from ${eff.from}) reached end of life on ${eol}`,
        found: `${eff.parsed.major}.${eff.parsed.minor}`,
        expected: "a supported Python (3.11 or newer)",
        fix: "Upgrade to a supported Python and update every version file together.",
      },
    ];
  },
});
