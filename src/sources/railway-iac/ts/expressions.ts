/**
 * Expressions of the railway.ts evaluator (railway-iac.md §5.3): literals, templates, objects and
 * arrays with spreads, member access, operators, conditionals, and name lookup. Statements and
 * bindings are in evaluate.ts, calls (helpers, array methods, the SDK constructors) in calls.ts.
 */
import type * as t from "@babel/types";
import type { Diagnostic } from "../../../model/finding.js";
import type { LineIndex, Span } from "../../../model/span.js";
import {
  bindingValue,
  envReference,
  lookupProperty,
  MAX_STRING,
  MAX_TEXT_TOTAL,
  type PropertyHooks,
  partOf,
  StepBudget,
  sharedReference,
  TextBudget,
} from "../model/core.js";
import {
  type AV,
  asConstant,
  combineUncertain,
  ctxdep,
  fromUncertain,
  iacExport,
  isUncertain,
  type Prim,
  type Prop,
  prim,
  type Resource,
  type Scope,
  truthiness,
  type Uncertain,
  unknown,
} from "../model/values.js";
import { binaryOp, describeShort, NOT_FOLDED, railwayRefInTemplate } from "./syntax.js";

const MAX_DEPTH = 300;
const MAX_STEPS = 200_000;
const MAX_CANDIDATES = 16;
const MAX_ARRAY = 500;

export abstract class ExpressionEvaluator {
  readonly resources: Resource[] = [];
  readonly diagnostics: Diagnostic[] = [];
  protected readonly steps = new StepBudget(MAX_STEPS);
  /** Every string built so far, against MAX_STRING and MAX_TEXT_TOTAL. */
  protected readonly textBudget = new TextBudget(MAX_TEXT_TOTAL);
  protected depth = 0;

  constructor(
    readonly file: string,
    readonly text: string,
    protected readonly idx: LineIndex,
  ) {}

  span(node: t.Node): Span {
    return this.idx.span(this.file, node.start ?? 0, node.end ?? node.start ?? 0);
  }

  snippet(node: t.Node, max = 60): string {
    const s = this.text
      .slice(node.start ?? 0, node.end ?? 0)
      .replace(/\s+/g, " ")
      .trim();
    return s.length > max ? `${s.slice(0, max - 1)}…` : s;
  }

  lookup(name: string, scope: Scope, node: t.Identifier | null): AV {
    const span = node ? this.span(node) : { file: this.file, line: 1, column: 1 };
    const b = scope.find(name);
    if (!b) return this.global(name, span);
    const v = bindingValue(b, name, span);
    if (!node) return v;
    // Resource nodes, functions and ctx keep their identity; data values become constants.
    if (v.t === "prim" || v.t === "obj" || v.t === "arr" || v.t === "cands") return asConstant(v, span);
    return v;
  }

  protected global(name: string, span: Span): AV {
    switch (name) {
      case "undefined":
        return prim(undefined, span);
      case "NaN":
        return prim(Number.NaN, span);
      case "Infinity":
        return prim(Number.POSITIVE_INFINITY, span);
      case "Object":
        return { t: "builtin", name: "Object", span };
      case "process":
        return unknown(
          "`process` is read when Railway's CLI runs the file; its value is not in the repository",
          span,
        );
      default:
        return unknown(`\`${name}\` is not defined in this file`, span);
    }
  }

  // ---------- expressions ----------

  eval(node: t.Node, scope: Scope): AV {
    const span = this.span(node);
    if (!this.steps.take()) return unknown("the file is too complex to evaluate statically", span);
    if (this.depth > MAX_DEPTH) return unknown("the expression is nested too deeply", span);
    this.depth++;
    try {
      return this.evalInner(node, scope, span);
    } finally {
      this.depth--;
    }
  }

