/**
 * Shared machinery for the hostile-input tests: real repositories in temp dirs, the real pipeline
 * (`analyzeRepo` over `DiskWorkspace`), every renderer and sink, and checkers that read markdown and
 * workflow commands the way GitHub does (cmark-gfm table cells, CommonMark code spans, the runner's
 * `::command props::message` parser).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as nodePath from "node:path";
import { vi } from "vitest";
import { analyzeRepo } from "../../src/analyze.js";
import { toCheckAnnotation } from "../../src/github/check-run.js";
import { coreIO } from "../../src/github/io.js";
import { emitWorkflowAnnotations } from "../../src/github/workflow-annotations.js";
import type { Finding } from "../../src/model/finding.js";
import type { Report } from "../../src/model/report.js";
import { DiskWorkspace } from "../../src/repo/disk.js";
import type { Workspace } from "../../src/repo/workspace.js";
import { toAnnotations } from "../../src/report/annotations.js";
import { renderJson } from "../../src/report/json.js";
import { RULE_DOCS_BASE, renderMarkdown } from "../../src/report/markdown.js";
import { renderSarif } from "../../src/report/sarif.js";
import { renderText } from "../../src/report/text.js";

export const TODAY = new Date("2026-11-26T12:00:00Z");

// ---------------------------------------------------------------------------------------------
// Temp repositories

const created: string[] = [];

/** A fresh temp dir (removed by `cleanupTempDirs`). */
export function tempDir(prefix = "dd-hostile-"): string {
  const d = fs.mkdtempSync(nodePath.join(os.tmpdir(), prefix));
  created.push(d);
  return d;
}

export type FileSpec = string | Buffer | { symlinkTo: string };

/** Writes a repository: text, raw bytes, or a real symlink (target written as given). */
export function writeRepo(dir: string, files: Record<string, FileSpec>): string {
  for (const [rel, spec] of Object.entries(files)) {
    const abs = nodePath.join(dir, rel);
    fs.mkdirSync(nodePath.dirname(abs), { recursive: true });
    if (typeof spec === "string" || Buffer.isBuffer(spec)) fs.writeFileSync(abs, spec);
    else fs.symlinkSync(spec.symlinkTo, abs);
  }
  return dir;
}

export function makeRepo(files: Record<string, FileSpec>): string {
  return writeRepo(tempDir(), files);
}

export function cleanupTempDirs(): void {
  for (const d of created.splice(0)) fs.rmSync(d, { recursive: true, force: true });
}

// ---------------------------------------------------------------------------------------------
// The pipeline and every output

export interface Outputs {
  report: Report;
  /** Every rendered output, by sink name. */
  out: Record<string, string>;
  /** The workflow commands written to stdout (one per line). */
  commands: string[];
  /** What was passed to each workflow command (to check the round trip). */
  emitted: Array<{ level: string; message: string; file: string | undefined }>;
}

export async function analyzeDir(dir: string): Promise<Report> {
  return analyzeRepo(new DiskWorkspace(dir), { today: TODAY });
}

/** Captures everything written to process.stdout while `fn` runs (synchronously). */
export function captureStdout(fn: () => void): string {
  let buf = "";
  const spy = vi.spyOn(process.stdout, "write").mockImplementation(((chunk: string | Uint8Array) => {
    buf += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
    return true;
  }) as typeof process.stdout.write);
  try {
    fn();
  } finally {
    spy.mockRestore();
  }
  return buf;
}

/**
 * Runs the real workflow-command path (`emitWorkflowAnnotations` through @actions/core), returning the
 * bytes written to stdout and what each command was meant to carry.
 */
export function workflowCommands(
  findings: readonly Finding[],
  dir = ".",
): Pick<Outputs, "commands" | "emitted"> {
  const emitted: Outputs["emitted"] = [];
  const real = coreIO({});
  const io = {
    ...real,
    error: (m: string, p?: { file?: string }) => {
      emitted.push({ level: "error", message: m, file: p?.file });
      real.error(m, p);
    },
    warning: (m: string, p?: { file?: string }) => {
      emitted.push({ level: "warning", message: m, file: p?.file });
      real.warning(m, p);
    },
    notice: (m: string, p?: { file?: string }) => {
      emitted.push({ level: "notice", message: m, file: p?.file });
      real.notice(m, p);
    },
  };
  const raw = captureStdout(() => {
    emitWorkflowAnnotations(io, toAnnotations(findings, dir));
  });
  const commands = raw.split(/\r?\n/);
  if (commands.at(-1) === "") commands.pop();
  return { commands, emitted };
}

