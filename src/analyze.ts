/**
 * The pure pipeline: workspace → sources → per-service facts → rules → findings → Report.
 * No GitHub, no process, no file system beyond the Workspace it is given.
 */

import { type FilterMode, inScope, markBaseline } from "./changes/baseline.js";
import { compareRevisions } from "./changes/compare.js";
import { iacApplyFindings } from "./changes/iac-apply.js";
import { mergeRootCauses } from "./changes/merge.js";
import { matchesGlob } from "./config/glob.js";
import {
  CONFIG_RULE,
  type ConfigValidator,
  findConfig,
  type LoadedConfig,
  loadConfig,
} from "./config/load.js";
import type { Config } from "./config/schema.js";
import { discoverServices, SERVICE_MARKERS } from "./facts/discover.js";
import { installedPins } from "./facts/pins.js";
import {
  type MappedIac,
  mapRailwayTsServices,
  RAILWAY_GO,
  RAILWAY_PY,
  RAILWAY_TS,
} from "./facts/railway-ts.js";
import {
  buildServiceFacts,
  type FileProblem,
  isRequirementsName,
  readText,
  type ServiceFacts,
} from "./facts/service.js";
import type { DependencyChange } from "./model/change.js";
import { compareFindings, type Finding, type Severity, severityRank } from "./model/finding.js";
import { compareText } from "./model/order.js";
import { q } from "./model/quote.js";
import { redactDeep } from "./model/redact.js";
import { emptyCounts, type Report } from "./model/report.js";
import type { ClientOptions } from "./pypi/client.js";
import type { PypiReleases } from "./pypi/release.js";
import { GAP_RULE, gapFindings } from "./repo/gaps.js";
import { joinPath, normalizeRelPath, type Workspace } from "./repo/workspace.js";
import { buildSections } from "./report/sections.js";
import { cappedFindings } from "./rules/cap.js";
import type { RuleContext } from "./rules/context.js";
import { ENGINE_RULES, RULES } from "./rules/index.js";
import { definiteValue, type RailwayTsConfig } from "./sources/railway-iac/model/types.js";
import { didYouMean } from "./sources/schema.js";
import type { IacApply, SetupPython, Workflow } from "./sources/workflows/parse.js";
import { VERSION } from "./version.js";

export interface AnalyzeOptions {
  /** A config file inside the workspace, or its content (for files outside the scanned root). */
  config?: string | { file: string; text: string };
  /** Overrides the config's `fail-on`. */
  failOn?: Severity | "never";
  /** Overrides the config's `filter-mode` (what blocks when there is a base revision). */
  filterMode?: FilterMode;
  /** The run's "today" (end-of-life and deprecation dates). Defaults to now. */
  today?: Date;
  /**
   * The revision a change is compared against (the pull request's base, `--base REF`): its files,
   * the files that differ (relative to the scanned root) and the pull request's labels.
   */
  base?: { ws: Workspace; changedFiles: string[]; labels?: string[] };
  /** Parsers kept out of the main bundle; `analyzeRepo` loads the ones the repository needs. */
  parsers?: OptionalParsers;
  /**
   * PyPI data for the pins (rules pin-requires-python, pin-no-wheel, pypi-unavailable). `analyzeRepo`
   * fills it when the look-ups are on; absent, the run is offline.
   */
  pypi?: PypiReleases;
  /**
   * The PyPI look-ups, for `analyzeRepo`: `enabled` overrides the config's `pypi` (`--pypi`); `client`
   * overrides the client's settings (timeouts, cache folder; `baseUrl` comes from `pypi-url`).
   */
  pypiLookups?: { enabled?: boolean; client?: Partial<ClientOptions> };
}

export interface OptionalParsers {
  /** The configuration's schema (zod): needed only when the repository has a configuration. */
  configSchema?: ConfigValidator;
  railwayTs?: (file: string, text: string) => RailwayTsConfig;
  /** `.railway/railway.py`, read into the same model as railway.ts. */
  railwayPy?: (file: string, text: string) => RailwayTsConfig;
  workflow?: (file: string, text: string) => Workflow;
}

const WORKFLOW_FILE = /^\.github\/workflows\/[^/]+\.ya?ml$/;