  protected evalInner(node: t.Node, scope: Scope, span: Span): AV {
    switch (node.type) {
      case "StringLiteral":
      case "NumericLiteral":
      case "BooleanLiteral":
        return prim(node.value, span);
      case "NullLiteral":
        return prim(null, span);
      case "Identifier":
        return this.lookup(node.name, scope, node);
      case "TemplateLiteral":
        return this.template(node, scope, span);
      case "ObjectExpression":
        return this.object(node, scope, span);
      case "ArrayExpression":
        return this.array(node, scope, span);
      case "TSAsExpression":
      case "TSSatisfiesExpression":
      case "TSNonNullExpression":
      case "TSTypeAssertion":
      case "TSInstantiationExpression":
      case "ParenthesizedExpression":
        return this.eval(node.expression, scope);
      case "MemberExpression":
      case "OptionalMemberExpression":
        return this.member(node, scope, span);
      case "CallExpression":
      case "OptionalCallExpression":
        return this.call(node, scope, span);
      case "ConditionalExpression": {
        const test = this.eval(node.test, scope);
        const truth = truthiness(test);
        if (truth !== null) {
          // A branch chosen by a constant (`role === "web" ? …` in a factory) was followed through it.
          const branch = this.eval(truth ? node.consequent : node.alternate, scope);
          return test.constant && (branch.t === "prim" || branch.t === "obj" || branch.t === "arr")
            ? asConstant(branch)
            : branch;
        }
        return this.candidates(
          [this.eval(node.consequent, scope), this.eval(node.alternate, scope)],
          this.condOf(test, node.test),
          span,
        );
      }
      case "LogicalExpression":
        return this.logical(node, scope, span);
      case "BinaryExpression":
        return this.binary(node, scope, span);
      case "UnaryExpression":
        return this.unary(node, scope, span);
      case "ArrowFunctionExpression":
      case "FunctionExpression":
        return { t: "func", node, scope, span };
      case "SequenceExpression": {
        const last = node.expressions[node.expressions.length - 1];
        return last ? this.eval(last, scope) : prim(undefined, span);
      }
      case "AwaitExpression":
        return unknown(`\`${this.snippet(node)}\` is awaited at evaluation time`, span);
      default:
        return unknown(`\`${this.snippet(node)}\` is not evaluated statically`, span);
    }
  }

  /** The deploy-context or unknown condition behind an uncertain test. */
  condOf(test: AV, node: t.Node): Uncertain {
    const u = combineUncertain([test]) ?? (test.t === "cands" ? test.cond : null);
    return {
      t: u?.t ?? "unknown",
      note: `depends on \`${this.snippet(node)}\`${u?.t === "ctxdep" ? ", which is known only per deploy environment" : ""}`,
    };
  }

  /** Several possible values. Nested candidates are flattened; the list is capped. */
  candidates(options: AV[], cond: Uncertain, span: Span): AV {
    const flat: AV[] = [];
    for (const o of options) {
      if (o.t === "cands") flat.push(...o.options);
      else flat.push(o);
    }
    if (flat.length > MAX_CANDIDATES)
      return fromUncertain({ t: cond.t, note: `${cond.note} (too many cases)` }, span);
    return { t: "cands", options: flat, cond, span };
  }

  protected template(node: t.TemplateLiteral, scope: Scope, span: Span): AV {
    const parts: AV[] = [];
    for (const e of node.expressions) {
      if (railwayRefInTemplate(this.text, e)) {
        return unknown(
          "a `${{…}}` Railway reference inside a JavaScript template literal is evaluated by JavaScript, not Railway",
          span,
        );
      }
      parts.push(this.eval(e, scope));
    }
    const quasis = node.quasis.map((q) => q.value.cooked ?? q.value.raw);
    const constant = parts.some((p) => p.constant || p.t === "cands");
    const combos = this.combine(parts, span);
    if (!Array.isArray(combos)) return combos;
    const strings = combos.map((c) => {
      let s = quasis[0] ?? "";
      c.forEach((v, i) => {
        s += String(v) + (quasis[i + 1] ?? "");
      });
      return s;
    });
    return this.fromStrings(strings, parts, constant, span);
  }

  /** Cartesian product of primitive operands (candidates expand); or the first uncertainty. */
  protected combine(parts: readonly AV[], span: Span): Prim[][] | AV {
    let combos: Prim[][] = [[]];
    for (const p of parts) {
      const opts: AV[] = p.t === "cands" ? p.options : [p];
      const values: Prim[] = [];
      for (const o of opts) {
        if (o.t !== "prim") {
          const u = combineUncertain([o]);
          if (u) return fromUncertain(u, span);
          return unknown(`${describeShort(o)} cannot be turned into text statically`, span);
        }
        values.push(o.value);
      }
      const next: Prim[][] = [];
      for (const c of combos) for (const v of values) next.push([...c, v]);
      combos = next;
      if (combos.length > MAX_CANDIDATES) return unknown("too many possible values", span);
    }
    return combos;
  }

