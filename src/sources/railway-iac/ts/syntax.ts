/** Babel-AST helpers and JavaScript operator folding of the railway.ts evaluator (no evaluator state). */
import type * as t from "@babel/types";
import type { AV, Prim } from "../model/values.js";

/** Module specifier of the SDK (railway-iac.md §2.1). */
export const IAC_MODULE = "railway/iac";

/** How a statement list ended. */
export type Completion = { kind: "normal" } | { kind: "return"; value: AV } | { kind: "throw" };

export const NOT_FOLDED = Symbol("not folded");

export function binaryOp(op: string, a: Prim, b: Prim): Prim | typeof NOT_FOLDED {
  const num = typeof a === "number" && typeof b === "number";
  switch (op) {
    case "+":
      if (typeof a === "string" || typeof b === "string") return String(a) + String(b);
      return num ? (a as number) + (b as number) : NOT_FOLDED;
    case "-":
      return num ? (a as number) - (b as number) : NOT_FOLDED;
    case "*":
      return num ? (a as number) * (b as number) : NOT_FOLDED;
    case "/":
      return num ? (a as number) / (b as number) : NOT_FOLDED;
    case "%":
      return num ? (a as number) % (b as number) : NOT_FOLDED;
    case "**":
      return num ? (a as number) ** (b as number) : NOT_FOLDED;
    case "===":
      return a === b;
    case "!==":
      return a !== b;
    case "==":
      // biome-ignore lint/suspicious/noDoubleEquals: folds the user's own `==`
      return a == b;
    case "!=":
      // biome-ignore lint/suspicious/noDoubleEquals: folds the user's own `!=`
      return a != b;
    case "<":
      return num ? (a as number) < (b as number) : NOT_FOLDED;
    case "<=":
      return num ? (a as number) <= (b as number) : NOT_FOLDED;
    case ">":
      return num ? (a as number) > (b as number) : NOT_FOLDED;
    case ">=":
      return num ? (a as number) >= (b as number) : NOT_FOLDED;
    default:
      return NOT_FOLDED;
  }
}

export function describeShort(v: AV): string {
  switch (v.t) {
    case "preserve":
      return "`preserve()`";
    case "ref":
      return "a variable reference";
    case "resource":
      return `a ${v.res.kind}`;
    case "func":
    case "builtin":
    case "method":
      return "a function";
    case "obj":
      return "an object";
    case "arr":
      return "an array";
    default:
      return "a value";
  }
}

/** Identifiers a binding pattern declares. */
export function patternNames(p: t.Node): string[] {
  switch (p.type) {
    case "Identifier":
      return [p.name];
    case "AssignmentPattern":
      return patternNames(p.left);
    case "RestElement":
      return patternNames(p.argument);
    case "ObjectPattern":
      return p.properties.flatMap((q) =>
        q.type === "RestElement" ? patternNames(q.argument) : patternNames(q.value),
      );
    case "ArrayPattern":
      return p.elements.flatMap((e) => (e ? patternNames(e) : []));
    default:
      return [];
  }
}

/**
 * True when a template-literal expression is written `${{…}}`: Railway's reference syntax, which
 * JavaScript reads as `${ {…} }` (railway-iac.md §2.7).
 */
export function railwayRefInTemplate(text: string, expr: t.Node): boolean {
  const start = expr.start ?? -1;
  return start >= 2 && text.slice(start - 2, start + 1) === "${{";
}
