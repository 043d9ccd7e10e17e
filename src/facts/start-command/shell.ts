/**
 * The shell lexer of start commands (POSIX sh, as Railway's `/bin/bash -c` sees them): blanks split
 * words; single quotes are literal; double quotes keep `$…` expansions and allow `\$ \` \" \\`
 * escapes; backslash-newline continues a line; `#` at the start of a word starts a comment. Operators
 * and redirections are tokens of their own. Linear in the input; every word keeps a per-character map
 * into the original string, so diagnostics and sub-words point at exact offsets.
 */
import type { ParsedStart, Separator, Word } from "./types.js";

// ---------------------------------------------------------------------------------------------
// Tokenizer

export interface Expansion {
  name: string;
  from: number;
  to: number;
}

/** A word with a per-character map back into the original string. */
export interface RawWord {
  text: string;
  offset: number;
  end: number;
  /** map[k] = original offset of text[k]. */
  map: number[];
  exps: Expansion[];
  /** First character of the word was a quote or backslash (so `NAME=...` is not an assignment). */
  quotedStart: boolean;
  /** Parameter references that sat inside single quotes (not expanded). */
  literalParams: Array<{ name: string; offset: number }>;
}

export type Token =
  | { kind: "word"; w: RawWord }
  | { kind: "sep"; op: Separator | "(" | ")"; offset: number }
  | { kind: "redir"; offset: number; heredoc: boolean };

/** Public words keep a link to their raw form so helpers (splitAppRef) can map sub-ranges exactly. */
export const RAW = new WeakMap<Word, RawWord>();

export function pub(w: RawWord): Word {
  const out = { text: w.text, offset: w.offset, end: w.end };
  RAW.set(out, w);
  return out;
}

export function rawOf(w: Word): RawWord {
  const known = RAW.get(w);
  if (known) return known;
  // A caller-made word: assume its text maps 1:1 onto the original from `offset`.
  const map = Array.from({ length: w.text.length }, (_, k) => w.offset + k);
  return { ...w, map, exps: [], quotedStart: false, literalParams: [] };
}

export const OP_CHARS = new Set([";", "&", "|", "(", ")", "<", ">"]);

export function tokenize(
  s: string,
  pos: (i: number) => number,
  endOffset: number,
  diags: ParsedStart["diagnostics"],
): Token[] {
  const at = (i: number) => (i < s.length ? pos(i) : endOffset);
  const toks: Token[] = [];
  let i = 0;
  const n = s.length;
  while (i < n) {
    const c = s[i]!;
    if (c === " " || c === "\t" || c === "\r") {
      i++;
      continue;
    }
    if (c === "\\" && s[i + 1] === "\n") {
      i += 2;
      continue;
    }
    if (c === "\n") {
      toks.push({ kind: "sep", op: ";", offset: at(i) });
      i++;
      continue;
    }
    if (c === "#") {
      while (i < n && s[i] !== "\n") i++;
      continue;
    }
    // io-number redirection: 2>&1, 1>/dev/null
    const io = /^\d+(?=[<>])/.exec(s.slice(i, i + 12));
    if (io) i += io[0].length;
    const op = readOperator(s, i);
    if (op) {
      if (op.kind === "redir")
        toks.push({ kind: "redir", offset: at(i), heredoc: op.text.startsWith("<<") && op.text !== "<<<" });
      else toks.push({ kind: "sep", op: op.text as Separator, offset: at(i) });
      i += op.text.length;
      continue;
    }
    const r = readWord(s, i, at, diags);
    toks.push({ kind: "word", w: r.word });
    i = r.next;
  }
  return toks;
}

export function readOperator(s: string, i: number): { kind: "sep" | "redir"; text: string } | null {
  const two = s.slice(i, i + 2);
  const three = s.slice(i, i + 3);
  if (three === "&>>" || three === "<<<" || three === "<<-") return { kind: "redir", text: three };
  if (two === "&&" || two === "||") return { kind: "sep", text: two };
  if (two === "|&") return { kind: "sep", text: "|" };
  if (
    two === "&>" ||
    two === ">>" ||
    two === ">&" ||
    two === ">|" ||
    two === "<&" ||
    two === "<<" ||
    two === "<>"
  )
    return { kind: "redir", text: two };
  const c = s[i]!;
  if (c === ">" || c === "<") return { kind: "redir", text: c };
  if (c === ";" || c === "&" || c === "|" || c === "(" || c === ")") return { kind: "sep", text: c };
  return null;
}