  /** Counts the strings just built against the text budget; a value over it becomes unknown. */
  protected overTextBudget(values: readonly Prim[], span: Span): AV | null {
    for (const v of values) {
      if (typeof v !== "string") continue;
      const over = this.textBudget.exceeds(v);
      if (over === "string") return unknown(`the string is longer than ${MAX_STRING} characters`, span);
      if (over === "total") return unknown("the file builds too much text to evaluate statically", span);
    }
    return null;
  }

  protected fromStrings(values: Prim[], parts: readonly AV[], constant: boolean, span: Span): AV {
    const over = this.overTextBudget(values, span);
    if (over) return over;
    const unique = [...new Set(values)];
    if (unique.length === 1) {
      const v = prim(unique[0], span);
      return constant ? asConstant(v) : v;
    }
    const cands = parts.find((p) => p.t === "cands");
    const cond: Uncertain = cands?.t === "cands" ? cands.cond : { t: "unknown", note: "several values" };
    return { t: "cands", options: unique.map((u) => prim(u, span)), cond, span };
  }

  protected object(node: t.ObjectExpression, scope: Scope, span: Span): AV {
    const props = new Map<string, Prop>();
    let open: Uncertain | null = null;
    const written = new Set<string>();
    const shadowAll = (u: Uncertain) => {
      for (const p of props.values()) if (!p.shadowed) p.shadowed = u;
    };
    for (const p of node.properties) {
      if (p.type === "SpreadElement") {
        const v = this.eval(p.argument, scope);
        this.spreadInto(props, v, this.span(p), (u) => {
          shadowAll(u);
          open = open ?? u;
        });
        continue;
      }
      const key = this.propertyKeyName(p, scope);
      const keySpan = this.span(p.key);
      if (key === null) {
        const u: Uncertain = {
          t: "unknown",
          note: `the computed key \`${this.snippet(p.key)}\` did not resolve`,
        };
        shadowAll(u);
        open = open ?? u;
        continue;
      }
      if (!p.computed && written.has(key)) {
        this.diagnostics.push({
          message: `\`${key}\` appears twice in the same object in ${this.file}; only the last value is used`,
          span: keySpan,
          fix: "Remove the duplicate key.",
          severity: "warning",
        });
      }
      written.add(key);
      const value: AV =
        p.type === "ObjectMethod"
          ? { t: "func", node: p, scope, span: this.span(p) }
          : this.eval(p.value as t.Expression, scope);
      props.set(key, { key, keySpan, value, shadowed: null });
    }
    return { t: "obj", props, open, span };
  }

  protected spreadInto(props: Map<string, Prop>, v: AV, span: Span, markOpen: (u: Uncertain) => void): void {
    switch (v.t) {
      case "obj":
        if (v.open) markOpen(v.open);
        for (const p of v.props.values()) {
          props.set(p.key, { ...p, value: partOf(v, p.value) });
        }
        return;
      case "prim":
        return; // spreading null/undefined/false/a string's indices: no object keys we care about
      case "arr":
        return;
      case "cands": {
        // `...(cond && {…})` or `...(cond ? a : b)`: every key written in a branch is conditional.
        const note = `set by a conditional spread; ${v.cond.note}`;
        for (const o of v.options) {
          if (o.t === "obj") {
            if (o.open) markOpen(o.open);
            for (const p of o.props.values()) {
              props.set(p.key, {
                ...p,
                value: fromUncertain({ t: v.cond.t, note }, p.value.span),
                shadowed: null,
              });
            }
          } else if (o.t !== "prim") {
            markOpen(combineUncertain([o]) ?? { t: "unknown", note: `spread of ${describeShort(o)}` });
          }
        }
        return;
      }
      case "ctxdep":
      case "unknown":
        markOpen({ t: v.t, note: v.note });
        return;
      default:
        markOpen({ t: "unknown", note: `spread of ${describeShort(v)} at line ${span.line}` });
    }
  }

  protected propertyKeyName(p: t.ObjectProperty | t.ObjectMethod, scope: Scope): string | null {
    const k = p.key;
    if (!p.computed) {
      if (k.type === "Identifier") return k.name;
      if (k.type === "StringLiteral" || k.type === "NumericLiteral") return String(k.value);
      return null;
    }
    const v = this.eval(k, scope);
    return v.t === "prim" && (typeof v.value === "string" || typeof v.value === "number")
      ? String(v.value)
      : null;
  }

