/**
 * The pure pipeline: workspace → sources → per-service facts → rules → findings → Report.
 * No GitHub, no process, no file system beyond the Workspace it is given.
 */
import { matchesGlob } from "./config/glob.js";
import { type LoadedConfig, loadConfig } from "./config/load.js";
import type { Config } from "./config/schema.js";
import { discoverServices } from "./facts/discover.js";
import { buildServiceFacts, isRequirementsName, type ServiceFacts } from "./facts/service.js";
import { compareFindings, type Finding, type Severity, severityRank } from "./model/finding.js";
import { emptyCounts, type Report } from "./model/report.js";
import { normalizeRelPath, type Workspace } from "./repo/workspace.js";
import { buildSections } from "./report/sections.js";
import type { RuleContext } from "./rules/context.js";
import { toFinding } from "./rules/define-rule.js";
import { RULES } from "./rules/index.js";
import { VERSION } from "./version.js";

export interface AnalyzeOptions {
  /** A config file inside the workspace, or its content (for files outside the scanned root). */
  config?: string | { file: string; text: string };
  /** Overrides the config's `fail-on`. */
  failOn?: Severity | "never";
  /** The run's "today" (end-of-life and deprecation dates). Defaults to now. */
  today?: Date;
}

export interface Analysis {
  report: Report;
  services: ServiceFacts[];
  config: LoadedConfig;
}

export function analyze(ws: Workspace, opts: AnalyzeOptions = {}): Report {
  return analyzeDetailed(ws, opts).report;
}

export function analyzeDetailed(ws: Workspace, opts: AnalyzeOptions = {}): Analysis {
  const today = (opts.today ?? new Date()).toISOString().slice(0, 10);
  const loaded = loadConfig(ws, opts.config);
  const config = loaded.config;
  const findings: Finding[] = [...loaded.findings];

  const roots =
    config.services?.map((s) => normalizeRelPath(s) ?? "").filter((s, i, a) => a.indexOf(s) === i) ??
    discoverServices(ws);
  const filesByRoot = groupFiles(ws.files(), roots);
  const services = roots.map((root) => buildServiceFacts(ws, root, filesByRoot.get(root) ?? []));

  for (const svc of services) {
    const ctx: RuleContext = { svc, config, today };
    for (const rule of RULES) {
      const setting = config.severity[rule.id];
      if (setting === "off") continue;
      const severity: Severity = setting ?? rule.defaultSeverity;
      let emits: ReturnType<typeof rule.check>;
      try {
        emits = rule.check(ctx);
      } catch (e) {
        findings.push({
          rule: "rule-crashed",
          severity: "error",
          service: svc.display,
          file: svc.display,
          line: null,
          column: null,
          message: `rule \`${rule.id}\` failed on this service: ${(e as Error).message}`,
          fix: "Please report this deploy-drift bug with the files involved; other rules still ran.",
        });
        continue;
      }
      for (const e of emits) findings.push(toFinding(rule, svc.display, e, severity));
    }
  }

  const kept = applySuppressions(dedupe(findings), config, today, loaded.file);
  kept.sort(compareFindings);
  const counts = emptyCounts();
  for (const f of kept) counts[f.severity]++;
  const failOn = opts.failOn ?? config["fail-on"];
  const blocking =
    failOn !== "never" && kept.some((f) => severityRank(f.severity) <= severityRank(failOn as Severity));
  const report: Report = {
    schemaVersion: 1,
    tool: { name: "deploy-drift", version: VERSION },
    root: ws.name,
    runDate: today,
    services: services.map((svc) => ({
      root: svc.display,
      name: svc.display === "." ? ws.name : svc.display,
      builder: { name: svc.builder.name, reason: svc.builder.reason },
      pythonVersion: svc.python.selected.version,
      lockfileInSync: svc.lockPairs.length === 0 ? null : svc.lockPairs.every((p) => p.diff.inSync),
      sections: buildSections(svc, kept),
    })),
    findings: kept,
    counts,
    failOn,
    blocking,
  };
  return { report, services, config: loaded };
}

/** Each file belongs to the deepest service root that contains it (own folder or `requirements/`). */
function groupFiles(files: string[], roots: string[]): Map<string, string[]> {
  const out = new Map<string, string[]>(roots.map((r) => [r, []]));
  const rootSet = new Set(roots);
  for (const f of files) {
    const parts = f.split("/");
    for (let n = parts.length - 1; n >= 0; n--) {
      const dir = parts.slice(0, n).join("/");
      if (rootSet.has(dir)) {
        if (n === parts.length - 1 || isRequirementsName(f, dir)) out.get(dir)!.push(f);
        break;
      }
    }
  }
  return out;
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const k = `${f.rule}|${f.file}|${f.line}|${f.column}|${f.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * `ignore` entries: matching findings are dropped; an entry past its `until` date no longer
 * suppresses and is itself reported (warning) so suppressions cannot rot silently.
 */
function applySuppressions(
  findings: Finding[],
  config: Config,
  today: string,
  configFile: string | null,
): Finding[] {
  if (config.ignore.length === 0) return findings;
  const out: Finding[] = [];
  const active = config.ignore.filter((i) => !i.until || i.until >= today);
  for (const i of config.ignore) {
    if (i.until && i.until < today) {
      out.push({
        rule: "suppression-expired",
        severity: "warning",
        service: ".",
        file: configFile ?? ".",
        line: null,
        column: null,
        message: `The suppression of \`${i.rule}\`${i.path ? ` for \`${i.path}\`` : ""} expired on ${i.until} ("${i.reason}"); its findings are reported again`,
        found: i.until,
        expected: `a date after ${today}`,
        fix: "Fix the findings, or extend `until` with a fresh reason.",
      });
    }
  }
  for (const f of findings) {
    if (active.some((i) => i.rule === f.rule && (!i.path || matchesGlob(f.file, i.path)))) continue;
    out.push(f);
  }
  return out;
}
