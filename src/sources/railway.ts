/**
 * Railway config-as-code: `railway.json` / `railway.toml`. The schema file itself is not public; the
 * key list is rebuilt from Railway's docs, the CLI's deserializer (railwayapp/cli@df3838bf CacBuild /
 * CacDeploy) and railway-skills — see railway-nixpacks.md §3.2. Enum values are compared
 * case-insensitively (the docs' TOML example uses `builder = "railpack"`).
 */
import type { Located } from "../model/span.js";
import { normalizeRelPath, type Workspace } from "../repo/workspace.js";
import type { ConfigDoc, Path } from "./doc.js";
import { readString } from "./nixpacks.js";
import type { FieldSpec } from "./schema.js";

export const BUILDERS = ["RAILPACK", "DOCKERFILE", "NIXPACKS", "HEROKU", "PAKETO"] as const;
export const RESTART_POLICIES = ["ON_FAILURE", "ALWAYS", "NEVER"] as const;

const BUILD_SPEC: FieldSpec = {
  type: "object",
  fields: {
    builder: { type: "string", enum: BUILDERS, caseInsensitive: true },
    buildCommand: { type: "string" },
    watchPatterns: { type: "string[]" },
    dockerfilePath: { type: "string" },
    railpackVersion: { type: "string" },
    nixpacksConfigPath: { type: "string" },
    // Checked against the Nixpacks plan schema by nixpacks-unknown-key.
    nixpacksPlan: { type: "any" },
    nixpacksVersion: { type: "string" },
  },
};

const DEPLOY_SPEC: FieldSpec = {
  type: "object",
  fields: {
    startCommand: { type: "string" },
    preDeployCommand: { type: "string|string[]" },
    healthcheckPath: { type: "string" },
    healthcheckTimeout: { type: "number" },
    restartPolicyType: { type: "string", enum: RESTART_POLICIES, caseInsensitive: true },
    restartPolicyMaxRetries: { type: "integer" },
    cronSchedule: { type: "string" },
    multiRegionConfig: { type: "map", of: { type: "any" } },
    numReplicas: { type: "integer" },
    region: { type: "string" },
    sleepApplication: { type: "boolean" },
    overlapSeconds: { type: "number" },
    drainingSeconds: { type: "number" },
    requiredMountPath: { type: "string" },
    limitOverride: { type: "any" },
    runtime: { type: "string" },
    useLegacyStacker: { type: "boolean" },
    registryCredentials: { type: "any" },
  },
};

export const RAILWAY_SPEC: FieldSpec = {
  type: "object",
  fields: {
    $schema: { type: "string" },
    build: BUILD_SPEC,
    deploy: DEPLOY_SPEC,
    environments: {
      type: "map",
      of: { type: "object", fields: { build: BUILD_SPEC, deploy: DEPLOY_SPEC } },
    },
  },
};

/** Mistakes seen in real files whose intended key is known (railway-nixpacks.md §3.3). */
export const RAILWAY_KNOWN_MISTAKES: Record<string, string> = {
  nixpacksPath: "nixpacksConfigPath",
  nixpacksConfig: "nixpacksConfigPath",
  nixpacksConfigFile: "nixpacksConfigPath",
  restartPolicy: "restartPolicyType",
  dockerFilePath: "dockerfilePath",
  dockerfile: "dockerfilePath",
  start: "startCommand",
  startCmd: "startCommand",
  healthCheckPath: "healthcheckPath",
  healthCheckTimeout: "healthcheckTimeout",
};

export interface RailwayConfig {
  doc: ConfigDoc;
  file: string;
  builder: Located<string> | null;
  startCommand: Located<string> | null;
  nixpacksConfigPath: Located<string> | null;
  dockerfilePath: Located<string> | null;
  buildCommand: Located<string> | null;
  /** `environments.<name>.deploy.startCommand` overrides. */
  environmentStartCommands: Array<{ environment: string; command: Located<string> }>;
  /** Path of the nixpacks plan inside the doc, when `build.nixpacksPlan` is present. */
  nixpacksPlanPath: Path | null;
}

/** `railway.<name>.json|toml`: a config-as-code file at a custom path (a service's "Railway Config File"). */
export const CUSTOM_CAC_PATH = /(^|\/)railway\.([^/]+)\.(json|toml)$/;
const CAC_TOP = new Set(["$schema", "build", "deploy", "environments"]);

/**
 * Whether a parsed document has config-as-code's shape: only `build` / `deploy` / `environments` /
 * `$schema` at the top, with `build` or `deploy` (how a custom-path file is told from other JSON/TOML).
 */
export function hasConfigAsCodeShape(doc: ConfigDoc): boolean {
  const v = doc.value;
  return (
    v !== null &&
    typeof v === "object" &&
    !Array.isArray(v) &&
    Object.keys(v).every((k) => CAC_TOP.has(k)) &&
    ["build", "deploy"].some((k) => {
      const x = (v as Record<string, unknown>)[k];
      return x !== null && typeof x === "object" && !Array.isArray(x);
    })
  );
}

export function readRailway(doc: ConfigDoc): RailwayConfig {
  const v = doc.value as Record<string, unknown> | null;
  const envs: RailwayConfig["environmentStartCommands"] = [];
  const environments =
    v && typeof v === "object" ? (v.environments as Record<string, unknown> | undefined) : undefined;
  if (environments && typeof environments === "object") {
    for (const name of Object.keys(environments)) {
      const c = readString(doc, ["environments", name, "deploy", "startCommand"]);
      if (c) envs.push({ environment: name, command: c });
    }
  }
  const plan =
    v && typeof v === "object" ? (v.build as Record<string, unknown> | undefined)?.nixpacksPlan : undefined;
  return {
    doc,
    file: doc.file,
    builder: readString(doc, ["build", "builder"]),
    startCommand: readString(doc, ["deploy", "startCommand"]),
    nixpacksConfigPath: readString(doc, ["build", "nixpacksConfigPath"]),
    dockerfilePath: readString(doc, ["build", "dockerfilePath"]),
    buildCommand: readString(doc, ["build", "buildCommand"]),
    environmentStartCommands: envs,
    nixpacksPlanPath: plan && typeof plan === "object" ? ["build", "nixpacksPlan"] : null,
  };
}

/**
 * Resolves a path written in railway config (`nixpacksConfigPath`, `dockerfilePath`). Railway does not
 * say whether it is relative to the service's Root Directory or to the repository (real configs use
 * both, e.g. `nixpacksConfigPath: "backend/nixpacks.toml"` inside backend/railway.json), so both are
 * tried, root-relative first. A path that leaves the repository is never resolved.
 */
export function resolveConfigPath(
  ws: Workspace,
  root: string,
  value: string,
): { kind: "found"; path: string } | { kind: "missing"; tried: string[] } | { kind: "outside" } {
  const v = value.trim().replace(/^\.\//, "");
  // "/backend/nixpacks.toml" is repository-absolute; otherwise try the service root, then the repo.
  const candidates = v.startsWith("/")
    ? [normalizeRelPath(v.slice(1))]
    : [normalizeRelPath(v, root), normalizeRelPath(v)];
  const inside = [...new Set(candidates.filter((p): p is string => p !== null && p !== ""))];
  if (inside.length === 0) return { kind: "outside" };
  for (const p of inside) if (ws.isFile(p)) return { kind: "found", path: p };
  return { kind: "missing", tried: inside };
}