export function readWord(
  s: string,
  start: number,
  at: (i: number) => number,
  diags: ParsedStart["diagnostics"],
): { word: RawWord; next: number } {
  let text = "";
  const map: number[] = [];
  const exps: Expansion[] = [];
  const literalParams: RawWord["literalParams"] = [];
  const push = (ch: string, i: number) => {
    text += ch;
    map.push(at(i));
  };
  const copyVerbatim = (from: number, to: number) => {
    for (let k = from; k < to; k++) push(s[k]!, k);
  };
  const quotedStart = s[start] === "'" || s[start] === '"' || s[start] === "\\";
  let i = start;
  const n = s.length;
  while (i < n) {
    const c = s[i]!;
    if (c === "(" && s[i + 1] === ")" && text.length > 0) {
      // `app:create_app()` unquoted is a shell syntax error; keep the word as meant and say so.
      diags.push({
        message: 'unquoted `()` is a shell syntax error; quote the argument, e.g. "app:create_app()"',
        offset: at(i),
      });
      push("(", i);
      push(")", i + 1);
      i += 2;
      continue;
    }
    if (c === " " || c === "\t" || c === "\n" || c === "\r" || OP_CHARS.has(c)) break;
    if (c === "\\") {
      if (s[i + 1] === "\n") {
        i += 2;
        continue;
      }
      if (i + 1 < n) {
        push(s[i + 1]!, i + 1);
        i += 2;
      } else {
        push(c, i);
        i++;
      }
      continue;
    }
    if (c === "'") {
      const close = s.indexOf("'", i + 1);
      if (close < 0) {
        diags.push({ message: "unterminated single quote", offset: at(i) });
        copyVerbatim(i + 1, n);
        noteLiteralParams(s, i + 1, n, at, literalParams);
        i = n;
        break;
      }
      copyVerbatim(i + 1, close);
      noteLiteralParams(s, i + 1, close, at, literalParams);
      i = close + 1;
      continue;
    }
    if (c === '"') {
      let k = i + 1;
      let closed = false;
      while (k < n) {
        const d = s[k]!;
        if (d === '"') {
          closed = true;
          break;
        }
        if (d === "\\" && k + 1 < n) {
          const e = s[k + 1]!;
          if (e === "\n") {
            k += 2;
            continue;
          }
          if (e === "$" || e === "`" || e === '"' || e === "\\") {
            push(e, k + 1);
            k += 2;
            continue;
          }
          push(d, k);
          k++;
          continue;
        }
        if (d === "$") {
          const r = readDollar(s, k, at, diags);
          if (r) {
            const from = text.length;
            copyVerbatim(k, r.end);
            if (r.name) exps.push({ name: r.name, from, to: text.length });
            k = r.end;
            continue;
          }
        }
        if (d === "`") {
          const close = findBacktick(s, k);
          if (close < 0) diags.push({ message: "unterminated backquote", offset: at(k) });
          const to = close < 0 ? n : close + 1;
          copyVerbatim(k, to);
          k = to;
          continue;
        }
        push(d, k);
        k++;
      }
      if (!closed) diags.push({ message: "unterminated double quote", offset: at(i) });
      i = closed ? k + 1 : n;
      continue;
    }
    if (c === "$") {
      if (s[i + 1] === "'") {
        // bash ANSI-C quoting $'...': keep the content literally (escapes not interpreted).
        const close = s.indexOf("'", i + 2);
        const to = close < 0 ? n : close;
        if (close < 0) diags.push({ message: "unterminated $'...' quote", offset: at(i) });
        copyVerbatim(i + 2, to);
        i = close < 0 ? n : close + 1;
        continue;
      }
      const r = readDollar(s, i, at, diags);
      if (r) {
        const from = text.length;
        copyVerbatim(i, r.end);
        if (r.name) exps.push({ name: r.name, from, to: text.length });
        i = r.end;
        continue;
      }
    }
    if (c === "`") {
      const close = findBacktick(s, i);
      if (close < 0) diags.push({ message: "unterminated backquote", offset: at(i) });
      const to = close < 0 ? n : close + 1;
      copyVerbatim(i, to);
      i = to;
      continue;
    }
    push(c, i);
    i++;
  }
  const offset = at(start);
  const end = i > start ? at(i - 1) + 1 : offset;
  return { word: { text, offset, end, map, exps, quotedStart, literalParams }, next: i };
}

