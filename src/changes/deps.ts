/**
 * The dependency lists of one revision, file by file, taken from the per-service facts: requirements
 * files and their locks as the requirements parser read them, `pyproject.toml` dependency arrays
 * (PEP 621 `[project]`, PEP 735 `[dependency-groups]`, Poetry tables) through the PEP 508 parser, and
 * the `[[package]]` tables of `uv.lock`, `poetry.lock` and `pdm.lock`.
 */
import type { ServiceFacts } from "../facts/service.js";
import type { Span } from "../model/span.js";
import { exactPin } from "../python/pep440.js";
import { normalizeName } from "../python/pep503.js";
import { parseRequirement } from "../python/pep508.js";
import { joinPath, type Workspace } from "../repo/workspace.js";
import { type ConfigDoc, getPath, isRecord, type Path, parseTomlDoc } from "../sources/doc.js";

export type DepFileKind = "requirements" | "pyproject" | "toml-lock";

export interface DepEntry {
  /** Identity across revisions: group, normalised name and marker. */
  key: string;
  /** Normalised name (PEP 503), for matching against lock entries. */
  normalized: string;
  /** For display: the name as written, plus group or marker when they tell entries apart. */
  label: string;
  /** Exact pinned version, or null. */
  pinned: string | null;
  /** PEP 440 specifier text ("" when none; a lock's versions for lock entries). */
  specifier: string;
  url: string | null;
  /** What the entry asks for when not pinned: specifier, URL, or "any version". */
  wants: string;
  /** Everything that makes two entries equal: specifier, URL, extras. */
  signature: string;
  span: Span;
}

export interface DepFile {
  file: string;
  kind: DepFileKind;
  service: string;
  entries: DepEntry[];
}

/** Lock files of a pyproject-managed project, in the order tools are checked. */
export const PYPROJECT_LOCKS = ["uv.lock", "poetry.lock", "pdm.lock"];

/** Every dependency list of the revision, keyed by file. A file shared by services is listed once. */
export function collectDepFiles(services: readonly ServiceFacts[]): Map<string, DepFile> {
  const out = new Map<string, DepFile>();
  for (const svc of services) {
    for (const rf of svc.requirementFiles.values()) {
      if (out.has(rf.path)) continue;
      const entries: DepEntry[] = rf.requirements.map((r) => {
        const key = r.marker ? `${r.normalized}; ${r.marker}` : r.normalized;
        return {
          key,
          normalized: r.normalized,
          label: r.marker ? `${r.name}; ${r.marker}` : r.name,
          pinned: r.pinned,
          specifier: r.specifier,
          url: r.url,
          wants: r.url ?? (r.specifier || "any version"),
          signature: `${r.specifier}|${r.url ?? ""}|${r.extras.join(",")}`,
          span: r.span,
        };
      });
      out.set(rf.path, {
        file: rf.path,
        kind: "requirements",
        service: svc.display,
        entries: firstByKey(entries),
      });
    }
    const pyproject = joinPath(svc.root, "pyproject.toml");
    if (!out.has(pyproject)) {
      const doc = readToml(svc.ws, pyproject);
      if (doc)
        out.set(pyproject, {
          file: pyproject,
          kind: "pyproject",
          service: svc.display,
          entries: pyprojectDeps(doc),
        });
    }
    for (const name of PYPROJECT_LOCKS) {
      const lock = joinPath(svc.root, name);
      if (out.has(lock)) continue;
      const doc = readToml(svc.ws, lock);
      if (doc)
        out.set(lock, { file: lock, kind: "toml-lock", service: svc.display, entries: lockPackages(doc) });
    }
  }
  return out;
}

function readToml(ws: Workspace, file: string): ConfigDoc | null {
  if (!ws.isFile(file)) return null;
  const r = ws.read(file);
  if (r.kind !== "ok") return null;
  const doc = parseTomlDoc(file, r.text);
  return doc.value === null ? null : doc;
}

/** Duplicates within one list are the requirements-duplicate rule's business; the first one counts. */
function firstByKey(entries: DepEntry[]): DepEntry[] {
  const seen = new Set<string>();
  return entries.filter((e) => {
    if (seen.has(e.key)) return false;
    seen.add(e.key);
    return true;
  });
}

