/**
 * What deploy-drift keeps of one release on PyPI, and how it reads the PyPI JSON API's answer. Pure:
 * src/pypi/client.ts does the fetching; rules read these values from the rule context.
 *
 * The release endpoint is `GET {base}/{project}/{version}/json` (PyPI JSON API,
 * https://docs.pypi.org/api/json/, formerly warehouse.pypa.io/api-reference/json.html). Of its answer
 * deploy-drift reads:
 * - `info.requires_python`: the release's Core Metadata `Requires-Python`, a PEP 440 specifier set, or
 *   null / "" when the release states none;
 * - `info.yanked`: whether the release is yanked (PEP 592);
 * - `urls[]`: the release's files, each with `filename`, `packagetype` (`"bdist_wheel"`, `"sdist"`, …),
 *   `python_version` (a wheel's python tag such as `"cp313"` or `"py3"`; `"source"` for an sdist) and
 *   `yanked`.
 */
import { normalizeName } from "../python/pep503.js";

export interface ReleaseFile {
  filename: string;
  /** `"bdist_wheel"`, `"sdist"`, or an old format (`"bdist_egg"`, `"bdist_wininst"`). */
  packagetype: string;
  /** The wheel's python tag (`"cp313"`, `"py3"`, `"py2.py3"`), `"source"` for an sdist. */
  pythonVersion: string;
  yanked: boolean;
}

export interface ReleaseInfo {
  /** The project name as PyPI spells it. */
  name: string;
  version: string;
  /** PEP 440 specifier set, or null when the release states none. */
  requiresPython: string | null;
  yanked: boolean;
  files: ReleaseFile[];
}

/** A look-up that gave no release: the index could not be reached, timed out, or has no such release. */
export interface LookupError {
  error: string;
}

export type PypiLookup = ReleaseInfo | LookupError;

/** Look-up results keyed by `releaseKey(name, version)`; every pin that was looked up has an entry. */
export type PypiReleases = ReadonlyMap<string, PypiLookup>;

/** The key of a pin in `PypiReleases`: the PEP 503 normalised name and the version as pinned. */
export function releaseKey(name: string, version: string): string {
  return `${normalizeName(name)}==${version}`;
}

export function isLookupError(l: PypiLookup): l is LookupError {
  return "error" in l;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Reads a release endpoint answer (or the trimmed copy `toReleaseJson` makes for the cache). Returns
 * null when it is not one: no `info` object with `name` and `version`, or no `urls` array.
 */
export function parseRelease(json: unknown): ReleaseInfo | null {
  if (!isRecord(json)) return null;
  const info = json.info;
  const urls = json.urls;
  if (!isRecord(info) || !Array.isArray(urls)) return null;
  const name = typeof info.name === "string" ? info.name : null;
  const version = typeof info.version === "string" ? info.version : null;
  if (name === null || version === null) return null;
  const rp = typeof info.requires_python === "string" ? info.requires_python.trim() : "";
  const files: ReleaseFile[] = [];
  for (const u of urls) {
    if (!isRecord(u) || typeof u.filename !== "string") continue;
    files.push({
      filename: u.filename,
      packagetype: typeof u.packagetype === "string" ? u.packagetype : "",
      pythonVersion: typeof u.python_version === "string" ? u.python_version : "",
      yanked: u.yanked === true,
    });
  }
  return { name, version, requiresPython: rp === "" ? null : rp, yanked: info.yanked === true, files };
}

/** The fields `parseRelease` reads, in the endpoint's own shape: what the cache stores. */
export function toReleaseJson(r: ReleaseInfo): unknown {
  return {
    info: { name: r.name, version: r.version, requires_python: r.requiresPython, yanked: r.yanked },
    urls: r.files.map((f) => ({
      filename: f.filename,
      packagetype: f.packagetype,
      python_version: f.pythonVersion,
      yanked: f.yanked,
    })),
  };
}

/** The release endpoint's URL for a pin under `baseUrl` (e.g. `https://pypi.org/pypi`). */
export function releaseUrl(baseUrl: string, name: string, version: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/${encodeURIComponent(normalizeName(name))}/${encodeURIComponent(version)}/json`;
}
