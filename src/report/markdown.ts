/**
 * The markdown report — the PR comment, the job summary and `--format markdown`. Sections follow the
 * hand-made audit teams write (Summary, Python Version Consistency, Start Command Verification,
 * requirements vs lock, Dependency Categories, Build Configuration, Railway Configuration, Findings,
 * Verification Checklist, Deployment Readiness), with every cell computed. Pure: report in, string out.
 */
import type { Finding } from "../model/finding.js";
import type { Detail, EnvRow, Report, ServiceReport } from "../model/report.js";
import { VERSION } from "../version.js";
import { renderChangesSection } from "./changes-markdown.js";
import { code, inline } from "./escape.js";

/** Rule pages of the release that produced the finding: the tag `vX.Y.Z` (docs/release.md). */
export const RULE_DOCS_BASE = `https://github.com/deploy-drift/deploy-drift/blob/v${VERSION}/docs/rules/`;

const ICON = { error: "❌", warning: "⚠️", notice: "ℹ️" } as const;

export interface MarkdownOptions {
  detail?: Detail;
  /** Where the full report lives (the job summary), linked from shorter tiers. */
  summaryUrl?: string;
}

export function renderMarkdown(report: Report, opts: MarkdownOptions = {}): string {
  const detail = opts.detail ?? "full";
  const out: string[] = [];
  out.push(`## deploy-drift: config & runtime alignment — ${code(report.root)}`, "");
  out.push(...summary(report), "");
  if (detail === "summary") {
    out.push(...topFindings(report.findings, 10), "");
    out.push(
      opts.summaryUrl
        ? `The full report is in the [job summary](${opts.summaryUrl}).`
        : "The full report is in the job summary.",
    );
    return `${out.join("\n").trimEnd()}\n`;
  }
  const multi = report.services.length > 1;
  for (const s of report.services) {
    if (multi) out.push(`## Service ${code(s.root)}`, "");
    out.push(...serviceSections(s, report, multi ? "####" : "###"));
  }
  out.push(...renderChangesSection(report, detail));
  out.push(`### Findings`, "");
  if (report.findings.length === 0) out.push("No findings. ✅", "");
  else if (detail === "full") out.push(...findingsTable(report.findings), "");
  else {
    out.push(...topFindings(report.findings, 50), "");
    if (opts.summaryUrl)
      out.push(`Fixes and the remaining details are in the [job summary](${opts.summaryUrl}).`, "");
  }
  out.push(...readiness(report));
  return `${out.join("\n").trimEnd()}\n`;
}

function summary(r: Report): string[] {
  const { error, warning, notice } = r.counts;
  const lines: string[] = [];
  const verdict = r.blocking
    ? `❌ **Blocking** — findings at or above \`${r.failOn}\` must be fixed before merging.`
    : error + warning + notice === 0
      ? "✅ **All deployment configuration is consistent.**"
      : "✅ **Nothing blocking.**";
  lines.push("### Summary", "", verdict, "");
  lines.push(
    `${ICON.error} ${error} error${error === 1 ? "" : "s"} · ${ICON.warning} ${warning} warning${warning === 1 ? "" : "s"} · ${ICON.notice} ${notice} notice${notice === 1 ? "" : "s"}`,
    "",
  );
  lines.push("| Service | Builder | Python | Start command | Lockfile |", "|---|---|---|---|---|");
  for (const s of r.services) {
    const lock =
      s.lockfileInSync === null ? "➖ no lock" : s.lockfileInSync ? "✅ in sync" : "❌ out of sync";
    const startCmd = s.sections.start.effective.command;
    lines.push(
      `| ${code(s.root)} | ${cap(s.builder.name)} | ${s.pythonVersion ? code(s.pythonVersion) : "default"} | ${startCmd ? code(startCmd) : "❌ none"} | ${lock} |`,
    );
  }
  return lines;
}

function cap(s: string): string {
  return s === "railpack" ? "Railpack" : s === "nixpacks" ? "Nixpacks" : "Dockerfile";
}

function loc(file: string, line: number | null): string {
  return line ? code(`${file}:${line}`) : file ? code(file) : "";
}

