import { BUILDER_LABEL } from "../facts/builder.js";
import { installedPins } from "../facts/pins.js";
import { q } from "../model/quote.js";
import { isLookupError, releaseKey } from "../pypi/release.js";
import { satisfies } from "../python/pep440.js";
import type { RuleContext } from "./context.js";
import { defineRule, type Emit } from "./define-rule.js";

/**
 * A pinned release whose `requires_python` on PyPI (its Core Metadata `Requires-Python`) excludes the
 * Python the builder installs: pip refuses it ("Requires-Python … not in"), or a resolver falls back
 * to another release. Needs the opt-in PyPI look-ups (`pypi = true`); silent offline.
 */
export default defineRule<RuleContext>({
  id: "pin-requires-python",
  pythonBuild: true,
  defaultSeverity: "error",
  summary: "A pinned release's requires_python on PyPI excludes the deployed Python",
  check: ({ svc, pypi }) => {
    const eff = svc.python.selected;
    if (!pypi || !eff.parsed) return [];
    const { major, minor, patch } = eff.parsed;
    // A minor-only version (Nixpacks takes the patch from nixpkgs) passes if some patch of it would.
    const probes =
      patch !== null ? [`${major}.${minor}.${patch}`] : [`${major}.${minor}.0`, `${major}.${minor}.99`];
    const out: Emit[] = [];
    for (const r of installedPins(svc)) {
      const release = pypi.get(releaseKey(r.normalized, r.pinned));
      if (!release || isLookupError(release) || release.requiresPython === null) continue;
      const spec = release.requiresPython;
      if (probes.map((v) => satisfies(v, spec)).some((ok) => ok !== false)) continue;
      out.push({
        span: r.specSpan ?? r.span,
        ...(eff.isDefault ? { severity: "warning" as const } : {}),
        message: `\`${r.name}==${r.pinned}\` requires Python ${q(spec)} (its \`requires_python\` on PyPI), but ${BUILDER_LABEL[svc.builder.name]} will use Python ${q(eff.version)} (${eff.from})`,
        found: `${r.name}==${r.pinned} (requires_python ${spec})`,
        expected: `a release of ${r.name} whose requires_python allows Python ${major}.${minor}`,
        fix: `Pin a release of ${q(r.name)} whose \`requires_python\` allows Python ${major}.${minor}, or move every version file to a Python that satisfies ${q(spec)}.`,
        ...(eff.span ? { related: [eff.span] } : {}),
      });
    }
    return out;
  },
});
