import { q } from "../model/quote.js";
import { KNOWN_BREAKING } from "../python/compat.js";
import { compareVersions } from "../python/pep440.js";
import type { RuleContext } from "./context.js";
import { defineRule, type Emit } from "./define-rule.js";

/**
 * A pinned package version that does not install on the Python the builder will use (curated table
 * in src/python/compat.ts, each entry with its source). The common way this bites: the Python falls
 * back to a builder default (Railpack 3.13) and an old C-extension pin no longer builds
 * (railway-nixpacks.md §7).
 */
export default defineRule<RuleContext>({
  id: "pin-python-incompatible",
  pythonBuild: true,
  defaultSeverity: "error",
  summary: "A pinned package does not install on the deployed Python",
  check: ({ svc }) => {
    const eff = svc.python.selected;
    if (!eff.parsed) return [];
    const target = [eff.parsed.major, eff.parsed.minor] as const;
    const out: Emit[] = [];
    const files = [
      ...svc.requirements,
      ...svc.lockPairs
        .filter((p) => svc.requirements.every((r) => r.path !== p.lock))
        .map((p) => ({ path: p.lock, requirements: p.locked })),
    ];
    const seen = new Set<string>();
    for (const f of files) {
      for (const r of f.requirements) {
        if (!r.pinned || seen.has(`${r.span.file}:${r.span.line}`)) continue;
        seen.add(`${r.span.file}:${r.span.line}`);
        for (const e of KNOWN_BREAKING) {
          if (e.package !== r.normalized) continue;
          const [maj, min] = e.python.split(".").map(Number) as [number, number];
          const breaks = target[0] > maj || (target[0] === maj && target[1] >= min);
          if (!breaks || compareVersions(r.pinned, e.below) >= 0) continue;
          out.push({
            span: r.specSpan ?? r.span,
            ...(eff.isDefault ? { severity: "warning" as const } : {}),
            message: `\`${r.name}==${r.pinned}\` ${e.why}, and ${svc.builder.name === "nixpacks" ? "Nixpacks" : svc.builder.name === "railpack" ? "Railpack" : "the Dockerfile"} will use Python ${q(eff.version)} (${eff.from})`,
            found: `${r.name}==${r.pinned}`,
            expected: `${r.name}>=${e.below} (source: ${e.source})`,
            fix: `Upgrade to \`${r.name}==${e.below}\` or newer, or pin Python below ${e.python} in every version file.`,
            ...(eff.span ? { related: [eff.span] } : {}),
          });
          break;
        }
      }
    }
    return out;
  },
});
