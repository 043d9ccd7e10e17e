/**
 * Which wheels a CPython on Linux x86_64 with glibc (the Nixpacks and Railpack images) can install.
 * Pure; implements the parts of these specifications that decide it:
 * - the wheel file name, PEP 427 / "Binary distribution format"
 *   (https://packaging.python.org/en/latest/specifications/binary-distribution-format/):
 *   `{distribution}-{version}(-{build tag})?-{python tag}-{abi tag}-{platform tag}.whl`;
 * - compatibility tags, PEP 425 / "Platform compatibility tags"
 *   (https://packaging.python.org/en/latest/specifications/platform-compatibility-tags/): each of the
 *   three tags may be a compressed tag set joined by `.` (`py2.py3`,
 *   `manylinux_2_17_x86_64.manylinux2014_x86_64`), and the wheel fits when one combination does;
 *   `abi3` is CPython's stable ABI (PEP 384), so `cp3X-abi3` runs on every CPython 3.Y with Y ≥ X;
 * - Linux platform tags, PEP 600 (https://peps.python.org/pep-0600/): `manylinux_X_Y_<arch>` runs on
 *   glibc ≥ X.Y; the legacy tags are aliases: `manylinux1` = `manylinux_2_5` (PEP 513),
 *   `manylinux2010` = `manylinux_2_12` (PEP 571), `manylinux2014` = `manylinux_2_17` (PEP 599).
 *   `musllinux_*` (PEP 656) is for musl (Alpine) and plain `linux_x86_64` is not portable (PyPI refuses
 *   it), so neither counts.
 * The accepted combinations follow the order pip's `packaging.tags.sys_tags()` yields for CPython:
 * `cpXY-cpXY-<plat>`, `cpXY-abi3-<plat>`, `cpXY-none-<plat>`, `cp3W-abi3-<plat>` (W < Y),
 * `py3Z-none-<plat>` / `py3-none-<plat>` (Z ≤ Y), and the same python tags with `none-any`.
 * Free-threaded (`cp313t`) and debug (`cp313d`) ABIs are other interpreters and do not count. glibc is
 * not capped: a `manylinux_2_39` wheel counts even on an older image.
 */

export interface WheelName {
  distribution: string;
  version: string;
  build: string | null;
  pythonTags: string[];
  abiTags: string[];
  platformTags: string[];
}

/** Splits a wheel file name into its parts; null when it is not a wheel file name. */
export function parseWheelFilename(filename: string): WheelName | null {
  if (!filename.toLowerCase().endsWith(".whl")) return null;
  const parts = filename.slice(0, -4).split("-");
  if (parts.length !== 5 && parts.length !== 6) return null;
  if (parts.some((p) => p === "")) return null;
  const [distribution, version] = parts as [string, string];
  const [py, abi, plat] = parts.slice(-3) as [string, string, string];
  return {
    distribution,
    version,
    build: parts.length === 6 ? parts[2]! : null,
    pythonTags: py.toLowerCase().split("."),
    abiTags: abi.toLowerCase().split("."),
    platformTags: plat.toLowerCase().split("."),
  };
}

const LEGACY_X86_64 = new Set(["manylinux1_x86_64", "manylinux2010_x86_64", "manylinux2014_x86_64"]);

/** A glibc Linux x86_64 platform tag: `manylinux_X_Y_x86_64` (PEP 600) or one of its legacy aliases. */
export function isManylinuxX8664(tag: string): boolean {
  return LEGACY_X86_64.has(tag) || /^manylinux_\d+_\d+_x86_64$/.test(tag);
}

/**
 * Whether pip on CPython `python` ("3.13"; a patch is ignored) on Linux x86_64 with glibc would
 * install this wheel. False for anything that is not a wheel file name.
 */
export function wheelSupports(filename: string, python: string): boolean {
  const w = parseWheelFilename(filename);
  const m = /^(\d+)\.(\d+)/.exec(python);
  if (!w || !m) return false;
  const major = Number(m[1]);
  const minor = Number(m[2]);
  const cp = `cp${major}${minor}`;
  const linux = w.platformTags.some(isManylinuxX8664);
  const any = w.platformTags.includes("any");
  /** `cp3W` / `py3W` with W ≤ the target minor; `py3` alone when `bare`. */
  const upTo = (tag: string, impl: "cp" | "py", bare: boolean): boolean => {
    if (bare && tag === `${impl}${major}`) return true;
    const t = new RegExp(`^${impl}${major}(\\d+)$`).exec(tag);
    return t !== null && Number(t[1]) <= minor;
  };
  for (const py of w.pythonTags) {
    for (const abi of w.abiTags) {
      if (py === cp && abi === cp && linux) return true;
      if (abi === "abi3" && upTo(py, "cp", false) && linux) return true;
      if (abi === "none" && py === cp && (linux || any)) return true;
      if (abi === "none" && upTo(py, "py", true) && (linux || any)) return true;
    }
  }
  return false;
}
