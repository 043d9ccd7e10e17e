/**
 * From a modelled `service()` node to the fields deploy-drift compares, applying the SDK's
 * normalisation of `railway@3.11.0` `dist/iac/index.js` (railway-iac.md §2.4–§2.7):
 * - root directory: `source.rootDirectory ?? root ?? rootDirectory`;
 * - `build: "cmd"` is the build command, not the builder; the builder lives only in `build.builder`;
 * - start: `start ?? startCommand ?? run.command ?? deploy.startCommand` (healthcheck, pre-deploy and
 *   healthcheck timeout follow the same order); restart policy and cron exist only in `deploy`;
 * - variables: `{...variables, ...env}`, env wins;
 * - `X.deploy = {…}` after creation replaces the normalised deploy section.
 */
import type { Diagnostic } from "../../../model/finding.js";
import type { Span } from "../../../model/span.js";
import { BUILD_KEYS, DEPLOY_KEYS, RUN_KEYS, SERVICE_KEYS } from "../model/keys.js";
import type { EnvDeclaration, MigratedComment, RailwayTsService } from "../model/types.js";
import { toValued } from "../model/valued.js";
import { type AV, describe, type Resource } from "../model/values.js";
import type { Evaluator } from "./evaluate.js";

type Got = AV | "absent";

/** Where a misplaced key belongs (mistakes seen in real files, §2.4). */
const SERVICE_KEY_HOME: Record<string, string> = {
  watchPatterns: "build.watchPatterns",
  builder: "build.builder",
  dockerfilePath: "build.dockerfilePath",
  dockerfile: "build.dockerfilePath",
  dockerFilePath: "build.dockerfilePath",
  buildCommand: "build (a string) or build.buildCommand",
  nixpacksConfigPath: "build.nixpacksConfigPath",
  railpackVersion: "build.railpackVersion",
  restartPolicy: "deploy.restartPolicyType and deploy.restartPolicyMaxRetries",
  restartPolicyType: "deploy.restartPolicyType",
  restartPolicyMaxRetries: "deploy.restartPolicyMaxRetries",
  cronSchedule: "deploy.cronSchedule",
  sleepApplication: "deploy.sleepApplication",
  numReplicas: "replicas",
  healthCheckPath: "healthcheck",
  healthCheckTimeout: "healthcheckTimeout",
  variable: "env",
  environment: "env",
};

export interface CommentInfo {
  text: string;
  start: number;
  end: number;
  span: Span;
}

const MIGRATED = /^\s*([A-Za-z]+) from CaC:\s*(.*?)\s*$/;

export function extractService(
  ev: Evaluator,
  res: Resource,
  comments: readonly CommentInfo[],
  diagnostics: Diagnostic[],
): RailwayTsService {
  const cfg = res.config && !(res.config.t === "prim" && res.config.value === undefined) ? res.config : null;
  const get = (container: Got | null, key: string): Got => {
    if (!container || container === "absent") return "absent";
    if (container.t === "prim" && (container.value === undefined || container.value === null))
      return "absent";
    return ev.lookupProp(container, key);
  };
  const first = (...vs: Got[]): AV | null => {
    for (const v of vs) {
      if (v === "absent") continue;
      if (v.t === "prim" && (v.value === undefined || v.value === null)) continue;
      return v;
    }
    return null;
  };

  if (cfg) validateKeys(ev, cfg, diagnostics);

  const source = get(cfg, "source");
  const rawBuild = get(cfg, "build");
  // `build: "cmd"` is only a build command; an object is a BuildConfig.
  const buildIsString = rawBuild !== "absent" && rawBuild.t === "prim" && typeof rawBuild.value === "string";
  const build: Got = res.buildOverride ?? (buildIsString ? "absent" : rawBuild);
  const buildField = (key: string): AV | null => res.buildFields.get(key) ?? first(get(build, key));
  const run = get(cfg, "run");
  const deploy = get(cfg, "deploy");
  const override = res.deployOverride;
  const deployField = (key: string, ...shorthands: Got[]): AV | null => {
    const set = res.deployFields.get(key);
    if (set) return set;
    if (override) return first(get(override, key));
    return first(...shorthands, get(deploy, key));
  };

  const buildCommand =
    res.buildFields.get("buildCommand") ??
    (res.buildOverride
      ? first(get(build, "buildCommand"))
      : buildIsString
        ? (rawBuild as AV)
        : first(get(build, "buildCommand")));

  const env = extractEnv(ev, get(cfg, "variables"), get(cfg, "env"));

  return {
    kind: res.kind === "function" ? "function" : "service",
    name: toValued(res.name, "string") ?? {
      provenance: "unknown",
      span: res.span,
      note: "the service has no name",
    },
    span: res.span,
    rootDirectory: toValued(
      first(get(source, "rootDirectory"), get(cfg, "root"), get(cfg, "rootDirectory")),
      "string",
    ),
    builder: toValued(buildField("builder"), "string"),
    buildCommand: toValued(buildCommand, "string"),
    dockerfilePath: toValued(buildField("dockerfilePath"), "string"),
    nixpacksConfigPath: toValued(buildField("nixpacksConfigPath"), "string"),
    watchPatterns: toValued(buildField("watchPatterns"), "string[]"),
    startCommand: toValued(
      deployField("startCommand", get(cfg, "start"), get(cfg, "startCommand"), get(run, "command")),
      "string",
    ),
    healthcheckPath: toValued(
      deployField(
        "healthcheckPath",
        get(cfg, "healthcheck"),
        get(cfg, "healthcheckPath"),
        get(run, "healthcheck"),
      ),
      "string",
    ),
    healthcheckTimeout: toValued(
      deployField("healthcheckTimeout", get(cfg, "healthcheckTimeout"), get(run, "healthcheckTimeout")),
      "number",
    ),
    preDeployCommand: toValued(
      deployField(
        "preDeployCommand",
        get(cfg, "preDeploy"),
        get(cfg, "preDeployCommand"),
        get(run, "preDeploy"),
      ),
      "string|string[]",
    ),
    restartPolicyType: toValued(deployField("restartPolicyType"), "string"),
    restartPolicyMaxRetries: toValued(deployField("restartPolicyMaxRetries"), "number"),
    cronSchedule: toValued(deployField("cronSchedule"), "string"),
    env: env.entries,
    envComplete: env.complete,
    migratedComments: migratedComments(res, comments),
  };
}

