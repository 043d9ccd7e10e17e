/**
 * Static Python parsing shared by the analyses that read Python source (app modules, Django settings
 * modules, ...). Nothing is executed: the source goes through @lezer/python's error-tolerant parser,
 * which always yields a tree; syntax problems show up as error nodes (`node.type.isError`).
 *
 * Typical use:
 *
 * ```ts
 * const py = parsePython(text);
 * for (const stmt of topLevelStatements(py)) {
 *   if (stmt.name === "AssignStatement") { const { line, column } = py.position(stmt.from); ... }
 * }
 * ```
 */
import type { SyntaxNode, Tree } from "@lezer/common";
import { parser } from "@lezer/python";
import { LineIndex } from "../model/span.js";

export type { SyntaxNode, Tree } from "@lezer/common";

export interface ParsedPython {
  /** The text that was parsed (the caller's source, unchanged). */
  readonly source: string;
  readonly tree: Tree;
  /** Offset → 1-based line/column over `source`. */
  readonly lines: LineIndex;
  /** 1-based line/column of a string offset (same as `lines.position`). */
  position(offset: number): { line: number; column: number };
  /** Source text covered by a node. */
  text(node: { from: number; to: number }): string;
  /**
   * Set when the parser's tree could not be walked (a parser defect, e.g. a node without a type):
   * `tree` is then an empty module and the analyses that read this file say it was not read.
   */
  readonly defect?: string;
  /**
   * Set when brackets nest deeper than CPython accepts (see {@link MAX_NESTING}): the file is a
   * SyntaxError for Python, so it is not handed to the parser (whose time grows faster than linearly
   * with the depth); `tree` is an empty module and {@link syntaxErrors} reports this position.
   */
  readonly tooDeep?: { from: number };
}

/**
 * CPython's tokenizer refuses more than 200 open brackets ("too many nested parentheses"):
 * `MAXLEVEL` in Parser/lexer/state.h (https://github.com/python/cpython/blob/v3.13.0/Parser/lexer/state.h),
 * Parser/tokenizer.h before 3.12.
 */
export const MAX_NESTING = 200;

/**
 * Parses Python source. Never throws. Form feeds (legal whitespace in Python, but an error for the
 * lezer grammar) are replaced by spaces before parsing; the replacement keeps every offset, so node
 * positions still index `source`.
 */
export function parsePython(source: string): ParsedPython {
  // The same module is often read twice (the app lookup and the env scan); trees are immutable.
  const hit = memo.get(source);
  if (hit) return hit;
  const parsed = parseUncached(source);
  if (memo.size >= MEMO_SIZE) memo.delete(memo.keys().next().value!);
  memo.set(source, parsed);
  return parsed;
}

const MEMO_SIZE = 64;
const memo = new Map<string, ParsedPython>();

function parseUncached(source: string): ParsedPython {
  const forParser = source.includes("\f") ? source.replace(/\f/g, " ") : source;
  let tree: Tree;
  let defect: string | undefined;
  const deep = tooDeepAt(forParser);
  if (deep >= 0) tree = parser.parse("");
  else
    try {
      tree = parser.parse(forParser);
      // Walk the whole tree once, touching what every analysis touches: a defective tree (a node
      // whose type is undefined makes Tree.iterate throw) is caught here, once, instead of in
      // each walk that would otherwise end the run.
      walkAll(tree);
    } catch (e) {
      defect = `the Python parser failed on this file (${firstLine(e)})`;
      tree = parser.parse("");
    }
  const lines = new LineIndex(source);
  return {
    source,
    tree,
    ...(defect ? { defect } : {}),
    ...(deep >= 0 ? { tooDeep: { from: deep } } : {}),
    lines,
    position: (offset) => lines.position(offset),
    text: (node) => source.slice(node.from, node.to),
  };
}

/** Visits every node of `tree` with its name, type flags and parent (throws on a defective tree). */
export function walkAll(tree: Tree): void {
  tree.iterate({
    enter(ref) {
      if (typeof ref.name !== "string" || ref.type.isError === undefined)
        throw new Error("node without a type");
      return undefined;
    },
  });
}

/**
 * Offset of the first bracket that opens level {@link MAX_NESTING} + 1, or -1. A linear scan that
 * skips comments and string literals the way CPython's tokenizer delimits them (any prefix, single or
 * triple quotes, a backslash escapes the next character even in raw strings; a one-line string ends at
 * the line's end). Brackets inside f-string replacement fields are not counted, so the scan can only
 * under-count: it never rejects a file CPython accepts.
 */
export function tooDeepAt(src: string): number {
  let depth = 0;
  const n = src.length;
  for (let i = 0; i < n; i++) {
    const c = src.charCodeAt(i);
    if (c === 35 /* # */) {
      const nl = src.indexOf("\n", i);
      if (nl < 0) return -1;
      i = nl;
    } else if (c === 34 /* " */ || c === 39 /* ' */) {
      const triple = src.charCodeAt(i + 1) === c && src.charCodeAt(i + 2) === c;
      let j = triple ? i + 3 : i + 1;
      for (; j < n; j++) {
        const d = src.charCodeAt(j);
        if (d === 92 /* \\ */) j++;
        else if (!triple && d === 10) break;
        else if (d === c && (!triple || (src.charCodeAt(j + 1) === c && src.charCodeAt(j + 2) === c))) {
          if (triple) j += 2;
          break;
        }
      }
      i = j;
    } else if (c === 40 || c === 91 || c === 123 /* ( [ { */) {
      if (++depth > MAX_NESTING) return i;
    } else if (c === 41 || c === 93 || c === 125 /* ) ] } */) {
      if (depth > 0) depth--;
    }
  }
  return -1;
}

