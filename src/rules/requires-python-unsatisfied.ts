import { q } from "../model/quote.js";
import { satisfies } from "../python/pep440.js";
import type { RuleContext } from "./context.js";
import { defineRule } from "./define-rule.js";

/**
 * pyproject.toml `requires-python` (or Poetry's `python` constraint) must allow the Python the
 * builder installs. Neither Nixpacks nor Railpack reads `requires-python` to choose a version
 * (railway-nixpacks.md §1.2, §4), so nothing keeps them in step but this check; pip/uv refuse to
 * install the project on a Python it excludes.
 */
export default defineRule<RuleContext>({
  id: "requires-python-unsatisfied",
  pythonBuild: true,
  defaultSeverity: "error",
  summary: "pyproject.toml requires-python excludes the deployed Python",
  check: ({ svc }) => {
    const rp = svc.pyproject?.requiresPython;
    const eff = svc.python.selected;
    if (!rp || !eff.parsed) return [];
    // A minor-only version (Nixpacks ignores patches) passes if some patch of it would.
    const probes =
      eff.parsed.patch !== null
        ? [`${eff.parsed.major}.${eff.parsed.minor}.${eff.parsed.patch}`]
        : [`${eff.parsed.major}.${eff.parsed.minor}.0`, `${eff.parsed.major}.${eff.parsed.minor}.99`];
    const results = probes.map((v) => satisfies(v, rp.pep440));
    if (results.some((r) => r === null || r === true)) return [];
    return [
      {
        span: rp.span,
        ...(eff.isDefault ? { severity: "warning" as const } : {}),
        message: `${rp.span.file} requires Python ${q(rp.value)}, but ${eff.isDefault ? "the builder's default" : "the deployed"} Python is ${q(eff.version)} (${eff.from})`,
        found: eff.version ?? "",
        expected: rp.value,
        fix: "Make `requires-python` and the version files agree (change one of them).",
        ...(eff.span ? { related: [eff.span] } : {}),
      },
    ];
  },
});