function migratedComments(res: Resource, comments: readonly CommentInfo[]): MigratedComment[] {
  const out: MigratedComment[] = [];
  for (const c of comments) {
    if (c.start < res.start || c.end > res.end) continue;
    const m = MIGRATED.exec(c.text);
    if (m) out.push({ key: m[1]!, text: m[2]!, span: c.span });
  }
  return out;
}

function validateKeys(ev: Evaluator, cfg: AV, diagnostics: Diagnostic[]): void {
  const check = (obj: Got, allowed: ReadonlySet<string>, where: string, home: Record<string, string>) => {
    if (obj === "absent" || obj.t !== "obj") return;
    for (const p of obj.props.values()) {
      if (allowed.has(p.key)) continue;
      const belongs = Object.hasOwn(home, p.key) ? home[p.key] : undefined;
      diagnostics.push({
        message:
          `\`${p.key}\` is not a ${where} option of railway/iac (railway@3.11); ` +
          "the SDK drops keys it does not know without a warning, so this setting never reaches Railway",
        span: p.keySpan,
        fix: belongs ? `Move it to \`${belongs}\`.` : "Remove the key or use one the SDK documents.",
        severity: "warning",
      });
    }
  };
  check(cfg, SERVICE_KEYS, "`service()`", SERVICE_KEY_HOME);
  const build = ev.lookupProp(cfg, "build");
  check(build, BUILD_KEYS, "`build`", {});
  const deploy = ev.lookupProp(cfg, "deploy");
  check(deploy, DEPLOY_KEYS, "`deploy`", {
    restartPolicy: "deploy.restartPolicyType",
    start: "deploy.startCommand",
  });
  check(ev.lookupProp(cfg, "run"), RUN_KEYS, "`run`", {});
}

function extractEnv(
  ev: Evaluator,
  variables: Got,
  env: Got,
): { entries: EnvDeclaration[]; complete: boolean } {
  const byName = new Map<string, EnvDeclaration>();
  let complete = true;
  for (const src of [variables, env]) {
    if (src === "absent" || (src.t === "prim" && (src.value === undefined || src.value === null))) continue;
    if (src.t !== "obj") {
      complete = false;
      continue;
    }
    if (src.open) complete = false;
    for (const p of src.props.values()) {
      const value = ev.lookupProp(src, p.key);
      if (value === "absent") continue;
      byName.set(p.key, envDeclaration(ev, p.key, p.keySpan, value));
    }
  }
  return { entries: [...byName.values()], complete };
}

function envDeclaration(ev: Evaluator, name: string, nameSpan: Span, v: AV): EnvDeclaration {
  const base = { name, nameSpan, span: v.span };
  switch (v.t) {
    case "preserve":
      return { ...base, kind: "preserve", optional: null };
    case "ref":
      return { ...base, kind: "reference", optional: null, reference: v.ref };
    case "prim":
      if (typeof v.value === "string") {
        return { ...base, kind: "literal", optional: null, value: toValued(v, "string")! };
      }
      return {
        ...base,
        kind: "unknown",
        optional: null,
        value: { provenance: "unknown", span: v.span, note: `expected a string, found ${describe(v)}` },
      };
    case "obj": {
      // A VariableConfig: `{ value?, defaultValue?, description?, isOptional?, … }` (§2.7).
      const get = (k: string): AV | null => {
        const r = ev.lookupProp(v, k);
        return r === "absent" ? null : r;
      };
      const desc = get("description");
      const opt = get("isOptional");
      const valueAv = get("value") ?? get("defaultValue");
      const out: EnvDeclaration = {
        ...base,
        kind: "described",
        optional: opt?.t === "prim" && typeof opt.value === "boolean" ? opt.value : null,
      };
      if (desc?.t === "prim" && typeof desc.value === "string") out.description = desc.value;
      const value = toValued(valueAv, "string");
      if (value) out.value = value;
      return out;
    }
    default: {
      const value = toValued(v, "string");
      if (value?.provenance === "candidates") return { ...base, kind: "literal", optional: null, value };
      return {
        ...base,
        kind: "unknown",
        optional: null,
        value: value ?? { provenance: "unknown", span: v.span, note: "no value" },
      };
    }
  }
}