/**
 * Loads the heavy parsers only when their files exist: TypeScript for railway.ts, YAML for
 * workflows, and zod for a deploy-drift configuration (`config` as in `AnalyzeOptions`).
 */
export async function loadParsers(
  ws: Workspace,
  config?: AnalyzeOptions["config"],
): Promise<OptionalParsers> {
  const parsers: OptionalParsers = {};
  if (findConfig(ws, config).kind === "doc")
    parsers.configSchema = (await import("./config/schema.js")).ConfigSchema;
  if (ws.isFile(RAILWAY_TS))
    parsers.railwayTs = (await import("./sources/railway-iac/ts/parse.js")).parseRailwayTs;
  if (ws.isFile(RAILWAY_PY))
    parsers.railwayPy = (await import("./sources/railway-iac/py/parse.js")).parseRailwayPy;
  if (ws.files().some((f) => WORKFLOW_FILE.test(f))) {
    parsers.workflow = (await import("./sources/workflows/parse.js")).parseWorkflow;
  }
  return parsers;
}

/** The entry point for real runs: loads the parsers the repository needs, then analyzes it. */
export async function analyzeRepo(ws: Workspace, opts: AnalyzeOptions = {}): Promise<Report> {
  const parsers = {
    ...(await loadParsers(ws, opts.config)),
    ...(opts.base ? await loadParsers(opts.base.ws, opts.config) : {}),
    ...opts.parsers,
  };
  const withParsers = { ...opts, parsers };
  const looked = opts.pypi ? null : await lookUpPins(ws, withParsers);
  if (!looked) return analyze(ws, withParsers);
  // The services derived to find the pins are the ones the run analyses: derived once.
  return analyzeDetailed(ws, { ...withParsers, pypi: looked.pypi }, looked.derived).report;
}

/**
 * The opt-in PyPI look-ups: when `pypi` is on (config or `--pypi`), the exact pins every service
 * installs are fetched here, before the pure run, and reach the rules as data.
 */
async function lookUpPins(
  ws: Workspace,
  opts: AnalyzeOptions,
): Promise<{ pypi: PypiReleases; derived: Derived } | null> {
  const loaded = loadConfig(ws, opts.config, opts.parsers?.configSchema);
  if (!(opts.pypiLookups?.enabled ?? loaded.config.pypi)) return null;
  const today = (opts.today ?? new Date()).toISOString().slice(0, 10);
  const { services, findings } = deriveServices(ws, loaded.config, opts.parsers, today);
  const pins = services
    .flatMap((svc) => installedPins(svc))
    .map((r) => ({ name: r.normalized, version: r.pinned }));
  const { fetchReleases } = await import("./pypi/client.js");
  const pypi = await fetchReleases(pins, { baseUrl: loaded.config["pypi-url"], ...opts.pypiLookups?.client });
  return { pypi, derived: { loaded, services, discovery: findings } };
}

function discover(
  ws: Workspace,
  config: Config,
  parsers: OptionalParsers | undefined,
  today: string,
): Omit<Derived, "loaded"> {
  const d = deriveServices(ws, config, parsers, today);
  return { services: d.services, discovery: d.findings };
}

/** Configuration and service facts already derived for this workspace and options. */
interface Derived {
  loaded: LoadedConfig;
  services: ServiceFacts[];
  /** Findings of the discovery itself (skipped folders, unmapped services, no service at all). */
  discovery: Finding[];
}

export interface Analysis {
  report: Report;
  services: ServiceFacts[];
  config: LoadedConfig;
}

export function analyze(ws: Workspace, opts: AnalyzeOptions = {}): Report {
  return analyzeDetailed(ws, opts).report;
}

