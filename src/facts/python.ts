/**
 * Which Python each builder will install, and every place the repository states a Python version.
 * Builder behaviour is from railway-nixpacks.md (§1.2 Nixpacks, §4 Railpack) with code citations in
 * src/python/versions.ts.
 */
import type { BuilderName } from "../model/report.js";
import type { Span } from "../model/span.js";
import {
  formatVersion,
  isNixPythonInterpreter,
  nixpacksPackageFor,
  nixpacksReadVersion,
  type PyVersion,
  parseStrictVersion,
  RAILPACK_DEFAULT_VERSION,
  railpackFuzzyVersion,
  railpackReadPythonVersionFile,
  railpackReadRuntimeTxt,
  versionOfNixPackage,
} from "../python/versions.js";
import type { ConfigDoc } from "../sources/doc.js";
import { getPath } from "../sources/doc.js";
import type { Dockerfile } from "../sources/dockerfile.js";
import type { LocatedList, NixpacksPlan } from "../sources/nixpacks.js";
import type { RailpackConfig } from "../sources/railpack.js";
import type { RequirementsFile } from "../sources/requirements/parse.js";
import type { ToolVersions, VersionFile } from "../sources/version-files.js";
import type { BuilderChoice } from "./builder.js";

export type SourceKind =
  | "runtime.txt"
  | ".python-version"
  | ".tool-versions"
  | "Pipfile"
  | "mise.toml"
  | "railpack.json"
  | "nixpacks-variable"
  | "nixpacks-nixpkgs"
  | "railway-nixpkgs";

export interface PythonSource {
  kind: SourceKind;
  file: string;
  span: Span;
  /** The text as written. */
  raw: string;
  /** The version this source states (null when unreadable). */
  version: PyVersion | null;
  format: string;
  /** Why the source could not be read, if it could not. */
  problem: string | null;
}

export interface EffectiveVersion {
  builder: BuilderName;
  /** e.g. "3.11" (Nixpacks: patch comes from nixpkgs) or "3.11.9" (Railpack: exact). */
  version: string | null;
  parsed: PyVersion | null;
  /** Human description of where it came from. */
  from: string;
  span: Span | null;
  /** True when the builder's default is used because nothing usable was found. */
  isDefault: boolean;
}

export interface NixpacksFileRead {
  source: PythonSource;
  /** The version Nixpacks reads (major.minor), or null when its regex does not match. */
  read: { major: number; minor: number } | null;
  /** null when the version maps to a nix package; otherwise why Nixpacks falls back to its default. */
  fallbackReason: string | null;
}

export interface PythonFacts {
  sources: PythonSource[];
  nixpacks: EffectiveVersion;
  /** The version file Nixpacks reads (its precedence picks exactly one), if any. */
  nixpacksFile: NixpacksFileRead | null;
  /** The setup-phase nixPkgs after merging provider → nixpacks.toml → railway nixpacksPlan. */
  nixPkgs: {
    /** The Python package the Nixpacks provider adds (`python311`, or the default `python3`). */
    providerPython: string;
    items: Array<{ value: string; span: Span | null }>;
    interpreters: Array<{ value: string; span: Span | null }>;
  };
  railpack: EffectiveVersion;
  /** From the final stage's `FROM python:X.Y…`, when a Dockerfile exists. */
  dockerfile: EffectiveVersion | null;
  selected: EffectiveVersion;
}

function tomlString(doc: ConfigDoc, path: string[]): { value: string; span: Span } | null {
  const v = getPath(doc.value, path);
  return typeof v === "string" ? { value: v, span: doc.valueSpan(path) ?? doc.spanFor(path) } : null;
}

/** The parsed files that state a Python version. */
export interface VersionInputs {
  runtimeTxt: VersionFile | null;
  pythonVersionFile: VersionFile | null;
  toolVersions: ToolVersions | null;
  pipfile: ConfigDoc | null;
  mise: ConfigDoc | null;
  railpack: RailpackConfig | null;
  nixpacks: NixpacksPlan | null;
  railwayPlan: NixpacksPlan | null;
}