export function renderAll(report: Report): Pick<Outputs, "out" | "commands" | "emitted"> {
  const wf = workflowCommands(report.findings);
  const out: Record<string, string> = {
    "markdown-full": renderMarkdown(report, { detail: "full" }),
    "markdown-compact": renderMarkdown(report, {
      detail: "compact",
      summaryUrl: "https://github.com/o/r/actions/runs/1",
    }),
    "markdown-summary": renderMarkdown(report, {
      detail: "summary",
      summaryUrl: "https://github.com/o/r/actions/runs/1",
    }),
    text: renderText(report),
    "text-color": renderText(report, { color: true }),
    json: renderJson(report),
    sarif: renderSarif(report),
    "check-run-annotations": JSON.stringify(toAnnotations(report.findings, ".").map(toCheckAnnotation)),
    "workflow-commands": wf.commands.join("\n"),
  };
  return { out, ...wf };
}

export async function runAll(dir: string): Promise<Outputs> {
  const report = await analyzeDir(dir);
  return { report, ...renderAll(report) };
}

export async function runWorkspace(ws: Workspace): Promise<Outputs> {
  const report = await analyzeRepo(ws, { today: TODAY });
  return { report, ...renderAll(report) };
}

export const MARKDOWN_KINDS = ["markdown-full", "markdown-compact", "markdown-summary"] as const;

// ---------------------------------------------------------------------------------------------
// Markdown, read the way GitHub reads it

/**
 * Splits a table row into cells like cmark-gfm: `table_cell = (escaped_char | [^|\r\n])+` with re2c's
 * longest match, so a `|` directly after a backslash belongs to the cell and every other `|` is a
 * delimiter. Returns the cells with `\|` unescaped (what the inline parser then sees).
 */
export function tableCells(row: string): string[] {
  const cells: string[] = [];
  let cur = "";
  for (let i = 0; i < row.length; i++) {
    const c = row[i]!;
    if (c === "|" && row[i - 1] !== "\\") {
      cells.push(cur);
      cur = "";
    } else cur += c;
  }
  cells.push(cur);
  // Leading and trailing pipes delimit nothing.
  if (row.trimStart().startsWith("|")) cells.shift();
  if (row.trimEnd().endsWith("|") && row.trimEnd().at(-2) !== "\\") cells.pop();
  return cells.map((c) => c.replace(/\\\|/g, "|"));
}

/**
 * The "active" text of one markdown line: code spans removed (CommonMark: a run of n backticks closes
 * at the next run of exactly n; backslash escapes do not work inside them) and backslash-escaped
 * punctuation replaced by a neutral character. What remains is what the inline parser can turn into
 * HTML, mentions, references or links.
 */
