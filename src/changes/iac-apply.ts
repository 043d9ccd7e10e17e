/**
 * Railway does not read `.railway/` when it deploys: IaC settings change only when someone runs
 * `railway config apply`, or Railway's `railwayapp/config` action applies the plan on merge
 * (railwayapp/docs content/docs/infrastructure-as-code.md @5dc40e7b; railwayapp/config README). A
 * pull request that changes a service's IaC settings (start, build, healthcheck, pre-deploy, env…)
 * in a repository whose workflows do neither deploys the new code with the old settings: a warning.
 * Where a workflow applies it, a notice names the job, so the reviewer knows the merge applies it.
 */
import type { Config } from "../config/schema.js";
import type { ServiceFacts } from "../facts/service.js";
import type { Finding } from "../model/finding.js";
import { q } from "../model/quote.js";
import { definiteValue, type RailwayTsService, type Valued } from "../sources/railway-iac/model/types.js";
import { changeSeverity } from "./severity.js";

const IAC_FILES = new Set([".railway/railway.ts", ".railway/railway.py", ".railway/railway.go"]);

/** The settings of a service that reach Railway, as comparable text (unknown values by position-free note). */
function settings(s: RailwayTsService): Record<string, string> {
  const show = <T>(v: Valued<T> | null): string =>
    v === null
      ? ""
      : v.provenance === "literal" || v.provenance === "constant"
        ? JSON.stringify(v.value)
        : v.provenance === "candidates"
          ? JSON.stringify(v.values.map((x) => x.value))
          : v.provenance;
  return {
    startCommand: show(s.startCommand),
    builder: show(s.builder),
    buildCommand: show(s.buildCommand),
    dockerfilePath: show(s.dockerfilePath),
    rootDirectory: show(s.rootDirectory),
    healthcheckPath: show(s.healthcheckPath),
    healthcheckTimeout: show(s.healthcheckTimeout),
    preDeployCommand: show(s.preDeployCommand),
    restartPolicyType: show(s.restartPolicyType),
    cronSchedule: show(s.cronSchedule),
    watchPatterns: show(s.watchPatterns),
    env: JSON.stringify(s.env.map((e) => [e.name, e.kind, e.value ? show(e.value) : ""])),
  };
}

export function iacApplyFindings(
  base: readonly ServiceFacts[],
  head: readonly ServiceFacts[],
  changedFiles: readonly string[],
  config: Config,
): Finding[] {
  const file = changedFiles.find((f) => IAC_FILES.has(f));
  if (!file) return [];
  const severity = changeSeverity(config, "iac-not-applied");
  if (!severity) return [];
  const nameOf = (s: RailwayTsService) => definiteValue(s.name) ?? "(unnamed)";
  const before = new Map(
    base.flatMap((s) => (s.railwayTs ? [[nameOf(s.railwayTs), settings(s.railwayTs)]] : [])),
  );
  const changed: Array<{ svc: ServiceFacts; keys: string[] }> = [];
  for (const h of head) {
    if (!h.railwayTs) continue;
    const now = settings(h.railwayTs);
    const was = before.get(nameOf(h.railwayTs));
    const keys = was ? Object.keys(now).filter((k) => now[k] !== was[k]) : ["(new service)"];
    if (keys.length) changed.push({ svc: h, keys });
  }
  if (changed.length === 0) return [];
  const applies = head[0]?.iacApply ?? [];
  const first = changed[0]!;
  const span = first.svc.railwayTs!.span;
  const what = changed.map((c) => `${q(nameOf(c.svc.railwayTs!))} (${c.keys.join(", ")})`).join(", ");
  if (applies.length > 0) {
    const a = applies[0]!;
    return [
      {
        rule: "iac-not-applied",
        severity: "notice",
        service: first.svc.display,
        file: span.file,
        line: span.line,
        column: span.column,
        message: `This change edits the Railway settings of ${what}; job ${q(a.job)} in ${a.file} applies them (${a.how})`,
        fix: "Nothing to fix; check the plan that job shows before merging.",
        related: [a.span],
      },
    ];
  }
  return [
    {
      rule: "iac-not-applied",
      severity,
      service: first.svc.display,
      file: span.file,
      line: span.line,
      column: span.column,
      message: `This change edits the Railway settings of ${what}, but Railway does not read ${span.file} when it deploys and no workflow runs \`railway config apply\` or uses \`railwayapp/config\`: merging deploys the new code with the old settings`,
      fix: "Run `railway config apply` when this merges, or add Railway's `railwayapp/config` action to a workflow so the plan is applied on merge.",
    },
  ];
}
