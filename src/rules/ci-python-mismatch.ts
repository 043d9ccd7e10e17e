import { q } from "../model/quote.js";
import { minorOf } from "../python/versions.js";
import type { RuleContext } from "./context.js";
import { defineRule } from "./define-rule.js";

/**
 * CI should test the Python the service deploys with: `actions/setup-python` versions (a literal or
 * a literal matrix) that never include the deployed minor mean the tests ran on another interpreter.
 * `python-version-file` steps follow the repository's file and are not reported.
 */
export default defineRule<RuleContext>({
  id: "ci-python-mismatch",
  defaultSeverity: "warning",
  summary: "CI tests a different Python from the one deployed",
  check: ({ svc }) => {
    const eff = svc.python.selected;
    if (!eff.parsed || eff.isDefault) return [];
    const steps = svc.ci.filter((s) => s.versions.length > 0);
    if (steps.length === 0 || svc.ci.some((s) => s.versionFile)) return [];
    const deployed = minorOf(eff.parsed);
    const tested = steps.flatMap((s) => s.versions);
    if (tested.some((v) => v.value === deployed || v.value.startsWith(`${deployed}.`))) return [];
    const first = tested[0]!;
    return [
      {
        span: first.span,
        message: `CI sets up Python ${tested.map((v) => `${q(v.value)}`).join(", ")} (actions/setup-python) but ${svc.display === "." ? "the service" : `service ${q(svc.display)}`} deploys Python ${q(eff.version)} (${eff.from})`,
        found: tested.map((v) => v.value).join(", "),
        expected: deployed,
        fix: "Test on the deployed version: `python-version-file: .python-version` keeps CI and the deploy in step.",
        ...(eff.span ? { related: [eff.span] } : {}),
      },
    ];
  },
});