/** Railpack-only inputs: the service variables railway.ts sets, and a `mise.lock`. */
export interface RailpackVersionInputs {
  /** `RAILPACK_PYTHON_VERSION` in the railway.ts / railway.py service's env, when a literal. */
  railpackEnv?: { value: string; span: Span } | null;
  /** `[tools.python] version` (or `[[tools.python]]`) of mise.lock, which pins what mise installs. */
  miseLock?: ConfigDoc | null;
}

export function collectSources(svc: VersionInputs): PythonSource[] {
  const out: PythonSource[] = [];
  const first = (f: VersionFile) => f.lines[0] ?? null;
  if (svc.runtimeTxt) {
    const l = first(svc.runtimeTxt);
    const raw = l?.value ?? "";
    const m = /^python-(.*)$/.exec(raw);
    const version = m ? parseStrictVersion(m[1]!) : null;
    out.push({
      kind: "runtime.txt",
      file: svc.runtimeTxt.file,
      span: l?.span ?? { file: svc.runtimeTxt.file, line: 1, column: 1 },
      raw,
      version,
      format: "`python-X.Y.Z` (Heroku/Nixpacks/Railpack)",
      problem:
        svc.runtimeTxt.lines.length === 0
          ? "file is empty"
          : svc.runtimeTxt.lines.length > 1
            ? "has more than one line"
            : version === null
              ? "is not of the form `python-X.Y` or `python-X.Y.Z`"
              : null,
    });
  }
  if (svc.pythonVersionFile) {
    const f = svc.pythonVersionFile;
    const l = first(f);
    const raw = l?.value ?? "";
    const version = l ? parseStrictVersion(raw) : null;
    out.push({
      kind: ".python-version",
      file: f.file,
      span: l?.span ?? { file: f.file, line: 1, column: 1 },
      raw,
      version,
      format: "`X.Y[.Z]` (pyenv)",
      problem:
        f.lines.length === 0
          ? "has no version line"
          : f.lines.length > 1
            ? "lists more than one version"
            : version === null
              ? "is not a plain `X.Y` or `X.Y.Z` version"
              : null,
    });
  }
  const tvPython = svc.toolVersions?.tools.get("python");
  if (svc.toolVersions && tvPython) {
    const raw = tvPython.value[0]!;
    const version = parseStrictVersion(raw);
    out.push({
      kind: ".tool-versions",
      file: svc.toolVersions.file,
      span: tvPython.span,
      raw,
      version,
      format: "asdf `python X.Y.Z`",
      problem: version === null ? "is not a plain `X.Y` or `X.Y.Z` version" : null,
    });
  }
  if (svc.pipfile?.value) {
    const s =
      tomlString(svc.pipfile, ["requires", "python_full_version"]) ??
      tomlString(svc.pipfile, ["requires", "python_version"]);
    if (s) {
      const version = parseStrictVersion(s.value);
      out.push({
        kind: "Pipfile",
        file: svc.pipfile.file,
        span: s.span,
        raw: s.value,
        version,
        format: "Pipfile `[requires]`",
        problem: version === null ? "is not a plain version" : null,
      });
    }
  }
  if (svc.mise?.value) {
    // mise `[tools] python = "3.12"` (also an array, first wins, or `{ version = "3.12" }`).
    const paths = [
      ["tools", "python"],
      ["tools", "python", 0],
      ["tools", "python", "version"],
    ];
    for (const path of paths) {
      const v = getPath(svc.mise.value, path);
      if (typeof v !== "string") continue;
      const version = parseStrictVersion(v);
      out.push({
        kind: "mise.toml",
        file: svc.mise.file,
        span: svc.mise.valueSpan(path) ?? svc.mise.spanFor(path),
        raw: v,
        version,
        format: "mise `[tools] python`",
        problem: version === null ? "is not a plain `X.Y` or `X.Y.Z` version" : null,
      });
      break;
    }
  }
  if (svc.railpack?.python) {
    const v = svc.railpack.python;
    const version = parseStrictVersion(v.value);
    out.push({
      kind: "railpack.json",
      file: svc.railpack.doc.file,
      span: v.span,
      raw: v.value,
      version,
      format: "railpack.json `packages.python`",
      problem: version === null ? "is not a plain `X.Y` or `X.Y.Z` version" : null,
    });
  }
  for (const [plan, kind] of [
    [svc.nixpacks, "nixpacks-nixpkgs"],
    [svc.railwayPlan, "railway-nixpkgs"],
  ] as const) {
    if (!plan) continue;
    for (const item of plan.phases.get("setup")?.lists.nixPkgs?.items ?? []) {
      const v = versionOfNixPackage(item.value);
      if (!v) continue;
      out.push({
        kind,
        file: plan.doc.file,
        span: item.span,
        raw: item.value,
        version: { ...v, patch: null },
        format: "Nix package",
        problem: null,
      });
    }
    const envVar = plan.variables.get("NIXPACKS_PYTHON_VERSION");
    if (envVar) {
      const r = nixpacksReadVersion(envVar.value);
      out.push({
        kind: "nixpacks-variable",
        file: plan.doc.file,
        span: envVar.span,
        raw: envVar.value,
        version: r ? { ...r, patch: null } : null,
        format: "`NIXPACKS_PYTHON_VERSION` variable",
        problem: r ? null : "is not a version Nixpacks can read",
      });
    }
  }
  return out;
}

