/**
 * Python versions as builders read them. Each function encodes one builder's documented or coded
 * behaviour and cites it (see ../shared/reference/railway-nixpacks.md for the research notes).
 */

export interface PyVersion {
  major: number;
  minor: number;
  /** null when the source gives only major.minor */
  patch: number | null;
}

export function formatVersion(v: PyVersion): string {
  return v.patch === null ? `${v.major}.${v.minor}` : `${v.major}.${v.minor}.${v.patch}`;
}

export function minorOf(v: PyVersion): string {
  return `${v.major}.${v.minor}`;
}

export function sameMinor(a: PyVersion, b: PyVersion): boolean {
  return a.major === b.major && a.minor === b.minor;
}

/** Strict `X.Y` or `X.Y.Z` (what Heroku and most humans mean). */
export function parseStrictVersion(s: string): PyVersion | null {
  const m = /^(\d+)\.(\d+)(?:\.(\d+))?$/.exec(s.trim());
  if (!m) return null;
  return { major: Number(m[1]), minor: Number(m[2]), patch: m[3] === undefined ? null : Number(m[3]) };
}

/**
 * Nixpacks' version regex, applied to the trimmed content of `.python-version`/`runtime.txt`.
 * railwayapp/nixpacks@f51d7fd5 src/providers/python.rs `get_nix_python_package()`:
 *   ^(?:[\sa-zA-Z-"']*)(\d*)(?:\.*)(\d*)(?:\.*\d*)(?:["']?)$
 * Only major and minor are captured; the patch is ignored. A non-match (comment lines, two lines,
 * `3.13t`, `>=3.11`, `3.11.*`) silently falls back to the default Python.
 */
