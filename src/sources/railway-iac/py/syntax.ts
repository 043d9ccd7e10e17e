/** The Python front end's SDK names, shared types and tree helpers (no evaluator state). */
import type { Span } from "../../../model/span.js";
import { children, type ParsedPython, type SyntaxNode, stringLiteralValue } from "../../../python/parse.js";
import type { PropertyHooks } from "../model/core.js";
import {
  type AV,
  type Builtin,
  IAC_EXPORTS,
  type Scope,
  truthiness,
  type Uncertain,
  unknown,
} from "../model/values.js";

/** `railway_sdk.__all__` (0.3.0) and the names the CLI's older `migrate --lang py` imports from `railway_iac`. */
export const PY_EXPORTS: Record<string, Builtin> = {
  // The TypeScript SDK's exports, by the same names, plus the Python spellings of the entry points.
  ...IAC_EXPORTS,
  define_railway: "defineRailway",
  create_railway_context: "createRailwayContext",
};

export const SDK_MODULES = new Set(["railway_sdk", "railway_iac"]);

/** A `def` the evaluator can inline. */
export interface PyFunction {
  name: string;
  node: SyntaxNode;
  scope: Scope;
}

/** Python's side of a property lookup: a dict key of a str/int/bool, or of anything not a dict. */
export const PY_PROPERTIES: PropertyHooks = {
  ofPrimitive: (key, target) => unknown(`\`${key}\` of a ${typeof target.value}`, target.span),
  candidates: (options, cond, span) => ({ t: "cands", options, cond, span }),
  ofOther: (key, target) => unknown(`\`${key}\` of a value that is not a dict`, target.span),
};

export interface Args {
  positional: AV[];
  keywords: Map<string, AV>;
  keywordSpans: Map<string, Span>;
  /** Set when `*x` / `**x` did not resolve: more arguments may exist. */
  open: Uncertain | null;
}

/**
 * A node's children without comments: @lezer/python keeps `# …` as `Comment` nodes among a dict's
 * entries, a list's items, call arguments and parameters, where they are not code.
 */
export function codeChildren(n: SyntaxNode): SyntaxNode[] {
  return children(n).filter((c) => c.name !== "Comment");
}

/** Names a statement binds at its own level (assignment targets, defs, loop targets, nested blocks). */
export function assignedNames(s: SyntaxNode, source: string): string[] {
  const out: string[] = [];
  const text = (n: SyntaxNode) => source.slice(n.from, n.to);
  const walk = (n: SyntaxNode) => {
    if (n.name === "FunctionDefinition" || n.name === "ClassDefinition") {
      const name = codeChildren(n).find((k) => k.name === "VariableName");
      if (name) out.push(text(name));
      return;
    }
    if (n.name === "AssignStatement" || n.name === "UpdateStatement") {
      const kids = codeChildren(n);
      const lastOp = [...kids].reverse().find((k) => k.name === "AssignOp" || k.name === "UpdateOp");
      for (const k of kids) if (k.name === "VariableName" && lastOp && k.to <= lastOp.from) out.push(text(k));
      return;
    }
    if (n.name === "ForStatement") {
      const kids = codeChildren(n);
      const inAt = kids.findIndex((k) => k.name === "in");
      for (const k of kids.slice(0, Math.max(0, inAt))) if (k.name === "VariableName") out.push(text(k));
    }
    for (const c of codeChildren(n)) {
      if (c.name === "Body" || c.name === "StatementGroup" || /(Statement|Definition|Clause)$/.test(c.name))
        walk(c);
    }
  };
  walk(s);
  return out;
}

export function containsReturn(n: SyntaxNode): boolean {
  if (n.name === "ReturnStatement") return true;
  if (n.name === "FunctionDefinition" || n.name === "LambdaExpression" || n.name === "ClassDefinition")
    return false;
  return codeChildren(n).some(containsReturn);
}

/** The value of the literal text of an f-string between replacements (`{{`/`}}` already folded). */
export function unescapeChunk(py: ParsedPython, chunk: string): string | null {
  const wrapped = `"""${chunk}"""`;
  return stringLiteralValue({ ...py, text: () => wrapped }, { name: "String" } as SyntaxNode);
}

/**
 * Python's truth value: JavaScript's for str/int/float/bool/None (`truthiness`), but an empty dict,
 * list or tuple is false (`{} or x` is `x`); one that may hold more (an unresolved `**`/`*`) is unknown.
 */
export function pyTruthiness(v: AV): boolean | null {
  switch (v.t) {
    case "obj":
      return v.props.size > 0 ? true : v.open ? null : false;
    case "arr":
      return v.items.length > 0 ? true : v.open ? null : false;
    case "cands": {
      const ts = v.options.map(pyTruthiness);
      return ts.every((x) => x === true) ? true : ts.every((x) => x === false) ? false : null;
    }
    default:
      return truthiness(v);
  }
}