function firstLine(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  return (m.split("\n")[0] ?? "").slice(0, 120);
}

/** Direct children of a node, in source order. */
export function children(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) out.push(c);
  return out;
}

/**
 * Module-level statements in source order (…Statement / …Definition nodes, plus error nodes).
 * `a = 1; b = 2` (a `StatementGroup`) is flattened into its statements. Compound statements (if/try/with/...) are returned as themselves; use
 * {@link blockBodies} to look inside them.
 */
export function topLevelStatements(py: ParsedPython): SyntaxNode[] {
  return flattenGroups(children(py.tree.topNode));
}

/** Statements directly inside a `Body` node (flattening `StatementGroup`s). */
export function bodyStatements(body: SyntaxNode): SyntaxNode[] {
  return flattenGroups(children(body));
}

/** Statements only: punctuation (`;`, `:`) and comments are dropped; error nodes are kept. */
function flattenGroups(nodes: SyntaxNode[]): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (const n of nodes) {
    if (n.name === "StatementGroup") out.push(...flattenGroups(children(n)));
    else if (/(Statement|Definition)$/.test(n.name) || n.type.isError) out.push(n);
  }
  return out;
}

/** The `Body` children of a compound statement (if/elif/else, try/except/else/finally, with, for, while...). */
export function blockBodies(stmt: SyntaxNode): SyntaxNode[] {
  return children(stmt).filter((c) => c.name === "Body");
}

/** Every error node in the tree, with its 1-based position. */
export function syntaxErrors(py: ParsedPython): Array<{ from: number; line: number; column: number }> {
  const out: Array<{ from: number; line: number; column: number }> = [];
  if (py.tooDeep) return [{ from: py.tooDeep.from, ...py.position(py.tooDeep.from) }];
  py.tree.iterate({
    enter(n) {
      if (n.type.isError) out.push({ from: n.from, ...py.position(n.from) });
    },
  });
  return out;
}

const SCOPE_NODES = new Set(["FunctionDefinition", "ClassDefinition", "LambdaExpression"]);

/** True when the node sits inside a function, class or lambda (i.e. not in module scope). */
export function isInNestedScope(node: SyntaxNode): boolean {
  for (let p = node.parent; p; p = p.parent) {
    if (SCOPE_NODES.has(p.name)) {
      // The name and decorators of a def/class are in the enclosing scope; only its Body is nested.
      if (p.name === "LambdaExpression") return true;
      for (let q: SyntaxNode | null = node; q && q !== p; q = q.parent) {
        if (q.name === "Body" && q.parent === p) return true;
      }
    }
  }
  return false;
}

/**
 * The value of a plain Python string literal (`"x"`, `'x'`, `"""x"""`, `r"x"`, `u"x"`, and implicit
 * concatenation `"a" "b"`, optionally parenthesised), or null for f-strings, bytes, or anything that is not a literal.
 * Escapes handled: \\ \' \" \n \t \r \0 \xNN \uNNNN \UNNNNNNNN and line continuations; other
 * escapes are kept verbatim as Python does.
 */
export function stringLiteralValue(py: ParsedPython, node: SyntaxNode): string | null {
  if (node.name === "ParenthesizedExpression") {
    const inner = children(node).filter((c) => c.name !== "(" && c.name !== ")");
    return inner.length === 1 ? stringLiteralValue(py, inner[0]!) : null;
  }
  if (node.name === "String") return literalText(py.text(node));
  if (node.name === "ContinuedString" || node.name === "ConcatenatedString") {
    let out = "";
    for (const c of children(node)) {
      if (c.name !== "String") return null;
      const v = literalText(py.text(c));
      if (v === null) return null;
      out += v;
    }
    return out;
  }
  return null;
}

function literalText(raw: string): string | null {
  const m = /^([rRuU]?)('''|"""|'|")/.exec(raw);
  if (!m) return null;
  const prefix = m[1]!.toLowerCase();
  const q = m[2]!;
  if (!raw.endsWith(q) || raw.length < prefix.length + 2 * q.length) return null;
  const body = raw.slice(prefix.length + q.length, raw.length - q.length);
  if (prefix === "r") return body;
  let out = "";
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch !== "\\" || i + 1 >= body.length) {
      out += ch;
      continue;
    }
    const n = body[++i]!;
    const simple: Record<string, string> = {
      "\\": "\\",
      "'": "'",
      '"': '"',
      n: "\n",
      t: "\t",
      r: "\r",
      "0": "\0",
      a: "\x07",
      b: "\b",
      f: "\f",
      v: "\v",
      "\n": "",
    };
    if (n in simple) {
      out += simple[n];
      continue;
    }
    const hexLen = n === "x" ? 2 : n === "u" ? 4 : n === "U" ? 8 : 0;
    const hex = body.slice(i + 1, i + 1 + hexLen);
    if (hexLen && /^[0-9a-fA-F]+$/.test(hex) && hex.length === hexLen) {
      const cp = Number.parseInt(hex, 16);
      out += cp <= 0x10ffff ? String.fromCodePoint(cp) : `\\${n}${hex}`;
      i += hexLen;
      continue;
    }
    out += `\\${n}`;
  }
  return out;
}
