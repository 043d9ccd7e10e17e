/**
 * From a modelled `service()` call of `.railway/railway.py` to the shared IaC model, applying the
 * Python SDK's normalisation (railwayapp/railway-py-iac `src/railway_sdk/__init__.py` @ 153e8ffb,
 * `_service_node`, `_normalize_build`, `_normalize_deploy`, `_normalize_variables`):
 * - root directory: `source.rootDirectory or root or rootDirectory`;
 * - `build="cmd"` is `{"buildCommand": cmd}`; a dict is passed through (the builder lives only there);
 * - start: `start or startCommand or run["command"] or deploy["startCommand"]` (Python `or`: an
 *   empty string falls through); the healthcheck path likewise;
 * - pre-deploy: `config.get("preDeploy", config.get("preDeployCommand", run.get("preDeploy")))`, then
 *   `deploy["preDeployCommand"]`; the healthcheck timeout follows the same `get` chain (key presence);
 * - variables: `{**variables, **env}`; a `str` is a literal, a dict with `type` is passed through
 *   (`preserve()`, references) and anything else (an int, a bool) is stored as a raw value;
 * - any other keyword is dropped without a word (the warning below).
 */
import type { Diagnostic } from "../../../model/finding.js";
import type { Span } from "../../../model/span.js";
import { didYouMean } from "../../schema.js";
import { BUILD_KEYS, DEPLOY_KEYS, RUN_KEYS, SERVICE_KEYS } from "../model/keys.js";
import type { EnvDeclaration, RailwayTsService } from "../model/types.js";
import { toValued } from "../model/valued.js";
import { type AV, describe, type Resource } from "../model/values.js";
import type { PyEvaluator } from "./evaluate.js";

type Got = AV | "absent";

/** The keywords `_service_node` reads (railway_sdk 0.3.0). */
// The same keys as railway.ts's `IntentServiceConfig`, plus `tracing`.
export const PY_SERVICE_KEYS = [...SERVICE_KEYS, "tracing"];

/** Keywords that belong inside `build={…}` or `deploy={…}` (written at the top level, they are dropped). */
const NESTED_HOME: Record<string, string> = {
  builder: 'build={"builder": …}',
  watchPatterns: 'build={"watchPatterns": …}',
  buildCommand: 'build="…" or build={"buildCommand": …}',
  dockerfilePath: 'build={"dockerfilePath": …}',
  dockerfile: 'build={"dockerfilePath": …}',
  nixpacksConfigPath: 'build={"nixpacksConfigPath": …}',
  railpackVersion: 'build={"railpackVersion": …}',
  restartPolicyType: 'deploy={"restartPolicyType": …}',
  restartPolicyMaxRetries: 'deploy={"restartPolicyMaxRetries": …}',
  cronSchedule: 'deploy={"cronSchedule": …}',
  sleepApplication: 'deploy={"sleepApplication": …}',
  numReplicas: "replicas",
  healthCheckPath: "healthcheck",
  healthCheckTimeout: "healthcheckTimeout",
  environment: "env",
};