export function activeText(line: string): { active: string; code: string[] } {
  let active = "";
  const code: string[] = [];
  let i = 0;
  while (i < line.length) {
    const c = line[i]!;
    if (c === "\\" && i + 1 < line.length && /[!-/:-@[-`{-~]/.test(line[i + 1]!)) {
      active += "·";
      i += 2;
      continue;
    }
    if (c === "`") {
      let n = 0;
      while (line[i + n] === "`") n++;
      let j = i + n;
      let close = -1;
      while (j < line.length) {
        const k = line.indexOf("`", j);
        if (k < 0) break;
        let m = 0;
        while (line[k + m] === "`") m++;
        if (m === n) {
          close = k;
          break;
        }
        j = k + m;
      }
      if (close < 0) {
        active += "`".repeat(n);
        i += n;
        continue;
      }
      code.push(line.slice(i + n, close));
      active += "␣";
      i = close + n;
      continue;
    }
    active += c;
    i++;
  }
  return { active, code };
}

/**
 * The indexes of the lines outside fenced code blocks. A fenced block's content is literal text
 * (CommonMark §4.5: no HTML, links or mentions): opened by 3+ backticks (or tildes; a backtick fence's
 * info string holds no backtick), closed by a line of the same character at least as long.
 */
export function proseLineNumbers(lines: readonly string[]): number[] & { unclosed?: boolean } {
  const out: number[] & { unclosed?: boolean } = [];
  let fence: string | null = null;
  lines.forEach((line, idx) => {
    const run = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence !== null) {
      if (run && run[0] === fence[0] && run.length >= fence.length && line.trim() === run) fence = null;
      return;
    }
    if (run && !(run[0] === "`" && line.slice(line.indexOf(run) + run.length).includes("`"))) {
      fence = run;
      return;
    }
    out.push(idx);
  });
  // A fence left open swallows the rest of the document: a problem of its own (markdownProblems).
  if (fence !== null) out.unclosed = true;
  return out;
}

/** The lines of a markdown document outside fenced code blocks. */
export function proseLines(md: string): string[] {
  const lines = md.split("\n");
  return proseLineNumbers(lines).map((i) => lines[i]!);
}

/** HTML tags the renderer itself writes. */
const OWN_TAGS = /^<\/?(br|sub|details|summary)>/;

/**
 * Problems a markdown document would show on GitHub if any repository text got through unescaped:
 * raw HTML, live @mentions and #references, links other than the renderer's own, broken tables.
 */
export function markdownProblems(md: string, allowedLinks: string[] = []): string[] {
  const problems: string[] = [];
  const lines = md.split("\n");
  let columns: number | null = null;
  const proseIdx = proseLineNumbers(lines);
  if (proseIdx.unclosed) problems.push("a code fence is never closed");
  const prose = new Set(proseIdx);
  lines.forEach((line, idx) => {
    if (!prose.has(idx)) return;
    const where = `line ${idx + 1}: ${line.slice(0, 160)}`;
    const isRow = line.startsWith("|");
    if (isRow) {
      const n = tableCells(line).length;
      if (columns === null) columns = n;
      else if (n !== columns) problems.push(`table row has ${n} cells, header has ${columns} (${where})`);
    } else columns = null;
    const parts = isRow ? tableCells(line) : [line];
    for (const part of parts) {
      const { active } = activeText(part);
      for (const m of active.matchAll(/</g)) {
        const rest = active.slice(m.index);
        if (/^<[A-Za-z/!?]/.test(rest) && !OWN_TAGS.test(rest)) problems.push(`raw HTML (${where})`);
        if (/^<[a-z][a-z0-9+.-]*:/i.test(rest)) problems.push(`autolink (${where})`);
      }
      if (/@[A-Za-z0-9]/.test(active)) problems.push(`live @mention (${where})`);
      if (/(^|[^\w&])#\d/.test(active) || /[\w.-]+\/[\w.-]+#\d/.test(active))
        problems.push(`live #reference (${where})`);
      // A bare `javascript:` is plain text; only a link destination or an autolink would make it live.
      if (/\]\(\s*<?\s*javascript:/i.test(active)) problems.push(`javascript: link (${where})`);
      for (const m of active.matchAll(/\]\(([^)\s]*)/g)) {
        const target = m[1]!;
        if (!target.startsWith(RULE_DOCS_BASE) && !allowedLinks.includes(target))
          problems.push(`foreign link target ${JSON.stringify(target)} (${where})`);
      }
      if (/\b(https?:\/\/|www\.)/i.test(active.replace(/\]\([^)]*\)/g, "")))
        problems.push(`autolinked URL (${where})`);
    }
  });
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Workflow commands, read the way the runner reads them

export interface ParsedCommand {
  command: string;
  props: Record<string, string>;
  message: string;
}

/** actions/runner ActionCommand.Unescape: the escape mappings in order, `%25` last. */
function unescapeValue(s: string, property: boolean): string {
  let v = s.replace(/%0D/g, "\r").replace(/%0A/g, "\n");
  if (property) v = v.replace(/%3A/g, ":").replace(/%2C/g, ",");
  return v.replace(/%25/g, "%");
}

/**
 * actions/runner ActionCommand.TryParseV2: a line is a command when it starts with `::`; the command
 * and its `key=value,…` properties run to the next `::`, the message is the rest.
 */
export function parseCommand(line: string): ParsedCommand | null {
  if (!line.startsWith("::")) return null;
  const end = line.indexOf("::", 2);
  if (end < 0) return null;
  const info = line.slice(2, end);
  const sp = info.indexOf(" ");
  const command = sp < 0 ? info : info.slice(0, sp);
  const props: Record<string, string> = {};
  if (sp >= 0) {
    for (const kv of info.slice(sp + 1).split(",")) {
      const eq = kv.indexOf("=");
      if (eq > 0) props[kv.slice(0, eq)] = unescapeValue(kv.slice(eq + 1), true);
    }
  }
  return { command, props, message: unescapeValue(line.slice(end + 2), false) };
}

/** The outputs (by sink name) that contain `secret` verbatim: empty when nothing leaked. */
export function leaks(out: Record<string, string>, secret: string): string[] {
  return Object.entries(out)
    .filter(([, v]) => v.includes(secret))
    .map(([k]) => k);
}
