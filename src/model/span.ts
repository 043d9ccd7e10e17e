/**
 * Positions in repository files. Lines and columns are 1-based, as editors and GitHub annotations
 * count them. A value whose position is unknown carries `null`; it is never guessed.
 */
export interface Span {
  /** Repo-relative POSIX path (relative to the scanned root). */
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

/** A value read from a file, with where it was read. */
export interface Located<T> {
  value: T;
  span: Span;
}

/** Maps string offsets to 1-based line/column. Columns count UTF-16 code units + 1. */
export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
    }
  }
  get lineCount(): number {
    return this.starts.length;
  }
  position(offset: number): { line: number; column: number } {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - this.starts[lo]! + 1 };
  }
  span(file: string, start: number, end?: number): Span {
    const a = this.position(start);
    const s: Span = { file, line: a.line, column: a.column };
    if (end !== undefined && end > start) {
      const b = this.position(end);
      s.endLine = b.line;
      s.endColumn = b.column;
    }
    return s;
  }
  /** Text of a 1-based line without its line terminator. */
  lineText(line: number): string {
    const start = this.starts[line - 1];
    if (start === undefined) return "";
    const next = this.starts[line];
    return this.text.slice(start, next === undefined ? undefined : next - 1).replace(/\r$/, "");
  }
}

export function sameSpan(a: Span | null | undefined, b: Span | null | undefined): boolean {
  return !!a && !!b && a.file === b.file && a.line === b.line && a.column === b.column;
}