export function noteLiteralParams(
  s: string,
  from: number,
  to: number,
  at: (i: number) => number,
  out: RawWord["literalParams"],
): void {
  const re = /\$\{?([A-Za-z_][A-Za-z0-9_]*)/g;
  const body = s.slice(from, to);
  for (let m = re.exec(body); m; m = re.exec(body)) out.push({ name: m[1]!, offset: at(from + m.index) });
}

/** Reads `$NAME`, `${...}`, `$(...)`, `$((...))`, `$1`, `$@`... starting at the `$`. Null for a lone `$`. */
export function readDollar(
  s: string,
  i: number,
  at: (i: number) => number,
  diags: ParsedStart["diagnostics"],
): { end: number; name: string | null } | null {
  const next = s[i + 1];
  if (next === "{") {
    const close = findClosing(s, i + 2, "{", "}");
    if (close < 0) {
      diags.push({ message: "unterminated `$" + "{...}` expansion", offset: at(i) });
      return { end: s.length, name: null };
    }
    const m = /^[#!]?([A-Za-z_][A-Za-z0-9_]*)/.exec(s.slice(i + 2, close));
    return { end: close + 1, name: m && !s.slice(i + 2, close).startsWith("#") ? m[1]! : null };
  }
  if (next === "(") {
    const close = findClosing(s, i + 2, "(", ")");
    if (close < 0) {
      diags.push({ message: "unterminated $(...)", offset: at(i) });
      return { end: s.length, name: null };
    }
    return { end: close + 1, name: null };
  }
  const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(s.slice(i + 1));
  if (m) return { end: i + 1 + m[0].length, name: m[0] };
  if (next !== undefined && /[0-9@*#?$!-]/.test(next)) return { end: i + 2, name: null };
  return null;
}

/** Index of the bracket closing the one opened just before `from`, honouring nesting and quotes. */
export function findClosing(s: string, from: number, open: string, close: string): number {
  let depth = 1;
  for (let k = from; k < s.length; k++) {
    const c = s[k]!;
    if (c === "\\") {
      k++;
      continue;
    }
    if (c === "'") {
      const q = s.indexOf("'", k + 1);
      if (q < 0) return -1;
      k = q;
      continue;
    }
    if (c === '"') {
      let q = k + 1;
      while (q < s.length && s[q] !== '"') q += s[q] === "\\" ? 2 : 1;
      if (q >= s.length) return -1;
      k = q;
      continue;
    }
    if (c === open) depth++;
    else if (c === close && --depth === 0) return k;
  }
  return -1;
}

export function findBacktick(s: string, i: number): number {
  for (let k = i + 1; k < s.length; k++) {
    if (s[k] === "\\") k++;
    else if (s[k] === "`") return k;
  }
  return -1;
}

/** A sub-range [from, to) of a word's text, with offsets mapped into the original string. */
export function sub(w: RawWord, from: number, to: number): RawWord {
  const f = Math.max(0, Math.min(from, w.text.length));
  const t = Math.max(f, Math.min(to, w.text.length));
  const offset = f < w.text.length ? w.map[f]! : w.end;
  const end = t > f ? w.map[t - 1]! + 1 : offset;
  return {
    text: w.text.slice(f, t),
    offset,
    end,
    map: w.map.slice(f, t),
    exps: w.exps
      .filter((e) => e.from >= f && e.to <= t)
      .map((e) => ({ ...e, from: e.from - f, to: e.to - f })),
    quotedStart: f === 0 ? w.quotedStart : false,
    literalParams: w.literalParams.filter((p) => p.offset >= offset && p.offset < Math.max(end, offset + 1)),
  };
}

export function dedupe(d: ParsedStart["diagnostics"]): ParsedStart["diagnostics"] {
  const seen = new Set<string>();
  return d.filter((x) => {
    const k = `${x.offset}\u0000${x.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
