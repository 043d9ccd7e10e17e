import { BUILDER_LABEL } from "../facts/builder.js";
import { q } from "../model/quote.js";
import { sameSpan } from "../model/span.js";
import { formatVersion, minorOf, sameMinor } from "../python/versions.js";
import type { RuleContext } from "./context.js";
import { defineRule, type Emit } from "./define-rule.js";

/**
 * Every stated Python version must agree with the one the selected builder installs: a different
 * minor is an error (another interpreter, other wheels), a different patch a warning (Nixpacks ignores
 * patches; Railpack and Docker honour them exactly — railway-nixpacks.md §1.2, §4). Under a Dockerfile
 * build no version file is read, so a different minor there is a warning, not a broken deploy.
 */
export default defineRule<RuleContext>({
  id: "python-version-mismatch",
  pythonBuild: true,
  defaultSeverity: "error",
  summary: "Files disagree on the Python version",
  check: ({ svc }) => {
    const eff = svc.python.selected;
    if (!eff.parsed || eff.isDefault) {
      // No effective version to compare with: compare the stated sources with each other.
      const stated = svc.python.sources.filter((s) => s.version);
      const ref = stated[0];
      if (!ref?.version) return [];
      return stated.slice(1).flatMap((s): Emit[] =>
        s.version && !sameMinor(s.version, ref.version!)
          ? [
              {
                span: s.span,
                message: `${s.file} states Python ${q(formatVersion(s.version))} but ${ref.file} states ${q(formatVersion(ref.version!))}`,
                found: formatVersion(s.version),
                expected: formatVersion(ref.version!),
                fix: `Make every file name the same Python version (${minorOf(ref.version!)}).`,
                related: [ref.span],
              },
            ]
          : [],
      );
    }
    const builder = BUILDER_LABEL[eff.builder];
    const out: Emit[] = [];
    for (const s of svc.python.sources) {
      if (!s.version || sameSpan(s.span, eff.span)) continue;
      const related = eff.span ? [eff.span] : [];
      if (!sameMinor(s.version, eff.parsed)) {
        // A Dockerfile build reads no version file: the deploy itself is not broken, but what local
        // tools and CI read from this file tests another Python than production runs.
        const dockerOnly = eff.builder === "dockerfile";
        out.push({
          span: s.span,
          ...(dockerOnly ? { severity: "warning" as const } : {}),
          message: dockerOnly
            ? `${s.file} states Python ${q(s.raw)} (${minorOf(s.version)}) but the Dockerfile, which does not read it, installs Python ${q(eff.version)} (from ${eff.from}); tools that read ${s.file} (pyenv, uv, CI) test another Python than production runs`
            : `${s.file} states Python ${q(s.raw)} (${minorOf(s.version)}) but ${builder} will install Python ${q(eff.version)} (from ${eff.from})`,
          found: formatVersion(s.version),
          expected: eff.version!,
          fix: `Set ${s.file} to ${minorOf(eff.parsed)}, or change the source ${builder} reads; all files must name one version.`,
          related,
        });
      } else if (
        s.version.patch !== null &&
        eff.parsed.patch !== null &&
        s.version.patch !== eff.parsed.patch
      ) {
        out.push({
          span: s.span,
          severity: "warning",
          message: `${s.file} states Python ${q(formatVersion(s.version))} but ${builder} will install ${q(eff.version)} (from ${eff.from}); the patch versions differ`,
          found: formatVersion(s.version),
          expected: eff.version!,
          fix: `Use the same patch version (${eff.version}) in every file.`,
          related,
        });
      }
    }
    return out;
  },
});