export function analyzeDetailed(ws: Workspace, opts: AnalyzeOptions = {}, derived?: Derived): Analysis {
  const today = (opts.today ?? new Date()).toISOString().slice(0, 10);
  const loaded = derived?.loaded ?? loadConfig(ws, opts.config, opts.parsers?.configSchema);
  const config = loaded.config;
  const { services, discovery } = derived ?? discover(ws, config, opts.parsers, today);
  const findings: Finding[] = [...loaded.findings, ...discovery];

  for (const svc of services) {
    const ctx: RuleContext = { svc, config, today, pypi: opts.pypi ?? null };
    for (const rule of RULES) {
      const setting = config.severity[rule.id];
      if (setting === "off") continue;
      // Python-provider behaviour applies only where the builder chose its Python provider.
      if (rule.pythonBuild && svc.provider.name !== "python" && svc.provider.name !== "dockerfile") continue;
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
      for (const f of cappedFindings(rule, svc.display, emits, severity)) findings.push(f);
    }
  }

  let changes: DependencyChange[] | null = null;
  let baseFindings: Finding[] | null = null;
  if (opts.base) {
    const { base, ...rest } = opts;
    // The look-ups cover the head's pins; the base run only feeds the comparison.
    const before = analyzeDetailed(base.ws, { ...rest, pypi: undefined });
    const cmp = compareRevisions(before, { services }, base.changedFiles, config, {
      labels: base.labels ?? [],
    });
    findings.push(...cmp.findings);
    findings.push(...iacApplyFindings(before.services, services, base.changedFiles, config));
    changes = cmp.changes;
    baseFindings = before.report.findings;
  }

  findings.push(...unknownRuleIds(loaded));
  // Last, once every read is done: what a budget kept from being listed or read is a blocking finding.
  const gapSeverity = config.severity[GAP_RULE];
  if (gapSeverity !== "off") {
    const sev = gapSeverity ?? "error";
    findings.push(
      ...gapFindings(ws, sev),
      ...(opts.base ? gapFindings(opts.base.ws, sev, "The base revision") : []),
    );
  }
  let kept = mergeRootCauses(
    applyEngineSeverity(applySuppressions(dedupe(findings), config, today, loaded.file), config),
  );
  if (baseFindings) kept = markBaseline(kept, baseFindings, opts.base?.changedFiles ?? []);
  const filterMode = opts.filterMode ?? config["filter-mode"];
  kept.sort(compareFindings);
  const counts = emptyCounts();
  for (const f of kept) counts[f.severity]++;
  const failOn = opts.failOn ?? config["fail-on"];
  const blocking =
    failOn !== "never" &&
    kept.some((f) => severityRank(f.severity) <= severityRank(failOn as Severity) && inScope(f, filterMode));
  const report: Report = {
    schemaVersion: 1,
    tool: { name: "deploy-drift", version: VERSION },
    root: ws.name,
    runDate: today,
    services: services.map((svc) => ({
      root: svc.display,
      name: svc.name ?? (svc.display === "." ? ws.name : svc.display),
      origin: svc.origin,
      builder: { name: svc.builder.name, reason: svc.builder.reason },
      pythonVersion: svc.python.selected.version,
      lockfileInSync: svc.lockPairs.length === 0 ? null : svc.lockPairs.every((p) => p.diff.inSync),
      // Sections quote start commands and requirement lines: credentials hidden (model/redact.ts).
      sections: redactDeep(buildSections(svc, kept)),
    })),
    findings: kept,
    counts,
    failOn,
    blocking,
    changes,
    ...(baseFindings ? { filterMode } : {}),
  };
  return { report, services, config: loaded };
}

/**
 * The deployments and their facts. Roots come from the configuration's `services`, else from
 * discovery (facts/discover.ts); `.railway/railway.ts` services are deployments of their own, several
 * per root when they share one. When railway.ts names every service's root, a discovered folder it
 * does not name is not deployed (unless it has its own railway.json/railway.toml, a service of its
 * own). Folders skipped, services that cannot be mapped, and an empty result are findings, so
 * nothing is dropped silently.
 */