  protected array(node: t.ArrayExpression, scope: Scope, span: Span): AV {
    const items: AV[] = [];
    let open: Uncertain | null = null;
    for (const el of node.elements) {
      if (!el) {
        items.push(prim(undefined, span));
      } else if (el.type === "SpreadElement") {
        const v = this.eval(el.argument, scope);
        if (v.t === "arr") {
          items.push(...(v.constant ? v.items.map((i) => asConstant(i)) : v.items));
          if (v.open) open = open ?? v.open;
        } else {
          open = open ?? combineUncertain([v]) ?? { t: "unknown", note: `spread of ${describeShort(v)}` };
        }
      } else {
        items.push(this.eval(el, scope));
      }
      if (items.length > MAX_ARRAY) return unknown("the array is too long to evaluate", span);
    }
    return { t: "arr", items, open, span };
  }

  protected memberKey(node: t.MemberExpression | t.OptionalMemberExpression, scope: Scope): string | null {
    const p = node.property;
    if (!node.computed) return p.type === "Identifier" ? p.name : null;
    const v = this.eval(p, scope);
    return v.t === "prim" && (typeof v.value === "string" || typeof v.value === "number")
      ? String(v.value)
      : null;
  }

  protected member(node: t.MemberExpression | t.OptionalMemberExpression, scope: Scope, span: Span): AV {
    const obj = node.object;
    // `process.env.X`: read by the CLI's Node process, never in the repository.
    if (
      obj.type === "MemberExpression" &&
      obj.object.type === "Identifier" &&
      obj.object.name === "process" &&
      !scope.find("process")
    ) {
      return unknown(
        `\`${this.snippet(node)}\` is read when Railway's CLI runs the file; its value is not in the repository`,
        span,
      );
    }
    const target = this.eval(obj, scope);
    const key = this.memberKey(node, scope);
    if (key === null) {
      const u = combineUncertain([target]);
      return u
        ? fromUncertain(u, span)
        : unknown(`the key of \`${this.snippet(node)}\` did not resolve`, span);
    }
    return this.getMember(target, key, span, node);
  }

  getMember(target: AV, key: string, span: Span, node: t.Node | null): AV {
    switch (target.t) {
      case "obj":
        return this.getProp(target, key, span);
      case "arr": {
        if (key === "length" && !target.open) return prim(target.items.length, span);
        if (/^\d+$/.test(key)) return this.index(target, Number(key), span);
        return { t: "method", target, name: key, span };
      }
      case "prim":
        if (typeof target.value === "string" && key === "length") return prim(target.value.length, span);
        if (typeof target.value === "string") return { t: "method", target, name: key, span };
        if (target.value === null || target.value === undefined) return prim(undefined, span);
        return unknown(`\`${key}\` of a ${typeof target.value}`, span);
      case "resource":
        if (key === "env") return { t: "envProxy", res: target.res, span };
        if (key === "name") return target.res.name;
        return unknown(`\`${key}\` of a resource is not modelled`, span);
      case "envProxy":
        return envReference(target.res, key, span);
      case "sharedProxy":
        return sharedReference(key, span);
      case "ctx":
        if (key === "shared") return { t: "sharedProxy", span };
        if (key === "isEnvironment") return { t: "builtin", name: "ctx.isEnvironment", span };
        if (key === "randomString") return { t: "builtin", name: "ctx.randomString", span };
        return ctxdep(
          `\`${node ? this.snippet(node) : `ctx.${key}`}\` depends on the deploy context, known only when Railway evaluates the file per environment`,
          span,
        );
      case "builtin":
        if (target.name === "Object" && key === "fromEntries")
          return { t: "builtin", name: "Object.fromEntries", span };
        return unknown(`\`${key}\` is not modelled`, span);
      case "namespace": {
        const b = iacExport(key);
        return b
          ? { t: "builtin", name: b, span }
          : unknown(`\`${key}\` is not a known \`railway/iac\` export`, span);
      }
      case "cands": {
        const opts = target.options.map((o) => this.getMember(o, key, span, node));
        return this.candidates(opts, target.cond, span);
      }
      case "ctxdep":
      case "unknown":
        return { ...target, span };
      default:
        return unknown(`\`${key}\` of ${describeShort(target)} is not modelled`, span);
    }
  }

