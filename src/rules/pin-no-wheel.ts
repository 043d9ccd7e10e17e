import { installedPins } from "../facts/pins.js";
import { q } from "../model/quote.js";
import { isLookupError, releaseKey } from "../pypi/release.js";
import { parseWheelFilename, wheelSupports } from "../pypi/wheels.js";
import type { RuleContext } from "./context.js";
import { defineRule, type Emit } from "./define-rule.js";

/**
 * A pinned release with no wheel on PyPI for the deployed CPython on Linux x86_64 with glibc (the
 * Nixpacks and Railpack images; tag rules in src/pypi/wheels.ts): pip builds it from its source
 * distribution, which needs a compiler and the C headers it builds against. Nixpacks' setup phase
 * always has gcc; Railpack's slim builder may lack the headers (railway-nixpacks.md §1.3, §7). With
 * neither a wheel nor an sdist, pip cannot install it at all (an error). Dockerfile services choose
 * their own image (and maybe musl), so they are not checked. Needs the opt-in PyPI look-ups.
 */
export default defineRule<RuleContext>({
  id: "pin-no-wheel",
  pythonBuild: true,
  defaultSeverity: "warning",
  summary: "A pinned release has no wheel for the deployed CPython on Linux x86_64, so it builds from source",
  check: ({ svc, pypi }) => {
    const eff = svc.python.selected;
    const builder = svc.builder.name;
    if (!pypi || !eff.parsed || builder === "dockerfile") return [];
    const python = `${eff.parsed.major}.${eff.parsed.minor}`;
    const cp = `cp${eff.parsed.major}${eff.parsed.minor}`;
    const out: Emit[] = [];
    for (const r of installedPins(svc)) {
      const release = pypi.get(releaseKey(r.normalized, r.pinned));
      if (!release || isLookupError(release) || release.files.length === 0) continue;
      const wheels = release.files.filter((f) => f.filename.toLowerCase().endsWith(".whl"));
      if (wheels.some((f) => wheelSupports(f.filename, python))) continue;
      const hasSdist = release.files.some((f) => f.packagetype === "sdist");
      const pin = `${r.name}==${r.pinned}`;
      const noWheel = `${q(pin)} has no wheel for CPython ${python} on Linux x86_64 on PyPI`;
      const base = {
        span: r.specSpan ?? r.span,
        found: pin,
        expected: `a ${cp}, abi3 or py3-none-any wheel for manylinux x86_64`,
        ...(eff.span ? { related: [eff.span] } : {}),
      };
      if (!hasSdist) {
        out.push({
          ...base,
          severity: eff.isDefault ? "warning" : "error",
          message: `${noWheel}${wheels.length ? ` (it has wheels for ${tagList(wheels)})` : ""} and no source distribution: pip cannot install it on Python ${q(eff.version)} (${eff.from})`,
          fix: `Pin a release of ${q(r.name)} with a ${q(cp)} (or \`abi3\`, or \`py3-none-any\`) wheel, or use a Python it has wheels for.`,
        });
        continue;
      }
      const has = wheels.length === 0 ? "only a source distribution" : `wheels for ${tagList(wheels)}`;
      out.push({
        ...base,
        message: `${noWheel} (it has ${has}), so on Python ${q(eff.version)} (${eff.from}) it builds from source; needs a compiler and headers, and ${
          builder === "railpack"
            ? "Railpack's slim image may lack the headers"
            : "Nixpacks installs gcc, but the headers of the C library it builds against may be missing"
        }`,
        fix: `Pin a release of ${q(r.name)} with a ${q(cp)} (or \`abi3\`) manylinux wheel, or install what the build needs: ${
          builder === "railpack"
            ? "`buildAptPackages` in railpack.json (or `RAILPACK_BUILD_APT_PACKAGES`) with the compiler and the library's `-dev` package, and the runtime library in `deploy.aptPackages`"
            : "the library's headers in `nixPkgs` or `aptPkgs` of nixpacks.toml's `[phases.setup]` (keep `\"...\"` so gcc and Python stay)"
        }.`,
      });
    }
    return out;
  },
});

/** The python tags the release has wheels for, in version order: `cp38`, `cp39`, …, `cp312`. */
function tagList(wheels: Array<{ filename: string }>): string {
  const tags = new Set<string>();
  for (const w of wheels) for (const t of parseWheelFilename(w.filename)?.pythonTags ?? []) tags.add(t);
  const key = (t: string) => {
    const m = /^([a-z]+)(\d)(\d*)$/.exec(t);
    return m ? ([m[1]!, Number(m[2]), m[3] === "" ? -1 : Number(m[3])] as const) : ([t, 0, 0] as const);
  };
  const sorted = [...tags].sort((a, b) => {
    const [ia, ma, na] = key(a);
    const [ib, mb, nb] = key(b);
    return ia !== ib ? (ia < ib ? -1 : 1) : ma - mb || na - nb;
  });
  const shown = sorted.slice(0, 8).map((t) => `${q(t)}`);
  return sorted.length > 8 ? `${shown.join(", ")} and ${sorted.length - 8} more` : shown.join(", ");
}
