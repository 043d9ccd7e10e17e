/**
 * Expressions of the railway.py evaluator: literals, strings and f-strings, numbers, dicts/lists/
 * tuples with `**`/`*`, attributes and subscripts (`db.env.X`, `ctx.shared.X`), operators,
 * conditionals and name lookup. Statements are in evaluate.ts, calls in calls.ts.
 */
import type { Diagnostic } from "../../../model/finding.js";
import type { Span } from "../../../model/span.js";
import { type ParsedPython, type SyntaxNode, stringLiteralValue } from "../../../python/parse.js";
import {
  bindingValue,
  envReference,
  lookupProperty,
  MAX_STRING,
  partOf,
  prop,
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
  isUncertain,
  type Prop,
  prim,
  type Resource,
  type Scope,
  type Uncertain,
  unknown,
} from "../model/values.js";
import {
  codeChildren,
  PY_EXPORTS,
  PY_PROPERTIES,
  type PyFunction,
  pyTruthiness,
  unescapeChunk,
} from "./syntax.js";

const MAX_STEPS = 50_000;
const MAX_ITEMS = 2_000;

export abstract class PyExpressionEvaluator {
  readonly diagnostics: Diagnostic[] = [];
  /** Every resource created, in creation order (listed when the project does not resolve). */
  readonly resources: Resource[] = [];
  protected readonly steps = new StepBudget(MAX_STEPS);
  /** Strings built, against MAX_STRING (no per-file total here: see ../README.md). */
  protected readonly textBudget = new TextBudget();
  protected depth = 0;
  protected readonly funcs = new WeakMap<AV, PyFunction>();

  constructor(
    readonly file: string,
    readonly py: ParsedPython,
  ) {}

  span(n: { from: number; to: number }): Span {
    return this.py.lines.span(this.file, n.from, n.to);
  }

  text(n: SyntaxNode): string {
    return this.py.text(n);
  }

  protected short(n: SyntaxNode): string {
    const t = this.text(n).replace(/\s+/g, " ");
    return t.length > 40 ? `${t.slice(0, 37)}…` : t;
  }

  // ---- expressions ---------------------------------------------------------------------------

  eval(n: SyntaxNode, scope: Scope): AV {
    const sp = this.span(n);
    if (!this.steps.take()) return unknown("the file is too large to follow (step budget)", sp);
    switch (n.name) {
      case "String":
      case "ContinuedString":
      case "ConcatenatedString":
      case "FormatString":
        return this.evalString(n, scope);
      case "Number":
        return this.evalNumber(n);
      case "Boolean":
        return prim(this.text(n) === "True", sp);
      case "None":
        return prim(null, sp);
      case "VariableName":
        return this.lookup(this.text(n), scope, sp);
      case "ParenthesizedExpression": {
        const inner = codeChildren(n).filter((c) => c.name !== "(" && c.name !== ")");
        return inner.length === 1 ? this.eval(inner[0]!, scope) : unknown(`\`${this.short(n)}\``, sp);
      }
      case "DictionaryExpression":
        return this.evalDict(n, scope);
      case "ArrayExpression":
      case "TupleExpression":
        return this.evalList(n, scope);
      case "MemberExpression":
        return this.evalMember(n, scope);
      case "CallExpression":
        return this.evalCall(n, scope);
      case "BinaryExpression":
        return this.evalBinary(n, scope);
      case "UnaryExpression": {
        const [op, arg] = codeChildren(n);
        if (!op || !arg) break;
        const v = this.eval(arg, scope);
        if (this.text(op) === "not") {
          const t = pyTruthiness(v);
          return t === null
            ? isUncertain(v)
              ? { ...v, span: sp }
              : unknown("`not` of an unknown value", sp)
            : prim(!t, sp);
        }
        if (this.text(op) === "-" && v.t === "prim" && typeof v.value === "number")
          return { ...prim(-v.value, sp), constant: v.constant };
        if (isUncertain(v)) return { ...v, span: sp };
        break;
      }
      case "ConditionalExpression": {
        const kids = codeChildren(n).filter((c) => c.name !== "if" && c.name !== "else");
        if (kids.length !== 3) break;
        const cond = this.eval(kids[1]!, scope);
        const t = pyTruthiness(cond);
        if (t === true) return this.eval(kids[0]!, scope);
        if (t === false) return this.eval(kids[2]!, scope);
        const u: Uncertain = combineUncertain([cond]) ?? {
          t: "unknown",
          note: `\`${this.short(kids[1]!)}\``,
        };
        return {
          t: "cands",
          options: [this.eval(kids[0]!, scope), this.eval(kids[2]!, scope)],
          cond: u,
          span: sp,
        };
      }
    }
    return unknown(`\`${this.short(n)}\` is not followed`, sp);
  }