  /** A property of an object value; `absent` is reported as `undefined`. */
  getProp(target: AV, key: string, span: Span): AV {
    const r = this.lookupProp(target, key);
    if (r === "absent") return prim(undefined, span);
    return r;
  }

  /** `absent` when the key is definitely not there. */
  lookupProp(target: AV | null, key: string): AV | "absent" {
    return lookupProperty(target, key, this.propertyHooks);
  }

  private readonly propertyHooks: PropertyHooks = {
    ofPrimitive: (key, target) => unknown(`\`${key}\` of a primitive`, target.span),
    // Flattened and capped like every other set of candidates.
    candidates: (options, cond, span) => this.candidates(options, cond, span),
    ofOther: (key, target) => this.getMember(target, key, target.span, null),
  };

  index(target: AV, i: number, span: Span): AV {
    if (target.t === "arr") {
      const item = target.items[i];
      if (item && !target.open) return partOf(target, item);
      if (target.open) return fromUncertain(target.open, span);
      return prim(undefined, span);
    }
    if (isUncertain(target)) return { ...target, span };
    return unknown(`index ${i} of ${describeShort(target)}`, span);
  }

  protected restOf(v: AV, taken: readonly string[], span: Span): AV {
    if (v.t !== "obj") return isUncertain(v) ? { ...v, span } : unknown("rest of a non-object", span);
    const props = new Map([...v.props].filter(([k]) => !taken.includes(k)));
    return { ...v, props };
  }

  protected logical(node: t.LogicalExpression, scope: Scope, span: Span): AV {
    const left = this.eval(node.left, scope);
    if (node.operator === "??") {
      if (left.t === "prim")
        return left.value === null || left.value === undefined ? this.eval(node.right, scope) : left;
      if (isUncertain(left)) return { ...left, span };
      if (left.t === "cands") return this.candidates([left, this.eval(node.right, scope)], left.cond, span);
      return left;
    }
    const truth = truthiness(left);
    if (node.operator === "||") {
      if (truth === true) return left;
      if (truth === false) return this.eval(node.right, scope);
    } else {
      if (truth === false) return left;
      if (truth === true) return this.eval(node.right, scope);
    }
    // Uncertain: the result is one of the two operands.
    const cond = this.condOf(left, node.left);
    if (isUncertain(left) && node.operator === "||") return { ...left, span };
    return this.candidates(
      [node.operator === "&&" ? prim(false, span) : left, this.eval(node.right, scope)],
      cond,
      span,
    );
  }

  protected binary(node: t.BinaryExpression, scope: Scope, span: Span): AV {
    if (node.left.type === "PrivateName") return unknown("private name", span);
    const l = this.eval(node.left, scope);
    const r = this.eval(node.right, scope);
    const combos = this.combine([l, r], span);
    if (!Array.isArray(combos)) return combos;
    const out: Prim[] = [];
    for (const [a, b] of combos) {
      const v = binaryOp(node.operator, a, b);
      if (v === NOT_FOLDED) return unknown(`\`${this.snippet(node)}\` is not folded`, span);
      out.push(v);
    }
    return this.fromStrings(out, [l, r], !!(l.constant || r.constant), span);
  }

  protected unary(node: t.UnaryExpression, scope: Scope, span: Span): AV {
    const v = this.eval(node.argument, scope);
    if (node.operator === "void") return prim(undefined, span);
    if (node.operator === "!") {
      const truth = truthiness(v);
      if (truth !== null) return prim(!truth, span);
      return v.t === "cands"
        ? fromUncertain(v.cond, span)
        : isUncertain(v)
          ? { ...v, span }
          : unknown("negation", span);
    }
    const combos = this.combine([v], span);
    if (!Array.isArray(combos)) return combos;
    const out: Prim[] = [];
    for (const [a] of combos) {
      if (node.operator === "-" && typeof a === "number") out.push(-a);
      else if (node.operator === "+" && (typeof a === "number" || typeof a === "string")) out.push(Number(a));
      else if (node.operator === "typeof") out.push(a === null ? "object" : typeof a);
      else return unknown(`\`${this.snippet(node)}\` is not folded`, span);
    }
    return this.fromStrings(out, [v], !!v.constant, span);
  }

  protected abstract call(node: t.CallExpression | t.OptionalCallExpression, scope: Scope, span: Span): AV;
}