/**
 * Nixpacks: NIXPACKS_PYTHON_VERSION, then `.python-version` > `runtime.txt` > `Pipfile` >
 * `.tool-versions` — an else-if chain in python.rs `get_nix_python_package()`. The variable is only
 * honoured when runtime.txt, Pipfile and .tool-versions are all absent (the else-if bug,
 * railway-nixpacks.md §1.2). Exactly one file is read; its content goes through the version regex.
 */
function nixpacksFile(
  sources: PythonSource[],
  svc: {
    runtimeTxt: VersionFile | null;
    pythonVersionFile: VersionFile | null;
    toolVersions: ToolVersions | null;
    pipfile: ConfigDoc | null;
  },
): NixpacksFileRead | null {
  const byKind = (k: SourceKind) => sources.find((s) => s.kind === k);
  const envVar = byKind("nixpacks-variable");
  let chosen: PythonSource | undefined;
  let content: string | undefined;
  if (!envVar && svc.pythonVersionFile) {
    chosen = byKind(".python-version");
    content = svc.pythonVersionFile.content;
  } else if (svc.runtimeTxt) {
    chosen = byKind("runtime.txt");
    content = svc.runtimeTxt.content;
  } else if (svc.pipfile) {
    chosen = byKind("Pipfile");
    content = chosen?.raw;
  } else if (svc.toolVersions) {
    const tv = byKind(".tool-versions");
    if (tv) {
      // .tool-versions' python entry is cut to x.y.
      chosen = tv;
      content = tv.raw;
    }
  }
  if (!chosen && envVar) {
    chosen = envVar;
    content = envVar.raw;
  }
  if (!chosen || content === undefined) return null;
  const read = nixpacksReadVersion(content);
  let fallbackReason: string | null = null;
  if (!read) {
    fallbackReason =
      chosen.kind === ".python-version" && svc.pythonVersionFile && svc.pythonVersionFile.comments.length > 0
        ? "Nixpacks reads the whole file with one regex; comment lines make it fall back to its default"
        : "Nixpacks' version regex does not match it, so it silently falls back to its default";
  } else if (!nixpacksPackageFor(read.major, read.minor)) {
    fallbackReason = `Nixpacks has no nix package for Python ${read.major}.${read.minor}; it silently falls back to its default`;
  }
  return { source: chosen, read, fallbackReason };
}

/** The Python version a mise.lock pins (`[tools.python] version`, or the first `[[tools.python]]`). */
function miseLockPython(doc: ConfigDoc | null): { version: PyVersion; span: Span; file: string } | null {
  if (!doc?.value) return null;
  for (const path of [
    ["tools", "python", "version"],
    ["tools", "python", 0, "version"],
  ]) {
    const v = getPath(doc.value, path);
    const version = typeof v === "string" ? parseStrictVersion(v) : null;
    if (version) return { version, span: doc.valueSpan(path) ?? doc.spanFor(path), file: doc.file };
  }
  return null;
}