  lookup(name: string, scope: Scope, usedAt: Span): AV {
    const b = scope.find(name);
    if (!b) {
      return unknown(`\`${name}\` is not defined in this file`, usedAt);
    }
    const v = bindingValue(b, name, usedAt);
    if (v.t === "builtin" || v.t === "namespace" || v.t === "resource" || isUncertain(v)) return v;
    return asConstant(v, usedAt);
  }

  protected evalNumber(n: SyntaxNode): AV {
    const raw = this.text(n).replace(/_/g, "");
    const sp = this.span(n);
    let v: number;
    if (/^0[xX][0-9a-fA-F]+$/.test(raw)) v = Number.parseInt(raw.slice(2), 16);
    else if (/^0[oO][0-7]+$/.test(raw)) v = Number.parseInt(raw.slice(2), 8);
    else if (/^0[bB][01]+$/.test(raw)) v = Number.parseInt(raw.slice(2), 2);
    else if (/^[0-9]*\.?[0-9]+([eE][+-]?[0-9]+)?$|^[0-9]+\.$/.test(raw)) v = Number(raw);
    else return unknown(`the number \`${raw}\``, sp);
    return prim(v, sp);
  }

  protected evalString(n: SyntaxNode, scope: Scope): AV {
    const sp = this.span(n);
    const plain = stringLiteralValue(this.py, n);
    if (plain !== null) return this.capString(plain, sp, false);
    const parts = n.name === "FormatString" || n.name === "String" ? [n] : codeChildren(n);
    let out = "";
    let constant = false;
    const uncertain: AV[] = [];
    for (const p of parts) {
      if (p.name === "String") {
        const v = stringLiteralValue(this.py, p);
        if (v === null) return unknown(`\`${this.short(p)}\` (bytes) is not a string`, this.span(p));
        out += v;
        continue;
      }
      if (p.name !== "FormatString") return unknown(`\`${this.short(n)}\``, sp);
      const f = this.evalFString(p, scope);
      if (f.t === "prim" && typeof f.value === "string") {
        out += f.value;
        constant ||= !!f.constant;
      } else uncertain.push(f);
      if (out.length > MAX_STRING) return unknown("a string longer than deploy-drift follows", sp);
    }
    if (uncertain.length) {
      const u = combineUncertain(uncertain);
      return fromUncertain(u ?? { t: "unknown", note: "an f-string part" }, sp);
    }
    return this.capString(out, sp, constant);
  }

  protected capString(s: string, sp: Span, constant: boolean): AV {
    if (this.textBudget.exceeds(s)) return unknown("a string longer than deploy-drift follows", sp);
    return constant ? { ...prim(s, sp), constant: true } : prim(s, sp);
  }