function pyprojectDeps(doc: ConfigDoc): DepEntry[] {
  const out: DepEntry[] = [];
  const pep508List = (path: Path, group: string | null) => {
    const list = getPath(doc.value, path);
    if (!Array.isArray(list)) return;
    list.forEach((item, i) => {
      if (typeof item !== "string") return; // `{ include-group = "..." }` in dependency groups
      const parsed = parseRequirement(item);
      if (!parsed.ok) return; // invalid PEP 508 text: the build fails on it, not a change to list
      const r = parsed.value;
      const normalized = normalizeName(r.name);
      const specifier = r.specifier;
      const span = doc.valueSpan([...path, i]) ?? doc.spanFor([...path, i]);
      out.push(entry(group, r.name, normalized, r.marker, specifier, r.url, r.extras, span));
    });
  };
  pep508List(["project", "dependencies"], null);
  for (const base of [["project", "optional-dependencies"], ["dependency-groups"]] as const) {
    const groups = getPath(doc.value, base);
    if (!isRecord(groups)) continue;
    for (const g of Object.keys(groups).sort()) pep508List([...base, g], g);
  }
  const poetryTable = (path: Path, group: string | null) => {
    const deps = getPath(doc.value, path);
    if (!isRecord(deps)) return;
    for (const [name, v] of Object.entries(deps)) {
      if (name.toLowerCase() === "python") continue;
      const spec =
        typeof v === "string" ? v : isRecord(v) && typeof v.version === "string" ? v.version : null;
      const url =
        isRecord(v) && typeof v.git === "string"
          ? v.git
          : isRecord(v) && typeof v.path === "string"
            ? v.path
            : isRecord(v) && typeof v.url === "string"
              ? v.url
              : null;
      // Poetry: a bare version ("1.2.3") is an exact pin; "*" is any version.
      const specifier = spec === null || spec === "*" ? "" : /^\d[\w.+!-]*$/.test(spec) ? `==${spec}` : spec;
      const extras =
        isRecord(v) && Array.isArray(v.extras) ? v.extras.filter((e) => typeof e === "string") : [];
      const span = doc.valueSpan([...path, name]) ?? doc.spanFor([...path, name]);
      out.push(entry(group, name, normalizeName(name), null, specifier, url, extras, span));
    }
  };
  poetryTable(["tool", "poetry", "dependencies"], null);
  poetryTable(["tool", "poetry", "dev-dependencies"], "dev");
  const groups = getPath(doc.value, ["tool", "poetry", "group"]);
  if (isRecord(groups)) {
    for (const g of Object.keys(groups).sort())
      poetryTable(["tool", "poetry", "group", g, "dependencies"], g);
  }
  return firstByKey(out);
}

function entry(
  group: string | null,
  name: string,
  normalized: string,
  marker: string | null,
  specifier: string,
  url: string | null,
  extras: string[],
  span: Span,
): DepEntry {
  const ex = extras.map(normalizeName).sort().join(",");
  const suffix = `${marker ? `; ${marker}` : ""}${group ? ` (${group})` : ""}`;
  return {
    key: `${group ?? ""}|${normalized}|${marker ?? ""}`,
    normalized,
    label: `${name}${suffix}`,
    pinned: url === null ? exactPin(specifier) : null,
    specifier,
    url,
    wants: url ?? (specifier || "any version"),
    signature: `${specifier}|${url ?? ""}|${ex}`,
    span,
  };
}

/** `[[package]]` name/version pairs; a package locked at several versions (forked resolution) is one entry. */
function lockPackages(doc: ConfigDoc): DepEntry[] {
  const list = getPath(doc.value, ["package"]);
  if (!Array.isArray(list)) return [];
  const byName = new Map<string, { name: string; versions: string[]; span: Span }>();
  list.forEach((p, i) => {
    if (!isRecord(p) || typeof p.name !== "string") return;
    const version = typeof p.version === "string" ? p.version : "";
    const normalized = normalizeName(p.name);
    const span = doc.valueSpan(["package", i, "version"]) ?? doc.spanFor(["package", i, "name"]);
    const cur = byName.get(normalized);
    if (cur) cur.versions.push(version);
    else byName.set(normalized, { name: p.name, versions: [version], span });
  });
  return [...byName.entries()].map(([normalized, v]) => {
    const versions = [...new Set(v.versions)].sort();
    const one = versions.length === 1 && versions[0] !== "" ? versions[0]! : null;
    return {
      key: normalized,
      normalized,
      label: v.name,
      pinned: one,
      specifier: one ? `==${one}` : "",
      url: null,
      wants: versions.filter((x) => x !== "").join(", ") || "any version",
      signature: versions.join(","),
      span: v.span,
    };
  });
}
