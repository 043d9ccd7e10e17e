/**
 * The markdown report: the PR comment (`layout: "comment"`, the default and `--format markdown`) and the
 * job summary (`layout: "summary"`). Both open with one verdict line, then what blocks (each finding
 * once, with its location and its fix), then warnings and notices; the report's tables come last. The
 * comment folds each table into a `<details>` block with a one-line status and collapses long lists;
 * the job summary shows everything open. Every table has at most four columns (long commands go below
 * the table), every list and table is bounded with an "N more" line. Pure: report in, string out.
 */

import { inScope as inFilter } from "../changes/baseline.js";
import type { Finding } from "../model/finding.js";
import { severityRank } from "../model/finding.js";
import type { Detail, EnvRow, Report, ServiceReport } from "../model/report.js";
import { VERSION } from "../version.js";
import { changesBlock } from "./changes-markdown.js";
import { code, inline, oneLine, showBidi } from "./escape.js";

/** Rule pages of the release that produced the finding: the tag `vX.Y.Z` (docs/release.md). */
export const RULE_DOCS_BASE = `https://github.com/deploy-drift/deploy-drift/blob/v${VERSION}/docs/rules/`;

const ICON = { error: "❌", warning: "⚠️", notice: "ℹ️" } as const;

export type Layout = "comment" | "summary";

export interface MarkdownOptions {
  detail?: Detail;
  /** "comment" (default): tables folded, lists collapsed; "summary": the full report, open. */
  layout?: Layout;
  /** Where the full report lives (the job summary), linked from shorter tiers. */
  summaryUrl?: string;
  /**
   * Base URL of the analysed folder's files at the PR head (`…/blob/<sha>/dir/`): finding locations
   * become links to their line. Paths are percent-encoded segment by segment, so no repository text
   * can break out of the link.
   */
  blobUrl?: string;
}

/** Findings shown openly in a warnings/notices list before the rest folds away (comment layout). */
export const LIST_HANDFUL = 5;
/** Findings of one rule listed before an "N more" line; and of all rules in one list. */
export const PER_RULE_MAX = 20;
export const LIST_MAX = 200;
/** Rows of one table (compact tier: COMPACT_ROWS) before an "N more" row. */
export const TABLE_ROWS_MAX = 200;
const COMPACT_ROWS = 30;

/** A table or section of the report: a title, a one-line status, and its markdown lines. */
export interface Block {
  title: string;
  status: string;
  body: string[];
}

/** Appends without spreading (`push(...rows)` overflows the stack on very long arrays). */
export function add(out: string[], rows: readonly string[]): void {
  for (const r of rows) out.push(r);
}

/** Does this finding block the merge? (its severity reaches `fail-on`, and it is in the filter's scope). */
export function isBlocking(r: Report, f: Finding): boolean {
  return r.failOn !== "never" && severityRank(f.severity) <= severityRank(r.failOn) && inScope(r, f);
}

/** Under a `filter-mode` other than `nofilter`, findings already on the base branch neither block nor annotate. */
export function inScope(r: Report, f: Finding): boolean {
  return inFilter(f, r.filterMode);
}