function deriveServices(
  ws: Workspace,
  config: Config,
  parsers: OptionalParsers | undefined,
  today: string,
): { services: ServiceFacts[]; findings: Finding[] } {
  const findings: Finding[] = [];
  const configured = config.services
    ?.map((s) => normalizeRelPath(s) ?? "")
    .filter((s, i, a) => a.indexOf(s) === i);
  const found = configured ? { roots: configured, skipped: [] } : discoverServices(ws);
  const iac = readRailwayTs(ws, parsers);
  let roots = found.roots;
  if (iac.mapped && !configured) {
    const named = iac.mapped.byRoot;
    const keep = (r: string) =>
      named.has(r) ||
      !iac.mapped!.namesRoots ||
      ws.isFile(joinPath(r, "railway.json")) ||
      ws.isFile(joinPath(r, "railway.toml"));
    for (const r of roots.filter((r) => !keep(r)))
      findings.push(
        discoveryFinding(
          "folder-not-deployed",
          r,
          `\`${r === "" ? "." : r}/\` is not the root directory of any service in ${iac.file}, which names every service's root; it is analysed as part of no deployment`,
          `If Railway deploys this folder, add a service with \`rootDirectory\` for it to ${iac.file}.`,
        ),
      );
    roots = [...new Set([...roots.filter(keep), ...named.keys()])];
    for (const u of iac.mapped.unmapped) {
      const name = definiteValue(u.service.name) ?? "(unnamed)";
      findings.push({
        rule: "railway-service-unmapped",
        severity: "notice",
        service: ".",
        file: u.service.span.file,
        line: u.service.span.line,
        column: u.service.span.column,
        message: `The ${iac.file} service ${q(name)} is not analysed: ${u.reason}`,
        fix: "Give the service a literal `rootDirectory` (or `source: { rootDirectory }`) naming a folder of the repository, so deploy-drift can check it.",
      });
    }
  }
  for (const sk of found.skipped)
    findings.push(
      discoveryFinding(
        "folder-not-deployed",
        sk.dir,
        `\`${sk.dir}/\` is not analysed as a service: ${sk.reason} (it holds \`${sk.file}\`)`,
        "If Railway deploys this folder, list it in the configuration's `services` (or give it a railway.ts/railway.py service).",
      ),
    );
  roots = roots.sort((a, b) => (a === "" ? -1 : b === "" ? 1 : compareText(a, b)));
  const filesByRoot = groupFiles(ws.files(), roots);
  const workflows = readWorkflows(ws, parsers);
  const ci = workflows.setupPython;
  const configAsCodeRead = today < config["config-as-code-cutoff"];
  const services: ServiceFacts[] = [];
  for (const root of roots) {
    const ts = iac.mapped?.byRoot.get(root) ?? [];
    const display = root === "" ? "." : root;
    for (const one of ts.length ? ts : [null]) {
      const name = one ? definiteValue(one.name) : null;
      services.push(
        buildServiceFacts(ws, root, filesByRoot.get(root) ?? [], {
          railwayTs: one,
          // railway.ts is one file for the project: its own problems are reported once, with the first service.
          railwayTsProblems: services.length === 0 ? iac.problems : [],
          ci,
          iacApply: workflows.iacApply,
          configAsCodeRead,
          deployment: {
            // Services sharing a root are told apart by name.
            display: ts.length > 1 ? `${display} (${name ?? `service ${ts.indexOf(one!) + 1}`})` : display,
            name,
            origin: one
              ? `${iac.file} service ${q(name ?? "(unnamed)")}`
              : configured
                ? "the configuration's `services`"
                : originOf(ws, root),
          },
        }),
      );
    }
  }
  // A folder another service's own command reaches (`cd backend && …`, `--app-dir backend`,
  // `uvicorn backend.main:app`) is part of that service, not a deployment of its own.
  const named = iac.mapped?.byRoot;
  const absorbed = new Map<string, { by: ServiceFacts; command: string }>();
  if (!configured) {
    const byRoot = new Map(services.map((t) => [t.root, t]));
    for (const s of services) {
      // Only commands the service's builder runs: a nixpacks.toml start under Railpack reaches nothing.
      for (const c of s.start.candidates.filter((x) => x.readBy.includes(s.builder.name))) {
        for (const rel of reachedFolders(c.command)) {
          const root = normalizeRelPath(rel, s.root);
          const t = root ? byRoot.get(root) : undefined;
          if (!t || t === s || absorbed.has(t.root) || named?.has(t.root)) continue;
          // A folder with a build of its own (its Dockerfile or railway config) is a deployment.
          if (["railway.json", "railway.toml", "Dockerfile"].some((n) => ws.isFile(joinPath(t.root, n))))
            continue;
          absorbed.set(t.root, { by: s, command: c.command });
        }
      }
    }
  }
  for (const [root, a] of absorbed) {
    findings.push(
      discoveryFinding(
        "folder-not-deployed",
        root,
        `\`${root}/\` is not analysed as a service of its own: ${a.by.start.candidates.find((c) => c.command === a.command)?.label ?? "the start command"} of service \`${a.by.display}\` reaches it (${q(a.command)}), so it is part of that deployment`,
        "Nothing to fix. If Railway deploys this folder as a service of its own, give it a railway.ts/railway.py service with `rootDirectory`, or list it in the configuration's `services`.",
      ),
    );
  }
  if (absorbed.size) services.splice(0, services.length, ...services.filter((s) => !absorbed.has(s.root)));
  if (services.length === 0 && !iac.problems.length) {
    findings.push({
      rule: "no-service-found",
      severity: "warning",
      service: ".",
      file: ".",
      line: null,
      column: null,
      message: `No deployable Python service found: no folder holds requirements.txt, pyproject.toml, Pipfile, a Procfile, railway config or a Python main file Railpack detects${found.skipped.length ? `, outside ${found.skipped.length} skipped folder${found.skipped.length === 1 ? "" : "s"}` : ""}${iac.mapped?.unmapped.length ? `, and ${iac.mapped.unmapped.length} ${iac.file} service(s) could not be mapped to a folder` : ""}; nothing was checked`,
      fix: "Run deploy-drift on the repository (or folder) that Railway deploys, or name the service roots in the configuration's `services`.",
    });
  }
  return { services, findings };
}