function camel(key: string): string {
  return key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** Where a keyword the SDK does not read was meant to go, or null. */
export function suggestKey(
  key: string,
  known: readonly string[],
  home: Record<string, string>,
): string | null {
  const c = camel(key);
  if (c !== key && known.includes(c)) return c;
  if (Object.hasOwn(home, c)) return home[c]!;
  if (Object.hasOwn(home, key)) return home[key]!;
  return didYouMean(key, known);
}

export function extractPyService(
  ev: PyEvaluator,
  res: Resource,
  diagnostics: Diagnostic[],
): RailwayTsService {
  const cfg = res.config;
  const get = (container: Got | null, key: string): Got => {
    if (!container || container === "absent") return "absent";
    if (container.t === "prim" && (container.value === undefined || container.value === null))
      return "absent";
    return ev.lookupProp(container, key);
  };
  /** Python `a or b or …`: skips None, "", 0, False, empty containers when known. */
  const firstOr = (...vs: Got[]): AV | null => {
    for (const v of vs) {
      if (v === "absent") continue;
      if (v.t === "prim" && !v.value) continue;
      if (v.t === "obj" && v.props.size === 0 && !v.open) continue;
      if (v.t === "arr" && v.items.length === 0 && !v.open) continue;
      return v;
    }
    return null;
  };
  /** `d.get(k, default)` chains: the first key that is present wins, even when it is None. */
  const firstPresent = (...vs: Got[]): AV | null => {
    for (const v of vs) if (v !== "absent") return v.t === "prim" && v.value === null ? null : v;
    return null;
  };

  if (cfg) validatePyKeys(ev, cfg, diagnostics);

  const source = get(cfg, "source");
  const rawBuild = get(cfg, "build");
  const buildIsString = rawBuild !== "absent" && rawBuild.t === "prim" && typeof rawBuild.value === "string";
  const build: Got = buildIsString ? "absent" : rawBuild;
  const run = get(cfg, "run");
  const deploy = get(cfg, "deploy");
  const env = extractPyEnv(ev, get(cfg, "variables"), get(cfg, "env"));

  return {
    kind: res.kind === "function" ? "function" : "service",
    name: toValued(res.name, "string") ?? {
      provenance: "unknown",
      span: res.span,
      note: "the service has no name",
    },
    span: res.span,
    rootDirectory: toValued(
      firstOr(get(source, "rootDirectory"), get(cfg, "root"), get(cfg, "rootDirectory")),
      "string",
    ),
    builder: toValued(firstPresent(get(build, "builder")), "string"),
    buildCommand: toValued(
      buildIsString ? (rawBuild as AV) : firstPresent(get(build, "buildCommand")),
      "string",
    ),
    dockerfilePath: toValued(firstPresent(get(build, "dockerfilePath")), "string"),
    nixpacksConfigPath: toValued(firstPresent(get(build, "nixpacksConfigPath")), "string"),
    watchPatterns: toValued(firstPresent(get(build, "watchPatterns")), "string[]"),
    startCommand: toValued(
      firstOr(get(cfg, "start"), get(cfg, "startCommand"), get(run, "command"), get(deploy, "startCommand")),
      "string",
    ),
    healthcheckPath: toValued(
      firstOr(
        get(cfg, "healthcheck"),
        get(cfg, "healthcheckPath"),
        get(run, "healthcheck"),
        get(deploy, "healthcheckPath"),
      ),
      "string",
    ),
    healthcheckTimeout: toValued(
      firstPresent(
        get(cfg, "healthcheckTimeout"),
        get(run, "healthcheckTimeout"),
        get(deploy, "healthcheckTimeout"),
      ),
      "number",
    ),
    preDeployCommand: toValued(
      firstPresent(get(cfg, "preDeploy"), get(cfg, "preDeployCommand"), get(run, "preDeploy")) ??
        firstPresent(get(deploy, "preDeployCommand")),
      "string|string[]",
    ),
    restartPolicyType: toValued(firstPresent(get(deploy, "restartPolicyType")), "string"),
    restartPolicyMaxRetries: toValued(firstPresent(get(deploy, "restartPolicyMaxRetries")), "number"),
    cronSchedule: toValued(firstPresent(get(deploy, "cronSchedule")), "string"),
    env: env.entries,
    envComplete: env.complete,
    migratedComments: [],
  };
}

function validatePyKeys(ev: PyEvaluator, cfg: AV, diagnostics: Diagnostic[]): void {
  if (cfg.t !== "obj") return;
  for (const p of cfg.props.values()) {
    if (PY_SERVICE_KEYS.includes(p.key)) continue;
    const s = suggestKey(p.key, PY_SERVICE_KEYS, NESTED_HOME);
    diagnostics.push({
      message:
        `\`${p.key}=\` is not a \`service()\` keyword of railway_sdk (0.3.0); ` +
        `the SDK ignores keywords it does not know without a warning, so this setting never reaches Railway${s ? `; did you mean \`${s}\`?` : ""}`,
      span: p.keySpan,
      fix: s
        ? `Use \`${s}\`.`
        : "Remove the keyword or use one the SDK reads (see railway_sdk `_service_node`).",
      severity: "warning",
    });
  }
  const nested = (key: string, allowed: ReadonlySet<string>) => {
    const obj = ev.lookupProp(cfg, key);
    if (obj === "absent" || obj.t !== "obj") return;
    for (const p of obj.props.values()) {
      if (allowed.has(p.key)) continue;
      const s = suggestKey(p.key, [...allowed], {});
      diagnostics.push({
        message:
          `\`${p.key}\` is not a \`${key}\` key of Railway's IaC graph; railway_sdk passes the dict through unchecked ` +
          `and the setting is not one Railway reads${s ? `; did you mean \`${s}\`?` : ""}`,
        span: p.keySpan,
        fix: s ? `Use \`${s}\`.` : `Remove the key or use one of ${key}'s documented keys.`,
        severity: "warning",
      });
    }
  };
  nested("build", BUILD_KEYS);
  nested("deploy", DEPLOY_KEYS);
  nested("run", RUN_KEYS);
}

function extractPyEnv(
  ev: PyEvaluator,
  variables: Got,
  env: Got,
): { entries: EnvDeclaration[]; complete: boolean } {
  const byName = new Map<string, EnvDeclaration>();
  let complete = true;
  for (const src of [variables, env]) {
    if (src === "absent" || (src.t === "prim" && src.value === null)) continue;
    if (src.t !== "obj") {
      complete = false;
      continue;
    }
    if (src.open) complete = false;
    for (const p of src.props.values()) {
      const value = ev.lookupProp(src, p.key);
      if (value === "absent") continue;
      byName.delete(p.key);
      byName.set(p.key, pyEnvDeclaration(p.key, p.keySpan, value));
    }
  }
  return { entries: [...byName.values()], complete };
}

function pyEnvDeclaration(name: string, nameSpan: Span, v: AV): EnvDeclaration {
  const base = { name, nameSpan, span: v.span, optional: null };
  switch (v.t) {
    case "preserve":
      return { ...base, kind: "preserve" };
    case "ref":
      return { ...base, kind: "reference", reference: v.ref };
    case "prim":
      if (typeof v.value === "string") return { ...base, kind: "literal", value: toValued(v, "string")! };
      if (typeof v.value === "number") {
        // `_normalize_variables` stores it as {"type": "raw", "value": 8080}; Railway's variable is its text.
        const text = String(v.value);
        return {
          ...base,
          kind: "literal",
          value: { provenance: v.constant ? "constant" : "literal", value: text, span: v.span },
        };
      }
      return {
        ...base,
        kind: "unknown",
        value: {
          provenance: "unknown",
          span: v.span,
          note: `${v.value === null ? "None" : typeof v.value}, stored by the SDK as a raw value; the text Railway keeps is not known`,
        },
      };
    default: {
      const value = toValued(v, "string");
      if (value?.provenance === "candidates") return { ...base, kind: "literal", value };
      return {
        ...base,
        kind: "unknown",
        value: value ?? { provenance: "unknown", span: v.span, note: `${describe(v)}` },
      };
    }
  }
}