export function renderMarkdown(report: Report, opts: MarkdownOptions = {}): string {
  const detail = opts.detail ?? "full";
  const layout = opts.layout ?? "comment";
  const out: string[] = [];
  out.push(verdict(report), "");
  const blocking = ordered(
    report,
    report.findings.filter((f) => isBlocking(report, f)),
  );
  const rest = ordered(
    report,
    report.findings.filter((f) => !isBlocking(report, f)),
  );
  if (blocking.length) {
    out.push(`#### Fix before merging (${blocking.length})`, "");
    add(out, findingList(blocking, detail === "summary" ? 10 : LIST_MAX, opts.blobUrl));
    out.push("");
  }
  const groups: Array<[string, Finding[]]> = [
    ["Errors that do not block", rest.filter((f) => f.severity === "error")],
    ["Warnings", rest.filter((f) => f.severity === "warning")],
    ["Notices", rest.filter((f) => f.severity === "notice")],
  ];
  for (const [title, fs] of groups) {
    if (fs.length === 0) continue;
    if (detail === "summary") continue;
    out.push(`#### ${title} (${fs.length})`, "");
    if (layout === "summary" || fs.length <= LIST_HANDFUL + 1)
      add(out, findingList(fs, LIST_MAX, opts.blobUrl));
    else {
      add(out, findingList(fs.slice(0, LIST_HANDFUL), LIST_HANDFUL, opts.blobUrl));
      out.push("", details(`${fs.length - LIST_HANDFUL} more ${title.toLowerCase()}`));
      add(out, findingList(fs.slice(LIST_HANDFUL), LIST_MAX, opts.blobUrl));
      out.push("", "</details>");
    }
    out.push("");
  }
  if (detail === "summary") {
    const others = rest.length;
    if (others) out.push(`${others} more finding${others === 1 ? "" : "s"} below \`fail-on\`.`, "");
    out.push(
      opts.summaryUrl
        ? `The full report is in the [job summary](${opts.summaryUrl}).`
        : "The full report is in the job summary.",
      "",
    );
    out.push(footer(report));
    return `${out.join("\n").trimEnd()}\n`;
  }
  const rows = detail === "compact" ? COMPACT_ROWS : TABLE_ROWS_MAX;
  const blocks: Block[] = [];
  const multi = report.services.length > 1;
  if (multi) blocks.push(servicesBlock(report));
  for (const s of report.services) {
    for (const b of serviceBlocks(s, report, rows))
      blocks.push(multi ? { ...b, title: `${b.title} (${s.root})` } : b);
  }
  const changes = changesBlock(report, rows);
  if (changes) blocks.push(changes);
  if (layout === "comment") {
    for (const b of blocks) {
      out.push(details(`${b.title} · ${b.status}`));
      add(out, b.body);
      out.push("", "</details>", "");
    }
    if (detail === "compact" && opts.summaryUrl)
      out.push(`Every row is in the [job summary](${opts.summaryUrl}).`, "");
  } else {
    for (const b of blocks) {
      out.push(`#### ${b.title}`, "", inline(b.status), "");
      add(out, b.body);
    }
  }
  out.push(footer(report));
  return `${out.join("\n").trimEnd()}\n`;
}

