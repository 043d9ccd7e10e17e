/**
 * The migration planner: from a service's railway.json / railway.toml (read by sources/railway.ts and
 * checked against its key catalogue RAILWAY_SPEC) to the settings of a `.railway/railway.ts` /
 * `railway.py` service, in the SDK's own shapes. Every key either becomes an SDK value or a note
 * saying where to set it instead; nothing is dropped silently (the gap `railway config migrate`
 * leaves, railway-iac.md §4.2–§4.3, railway-2026-12.md §2.4).
 *
 * SDK shapes (npm railway@3.11.0 `dist/index-C3uk0ruc.d.ts`, railway-iac.md §2.4–§2.6; Python mirror
 * railwayapp/railway-py-iac `src/railway_sdk/__init__.py` @153e8ffb `_service_node`,
 * `_normalize_build`, `_normalize_deploy`):
 * - `build: { builder, buildCommand, dockerfilePath, watchPatterns, nixpacksConfigPath, nixpacksPlan,
 *   nixpacksVersion, railpackVersion }` is a `BuildConfig`, passed through;
 * - `start`, `preDeploy`, `healthcheck`, `healthcheckTimeout`, `replicas` are the intent keys: they
 *   override `deploy.startCommand` / `preDeployCommand` / `healthcheckPath` / `healthcheckTimeout` /
 *   `numReplicas`;
 * - everything else of `DeployConfig` (restart policy, cron, region, multiRegionConfig, sleep,
 *   overlap/draining, limits, runtime, …) has no intent key and goes in `deploy: { … }`.
 */

import { getPath, isRecord } from "../sources/doc.js";
import {
  BUILDERS,
  RAILWAY_KNOWN_MISTAKES,
  RAILWAY_SPEC,
  type RailwayConfig,
  RESTART_POLICIES,
} from "../sources/railway.js";
import { type SchemaIssue, validate } from "../sources/schema.js";

export type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

/** One value and its per-environment overrides (`environments.<name>` of the old file). */
export interface Variant {
  base: Json | undefined;
  byEnv: Array<{ env: string; value: Json }>;
}

export interface EnvEntry {
  name: string;
  value: string;
  /** The old key it comes from (`build.nixpacksPlan.variables.X`, `build.nixpacksPlan.start.cmd`). */
  from: string;
}

/** A setting IaC cannot carry: a comment at its place, saying where to set it instead. */
export interface Note {
  key: string;
  text: string;
}

export interface ServicePlan {
  /** The railway.ts / railway.py service name. */
  name: string;
  /** Service root, repo-relative ("" for the repository root). */
  root: string;
  /** The old config-as-code file, repo-relative. */
  file: string;
  /** `fn(…)` instead of `service(…)`: a cron job (railway-iac.md §2.3, `fn` "used for cron jobs"). */
  fn: boolean;
  /** Intent keys (`start`, `preDeploy`, `healthcheck`, `healthcheckTimeout`, `replicas`). */
  intent: Map<string, Variant>;
  /** `BuildConfig` keys. */
  build: Map<string, Variant>;
  /** `DeployConfig` keys without an intent key. */
  deploy: Map<string, Variant>;
  env: EnvEntry[];
  notes: Note[];
  /** Every setting of the old file and where it went (for the round-trip test and the output). */
  carried: Array<{ key: string; to: string }>;
}

/** CaC `deploy.*` key → intent key of `service()`. */
export const INTENT_OF: Record<string, string> = {
  startCommand: "start",
  preDeployCommand: "preDeploy",
  healthcheckPath: "healthcheck",
  healthcheckTimeout: "healthcheckTimeout",
  numReplicas: "replicas",
};

const BUILD_KEYS = [
  "builder",
  "buildCommand",
  "dockerfilePath",
  "watchPatterns",
  "nixpacksConfigPath",
  "nixpacksPlan",
  "nixpacksVersion",
  "railpackVersion",
] as const;

const DEPLOY_KEYS = [
  "restartPolicyType",
  "restartPolicyMaxRetries",
  "cronSchedule",
  "region",
  "multiRegionConfig",
  "sleepApplication",
  "overlapSeconds",
  "drainingSeconds",
  "requiredMountPath",
  "limitOverride",
  "runtime",
  "useLegacyStacker",
  "registryCredentials",
] as const;

/**
 * Which `environments.<name>` can be written as a `ctx` condition. `pr` is Railway's key for every
 * pull-request environment, which have generated names: `ctx` carries only the environment's name
 * (railway-iac.md §2.2), so no condition on it matches "a PR environment" for sure.
 */
export function envCondition(env: string): boolean {
  return env !== "pr";
}

