/**
 * `.env`-format files (`.env`, `.env.example`, `.env.production`, `example.env` ...), as python-dotenv
 * reads them (python-dotenv `dotenv/parser.py`): one `KEY=value` binding per line, an optional
 * `export ` prefix, `#` comments (a `#` after whitespace ends an unquoted value), single-quoted values
 * taken literally (only `\\` and `\'` are escapes), double-quoted values with backslash escapes, and
 * quoted values spanning several lines. `KEY` alone (no `=`) declares the name without a value.
 *
 * Never throws: lines that are not bindings become diagnostics. Diagnostics never quote the line,
 * because a `.env` line may hold a secret.
 */
import type { Diagnostic } from "../model/finding.js";
import { LineIndex, type Span } from "../model/span.js";

export interface DotenvEntry {
  key: string;
  keySpan: Span;
  /**
   * The decoded value; "" for `KEY=` and null for a bare `KEY`. Callers must never print it: a `.env`
   * file may hold secrets. Use its length, or derived flags.
   */
  value: string | null;
  /** Span of the value as written (quotes included); null when there is no value. */
  valueSpan: Span | null;
  quote: "none" | "single" | "double";
  exported: boolean;
}

export interface DotenvFile {
  path: string;
  entries: DotenvEntry[];
  diagnostics: Diagnostic[];
}

const KEY = /[A-Za-z_][A-Za-z0-9_.-]*/y;
/** A file that is not `.env` format at all would otherwise produce one diagnostic per line. */
const MAX_DIAGNOSTICS = 20;

export function parseDotenv(path: string, text: string): DotenvFile {
  const lines = new LineIndex(text);
  const entries: DotenvEntry[] = [];
  const diagnostics: Diagnostic[] = [];
  const n = text.length;
  let i = 0;

  const isBlank = (c: string | undefined) => c === " " || c === "\t";
  const lineEnd = (from: number) => {
    const k = text.indexOf("\n", from);
    return k < 0 ? n : k;
  };
  const skipToNextLine = (from: number) => {
    const k = text.indexOf("\n", from);
    return k < 0 ? n : k + 1;
  };
  const bad = (at: number, what: string) => {
    if (diagnostics.length >= MAX_DIAGNOSTICS) return;
    const end = lineEnd(at);
    const start = text.lastIndexOf("\n", at - 1) + 1;
    const { line } = lines.position(start);
    diagnostics.push({
      message: `line ${line} of ${path} ${what}; python-dotenv skips it`,
      span: lines.span(path, start, end > start ? end : undefined),
      fix: "Write each variable as `NAME=value` (quote values that contain spaces or `#`).",
      severity: "warning",
    });
  };

  while (i < n) {
    // Leading whitespace, blank lines, comments.
    while (i < n && (isBlank(text[i]) || text[i] === "\r")) i++;
    if (i >= n) break;
    if (text[i] === "\n") {
      i++;
      continue;
    }
    if (text[i] === "#") {
      i = skipToNextLine(i);
      continue;
    }
    const lineStart = i;
    let exported = false;
    if (text.startsWith("export", i) && isBlank(text[i + 6])) {
      exported = true;
      i += 6;
      while (isBlank(text[i])) i++;
    }
    KEY.lastIndex = i;
    const km = KEY.exec(text);
    if (!km) {
      bad(lineStart, "does not start with a variable name");
      i = skipToNextLine(i);
      continue;
    }
    const key = km[0];
    const keySpan = lines.span(path, i, i + key.length);
    i += key.length;
    while (isBlank(text[i])) i++;
    if (i >= n || text[i] === "\n" || text[i] === "\r" || text[i] === "#") {
      // Bare `KEY` (python-dotenv: value None).
      entries.push({ key, keySpan, value: null, valueSpan: null, quote: "none", exported });
      i = skipToNextLine(i);
      continue;
    }
    if (text[i] !== "=") {
      bad(lineStart, `has no \`=\` after \`${key}\``);
      i = skipToNextLine(i);
      continue;
    }
    i++;
    while (isBlank(text[i])) i++;
    const q = text[i];
    if (q === "'" || q === '"') {
      const start = i;
      let j = i + 1;
      let value = "";
      let closed = false;
      while (j < n) {
        const c = text[j]!;
        if (c === "\\" && j + 1 < n) {
          const e = text[j + 1]!;
          if (q === "'") {
            value += e === "\\" || e === "'" ? e : `\\${e}`;
          } else {
            const map: Record<string, string> = {
              n: "\n",
              t: "\t",
              r: "\r",
              "\\": "\\",
              '"': '"',
              "'": "'",
              $: "$",
            };
            value += map[e] ?? `\\${e}`;
          }
          j += 2;
          continue;
        }
        if (c === q) {
          closed = true;
          break;
        }
        value += c;
        j++;
      }
      if (!closed) {
        bad(
          lineStart,
          `opens a ${q === "'" ? "single" : "double"} quote for \`${key}\` that is never closed`,
        );
        i = skipToNextLine(start);
        continue;
      }
      const valueSpan = lines.span(path, start, j + 1);
      i = j + 1;
      while (isBlank(text[i])) i++;
      if (i < n && text[i] !== "\n" && text[i] !== "\r" && text[i] !== "#") {
        bad(lineStart, `has text after the quoted value of \`${key}\``);
        i = skipToNextLine(i);
        continue;
      }
      entries.push({ key, keySpan, value, valueSpan, quote: q === "'" ? "single" : "double", exported });
      i = skipToNextLine(i);
      continue;
    }
    // Unquoted: up to end of line; ` #` starts a comment; trailing whitespace dropped.
    const end = lineEnd(i);
    let raw = text.slice(i, end).replace(/\r$/, "");
    const hash = raw.search(/[ \t]#/);
    if (hash >= 0) raw = raw.slice(0, hash);
    raw = raw.replace(/[ \t]+$/, "");
    entries.push({
      key,
      keySpan,
      value: raw,
      valueSpan: raw === "" ? null : lines.span(path, i, i + raw.length),
      quote: "none",
      exported,
    });
    i = skipToNextLine(i);
  }
  return { path, entries, diagnostics };
}
