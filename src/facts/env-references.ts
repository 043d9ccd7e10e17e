/**
 * References the settings extraction does not model: `$VAR` in shell/PowerShell scripts, calls of a
 * helper wrapper around `os.getenv` with a literal name, and the operands of `a or b` (a fallback
 * read is satisfied by the read before it).
 */

import type { Span } from "../model/span.js";
import type { ParsedPython, SyntaxNode } from "../python/parse.js";
import type { EnvReference } from "./env.js";

/** `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR:?msg}` (sh), `$env:VAR` (PowerShell). Comments skipped. */
export function scriptReferences(file: string, text: string): EnvReference[] {
  const out: EnvReference[] = [];
  text.split("\n").forEach((line, i) => {
    const code = line.replace(/(^|\s)#.*$/, "");
    for (const m of code.matchAll(/\$(?:env:)?\{?([A-Za-z_][A-Za-z0-9_]*)/gi)) {
      const col = m.index! + 1;
      out.push({
        name: m[1]!,
        via: "script",
        span: { file, line: i + 1, column: col, endLine: i + 1, endColumn: col + m[0].length },
      });
    }
  });
  return out;
}

const GETENV = new Set(["os.getenv", "getenv", "os.environ.get", "environ.get", "os.environ.setdefault"]);

/** Calls of `def f(name, …): return os.getenv(name, …)` (or `os.environ[name]`) with a literal name. */
export function wrapperReferences(file: string, py: ParsedPython): EnvReference[] {
  const wrappers = new Map<string, number>();
  const c = py.tree.cursor();
  do {
    if (c.name !== "FunctionDefinition") continue;
    const fn = c.node;
    const name = fn.getChild("VariableName");
    const params = fn.getChild("ParamList");
    const body = fn.getChild("Body");
    if (!name || !params || !body) continue;
    const names = childrenOf(params)
      .filter((p) => p.name === "VariableName")
      .map((p) => py.text(p));
    const inner = body.cursor();
    do {
      let arg: SyntaxNode | null = null;
      if (inner.name === "CallExpression") {
        const callee = inner.node.firstChild;
        if (callee && GETENV.has(py.text(callee)))
          arg = inner.node.getChild("ArgList")?.getChild("VariableName") ?? null;
      } else if (inner.name === "MemberExpression") {
        const kids = childrenOf(inner.node);
        if (kids[0] && /^(os\.)?environ$/.test(py.text(kids[0])) && kids[1]?.name === "[")
          arg = kids[2]?.name === "VariableName" ? kids[2] : null;
      }
      const k = arg ? names.indexOf(py.text(arg)) : -1;
      if (k >= 0) wrappers.set(py.text(name), names[0] === "self" || names[0] === "cls" ? -1 : k);
    } while (inner.next() && inner.from < body.to);
  } while (c.next());
  if (wrappers.size === 0) return [];
  const out: EnvReference[] = [];
  const d = py.tree.cursor();
  do {
    if (d.name !== "CallExpression") continue;
    const callee = d.node.firstChild;
    const at = callee && callee.name === "VariableName" ? wrappers.get(py.text(callee)) : undefined;
    const list = d.node.getChild("ArgList");
    if (at === undefined || at < 0 || !list) continue;
    const args = childrenOf(list).filter((a) => ![",", "(", ")"].includes(a.name));
    const a = args[at];
    if (a?.name !== "String") continue;
    const v = py.text(a).replace(/^[rRuU]?(["'])(.*)\1$/, "$2");
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(v)) continue;
    const p = py.position(a.from);
    const e = py.position(a.to);
    out.push({
      name: v,
      via: "wrapper",
      span: { file, line: p.line, column: p.column, endLine: e.line, endColumn: e.column },
    });
  } while (d.next());
  return out;
}

function childrenOf(n: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let k = n.firstChild; k; k = k.nextSibling) out.push(k);
  return out;
}

interface Range {
  from: { line: number; column: number };
  to: { line: number; column: number };
}

/** The operands of every `a or b` expression. */
export function fallbackRanges(py: ParsedPython): Array<{ left: Range; right: Range }> {
  const out: Array<{ left: Range; right: Range }> = [];
  const c = py.tree.cursor();
  do {
    if (c.name !== "BinaryExpression") continue;
    const kids = childrenOf(c.node);
    const i = kids.findIndex((k) => k.name === "or");
    if (i <= 0 || i >= kids.length - 1) continue;
    const range = (a: SyntaxNode, b: SyntaxNode): Range => ({
      from: py.position(a.from),
      to: py.position(b.to),
    });
    out.push({ left: range(kids[0]!, kids[i - 1]!), right: range(kids[i + 1]!, kids[kids.length - 1]!) });
  } while (c.next());
  return out;
}

export function within(s: Span, r: Range): boolean {
  const ge = (a: { line: number; column: number }, b: { line: number; column: number }) =>
    a.line > b.line || (a.line === b.line && a.column >= b.column);
  return ge({ line: s.line, column: s.column }, r.from) && ge(r.to, { line: s.line, column: s.column });
}
