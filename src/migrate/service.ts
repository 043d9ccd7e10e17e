/**
 * A config-as-code service's migration plan from its model facts, and the snippet the
 * `config-as-code-deprecated` finding carries (no analyze import: rules load this).
 */
import { isRailwayPy } from "../facts/railway-ts.js";
import type { ServiceFacts } from "../facts/service.js";
import { basename } from "../repo/workspace.js";
import type { RailwayTsService } from "../sources/railway-iac/model/types.js";
import { definiteValue } from "../sources/railway-iac/model/types.js";
import { type NixpacksFileFacts, planService, type ServicePlan } from "./plan.js";
import { pyServiceArgs } from "./python.js";
import { renderRailwayTs, tsServiceOptions } from "./typescript.js";

/** Plan keys and the RailwayTsService field that tells whether an existing service sets them. */
const READ_BACK: Record<string, keyof RailwayTsService> = {
  "build.builder": "builder",
  "build.buildCommand": "buildCommand",
  "build.dockerfilePath": "dockerfilePath",
  "build.nixpacksConfigPath": "nixpacksConfigPath",
  "build.watchPatterns": "watchPatterns",
  "intent.start": "startCommand",
  "intent.preDeploy": "preDeployCommand",
  "intent.healthcheck": "healthcheckPath",
  "intent.healthcheckTimeout": "healthcheckTimeout",
  "deploy.restartPolicyType": "restartPolicyType",
  "deploy.restartPolicyMaxRetries": "restartPolicyMaxRetries",
  "deploy.cronSchedule": "cronSchedule",
};

function nixFacts(svc: ServiceFacts): NixpacksFileFacts | null {
  const n = svc.nixpacks;
  if (!n) return null;
  return {
    installCmds: !!n.phases.get("install")?.lists.cmds,
    buildCmds: !!n.phases.get("build")?.lists.cmds,
    startCmd: n.startCmd !== null,
  };
}

/** The plan for a service configured by config-as-code, null when it has no such file. */
export function planFor(svc: ServiceFacts, wsName: string): ServicePlan | null {
  const r = svc.railway ?? svc.railwayUnread;
  if (!r) return null;
  const name =
    (svc.railwayTs ? definiteValue(svc.railwayTs.name) : null) ??
    svc.name ??
    (svc.root === "" ? wsName : basename(svc.root));
  return planService(r, { name, root: svc.root, nixFile: nixFacts(svc) });
}

/** Drops what an existing railway.ts service already sets (when the reader can tell). */
export function missingOnly(plan: ServicePlan, ts: RailwayTsService): ServicePlan {
  const keep = (group: string) => (_v: unknown, k: string) => {
    const f = READ_BACK[`${group}.${k}`];
    return !f || ts[f] === null;
  };
  const filter = (m: ServicePlan["build"], group: string) =>
    new Map([...m].filter(([k, v]) => keep(group)(v, k)));
  const haveEnv = new Set(ts.env.map((e) => e.name));
  return {
    ...plan,
    build: filter(plan.build, "build"),
    intent: filter(plan.intent, "intent"),
    deploy: filter(plan.deploy, "deploy"),
    env: plan.env.filter((e) => !haveEnv.has(e.name)),
  };
}

export function isEmpty(plan: ServicePlan): boolean {
  return !plan.build.size && !plan.intent.size && !plan.deploy.size && !plan.env.length && !plan.notes.length;
}

/**
 * The snippet the `config-as-code-deprecated` finding carries: the service as railway.ts would
 * write it, or the keys to add to its existing railway.ts service.
 */
export function migrationSnippet(
  svc: ServiceFacts,
  wsName: string,
  opts: { several?: boolean } = {},
): string | null {
  const plan = planFor(svc, wsName);
  if (!plan) return null;
  const ts = svc.railwayTs;
  if (ts) {
    const p = missingOnly(plan, ts);
    if (isEmpty(p)) return null;
    if (isRailwayPy(ts.span.file)) {
      return [
        `# add to service(${JSON.stringify(plan.name)}, …) in ${ts.span.file} (line ${ts.span.line}); merge into its build/deploy dicts`,
        ...pyServiceArgs(p, "", { root: false }),
      ].join("\n");
    }
    const opts = tsServiceOptions(p, "", { root: false });
    return [
      `// add to service(${JSON.stringify(plan.name)}, …) in ${ts.span.file} (line ${ts.span.line}); merge into its build/deploy objects`,
      ...opts.slice(1, -1).map((l) => l.slice(2)),
    ].join("\n");
  }
  if (!opts.several) return renderRailwayTs([plan], wsName).trimEnd();
  // Several services migrate into one file: this one's block, and where the whole file comes from.
  const o = tsServiceOptions(plan, "");
  const v = plan.name.replace(/[^A-Za-z0-9_$]/g, "_");
  return [
    "// One .railway/railway.ts holds every service: `deploy-drift migrate` prints it whole.",
    `// This service's block; list \`${v}\` in project(…, { resources: [...] }).`,
    `const ${v} = ${plan.fn ? "fn" : "service"}(${JSON.stringify(plan.name)}, ${o[0]}`,
    ...o.slice(1, -1),
    `${o.at(-1)});`,
  ].join("\n");
}