  /** `f"…{x}…"`: the literal text between replacements, plus each replacement's value. */
  protected evalFString(n: SyntaxNode, scope: Scope): AV {
    const sp = this.span(n);
    const raw = this.text(n);
    const m = /^([fFrR]{1,2})('''|"""|'|")/.exec(raw);
    if (!m || !raw.endsWith(m[2]!)) return unknown("an f-string deploy-drift cannot read", sp);
    const isRaw = /[rR]/.test(m[1]!);
    const q = m[2]!;
    const bodyFrom = n.from + m[1]!.length + q.length;
    const bodyTo = n.to - q.length;
    let out = "";
    let constant = false;
    let pos = bodyFrom;
    const literal = (a: number, b: number): string | null => {
      const chunk = this.py.source.slice(a, b).replace(/\{\{/g, "{").replace(/\}\}/g, "}");
      return isRaw ? chunk : unescapeChunk(this.py, chunk);
    };
    for (const r of codeChildren(n)) {
      if (r.name !== "FormatReplacement") continue;
      const lit = literal(pos, r.from);
      if (lit === null) return unknown("an f-string deploy-drift cannot read", sp);
      out += lit;
      const kids = codeChildren(r).filter((c) => c.name !== "{" && c.name !== "}");
      if (kids.length !== 1)
        return unknown(
          `the f-string part \`${this.short(r)}\` (conversion or format spec) is not followed`,
          this.span(r),
        );
      const v = this.eval(kids[0]!, scope);
      if (v.t === "prim" && (typeof v.value === "string" || typeof v.value === "number")) {
        out += String(v.value);
        constant ||= !!v.constant;
      } else if (v.t === "prim" && typeof v.value === "boolean") {
        out += v.value ? "True" : "False";
      } else if (isUncertain(v)) {
        return { ...v, span: sp };
      } else return unknown(`the f-string part \`${this.short(r)}\` is not a string`, this.span(r));
      pos = r.to;
    }
    const tail = literal(pos, bodyTo);
    if (tail === null) return unknown("an f-string deploy-drift cannot read", sp);
    out += tail;
    return this.capString(out, sp, constant);
  }

  protected evalDict(n: SyntaxNode, scope: Scope): AV {
    const sp = this.span(n);
    const props = new Map<string, Prop>();
    let open: Uncertain | null = null;
    const kids = codeChildren(n).filter((c) => c.name !== "{" && c.name !== "}" && c.name !== ",");
    for (let i = 0; i < kids.length; i++) {
      const k = kids[i]!;
      if (k.name === "**") {
        const src = kids[++i];
        if (!src) break;
        const v = this.mergeCands(this.eval(src, scope));
        if (v.t === "obj") {
          for (const p of v.props.values()) {
            props.delete(p.key);
            props.set(p.key, { ...p, value: partOf(v, p.value) });
          }
          if (v.open) open = v.open;
        } else {
          const u = combineUncertain([v]) ?? {
            t: "unknown" as const,
            note: `\`**${this.short(src)}\` is not a dict deploy-drift follows`,
          };
          open = u;
          for (const p of props.values()) p.shadowed ??= u;
        }
        continue;
      }
      if (k.name === "for" || k.name === "async") {
        return unknown("a dict comprehension is not followed", sp);
      }
      const colon = kids[i + 1];
      const valueNode = kids[i + 2];
      if (colon?.name !== ":" || !valueNode) return unknown(`\`${this.short(n)}\``, sp);
      i += 2;
      const key = this.eval(k, scope);
      const value = this.eval(valueNode, scope);
      if (key.t === "prim" && (typeof key.value === "string" || typeof key.value === "number")) {
        const name = String(key.value);
        props.delete(name);
        props.set(name, prop(name, this.span(k), value));
      } else {
        open = combineUncertain([key]) ?? { t: "unknown", note: `the key \`${this.short(k)}\`` };
        for (const p of props.values()) p.shadowed ??= open;
      }
      if (props.size > MAX_ITEMS) return unknown("a dict larger than deploy-drift follows", sp);
    }
    const out: AV = { t: "obj", props, open, span: sp };
    return out;
  }

  protected evalList(n: SyntaxNode, scope: Scope): AV {
    const sp = this.span(n);
    const items: AV[] = [];
    let open: Uncertain | null = null;
    const kids = codeChildren(n).filter((c) => !["[", "]", "(", ")", ","].includes(c.name));
    for (let i = 0; i < kids.length; i++) {
      const k = kids[i]!;
      if (k.name === "for" || k.name === "async") return unknown("a list comprehension is not followed", sp);
      if (k.name === "*") {
        const src = kids[++i];
        if (!src) break;
        const v = this.eval(src, scope);
        if (v.t === "arr") {
          items.push(...v.items);
          if (v.open) open = v.open;
        } else open = combineUncertain([v]) ?? { t: "unknown", note: `\`*${this.short(src)}\`` };
        continue;
      }
      items.push(this.eval(k, scope));
      if (items.length > MAX_ITEMS) return unknown("a list longer than deploy-drift follows", sp);
    }
    return { t: "arr", items, open, span: sp };
  }

  protected evalMember(n: SyntaxNode, scope: Scope): AV {
    const sp = this.span(n);
    const kids = codeChildren(n);
    const target = this.eval(kids[0]!, scope);
    if (kids[1]?.name === ".") {
      const prop = kids[2];
      if (!prop) return unknown("an attribute", sp);
      return this.attribute(target, this.text(prop), sp);
    }
    if (kids[1]?.name === "[") {
      const idxNode = kids[2];
      if (!idxNode || kids.length !== 4) return unknown(`the subscript \`${this.short(n)}\``, sp);
      const key = this.eval(idxNode, scope);
      if (key.t !== "prim")
        return isUncertain(key) ? { ...key, span: sp } : unknown(`the subscript \`${this.short(n)}\``, sp);
      if (target.t === "envProxy" && typeof key.value === "string")
        return this.envRef(target.res, key.value, sp);
      if (target.t === "obj" && (typeof key.value === "string" || typeof key.value === "number")) {
        const r = this.lookupProp(target, String(key.value));
        return r === "absent"
          ? unknown(`the key ${JSON.stringify(key.value)} is not in the dict (KeyError)`, sp)
          : r;
      }
      if (target.t === "arr" && typeof key.value === "number" && Number.isInteger(key.value)) {
        const i = key.value < 0 ? target.items.length + key.value : key.value;
        const item = target.items[i];
        if (item && !target.open) return partOf(target, item);
      }
      if (isUncertain(target)) return { ...target, span: sp };
      return unknown(`the subscript \`${this.short(n)}\``, sp);
    }
    return unknown(`\`${this.short(n)}\``, sp);
  }

  protected attribute(target: AV, name: string, sp: Span): AV {
    if (target.t === "namespace" && !this.funcs.has(target)) {
      return Object.hasOwn(PY_EXPORTS, name)
        ? { t: "builtin", name: PY_EXPORTS[name]!, span: sp }
        : unknown(`\`${name}\` of the SDK module`, sp);
    }
    if (target.t === "resource") {
      if (name === "env") return { t: "envProxy", res: target.res, span: sp };
      if (name === "name") return target.res.name;
      return unknown(`the attribute \`${name}\` of a resource`, sp);
    }
    if (target.t === "envProxy") return this.envRef(target.res, name, sp);
    if (target.t === "ctx")
      return name === "shared"
        ? { t: "sharedProxy", span: sp }
        : ctxdep(`\`ctx.${name}\` depends on the deploy context`, sp);
    if (target.t === "sharedProxy") return sharedReference(name, sp);
    if (target.t === "obj" && (name === "get" || name === "keys" || name === "items")) {
      return { t: "method", target, name, span: sp };
    }
    if (target.t === "prim" && typeof target.value === "string")
      return { t: "method", target, name, span: sp };
    if (target.t === "prim" && target.value === null)
      return unknown(
        `\`.${name}\` of None (the CLI calls the program with no arguments, so \`ctx\` is None)`,
        sp,
      );
    if (isUncertain(target)) return { ...target, span: sp };
    return unknown(`the attribute \`${name}\``, sp);
  }

  protected envRef(res: Resource, variable: string, sp: Span): AV {
    return envReference(res, variable, sp);
  }

  protected evalBinary(n: SyntaxNode, scope: Scope): AV {
    const sp = this.span(n);
    const kids = codeChildren(n);
    if (kids.length !== 3) return unknown(`\`${this.short(n)}\``, sp);
    const op = this.text(kids[1]!);
    const a = this.eval(kids[0]!, scope);
    if (op === "and" || op === "or") {
      const t = pyTruthiness(a);
      if (t !== null) return (op === "or") === t ? a : this.eval(kids[2]!, scope);
      const b = this.eval(kids[2]!, scope);
      const u: Uncertain = combineUncertain([a]) ?? { t: "unknown", note: `\`${this.short(kids[0]!)}\`` };
      return { t: "cands", options: [a, b], cond: u, span: sp };
    }
    const b = this.eval(kids[2]!, scope);
    const constant = !!(a.constant || b.constant);
    if (op === "+" && a.t === "prim" && b.t === "prim") {
      if (typeof a.value === "string" && typeof b.value === "string")
        return this.capString(a.value + b.value, sp, constant);
      if (typeof a.value === "number" && typeof b.value === "number")
        return { ...prim(a.value + b.value, sp), constant };
    }
    if (op === "+" && a.t === "arr" && b.t === "arr" && !a.open && !b.open) {
      return { t: "arr", items: [...a.items, ...b.items], open: null, span: sp, constant };
    }
    if (op === "|" && a.t === "obj" && b.t === "obj") {
      const props = new Map(a.props);
      for (const p of b.props.values()) {
        props.delete(p.key);
        props.set(p.key, p);
      }
      return { t: "obj", props, open: a.open ?? b.open, span: sp, constant };
    }
    const u = combineUncertain([a, b]);
    if (u) return fromUncertain(u, sp);
    return unknown(`\`${this.short(n)}\` is not followed`, sp);
  }

  /** `absent` when the key is definitely not there. */
  lookupProp(target: AV | null, key: string): AV | "absent" {
    return lookupProperty(target, key, PY_PROPERTIES);
  }

  /**
   * `**({"a": 1} if c else {})`: when every case is a dict with known keys, one dict whose keys are
   * the union and whose values are the cases (absent where a case lacks the key). Else unchanged.
   */
  protected mergeCands(v: AV): AV {
    if (v.t !== "cands" || !v.options.every((o) => o.t === "obj" && !o.open)) return v;
    const props = new Map<string, Prop>();
    for (const o of v.options as Array<AV & { t: "obj" }>) {
      for (const p of o.props.values()) {
        if (props.has(p.key)) continue;
        const options = v.options.map((x) => {
          const q = (x as AV & { t: "obj" }).props.get(p.key);
          return q ? q.value : prim(undefined, x.span);
        });
        props.set(p.key, {
          key: p.key,
          keySpan: p.keySpan,
          value: { t: "cands", options, cond: v.cond, span: v.span },
          shadowed: null,
        });
      }
    }
    return { t: "obj", props, open: null, span: v.span };
  }

  /** True when the `def` has at least one parameter (`main(ctx=None)`). */

  protected abstract evalCall(n: SyntaxNode, scope: Scope): AV;
}