function canon(value: Json, allowed: readonly string[]): Json {
  return typeof value === "string"
    ? (allowed.find((a) => a.toLowerCase() === value.toLowerCase()) ?? value)
    : value;
}

function issueText(i: SchemaIssue): string {
  switch (i.kind) {
    case "unknown-key":
      return `is not a Railway config-as-code key, so Railway never applied it${i.suggestion ? ` (did you mean \`${i.suggestion}\`?)` : ""}; not carried`;
    case "wrong-type":
      return `has the wrong type (${i.found}, expected ${i.expected}), so Railway could not apply it; not carried — set a valid value by hand`;
    case "bad-enum":
      return `is not one of ${i.allowed.join(", ")}, so Railway could not apply it; not carried`;
    case "enum-case":
      return `is written in the wrong case (${i.canonical}); carried as ${i.canonical}`;
  }
}

/** The nixpacks.toml / nixpacks.json of the service, when it sets cmds or a start command. */
export interface NixpacksFileFacts {
  installCmds: boolean;
  buildCmds: boolean;
  startCmd: boolean;
}

/**
 * Splits `build.nixpacksPlan` into service variables Nixpacks reads the same way and the rest, kept
 * as `build.nixpacksPlan`. Nixpacks' env plan (`BuildPlan::from_environment`, railway-nixpacks.md §2):
 * `NIXPACKS_INSTALL_CMD` / `NIXPACKS_BUILD_CMD` replace the phase's cmds, `NIXPACKS_START_CMD` sets the
 * start command; the plan's `variables` are variables. The env plan sits below nixpacks.toml while
 * `nixpacksPlan` sits above it, so a cmd moves to env only when the service's nixpacks file does not
 * set it too; a cmds list with `"..."` (extend) and every list of packages (`NIXPACKS_PKGS` appends,
 * a plan list replaces) stay in the plan, which `BuildConfig.nixpacksPlan` carries as it is.
 */
function splitPlan(
  plan: Record<string, unknown>,
  nixFile: NixpacksFileFacts | null,
  from: string,
): { env: EnvEntry[]; rest: Json | undefined } {
  const rest = JSON.parse(JSON.stringify(plan)) as Record<string, Json>;
  const env: EnvEntry[] = [];
  const vars = rest.variables;
  if (isRecord(vars)) {
    for (const [k, v] of Object.entries(vars)) {
      if (typeof v !== "string") continue;
      env.push({ name: k, value: v, from: `${from}.variables.${k}` });
      delete (vars as Record<string, Json>)[k];
    }
    if (Object.keys(vars).length === 0) delete rest.variables;
  }
  const phases = rest.phases;
  const cmdsOf = (phase: string, envName: string, fileSets: boolean) => {
    if (!isRecord(phases)) return;
    const p = (phases as Record<string, Json>)[phase];
    if (!isRecord(p)) return;
    const cmds = (p as Record<string, Json>).cmds;
    if (!Array.isArray(cmds) || cmds.length === 0 || fileSets) return;
    if (!cmds.every((c) => typeof c === "string" && c !== "..." && c !== "@auto")) return;
    env.push({ name: envName, value: (cmds as string[]).join(" && "), from: `${from}.phases.${phase}.cmds` });
    delete (p as Record<string, Json>).cmds;
    if (Object.keys(p).length === 0) delete (phases as Record<string, Json>)[phase];
  };
  cmdsOf("install", "NIXPACKS_INSTALL_CMD", nixFile?.installCmds ?? false);
  cmdsOf("build", "NIXPACKS_BUILD_CMD", nixFile?.buildCmds ?? false);
  if (isRecord(phases) && Object.keys(phases).length === 0) delete rest.phases;
  const start = rest.start;
  if (isRecord(start) && typeof start.cmd === "string" && !nixFile?.startCmd) {
    env.push({ name: "NIXPACKS_START_CMD", value: start.cmd, from: `${from}.start.cmd` });
    delete (start as Record<string, Json>).cmd;
    if (Object.keys(start).length === 0) delete rest.start;
  }
  return { env, rest: Object.keys(rest).length ? rest : undefined };
}

function variant(m: Map<string, Variant>, key: string): Variant {
  let v = m.get(key);
  if (!v) {
    v = { base: undefined, byEnv: [] };
    m.set(key, v);
  }
  return v;
}

/**
 * Plans one service from its parsed config-as-code file. `nixFile` says what the service's own
 * nixpacks file sets (for the `nixpacksPlan` split).
 */
export function planService(
  r: RailwayConfig,
  opts: { name: string; root: string; nixFile?: NixpacksFileFacts | null },
): ServicePlan {
  const plan: ServicePlan = {
    name: opts.name,
    root: opts.root,
    file: r.file,
    fn: false,
    intent: new Map(),
    build: new Map(),
    deploy: new Map(),
    env: [],
    notes: [],
    carried: [],
  };
  const doc = r.doc;
  const v = doc.value;
  if (!isRecord(v)) {
    plan.notes.push({
      key: r.file,
      text: `${r.file} did not parse, so Railway applied none of it; nothing to carry`,
    });
    return plan;
  }
  const issues = validate(doc, RAILWAY_SPEC, [], RAILWAY_KNOWN_MISTAKES);
  const bad = new Map<string, SchemaIssue>();
  for (const i of issues) if (i.kind !== "enum-case") bad.set(i.path.slice(0, 5).join("."), i);
  const badAt = (path: string[]) => {
    for (let n = path.length; n > 0; n--) {
      const i = bad.get(path.slice(0, n).join("."));
      if (i) return i;
    }
    return null;
  };

  const sections: Array<{ env: string | null; base: string[] }> = [{ env: null, base: [] }];
  const envs = v.environments;
  if (isRecord(envs))
    for (const name of Object.keys(envs)) sections.push({ env: name, base: ["environments", name] });

  for (const sec of sections) {
    for (const group of ["build", "deploy"] as const) {
      const node = getPath(v, [...sec.base, group]);
      if (!isRecord(node)) continue;
      for (const [key, raw] of Object.entries(node)) {
        const path = [...sec.base, group, key];
        const dotted = path.join(".");
        const issue = badAt(path);
        if (issue) {
          plan.notes.push({ key: dotted, text: `\`${dotted}\` ${issueText(issue)}` });
          continue;
        }
        let value = raw as Json;
        if (key === "builder") value = canon(value, BUILDERS);
        if (key === "restartPolicyType") value = canon(value, RESTART_POLICIES);
        if (sec.env !== null && !envCondition(sec.env)) {
          plan.notes.push({
            key: dotted,
            text: `\`${dotted}\` = ${JSON.stringify(value)} applies to pull-request environments only; railway/iac's \`ctx\` carries only an environment's name and PR environments get generated ones, so no condition selects them for sure: set it in the PR environments' service settings in Railway (or write your own \`ctx.environment\` test for your PR environment names)`,
          });
          continue;
        }
        if (group === "build" && key === "nixpacksPlan" && isRecord(raw)) {
          if (sec.env !== null) {
            plan.notes.push({
              key: dotted,
              text: `\`${dotted}\` is a plan for one environment; a per-environment plan is not carried — set it in that environment's service settings in Railway`,
            });
            continue;
          }
          const split = splitPlan(raw, opts.nixFile ?? null, dotted);
          plan.env.push(...split.env);
          for (const e of split.env) plan.carried.push({ key: e.from, to: `env.${e.name}` });
          if (split.rest !== undefined) {
            variant(plan.build, "nixpacksPlan").base = split.rest;
            plan.carried.push({ key: dotted, to: "build.nixpacksPlan" });
          }
          continue;
        }
        const target =
          group === "build"
            ? (BUILD_KEYS as readonly string[]).includes(key)
              ? { map: plan.build, key, to: `build.${key}` }
              : null
            : INTENT_OF[key]
              ? { map: plan.intent, key: INTENT_OF[key]!, to: INTENT_OF[key]! }
              : (DEPLOY_KEYS as readonly string[]).includes(key)
                ? { map: plan.deploy, key, to: `deploy.${key}` }
                : null;
        if (!target) {
          plan.notes.push({
            key: dotted,
            text: `\`${dotted}\` has no railway/iac counterpart; set it in the service settings in Railway`,
          });
          continue;
        }
        const slot = variant(target.map, target.key);
        if (sec.env === null) slot.base = value;
        else slot.byEnv.push({ env: sec.env, value });
        plan.carried.push({ key: dotted, to: target.to });
        if (key === "cronSchedule" && sec.env === null) plan.fn = true;
      }
    }
    const other = getPath(v, sec.base);
    if (isRecord(other)) {
      for (const k of Object.keys(other)) {
        if (k === "build" || k === "deploy" || k === "$schema" || (sec.env === null && k === "environments"))
          continue;
        const dotted = [...sec.base, k].join(".");
        const issue = badAt([...sec.base, k]);
        plan.notes.push({
          key: dotted,
          text: `\`${dotted}\` ${issue ? issueText(issue) : "has no railway/iac counterpart; set it in the service settings in Railway"}`,
        });
      }
    }
  }
  return plan;
}