const NIXPACKS_VERSION_RE = /^(?:[\sa-zA-Z-"']*)(\d*)(?:\.*)(\d*)(?:\.*\d*)(?:["']?)$/;

export function nixpacksReadVersion(content: string): { major: number; minor: number } | null {
  const m = NIXPACKS_VERSION_RE.exec(content.trim());
  // A bare major (`3`) has no minor to map, and the mapping below then falls back to the default.
  if (!m?.[1] || !m[2]) return null;
  return { major: Number(m[1]), minor: Number(m[2]) };
}

/**
 * Nixpacks' (major, minor) → nix package mapping (python.rs): 3.10–3.13 from archive bc8f8d1b,
 * 2.7/3.7–3.9 from the legacy archive; anything else silently becomes the default `python3`.
 */
const NIXPACKS_PACKAGES: Record<string, string> = {
  "3.13": "python313",
  "3.12": "python312",
  "3.11": "python311",
  "3.10": "python310",
  "3.9": "python39",
  "3.8": "python38",
  "3.7": "python37",
  "2.7": "python27",
};

export function nixpacksPackageFor(major: number, minor: number): string | null {
  return NIXPACKS_PACKAGES[`${major}.${minor}`] ?? null;
}

/** `python311` / `python3_11` / `python311Full` → 3.11; `python3` → null (unversioned default). */
export function versionOfNixPackage(pkg: string): { major: number; minor: number } | null {
  const m = /^python(\d)_?(\d{1,2})(?:Full|Minimal)?$/.exec(pkg);
  if (!m) return null;
  return { major: Number(m[1]), minor: Number(m[2]) };
}

/** A nix attribute that brings a Python interpreter (not a `pythonXYPackages.foo` library). */
export function isNixPythonInterpreter(pkg: string): boolean {
  return /^python(\d_?\d{0,2})?(?:Full|Minimal)?$/.test(pkg);
}

/** Nixpacks' default when no version is found (python.rs DEFAULT_PYTHON_PKG_NAME = "python3"). */
export const NIXPACKS_DEFAULT_DESCRIPTION = "nix `python3` from the pinned archive (documented as 3.11)";

/**
 * Railpack: DEFAULT_PYTHON_VERSION = "3.13" (railwayapp/railpack@b5e80580
 * core/providers/python/python.go; docs: "Defaults to 3.13.2"). Railway keeps the default a service
 * resolved on its first build, so an unpinned service's real version cannot be known from the repo.
 */
export const RAILPACK_DEFAULT_VERSION = "3.13";

/**
 * Railpack reads runtime.txt with utils.ExtractSemverVersion: the first `\d+(.\d+)?(.\d+)?`
 * anywhere in the file (python-3.11.9 → 3.11.9). Patch versions are honoured exactly.
 */
export function railpackReadRuntimeTxt(content: string): PyVersion | null {
  const m = /(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(content);
  if (!m) return null;
  return {
    major: Number(m[1]),
    minor: m[2] === undefined ? 0 : Number(m[2]),
    patch: m[3] === undefined ? null : Number(m[3]),
  };
}

/**
 * Railpack reads `.python-version` through mise: comment lines are skipped and the first version
 * line is used (railpack examples/python-pip has a comment line then `3.11.11`, expected 3.11.11).
 */
export function railpackReadPythonVersionFile(content: string): PyVersion | null {
  for (const line of content.split(/\r?\n/)) {
    const t = line.trim();
    if (t === "" || t.startsWith("#")) continue;
    return parseStrictVersion(t);
  }
  return null;
}

/**
 * Heroku (heroku/heroku-buildpack-python@b4e7e721 lib/python_version.sh): runtime.txt must match
 * `^python-(N.N|N.N.N)$`; `.python-version` must be exactly `N.N` or `N.N.N` (comment lines allowed).
 */
export function herokuReadRuntimeTxt(content: string): PyVersion | null {
  const m = /^python-(\d+\.\d+(?:\.\d+)?)$/.exec(content.trim());
  return m ? parseStrictVersion(m[1]!) : null;
}

/**
 * End-of-life dates of CPython minors (PEP 602 annual cycle; python.org devguide "Status of Python
 * versions"). 3.10 reached end of life in October 2026.
 */
const EOL: Record<string, string> = {
  "2.7": "2020-01-01",
  "3.6": "2021-12-23",
  "3.7": "2023-06-27",
  "3.8": "2024-10-07",
  "3.9": "2025-10-31",
  "3.10": "2026-10-31",
  "3.11": "2027-10-31",
  "3.12": "2028-10-31",
  "3.13": "2029-10-31",
  "3.14": "2030-10-31",
};

export function endOfLife(major: number, minor: number): string | null {
  return EOL[`${major}.${minor}`] ?? null;
}

/**
 * Railpack's fuzzy normalisation of the version string that won (resolveToFuzzyVersion,
 * https://github.com/railwayapp/railpack/blob/b5e80580/core/resolver/version.go), before
 * `mise latest python@<fuzzy>`: `""`, `*` and `latest` → the newest release; `>=3.11`, `>3.11`,
 * `^3.11` → the major only, `3`, i.e. the newest 3.x; `~3.11`, `v3.11`, `3.11.x` → `3.11`.
 * `version` is null when the result is "the newest release" of a line: which one depends on the day
 * of the build.
 */
export function railpackFuzzyVersion(raw: string): { version: PyVersion | null; note: string | null } {
  const t = raw.trim();
  if (t === "" || t === "*" || t.toLowerCase() === "latest")
    return { version: null, note: `\`${t || '""'}\` means the newest Python release at build time` };
  const range = /^(?:>=?|\^)\s*(\d+)(?:\.\d+)*(?:\s.*)?$/.exec(t);
  if (range)
    return {
      version: null,
      note: `Railpack turns \`${t}\` into \`${range[1]}\`: the newest Python ${range[1]}.x at build time, not ${t.replace(/^[>=^\s]+/, "")}`,
    };
  const m = /^[~v]?\s*(\d+)\.(\d+)(?:\.(\d+|x|\*))?$/.exec(t);
  if (!m) return { version: null, note: `Railpack cannot read \`${t}\` as a version` };
  const patch = m[3] === undefined || m[3] === "x" || m[3] === "*" ? null : Number(m[3]);
  const fuzzy = t !== `${m[1]}.${m[2]}${m[3] !== undefined ? `.${m[3]}` : ""}`;
  return {
    version: { major: Number(m[1]), minor: Number(m[2]), patch },
    note: fuzzy || m[3] === "x" || m[3] === "*" ? `Railpack reads \`${t}\` as \`${m[1]}.${m[2]}\`` : null,
  };
}
