/**
 * Procfile: `<process type>: <command>` per line (Heroku Procfile format; Nixpacks and Railpack read
 * `web`, then `worker`, then others). Lines that are neither blank, comments nor entries are reported.
 */
import type { Diagnostic } from "../model/finding.js";
import { compareText } from "../model/order.js";
import type { Span } from "../model/span.js";

export interface ProcfileEntry {
  type: string;
  command: string;
  /** Span of the command text. */
  span: Span;
  typeSpan: Span;
}

export interface Procfile {
  file: string;
  entries: ProcfileEntry[];
  diagnostics: Diagnostic[];
}

export function parseProcfile(file: string, text: string): Procfile {
  const entries: ProcfileEntry[] = [];
  const diagnostics: Diagnostic[] = [];
  const badLines: number[] = [];
  text.split("\n").forEach((raw, i) => {
    const line = raw.replace(/\r$/, "");
    if (line.trim() === "" || line.trimStart().startsWith("#")) return;
    // Heroku's parser: ^([A-Za-z0-9_-]+):\s*(.+)$
    const m = /^([A-Za-z0-9_-]+):\s*(.*)$/.exec(line);
    const n = i + 1;
    if (!m) {
      badLines.push(n);
      return;
    }
    const type = m[1]!;
    const command = m[2]!.trim();
    const col = line.indexOf(m[2]!, type.length + 1) + 1 + (m[2]!.length - m[2]!.trimStart().length);
    if (command === "") {
      diagnostics.push({
        message: `the \`${type}\` process in ${file} has no command`,
        span: { file, line: n, column: 1, endLine: n, endColumn: line.length + 1 },
        fix: `Give \`${type}:\` a command or remove the line.`,
      });
      return;
    }
    if (entries.some((e) => e.type === type)) {
      diagnostics.push({
        message: `the \`${type}\` process is defined twice in ${file}`,
        span: { file, line: n, column: 1, endLine: n, endColumn: type.length + 1 },
        fix: "Keep one definition per process type.",
        severity: "warning",
      });
    }
    entries.push({
      type,
      command,
      span: { file, line: n, column: col, endLine: n, endColumn: col + command.length },
      typeSpan: { file, line: n, column: 1, endLine: n, endColumn: type.length + 1 },
    });
  });
  if (badLines.length > 0) {
    // Nixpacks reads the Procfile as YAML into a map of strings (src/providers/procfile.rs
    // `app.read_yaml("Procfile")`), so stray lines fail the build; one finding says how many.
    const first = badLines[0]!;
    diagnostics.unshift({
      message: `${badLines.length === 1 ? `line ${first}` : `${badLines.length} lines (first: line ${first})`} of ${file} ${badLines.length === 1 ? "is not a" : "are not"} \`type: command\` ${badLines.length === 1 ? "entry" : "entries"}; Nixpacks reads the Procfile as YAML and fails on it`,
      span: { file, line: first, column: 1 },
      fix: "Keep only `type: command` lines (e.g. `web: gunicorn app:app`); move notes to a README.",
    });
  }
  return { file, entries, diagnostics };
}

/**
 * The Procfile entry a builder starts. Nixpacks: `web`, else `worker`, else the first other entry in
 * alphabetical order, never `release` (src/providers/procfile.rs). Railpack: web > worker > any.
 */
export function procfileStartEntry(p: Procfile): ProcfileEntry | null {
  const byType = (t: string) => p.entries.find((e) => e.type === t);
  return (
    byType("web") ??
    byType("worker") ??
    [...p.entries].filter((e) => e.type !== "release").sort((a, b) => compareText(a.type, b.type))[0] ??
    null
  );
}
