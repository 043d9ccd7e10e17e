/**
 * `nixpacks.toml` / `nixpacks.json`, and the same plan shape inside railway.json `build.nixpacksPlan`.
 * Schema: railwayapp/nixpacks@f51d7fd5 src/nixpacks/plan/mod.rs and phase.rs (serde camelCase, no
 * deny_unknown_fields — unknown keys are silently ignored by Nixpacks, which is why we report them).
 */
import type { Located, Span } from "../model/span.js";
import { type ConfigDoc, getPath, isRecord, type Path } from "./doc.js";
import type { FieldSpec } from "./schema.js";

const LIST: FieldSpec = { type: "string[]" };

export const PHASE_SPEC: FieldSpec = {
  type: "object",
  fields: {
    name: { type: "string" },
    dependsOn: LIST,
    nixPkgs: LIST,
    nixLibs: LIST,
    nixOverlays: LIST,
    nixpkgsArchive: { type: "string" },
    aptPkgs: LIST,
    cmds: LIST,
    onlyIncludeFiles: LIST,
    cacheDirectories: LIST,
    paths: LIST,
  },
  // serde aliases in phase.rs
  aliases: {
    nixPackages: "nixPkgs",
    nixLibraries: "nixLibs",
    aptPackages: "aptPkgs",
    commands: "cmds",
    envPaths: "paths",
  },
};

export const NIXPACKS_SPEC: FieldSpec = {
  type: "object",
  fields: {
    $schema: { type: "string" },
    providers: LIST,
    buildImage: { type: "string" },
    variables: { type: "map", of: { type: "any" } },
    staticAssets: { type: "map", of: { type: "string" } },
    phases: { type: "map", of: PHASE_SPEC },
    start: {
      type: "object",
      fields: {
        cmd: { type: "string" },
        runImage: { type: "string" },
        onlyIncludeFiles: LIST,
        user: { type: "string" },
      },
    },
  },
};

export interface LocatedList {
  /** Span of the key that holds the list. */
  span: Span;
  items: Array<Located<string>>;
  /** Contains `"..."` or `"@auto"`, which splice in the lower-priority list (utils.rs fill_auto_in_vec). */
  extends: boolean;
}

export type PhaseList = "nixPkgs" | "nixLibs" | "aptPkgs" | "cmds";

export interface NixpacksPhase {
  name: string;
  span: Span;
  lists: Partial<Record<PhaseList, LocatedList>>;
}

/** A Nixpacks plan read from a document, rooted at `base` (empty for nixpacks.toml). */
export interface NixpacksPlan {
  doc: ConfigDoc;
  base: Path;
  phases: Map<string, NixpacksPhase>;
  startCmd: Located<string> | null;
  variables: Map<string, Located<string>>;
  providers: LocatedList | null;
}

const LIST_ALIASES: Record<PhaseList, string[]> = {
  nixPkgs: ["nixPkgs", "nixPackages"],
  nixLibs: ["nixLibs", "nixLibraries"],
  aptPkgs: ["aptPkgs", "aptPackages"],
  cmds: ["cmds", "commands"],
};

export function readList(doc: ConfigDoc, path: Path): LocatedList | null {
  const v = getPath(doc.value, path);
  if (!Array.isArray(v)) return null;
  const items: Array<Located<string>> = [];
  v.forEach((item, i) => {
    if (typeof item === "string")
      items.push({ value: item, span: doc.valueSpan([...path, i]) ?? doc.spanFor(path) });
  });
  return {
    span: doc.keySpan(path) ?? doc.spanFor(path),
    items,
    extends: items.some((i) => i.value === "..." || i.value === "@auto"),
  };
}

export function readString(doc: ConfigDoc, path: Path): Located<string> | null {
  const v = getPath(doc.value, path);
  if (typeof v !== "string") return null;
  return { value: v, span: doc.valueSpan(path) ?? doc.spanFor(path) };
}

export function readPlan(doc: ConfigDoc, base: Path = []): NixpacksPlan {
  const root = getPath(doc.value, base);
  const phases = new Map<string, NixpacksPhase>();
  const variables = new Map<string, Located<string>>();
  const plan: NixpacksPlan = { doc, base, phases, startCmd: null, variables, providers: null };
  if (!isRecord(root)) return plan;
  const phasesValue = root.phases;
  if (isRecord(phasesValue)) {
    for (const [name, body] of Object.entries(phasesValue)) {
      if (!isRecord(body)) continue;
      const p = [...base, "phases", name];
      const phase: NixpacksPhase = { name, span: doc.keySpan(p) ?? doc.spanFor(p), lists: {} };
      for (const [canonical, keys] of Object.entries(LIST_ALIASES) as Array<[PhaseList, string[]]>) {
        for (const k of keys) {
          const l = readList(doc, [...p, k]);
          if (l) phase.lists[canonical] = l;
        }
      }
      phases.set(name, phase);
    }
  }
  plan.startCmd = readString(doc, [...base, "start", "cmd"]);
  if (isRecord(root.variables)) {
    for (const [k, v] of Object.entries(root.variables)) {
      if (typeof v === "string" || typeof v === "number") {
        const p = [...base, "variables", k];
        variables.set(k, { value: String(v), span: doc.valueSpan(p) ?? doc.spanFor(p) });
      }
    }
  }
  plan.providers = readList(doc, [...base, "providers"]);
  return plan;
}