/**
 * The folders a start command reaches, relative to its service root: `cd DIR`, `--app-dir DIR` /
 * `--chdir DIR` / `--pythonpath DIR`, and the package of an app module (`backend.main:app` →
 * `backend`). Words are split the way the shell splits plain words; quoted or computed paths are not
 * followed.
 */
function reachedFolders(command: string): string[] {
  const words = command.split(/\s+|&&|;/).filter(Boolean);
  const out: string[] = [];
  words.forEach((w, i) => {
    const next = (words[i + 1] ?? "").replace(/^\.\//, "").replace(/\/+$/, "");
    if (
      (w === "cd" || w === "--app-dir" || w === "--chdir" || w === "--pythonpath") &&
      /^[\w./-]+$/.test(next)
    )
      out.push(next);
    const mod = /^([A-Za-z_]\w*)\.[\w.]+(:[\w.()]+)?$/.exec(w);
    if (mod) out.push(mod[1]!);
  });
  return out;
}

/** Where a discovered root came from: its config-as-code file, else the files that make it a root. */
function originOf(ws: Workspace, root: string): string {
  for (const n of ["railway.toml", "railway.json"]) if (ws.isFile(joinPath(root, n))) return n;
  const markers = [...SERVICE_MARKERS].filter((n) => ws.isFile(joinPath(root, n)));
  return markers.length
    ? `a folder with ${markers.slice(0, 3).join(", ")}`
    : "a Python main file at the root";
}

function discoveryFinding(rule: string, dir: string, message: string, fix: string): Finding {
  return {
    rule,
    severity: "notice",
    service: ".",
    file: dir === "" ? "." : dir,
    line: null,
    column: null,
    message,
    fix,
  };
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

function readRailwayTs(
  ws: Workspace,
  parsers: OptionalParsers | undefined,
): { mapped: MappedIac | null; problems: FileProblem[]; file: string } {
  const problems: FileProblem[] = [];
  // Railway's CLI evaluates exactly one of railway.ts / railway.py / railway.go (railwayapp/cli
  // src/iac/engine.rs); railway.ts wins here when several exist, and the extra files are an error.
  const present = [RAILWAY_TS, RAILWAY_PY, RAILWAY_GO].filter((f) => ws.isFile(f));
  const file = present.find((f) => f !== RAILWAY_GO) ?? RAILWAY_TS;
  if (present.includes(RAILWAY_GO)) problems.push(iacNotice(RAILWAY_GO));
  if (present.length > 1) problems.push(iacConflict(present));
  // Read first: an IaC file that is a link out of the repository (or not a file) is an
  // unreadable-file finding and needs no parser.
  const text = readText(ws, file, problems);
  if (text === null) return { mapped: null, problems, file };
  const parse = file === RAILWAY_PY ? parsers?.railwayPy : parsers?.railwayTs;
  if (!parse) throw new Error(`${file} exists: call analyzeRepo(), which loads its parser`);
  const cfg = parse(file, text);
  for (const d of cfg.diagnostics) problems.push({ file, kind: "syntax", diagnostic: d });
  return { mapped: mapRailwayTsServices(cfg, ws), problems, file };
}

function iacNotice(file: string): FileProblem {
  return {
    file,
    kind: "syntax",
    diagnostic: {
      message: `${file} (Railway IaC in Go, beta) is not analysed by deploy-drift: the settings it declares (start command, builder, variables) are not checked`,
      span: { file, line: 1, column: 1 },
      fix: "Nothing to fix; check the Go file's settings by hand, or author the IaC in railway.ts or railway.py.",
      severity: "notice",
    },
  };
}

function iacConflict(present: string[]): FileProblem {
  const file = present[1]!;
  return {
    file,
    kind: "syntax",
    diagnostic: {
      message: `.railway/ holds ${present.join(", ")}; Railway's CLI wants exactly one IaC file, so \`railway config plan\` and \`apply\` refuse to run`,
      span: { file, line: 1, column: 1 },
      fix: `Keep one IaC file (${present[0]}) and delete the others.`,
      severity: "error",
    },
  };
}

const KNOWN_RULES = new Set<string>([...RULES.map((r) => r.id), ...ENGINE_RULES.map((r) => r.id)]);
const ENGINE_IDS = new Set<string>(ENGINE_RULES.map((r) => r.id));

/** `severity` keys and `ignore[].rule` values must name real rules: a typo would silently do nothing. */
function unknownRuleIds(loaded: LoadedConfig): Finding[] {
  const out: Finding[] = [];
  const doc = loaded.doc;
  if (!doc || !loaded.file) return out;
  const report = (id: string, path: Array<string | number>, where: string) => {
    const span = doc.keySpan(path) ?? doc.valueSpan(path) ?? doc.spanFor(path);
    const s = didYouMean(id, [...KNOWN_RULES]);
    out.push({
      rule: CONFIG_RULE,
      severity: "error",
      service: ".",
      file: loaded.file!,
      line: span.line,
      column: span.column,
      message: `${where} names \`${id}\`, which is not a deploy-drift rule${s ? `; did you mean \`${s}\`?` : ""}`,
      fix: s ? `Use \`${s}\`.` : "Use a rule id from docs/rules/README.md.",
    });
  };
  for (const id of Object.keys(loaded.config.severity)) {
    if (!KNOWN_RULES.has(id)) report(id, [...loaded.base, "severity", id], "`severity`");
  }
  loaded.config.ignore.forEach((entry, i) => {
    if (!KNOWN_RULES.has(entry.rule))
      report(entry.rule, [...loaded.base, "ignore", i, "rule"], "An `ignore` entry");
  });
  return out;
}

/** Per-service rules take their configured severity when they run; engine rules get it here. */
function applyEngineSeverity(findings: Finding[], config: Config): Finding[] {
  return findings.flatMap((f) => {
    const s = ENGINE_IDS.has(f.rule) && f.rule !== "rule-crashed" ? config.severity[f.rule] : undefined;
    if (!s) return [f];
    return s === "off" ? [] : [{ ...f, severity: s }];
  });
}

/**
 * What the scanned root's workflows say: the Python versions CI sets up (`actions/setup-python`) and
 * the steps that apply Railway IaC (`railway config apply`, `railwayapp/config`).
 */
function readWorkflows(
  ws: Workspace,
  parsers: OptionalParsers | undefined,
): { setupPython: SetupPython[]; iacApply: IacApply[] } {
  const out = { setupPython: [] as SetupPython[], iacApply: [] as IacApply[] };
  const files = ws.files().filter((f) => WORKFLOW_FILE.test(f));
  if (files.length === 0) return out;
  if (!parsers?.workflow) throw new Error("workflows exist: call analyzeRepo(), which loads the YAML parser");
  for (const f of files) {
    const r = ws.read(f);
    if (r.kind !== "ok") continue;
    const w = parsers.workflow(f, r.text);
    out.setupPython.push(...w.setupPython);
    out.iacApply.push(...w.iacApply);
  }
  return out;
}