/** Merges a list the way Nixpacks does (merge.rs): a later list replaces unless it holds "..."/"@auto". */
export function mergeList<T extends { value: string }>(
  earlier: T[],
  later: LocatedList | undefined,
): Array<T | { value: string; span: Span }> {
  if (!later) return earlier;
  const out: Array<T | { value: string; span: Span }> = [];
  for (const item of later.items) {
    if (item.value === "..." || item.value === "@auto") out.push(...earlier);
    else out.push(item);
  }
  return out;
}

export function derivePython(
  svc: VersionInputs &
    RailpackVersionInputs & {
      dockerfileParsed: Dockerfile | null;
      requirements: RequirementsFile[];
      builder: BuilderChoice;
    },
): PythonFacts {
  const sources = collectSources(svc);
  const nixRead = nixpacksFile(sources, svc);
  const providerPkg =
    nixRead?.read && !nixRead.fallbackReason
      ? nixpacksPackageFor(nixRead.read.major, nixRead.read.minor)!
      : "python3";
  // Provider setup phase: the Python package plus gcc, and postgresql_16.dev when the dependencies
  // mention psycopg (python.rs setup(); a lowercase substring search, railway-nixpacks.md §1.3).
  const usesPsycopg = svc.requirements.some((f) =>
    f.requirements.some((r) => r.normalized.includes("psycopg")),
  );
  const provider: Array<{ value: string; span: Span | null }> = [
    { value: providerPkg, span: nixRead?.source.span ?? null },
    { value: "gcc", span: null },
    ...(usesPsycopg ? [{ value: "postgresql_16.dev", span: null }] : []),
  ];
  const afterFile = mergeList(provider, svc.nixpacks?.phases.get("setup")?.lists.nixPkgs);
  const merged = mergeList(afterFile, svc.railwayPlan?.phases.get("setup")?.lists.nixPkgs);
  const interpreters = merged.filter((i) => isNixPythonInterpreter(i.value));

  let nixpacks: EffectiveVersion;
  const lastInterp = interpreters[interpreters.length - 1];
  const interpVersion = lastInterp ? versionOfNixPackage(lastInterp.value) : null;
  if (lastInterp && interpVersion) {
    const fromFile = lastInterp.span && lastInterp !== provider[0] ? lastInterp.span.file : null;
    nixpacks = {
      builder: "nixpacks",
      version: `${interpVersion.major}.${interpVersion.minor}`,
      parsed: { ...interpVersion, patch: null },
      from: fromFile
        ? `nix package \`${lastInterp.value}\` in ${fromFile}`
        : `${nixRead?.source.file ?? "?"} → nix \`${lastInterp.value}\` (patch from nixpkgs)`,
      span: lastInterp.span,
      isDefault: false,
    };
  } else if (lastInterp) {
    nixpacks = {
      builder: "nixpacks",
      version: null,
      parsed: null,
      from: nixRead?.fallbackReason
        ? `default nix \`python3\` (${nixRead.source.file} ignored: ${nixRead.fallbackReason})`
        : "default nix `python3` from the pinned archive (documented as 3.11)",
      span: nixRead?.source.span ?? null,
      isDefault: true,
    };
  } else {
    nixpacks = {
      builder: "nixpacks",
      version: null,
      parsed: null,
      from: "no Python interpreter in the merged `nixPkgs`",
      span: null,
      isDefault: false,
    };
  }

  // Railpack (core/providers/python/python.go, later steps override earlier): default 3.13 <
  // Pipfile < runtime.txt < mise files (.python-version, .tool-versions, mise.toml) < env.
  let railpack: EffectiveVersion = {
    builder: "railpack",
    version: RAILPACK_DEFAULT_VERSION,
    parsed: { major: 3, minor: 13, patch: null },
    from: "Railpack's default 3.13, which Railway keeps for a service once resolved",
    span: null,
    isDefault: true,
  };
  const setRailpack = (src: PythonSource | undefined, v: PyVersion | null) => {
    if (!src || !v) return;
    railpack = {
      builder: "railpack",
      version: formatVersion(v),
      parsed: v,
      from: src.file,
      span: src.span,
      isDefault: false,
    };
  };
  const byKind = (k: SourceKind) => sources.find((s) => s.kind === k);
  setRailpack(byKind("Pipfile"), byKind("Pipfile")?.version ?? null);
  if (svc.runtimeTxt) setRailpack(byKind("runtime.txt"), railpackReadRuntimeTxt(svc.runtimeTxt.content));
  setRailpack(byKind("mise.toml"), byKind("mise.toml")?.version ?? null);
  setRailpack(byKind(".tool-versions"), byKind(".tool-versions")?.version ?? null);
  if (svc.pythonVersionFile) {
    setRailpack(byKind(".python-version"), railpackReadPythonVersionFile(svc.pythonVersionFile.content));
  }
  // `latest` in a mise file is the newest release, unless mise.lock pins one (mise resolves both
  // before Railpack sees the version; https://mise.jdx.dev/dev-tools/mise-lock.html).
  // The mise file that wins, as above (.python-version last): `latest` there is the newest release.
  const miseWinner = [".python-version", ".tool-versions", "mise.toml"]
    .map((k) => byKind(k as SourceKind))
    .find((x) => x !== undefined);
  if (miseWinner && miseWinner.raw.trim().toLowerCase() === "latest") {
    const locked = miseLockPython(svc.miseLock ?? null);
    railpack = locked
      ? {
          builder: "railpack",
          version: formatVersion(locked.version),
          parsed: locked.version,
          from: `${miseWinner.file} \`latest\`, pinned by ${locked.file}`,
          span: locked.span,
          isDefault: false,
        }
      : {
          builder: "railpack",
          version: null,
          parsed: null,
          from: `${miseWinner.file}: \`latest\` means the newest Python release at build time`,
          span: miseWinner.span,
          isDefault: false,
        };
  }
  // RAILPACK_PYTHON_VERSION (a service variable, here from railway.ts/railway.py env) overrides the
  // mise files since Railpack v0.30.0 (https://github.com/railwayapp/railpack/releases/tag/v0.30.0);
  // the string then goes through Railpack's fuzzy normalisation.
  if (svc.railpackEnv) {
    const fz = railpackFuzzyVersion(svc.railpackEnv.value);
    railpack = {
      builder: "railpack",
      version: fz.version ? formatVersion(fz.version) : null,
      parsed: fz.version,
      from: `\`RAILPACK_PYTHON_VERSION\` in ${svc.railpackEnv.span.file}${fz.note ? ` (${fz.note})` : ""}`,
      span: svc.railpackEnv.span,
      isDefault: false,
    };
  }
  // railpack.json `packages.python` is applied after the provider (applyPackagesFromConfig), so it wins.
  setRailpack(byKind("railpack.json"), byKind("railpack.json")?.version ?? null);

  const from = svc.dockerfileParsed?.finalFrom ?? null;
  const dockerfile: EffectiveVersion | null = svc.dockerfileParsed
    ? {
        builder: "dockerfile",
        version: from?.python ? formatVersion(from.python) : null,
        parsed: from?.python ?? null,
        from: from
          ? `\`FROM ${from.image}\` in ${svc.dockerfileParsed.file}`
          : `no FROM in ${svc.dockerfileParsed.file}`,
        span: from?.span ?? null,
        isDefault: false,
      }
    : null;
  const selected =
    svc.builder.name === "nixpacks"
      ? nixpacks
      : svc.builder.name === "dockerfile" && dockerfile
        ? dockerfile
        : railpack;
  return {
    dockerfile,
    sources,
    nixpacks,
    nixpacksFile: nixRead,
    nixPkgs: { providerPython: providerPkg, items: merged, interpreters },
    railpack,
    selected,
  };
}
