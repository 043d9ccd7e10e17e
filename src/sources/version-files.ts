/**
 * Single-value Python version files: `runtime.txt`, `.python-version`, `.tool-versions`.
 * These are line formats with no structured parser; each line keeps its position.
 */
import type { Diagnostic } from "../model/finding.js";
import type { Located, Span } from "../model/span.js";

export interface VersionFile {
  file: string;
  /** Whole file content (builders apply their own regexes to it). */
  content: string;
  /** The meaningful lines (non-blank, non-comment), with positions. */
  lines: Array<Located<string>>;
  /** Comment lines, with positions. */
  comments: Span[];
  diagnostics: Diagnostic[];
}

function splitLines(file: string, text: string): { lines: Array<Located<string>>; comments: Span[] } {
  const lines: Array<Located<string>> = [];
  const comments: Span[] = [];
  text.split("\n").forEach((rawLine, i) => {
    const line = rawLine.replace(/\r$/, "");
    const t = line.trim();
    if (t === "") return;
    const column = line.length - line.trimStart().length + 1;
    const span: Span = { file, line: i + 1, column, endLine: i + 1, endColumn: column + t.length };
    if (t.startsWith("#")) comments.push(span);
    else lines.push({ value: t, span });
  });
  return { lines, comments };
}

export function parseVersionFile(file: string, text: string): VersionFile {
  const { lines, comments } = splitLines(file, text);
  return { file, content: text, lines, comments, diagnostics: [] };
}

export interface ToolVersions {
  file: string;
  /** tool name → versions (first is the one used), with the position of the first version. */
  tools: Map<string, Located<string[]>>;
  diagnostics: Diagnostic[];
}

/** asdf `.tool-versions`: `tool version [fallback…]`, `#` comments (asdf docs, "The .tool-versions file"). */
export function parseToolVersions(file: string, text: string): ToolVersions {
  const tools = new Map<string, Located<string[]>>();
  for (const l of splitLines(file, text).lines) {
    const body = l.value.replace(/\s+#.*$/, "");
    const [name, ...versions] = body.split(/\s+/);
    if (!name || versions.length === 0) continue;
    const offset = l.value.indexOf(versions[0]!);
    tools.set(name, {
      value: versions,
      span: {
        file,
        line: l.span.line,
        column: l.span.column + offset,
        endLine: l.span.line,
        endColumn: l.span.column + offset + versions[0]!.length,
      },
    });
  }
  return { file, tools, diagnostics: [] };
}