function serviceSections(s: ServiceReport, r: Report, h: string): string[] {
  const out: string[] = [];
  const sec = s.sections;
  const mine = r.findings.filter((f) => f.service === s.root);
  const rulesNote = (prefixes: string[]) => {
    const fs = mine.filter((f) => prefixes.some((p) => f.rule.startsWith(p)));
    return fs.length ? [...fs.map(bullet), ""] : [];
  };

  out.push(`${h} Python Version Consistency`, "");
  if (sec.python.sources.length === 0) out.push("No file states a Python version.", "");
  else {
    out.push("| File | Python Version | Format | Status |", "|---|---|---|---|");
    for (const p of sec.python.sources)
      out.push(`| ${loc(p.file, p.line)} | ${code(p.raw)} | ${inline(p.format)} | ${inline(p.status)} |`);
    out.push("");
  }
  out.push(`**Builder:** ${cap(s.builder.name)} — ${inline(s.builder.reason)}`, "");
  out.push(`${h} What each builder will do`, "");
  out.push("| Builder | Python | Install | Virtualenv | Start command |", "|---|---|---|---|---|");
  for (const b of sec.plans) {
    const name = b.builder === "heroku" ? "Heroku" : cap(b.builder);
    out.push(
      `| ${b.selected ? `**${name}** ▶ Railway uses this` : name} | ${code(b.python)}<br>${inline(b.pythonFrom)} | ${code(b.install)}<br>${inline(b.installFrom)} | ${code(b.venv)} | ${b.start ? code(b.start) : "❌ none"}<br>${inline(b.startFrom)} |`,
    );
  }
  out.push("");
  out.push(...rulesNote(["python-"]));

  out.push(`${h} Start Command Verification`, "");
  if (sec.start.candidates.length === 0) out.push("No start command is configured.", "");
  else {
    out.push("| Source | Command | Status |", "|---|---|---|");
    for (const c of sec.start.candidates)
      out.push(
        `| ${inline(c.source)}${c.line ? ` (line ${c.line})` : ""} | ${code(c.command)} | ${inline(c.status)} |`,
      );
    out.push("");
  }
  out.push(
    sec.start.effective.command
      ? `**Runs:** ${code(sec.start.effective.command)} (from ${inline(sec.start.effective.from)})`
      : "**Runs:** nothing — no start command for this builder",
    "",
  );
  out.push(...rulesNote(["start-command-"]));

  out.push(`${h} requirements.txt vs lock`, "");
  if (sec.lock.length === 0) out.push("No requirements/lock pair found.", "");
  for (const l of sec.lock) {
    out.push("| Requirements | Lock | Kind | Packages | Locked | Status |", "|---|---|---|---|---|---|");
    out.push(
      `| ${code(l.requirements)} | ${code(l.lock)} | ${l.kind} | ${l.requirementsCount} | ${l.lockCount} | ${l.inSync ? "✅ in sync" : "❌ out of sync"} |`,
      "",
    );
    if (l.missingInLock.length)
      out.push(
        `**Missing from ${code(l.lock)} (${l.missingInLock.length}):** ${l.missingInLock.map(code).join(", ")}`,
        "",
      );
    if (l.extraInLock.length)
      out.push(
        `**Only in ${code(l.lock)} (${l.extraInLock.length}):** ${l.extraInLock.map(code).join(", ")}`,
        "",
      );
    if (l.mismatched.length)
      out.push(`**Different (${l.mismatched.length}):** ${l.mismatched.map(code).join(", ")}`, "");
  }

  out.push(`${h} Dependency Categories`, "");
  if (sec.categories.length === 0) out.push("No requirements.txt.", "");
  else {
    out.push("| Category | Count | Packages |", "|---|---|---|");
    for (const c of sec.categories)
      out.push(`| ${c.category} | ${c.count} | ${c.packages.map(code).join(", ")} |`);
    out.push("", `**Total:** ${sec.categories.reduce((n, c) => n + c.count, 0)} packages`, "");
  }

  out.push(`${h} Build Configuration`, "");
  out.push("| Item | Value | Where | Status |", "|---|---|---|---|");
  for (const b of sec.build)
    out.push(`| ${b.item} | ${code(b.value)} | ${loc(b.file, b.line)} | ${inline(b.status)} |`);
  out.push("");
  out.push(...rulesNote(["nixpacks-", "install-", "venv-", "builder-"]));

  out.push(`${h} Railway Configuration`, "");
  if (sec.railway.length === 0) out.push("No railway.json or railway.toml.", "");
  else {
    out.push("| Key | Value | Line | Status |", "|---|---|---|---|");
    for (const k of sec.railway)
      out.push(`| ${code(k.key)} | ${code(k.value)} | ${k.line ?? ""} | ${inline(k.status)} |`);
    out.push("");
  }
  out.push(...rulesNote(["railway-", "config-as-code"]));

  out.push(...envSection(sec.env, h));
  out.push(...rulesNote(["env-", "committed-secret"]));

  out.push(`${h} Verification Checklist`, "");
  let group = "";
  for (const c of sec.checklist) {
    if (c.group !== group) {
      group = c.group;
      out.push(`**${group}**`);
    }
    out.push(`- [${c.ok ? "x" : " "}] ${c.item}`);
  }
  out.push("");
  return out;
}