/** The first line: blocking or not, and the non-zero counts. */
function verdict(r: Report): string {
  const { error, warning, notice } = r.counts;
  const counts = [
    error ? `${ICON.error} ${plural(error, "error")}` : "",
    warning ? `${ICON.warning} ${plural(warning, "warning")}` : "",
    notice ? `${ICON.notice} ${plural(notice, "notice")}` : "",
  ].filter(Boolean);
  const where = `in ${code(r.root)}`;
  const blocking = r.findings.filter((f) => isBlocking(r, f)).length;
  if (r.blocking || blocking) {
    const what = r.failOn === "error" ? plural(blocking, "error") : plural(blocking, "finding");
    const scope = r.filterMode && r.filterMode !== "nofilter" ? ` (filter-mode \`${r.filterMode}\`)` : "";
    return `❌ **deploy-drift: ${what} block${blocking === 1 ? "s" : ""} this merge**${scope} ${where} · ${counts.join(" · ")}`;
  }
  if (counts.length === 0) {
    const n = r.services.length;
    return `✅ **deploy-drift: no drift found** ${where} · ${plural(n, "service")} checked`;
  }
  return `✅ **deploy-drift: nothing blocking** ${where} · ${counts.join(" · ")}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function footer(r: Report): string {
  return `<sub>deploy-drift ${inline(r.tool.version)} · run date ${r.runDate}</sub>`;
}

/** New findings first (when the run had a base revision), then the report's order. */
function ordered(r: Report, fs: Finding[]): Finding[] {
  if (!r.findings.some((f) => f.baseline)) return fs;
  const rank = (f: Finding) => (f.baseline === "new" ? 0 : f.baseline === "touched" ? 1 : 2);
  return fs
    .map((f, i) => ({ f, i }))
    .sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i)
    .map((x) => x.f);
}

/** `<details>` opening with an escaped one-line summary; the caller closes it. */
function details(summary: string): string {
  return `<details>\n<summary>${htmlText(summary)}</summary>\n`;
}

/** Text inside raw HTML (`<summary>`): HTML-escaped, backticks dropped, mentions and references inert. */
export function htmlText(s: string): string {
  return oneLine(s)
    .replace(/`/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/@/g, "@\u200b")
    .replace(/#/g, "#\u200b")
    .replace(/:\/\//g, ":\u200b//");
}

function loc(file: string, line: number | null): string {
  return line ? code(`${file}:${line}`) : file ? code(file) : "";
}

function ruleLink(rule: string): string {
  return `[${rule}](${RULE_DOCS_BASE}${rule}.md)`;
}

const ORIGIN = { new: "🆕 new", touched: "in a changed file", existing: "already on the base branch" };

/** A finding's paste-ready snippet (`deploy-drift migrate` output), collapsed; fenced longer than its backtick runs. */
function snippet(f: Finding, indent: string): string[] {
  if (!f.snippet) return [];
  const fence = "`".repeat(Math.max(3, ...(f.snippet.text.match(/`+/g) ?? []).map((r) => r.length + 1)));
  return [
    "",
    ...details(f.snippet.title)
      .split("\n")
      .map((l) => (l ? `${indent}${l}` : "")),
    `${indent}${fence}${f.snippet.language}`,
    ...showBidi(f.snippet.text)
      .split("\n")
      .map((l) => (l ? `${indent}${l}` : "")),
    `${indent}${fence}`,
    "",
    `${indent}</details>`,
    "",
  ];
}

/**
 * One item per root cause: a finding with its location, evidence and fix; findings of one rule that
 * share a fix (every requirement missing from one lock) are one item, the fix once, the places below.
 * At most PER_RULE_MAX findings per rule and `max` in all, then an "N more" line.
 */
function findingList(fs: Finding[], max: number, blobUrl?: string): string[] {
  const out: string[] = [];
  const groups = new Map<string, Finding[]>();
  for (const f of fs) {
    const k = `${f.rule}\0${f.severity}\0${f.fix}`;
    const g = groups.get(k);
    if (g) g.push(f);
    else groups.set(k, [f]);
  }
  let shown = 0;
  let dropped = 0;
  const capped: string[] = [];
  const perRule = new Map<string, number>();
  for (const g of groups.values()) {
    const used = perRule.get(g[0]!.rule) ?? 0;
    const room = Math.min(PER_RULE_MAX - used, max - shown);
    if (room <= 0 && used >= PER_RULE_MAX && !capped.includes(code(g[0]!.rule)))
      capped.push(code(g[0]!.rule));
    if (room <= 0) {
      dropped += g.length;
      continue;
    }
    const f = g[0]!;
    const fix = `**Fix:** ${inline(f.fix)} <sub>${ruleLink(f.rule)}</sub>`;
    if (g.length === 1) {
      out.push(`- ${ICON[f.severity]} ${place(f, blobUrl)}\\`, `  ${fix}`, ...snippet(f, "  "));
    } else {
      out.push(`- ${ICON[f.severity]} ${fix}`);
      for (const x of g.slice(0, room)) out.push(`  - ${place(x, blobUrl)}`, ...snippet(x, "    "));
    }
    shown += Math.min(g.length, room);
    perRule.set(f.rule, used + Math.min(g.length, room));
    if (g.length > room) {
      dropped += g.length - room;
      if (!capped.includes(code(f.rule))) capped.push(code(f.rule));
    }
  }
  if (dropped)
    out.push(
      `- … and ${dropped} more${capped.length ? ` (${capped.join(", ")} listed ${PER_RULE_MAX} times at most)` : ""}: \`--format json\` has them all`,
    );
  return out;
}

/** A repository path as URL path segments: every character a link could break on is percent-encoded. */
export function urlPath(path: string): string {
  return path
    .split("/")
    .map((seg) =>
      encodeURIComponent(seg).replace(/[()'!*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`),
    )
    .join("/");
}

/** A finding's location and evidence, on one line. */
function place(f: Finding, blobUrl?: string): string {
  const where = f.line ? `${f.file}:${f.line}${f.column ? `:${f.column}` : ""}` : f.file;
  const loc =
    blobUrl && f.file !== "."
      ? `[${code(where)}](${blobUrl}${urlPath(f.file)}${f.line ? `#L${f.line}` : ""})`
      : code(where);
  const origin = f.baseline ? ` <sub>${ORIGIN[f.baseline]}</sub>` : "";
  const also = f.related?.length
    ? ` (also ${f.related
        .slice(0, 5)
        .map((s) => code(`${s.file}:${s.line}`))
        .join(", ")})`
    : "";
  return `${loc} ${inline(f.message)}${also}${origin}`;
}

function cap(s: string): string {
  return s === "railpack"
    ? "Railpack"
    : s === "nixpacks"
      ? "Nixpacks"
      : s === "heroku"
        ? "Heroku"
        : "Dockerfile";
}

/** A table from a header and rows, at most `max` rows, then an "N more" row. */
function table(header: string[], rows: string[][], max: number): string[] {
  const out = [`| ${header.join(" | ")} |`, `|${header.map(() => "---").join("|")}|`];
  let i = 0;
  for (const r of rows) {
    if (i++ >= max) break;
    out.push(`| ${r.join(" | ")} |`);
  }
  if (rows.length > max) out.push(`| … ${rows.length - max} more |${" |".repeat(header.length - 1)}`);
  out.push("");
  return out;
}

function worst(fs: Finding[]): string {
  if (fs.length === 0) return "✅";
  return fs.some((f) => f.severity === "error") ? "❌" : fs.some((f) => f.severity === "warning") ? "⚠️" : "ℹ️";
}

function status(fs: Finding[], ok: string): string {
  if (fs.length === 0) return `✅ ${ok}`;
  const rules = [...new Set(fs.map((f) => f.rule))];
  return `${worst(fs)} ${plural(fs.length, "finding")}: ${rules.slice(0, 3).join(", ")}${rules.length > 3 ? ", …" : ""}`;
}

function servicesBlock(r: Report): Block {
  const rows = r.services.map((s) => [
    `${code(s.root)}<br><sub>from ${inline(s.origin)}</sub>`,
    cap(s.builder.name),
    s.pythonVersion ? code(s.pythonVersion) : "default",
    s.lockfileInSync === null ? "➖ no lock" : s.lockfileInSync ? "✅ in sync" : "❌ out of sync",
  ]);
  return {
    title: "Services",
    status: `${r.services.length} services`,
    body: ["", ...table(["Service", "Builder", "Python", "Lockfile"], rows, TABLE_ROWS_MAX)],
  };
}

function serviceBlocks(s: ServiceReport, r: Report, max: number): Block[] {
  const sec = s.sections;
  const mine = r.findings.filter((f) => f.service === s.root);
  const by = (prefixes: string[]) => mine.filter((f) => prefixes.some((p) => f.rule.startsWith(p)));
  const blocks: Block[] = [];

  // Python versions
  {
    const body: string[] = [""];
    if (sec.python.sources.length === 0) body.push("No file states a Python version.", "");
    else
      add(
        body,
        table(
          ["File", "Python", "Format", "Status"],
          sec.python.sources.map((p) => [
            loc(p.file, p.line),
            code(p.raw),
            inline(p.format),
            inline(p.status),
          ]),
          max,
        ),
      );
    const bad = sec.python.sources.filter((p) => p.status.startsWith("❌")).length;
    blocks.push({
      title: "Python versions",
      status:
        sec.python.sources.length === 0
          ? `➖ none stated; ${cap(s.builder.name)} uses ${s.pythonVersion ?? "its default"}`
          : bad
            ? `❌ ${bad} of ${sec.python.sources.length} files disagree`
            : `✅ ${s.pythonVersion ?? "default"}, ${plural(sec.python.sources.length, "file")} agree`,
      body,
    });
  }

  // What each builder will do: short facts in the table, the commands below it.
  {
    const body: string[] = [
      "",
      `**Service:** ${code(s.name)}, from ${inline(s.origin)}.`,
      "",
      `**Railway uses ${cap(s.builder.name)}:** ${inline(s.builder.reason)}`,
      "",
    ];
    add(
      body,
      table(
        ["Builder", "Python", "Virtualenv", "Installs with"],
        sec.plans.map((b) => [
          b.selected ? `**${cap(b.builder)}** ▶` : cap(b.builder),
          `${code(b.python)}<br><sub>${inline(b.pythonFrom)}</sub>`,
          code(b.venv),
          inline(b.packageManager),
        ]),
        max,
      ),
    );
    for (const b of sec.plans) {
      body.push(`- **${cap(b.builder)}**${b.selected ? " ▶ Railway uses this" : ""}\\`);
      body.push(`  install: ${code(b.install)} <sub>${inline(b.installFrom)}</sub>\\`);
      body.push(`  start: ${b.start ? code(b.start) : "❌ none"} <sub>${inline(b.startFrom)}</sub>`);
    }
    body.push("");
    blocks.push({ title: "What each builder will do", status: `▶ ${cap(s.builder.name)}`, body });
  }

  // Start command
  {
    const body: string[] = [""];
    if (sec.start.candidates.length === 0) body.push("No start command is configured.", "");
    else
      add(
        body,
        table(
          ["Source", "Command", "Status"],
          sec.start.candidates.map((c) => [
            `${inline(c.source)}${c.line ? ` (line ${c.line})` : ""}`,
            code(c.command),
            inline(c.status),
          ]),
          max,
        ),
      );
    body.push(
      sec.start.effective.command
        ? `**Runs:** ${code(sec.start.effective.command)} (from ${inline(sec.start.effective.from)})`
        : "**Runs:** nothing — no start command for this builder",
      "",
    );
    const fs = by(["start-command-"]);
    blocks.push({
      title: "Start command",
      status: sec.start.effective.command ? status(fs, "one command, checked") : "❌ no start command",
      body,
    });
  }

  // requirements vs lock
  {
    const body: string[] = [""];
    if (sec.lock.length === 0) body.push("No requirements/lock pair found.", "");
    else
      add(
        body,
        table(
          ["Requirements → lock", "Packages", "Locked", "Status"],
          sec.lock.map((l) => [
            `${code(l.requirements)} → ${code(l.lock)} (${l.kind})`,
            String(l.requirementsCount),
            String(l.lockCount),
            l.inSync ? "✅ in sync" : "❌ out of sync",
          ]),
          max,
        ),
      );
    for (const l of sec.lock) {
      const names = (xs: string[]) =>
        `${xs.slice(0, max).map(code).join(", ")}${xs.length > max ? `, … ${xs.length - max} more` : ""}`;
      if (l.missingInLock.length)
        body.push(
          `**Missing from ${code(l.lock)} (${l.missingInLock.length}):** ${names(l.missingInLock)}`,
          "",
        );
      if (l.extraInLock.length)
        body.push(`**Only in ${code(l.lock)} (${l.extraInLock.length}):** ${names(l.extraInLock)}`, "");
      if (l.mismatched.length)
        body.push(`**Different (${l.mismatched.length}):** ${names(l.mismatched)}`, "");
    }
    const out = sec.lock.filter((l) => !l.inSync);
    blocks.push({
      title: "Requirements vs lock",
      status:
        sec.lock.length === 0
          ? "➖ no lock"
          : out.length === 0
            ? "✅ in sync"
            : `❌ out of sync: ${out
                .map(
                  (l) =>
                    [
                      l.missingInLock.length ? `${l.missingInLock.length} missing` : "",
                      l.extraInLock.length ? `${l.extraInLock.length} extra` : "",
                      l.mismatched.length ? `${l.mismatched.length} different` : "",
                    ]
                      .filter(Boolean)
                      .join(", ") || "differs",
                )
                .join("; ")}`,
      body,
    });
  }

  // Dependency categories
  {
    const body: string[] = [""];
    const total = sec.categories.reduce((n, c) => n + c.count, 0);
    if (sec.categories.length === 0) body.push("No requirements.txt.", "");
    else
      add(
        body,
        table(
          ["Category", "Count", "Packages"],
          sec.categories.map((c) => [
            c.category,
            String(c.count),
            `${c.packages.slice(0, 40).map(code).join(", ")}${c.packages.length > 40 ? `, … ${c.packages.length - 40} more` : ""}`,
          ]),
          max,
        ),
      );
    blocks.push({
      title: "Dependency categories",
      status: sec.categories.length
        ? `${plural(total, "package")} in ${plural(sec.categories.length, "category")}`.replace(
            "categorys",
            "categories",
          )
        : "➖ no requirements",
      body,
    });
  }

  // Build configuration
  {
    const fs = by(["nixpacks-", "install-", "venv-", "builder-", "system-library"]);
    blocks.push({
      title: "Build configuration",
      status: status(fs, `${cap(s.builder.name)} build checked`),
      body: [
        "",
        ...table(
          ["Item", "Value", "Where", "Status"],
          sec.build.map((b) => [b.item, code(b.value), loc(b.file, b.line), inline(b.status)]),
          max,
        ),
      ],
    });
  }

  // Railway configuration
  {
    const fs = by(["railway-", "config-as-code"]);
    const body: string[] = [""];
    if (sec.railway.length === 0) body.push("No railway.json or railway.toml.", "");
    else
      add(
        body,
        table(
          // Three columns: a long key and a long URL value already fill the 780 px column.
          ["Key", "Value", "Status"],
          sec.railway.map((k) => [
            `${code(k.key)}${k.line ? `<br><sub>line ${k.line}</sub>` : ""}`,
            code(k.value),
            inline(k.status),
          ]),
          max,
        ),
      );
    blocks.push({
      title: "Railway configuration",
      status:
        sec.railway.length === 0 && fs.length === 0
          ? "➖ none"
          : status(fs, plural(sec.railway.length, "key")),
      body,
    });
  }

  blocks.push(envBlock(sec.env, by(["env-", "committed-secret"]), max));

  // Checklist: ✅/❌ per item, a blank line between groups, never task-list boxes.
  {
    const body: string[] = [""];
    let group = "";
    for (const c of sec.checklist) {
      if (c.group !== group) {
        if (group) body.push("");
        group = c.group;
        body.push(`**${inline(group)}**`, "");
      }
      body.push(`- ${c.ok ? "✅" : "❌"} ${inline(c.item)}`);
    }
    body.push("");
    const ok = sec.checklist.filter((c) => c.ok).length;
    blocks.push({
      title: "Verification checklist",
      status: `${ok === sec.checklist.length ? "✅" : "❌"} ${ok} of ${sec.checklist.length} checks pass`,
      body,
    });
  }
  return blocks;
}

function envBlock(env: ServiceReport["sections"]["env"], fs: Finding[], max: number): Block {
  const body: string[] = [""];
  const title = "Environment variables";
  if (env.required.length + env.optional.length === 0) {
    body.push(
      env.scannedFiles === 0
        ? "No Python file to read environment variables from."
        : `No environment variable read found in ${plural(env.scannedFiles, "Python file")}.`,
      "",
    );
    return { title, status: fs.length ? status(fs, "") : "➖ none read", body };
  }
  const docs = (r: EnvRow) =>
    r.documentedIn.length
      ? r.documentedIn.map(code).join(", ")
      : r.providedBy === "railway"
        ? "✅ set by Railway"
        : "❌ nowhere";
  const readAt = (r: EnvRow) => `${loc(r.file, r.line)}<br><sub>${inline(r.via)}</sub>`;
  body.push(
    `Read from the code (${plural(env.scannedFiles, "Python file")}); compared with ${env.documentation.length ? env.documentation.map(code).join(", ") : "no declaration file (no `.env.example`, no `.railway/railway.ts` or `.railway/railway.py`)"}.`,
    "",
    "**Required** (startup fails if missing)",
    "",
  );
  if (env.required.length === 0) body.push("None: every variable has a default.", "");
  else
    add(
      body,
      table(
        ["Variable", "Read at", "Documented in"],
        env.required.map((r) => [code(r.name), readAt(r), docs(r)]),
        max,
      ),
    );
  body.push("**Optional** (have defaults)", "");
  if (env.optional.length === 0) body.push("None.", "");
  else
    add(
      body,
      table(
        ["Variable", "Default", "Read at", "Documented in"],
        env.optional.map((r) => [code(r.name), code(r.default ?? "None"), readAt(r), docs(r)]),
        max,
      ),
    );
  const undocumented = [...env.required, ...env.optional].filter(
    (r) => r.documentedIn.length === 0 && r.providedBy !== "railway",
  ).length;
  return {
    title,
    status: `${worst(fs)} ${env.required.length} required, ${env.optional.length} optional${undocumented ? `; ${undocumented} documented nowhere` : ""}`,
    body,
  };
}