function envSection(env: ServiceReport["sections"]["env"], h: string): string[] {
  const out = [`${h} Environment Variables`, ""];
  if (env.required.length + env.optional.length === 0) {
    out.push(
      env.scannedFiles === 0
        ? "No Python file to read environment variables from."
        : `No environment variable read found in ${env.scannedFiles} Python file${env.scannedFiles === 1 ? "" : "s"}.`,
      "",
    );
    return out;
  }
  const docs = (r: EnvRow) =>
    r.documentedIn.length
      ? r.documentedIn.map(code).join(", ")
      : r.providedBy === "railway"
        ? "✅ set by Railway"
        : "❌ nowhere";
  out.push(
    `Read from the code (${env.scannedFiles} Python file${env.scannedFiles === 1 ? "" : "s"}); compared with ${env.documentation.length ? env.documentation.map(code).join(", ") : "no declaration file (no `.env.example`, no `.railway/railway.ts`)"}.`,
    "",
  );
  out.push(`${h}# Required (fails startup if missing)`, "");
  if (env.required.length === 0) out.push("None: every variable has a default.", "");
  else {
    out.push("| Variable | Read at | Via | Documented in |", "|---|---|---|---|");
    for (const r of env.required)
      out.push(`| ${code(r.name)} | ${loc(r.file, r.line)} | ${inline(r.via)} | ${docs(r)} |`);
    out.push("");
  }
  out.push(`${h}# Optional (have defaults)`, "");
  if (env.optional.length === 0) out.push("None.", "");
  else {
    out.push("| Variable | Default | Read at | Via | Documented in |", "|---|---|---|---|---|");
    for (const r of env.optional)
      out.push(
        `| ${code(r.name)} | ${code(r.default ?? "None")} | ${loc(r.file, r.line)} | ${inline(r.via)} | ${docs(r)} |`,
      );
    out.push("");
  }
  return out;
}

function bullet(f: Finding): string {
  return `- ${ICON[f.severity]} ${loc(f.file, f.line)} ${inline(f.message)}`;
}

function ruleLink(rule: string): string {
  return `[${rule}](${RULE_DOCS_BASE}${rule}.md)`;
}

function findingsTable(findings: Finding[]): string[] {
  const out = ["| | Rule | Location | Finding | Fix |", "|---|---|---|---|---|"];
  for (const f of findings) {
    const where = f.line ? `${f.file}:${f.line}${f.column ? `:${f.column}` : ""}` : f.file;
    out.push(
      `| ${ICON[f.severity]} | ${ruleLink(f.rule)} | ${code(where)} | ${inline(f.message)} | ${inline(f.fix)} |`,
    );
  }
  return out;
}

function topFindings(findings: Finding[], n: number): string[] {
  if (findings.length === 0) return [];
  const out = findings.slice(0, n).map(bullet);
  if (findings.length > n) out.push(`- … and ${findings.length - n} more`);
  return out;
}

function readiness(r: Report): string[] {
  const out = ["### Deployment Readiness", ""];
  const errors = r.findings.filter((f) => f.severity === "error");
  if (r.blocking) {
    out.push(
      `❌ **Not safe to deploy** — ${r.counts.error} error${r.counts.error === 1 ? "" : "s"}${r.failOn === "warning" ? ` and ${r.counts.warning} warnings` : ""} to fix.`,
    );
  } else if (errors.length) out.push("⚠️ **Errors present, but `fail-on` does not block on them.**");
  else
    out.push(r.counts.warning ? "⚠️ **Deployable, with warnings worth fixing.**" : "✅ **Safe to deploy.**");
  out.push("", `<sub>deploy-drift ${r.tool.version} · run date ${r.runDate}</sub>`);
  return out;
}
