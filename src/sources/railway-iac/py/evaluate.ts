/**
 * Abstract evaluator for `.railway/railway.py` (Railway IaC, Python SDK `railway_sdk`, beta). Nothing
 * is executed: @lezer/python's tree is folded into the abstract values the railway.ts front end uses
 * (`../model/values.ts`), so both languages end in the same model.
 *
 * Followed: string/number/bool/None literals, implicit concatenation, f-strings whose parts resolve,
 * `+` on strings and numbers, unary `-`/`not`, `a if c else b`, `and`/`or`, dict/list/tuple displays
 * with `**`/`*` unpacking, module-level constants (assigned once), helper functions (`def`, default
 * and keyword arguments, one `return` at the end of straight-line code), the SDK constructors, and
 * `db.env.NAME` / `db.env["NAME"]`. Anything else is `unknown` with its position. Budgets (steps,
 * call depth, string length, collection size) make pathological input unknown, never a throw.
 */
import type { Diagnostic } from "../../../model/finding.js";
import type { Span } from "../../../model/span.js";
import { children, type ParsedPython, type SyntaxNode, stringLiteralValue } from "../../../python/parse.js";
import {
  bindingValue,
  done,
  envReference,
  lookupProperty,
  MAX_STRING,
  newResource,
  type PropertyHooks,
  partOf,
  prop,
  StepBudget,
  sharedReference,
  sourceProps,
  TextBudget,
} from "../model/core.js";
import {
  type AV,
  asConstant,
  type Builtin,
  combineUncertain,
  ctxdep,
  fromUncertain,
  IAC_EXPORTS,
  isUncertain,
  type Prop,
  prim,
  type Resource,
  type ResourceKind,
  Scope,
  truthiness,
  type Uncertain,
  unknown,
} from "../model/values.js";

/** `railway_sdk.__all__` (0.3.0) and the names the CLI's older `migrate --lang py` imports from `railway_iac`. */
const PY_EXPORTS: Record<string, Builtin> = {
  // The TypeScript SDK's exports, by the same names, plus the Python spellings of the entry points.
  ...IAC_EXPORTS,
  define_railway: "defineRailway",
  create_railway_context: "createRailwayContext",
};

export const SDK_MODULES = new Set(["railway_sdk", "railway_iac"]);

const MAX_STEPS = 50_000;
const MAX_DEPTH = 8;
const MAX_ITEMS = 2_000;

/** A `def` the evaluator can inline. */
interface PyFunction {
  name: string;
  node: SyntaxNode;
  scope: Scope;
}

export class PyEvaluator {
  readonly diagnostics: Diagnostic[] = [];
  /** Every resource created, in creation order (listed when the project does not resolve). */
  readonly resources: Resource[] = [];
  private readonly steps = new StepBudget(MAX_STEPS);
  /** Strings built, against MAX_STRING (no per-file total here: see ../README.md). */
  private readonly textBudget = new TextBudget();
  private depth = 0;
  private readonly funcs = new WeakMap<AV, PyFunction>();

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

  private short(n: SyntaxNode): string {
    const t = this.text(n).replace(/\s+/g, " ");
    return t.length > 40 ? `${t.slice(0, 37)}…` : t;
  }

  // ---- statements ----------------------------------------------------------------------------

  /** Binds the module's names (lazily: a constant is evaluated on first use, once). */
  execModule(stmts: readonly SyntaxNode[], scope: Scope): void {
    const assigned = new Map<string, number>();
    for (const s of stmts)
      for (const n of assignedNames(s, this.py.source)) assigned.set(n, (assigned.get(n) ?? 0) + 1);
    for (const s of stmts) this.bindStatement(s, scope, assigned, true);
  }

  private bindStatement(s: SyntaxNode, scope: Scope, assigned: Map<string, number>, lazy: boolean): void {
    const set = (name: string, compute: () => AV) => {
      if ((assigned.get(name) ?? 0) > 1) {
        const sp = this.span(s);
        scope.vars.set(name, done(unknown(`\`${name}\` is assigned more than once`, sp)));
        return;
      }
      scope.vars.set(name, lazy ? { state: "pending", compute } : done(compute()));
    };
    switch (s.name) {
      case "ImportStatement":
        this.bindImport(s, scope);
        return;
      case "AssignStatement": {
        const kids = codeChildren(s);
        const ops = kids.filter((k) => k.name === "AssignOp");
        const valueNode = kids[kids.length - 1]!;
        const targets = kids.filter((k) => k.name === "VariableName" && k.to <= ops[0]!.from);
        const commas = kids.some((k) => k.name === "," && k.to <= (ops[ops.length - 1]?.from ?? 0));
        if (ops.length === 0) return;
        if (ops.length === 1 && targets.length === 1 && !commas) {
          const name = this.text(targets[0]!);
          set(name, () => this.eval(valueNode, scope));
          return;
        }
        for (const t of kids) {
          if (t.name === "VariableName" && t.to <= ops[ops.length - 1]!.from) {
            const name = this.text(t);
            scope.vars.set(
              name,
              done(unknown(`\`${name}\` is assigned by a form deploy-drift does not follow`, this.span(s))),
            );
          }
        }
        return;
      }
      case "FunctionDefinition": {
        const nameNode = codeChildren(s).find((k) => k.name === "VariableName");
        if (!nameNode) return;
        const name = this.text(nameNode);
        set(name, () => this.funcValue(name, s, scope));
        return;
      }
      case "DecoratedStatement": {
        const def = codeChildren(s).find(
          (k) => k.name === "FunctionDefinition" || k.name === "ClassDefinition",
        );
        const nameNode = def && codeChildren(def).find((k) => k.name === "VariableName");
        if (!def || !nameNode) return;
        const name = this.text(nameNode);
        set(name, () => {
          let v: AV =
            def.name === "FunctionDefinition"
              ? this.funcValue(name, def, scope)
              : unknown(`class \`${name}\` is not followed`, this.span(def));
          const decorators = codeChildren(s).filter((k) => k.name === "Decorator");
          for (let i = decorators.length - 1; i >= 0; i--) {
            const expr = codeChildren(decorators[i]!).find((k) => k.name !== "At" && k.name !== "@");
            const d = expr ? this.eval(expr, scope) : unknown("a decorator", this.span(decorators[i]!));
            if (d.t === "builtin" && d.name === "defineRailway") continue;
            v = unknown(
              `the decorator \`${this.short(decorators[i]!)}\` is not followed`,
              this.span(decorators[i]!),
            );
          }
          return v;
        });
        return;
      }
      case "ClassDefinition": {
        const nameNode = codeChildren(s).find((k) => k.name === "VariableName");
        if (nameNode) set(this.text(nameNode), () => unknown("a class is not followed", this.span(s)));
        return;
      }
      default: {
        // Compound statements (if/for/while/try/with) and augmented assignments: what they bind is unknown.
        for (const n of assignedNames(s, this.py.source)) {
          scope.vars.set(
            n,
            done(
              unknown(`\`${n}\` is set inside a \`${this.short(s).split(" ")[0]}\` statement`, this.span(s)),
            ),
          );
        }
      }
    }
  }

  private bindImport(s: SyntaxNode, scope: Scope): void {
    const kids = codeChildren(s);
    const isFrom = kids[0]?.name === "from";
    if (isFrom) {
      const importAt = kids.findIndex((k) => k.name === "import");
      const module = kids
        .slice(1, importAt)
        .map((k) => this.text(k))
        .join("");
      const sdk = SDK_MODULES.has(module);
      for (let i = importAt + 1; i < kids.length; i++) {
        const k = kids[i]!;
        if (k.name !== "VariableName") continue;
        const orig = this.text(k);
        let local = orig;
        if (kids[i + 1]?.name === "as" && kids[i + 2]?.name === "VariableName") {
          local = this.text(kids[i + 2]!);
          i += 2;
        }
        const sp = this.span(k);
        const b = sdk && Object.hasOwn(PY_EXPORTS, orig) ? PY_EXPORTS[orig]! : null;
        scope.vars.set(
          local,
          done(
            b
              ? { t: "builtin", name: b, span: sp }
              : unknown(`\`${orig}\` is imported from \`${module}\``, sp),
          ),
        );
      }
      return;
    }
    // `import railway_sdk [as r]`
    for (let i = 1; i < kids.length; i++) {
      const k = kids[i]!;
      if (k.name !== "VariableName") continue;
      let name = this.text(k);
      let local = name;
      while (kids[i + 1]?.name === "." && kids[i + 2]?.name === "VariableName") {
        name += `.${this.text(kids[i + 2]!)}`;
        i += 2;
      }
      if (kids[i + 1]?.name === "as" && kids[i + 2]?.name === "VariableName") {
        local = this.text(kids[i + 2]!);
        i += 2;
      } else local = name.split(".")[0]!;
      const sp = this.span(k);
      scope.vars.set(
        local,
        done(
          SDK_MODULES.has(name) && local === this.text(kids[i]!)
            ? { t: "namespace", span: sp }
            : unknown(`the module \`${name}\``, sp),
        ),
      );
    }
  }

  private funcValue(name: string, node: SyntaxNode, scope: Scope): AV {
    const v: AV = { t: "namespace", span: this.span(node) };
    this.funcs.set(v, { name, node, scope });
    return v;
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
          const t = truthiness(v);
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
        const t = truthiness(cond);
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

  private evalNumber(n: SyntaxNode): AV {
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

  private evalString(n: SyntaxNode, scope: Scope): AV {
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

  private capString(s: string, sp: Span, constant: boolean): AV {
    if (this.textBudget.exceeds(s)) return unknown("a string longer than deploy-drift follows", sp);
    return constant ? { ...prim(s, sp), constant: true } : prim(s, sp);
  }

  /** `f"…{x}…"`: the literal text between replacements, plus each replacement's value. */
  private evalFString(n: SyntaxNode, scope: Scope): AV {
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

  private evalDict(n: SyntaxNode, scope: Scope): AV {
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

  private evalList(n: SyntaxNode, scope: Scope): AV {
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

  private evalMember(n: SyntaxNode, scope: Scope): AV {
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

  private attribute(target: AV, name: string, sp: Span): AV {
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

  private envRef(res: Resource, variable: string, sp: Span): AV {
    return envReference(res, variable, sp);
  }

  private evalBinary(n: SyntaxNode, scope: Scope): AV {
    const sp = this.span(n);
    const kids = codeChildren(n);
    if (kids.length !== 3) return unknown(`\`${this.short(n)}\``, sp);
    const op = this.text(kids[1]!);
    const a = this.eval(kids[0]!, scope);
    if (op === "and" || op === "or") {
      const t = truthiness(a);
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

  // ---- calls ---------------------------------------------------------------------------------

  private evalCall(n: SyntaxNode, scope: Scope): AV {
    const sp = this.span(n);
    const kids = codeChildren(n);
    const callee = this.eval(kids[0]!, scope);
    const argList = kids.find((k) => k.name === "ArgList");
    if (!argList) return unknown(`\`${this.short(n)}\``, sp);
    const args = this.evalArgs(argList, scope);
    if (callee.t === "builtin") return this.callBuiltin(callee.name, args, n, sp);
    const fn = this.funcs.get(callee);
    if (fn) return this.inline(fn, args, sp);
    if (callee.t === "method") return this.callMethod(callee, args, sp);
    if (isUncertain(callee)) return { ...callee, span: sp, note: `${callee.note} (called)` } as AV;
    return unknown(`the call \`${this.short(n)}\` is not followed`, sp);
  }

  private evalArgs(argList: SyntaxNode, scope: Scope): Args {
    const out: Args = { positional: [], keywords: new Map(), open: null, keywordSpans: new Map() };
    const kids = codeChildren(argList).filter((c) => !["(", ")", ","].includes(c.name));
    for (let i = 0; i < kids.length; i++) {
      const k = kids[i]!;
      if (k.name === "*" || k.name === "**") {
        const src = kids[++i];
        if (!src) break;
        const v = k.name === "**" ? this.mergeCands(this.eval(src, scope)) : this.eval(src, scope);
        if (k.name === "*" && v.t === "arr" && !v.open) out.positional.push(...v.items);
        else if (k.name === "**" && v.t === "obj") {
          for (const p of v.props.values()) {
            out.keywords.set(p.key, partOf(v, p.value));
            out.keywordSpans.set(p.key, p.keySpan);
          }
          if (v.open) out.open = v.open;
        } else
          out.open = combineUncertain([v]) ?? { t: "unknown", note: `\`${this.text(k)}${this.short(src)}\`` };
        continue;
      }
      if (k.name === "VariableName" && kids[i + 1]?.name === "AssignOp" && kids[i + 2]) {
        const name = this.text(k);
        out.keywords.set(name, this.eval(kids[i + 2]!, scope));
        out.keywordSpans.set(name, this.span(k));
        i += 2;
        continue;
      }
      if (kids[i + 1]?.name === "for")
        return { ...out, open: { t: "unknown", note: "a generator argument" } };
      out.positional.push(this.eval(k, scope));
    }
    return out;
  }

  /** Calls a helper `def`: binds its parameters and evaluates straight-line code up to `return`. */
  inline(fn: PyFunction, args: Args, sp: Span): AV {
    if (this.depth >= MAX_DEPTH)
      return unknown(`\`${fn.name}()\` calls nest deeper than deploy-drift follows`, sp);
    const params = codeChildren(fn.node).find((k) => k.name === "ParamList");
    const body = codeChildren(fn.node).find((k) => k.name === "Body");
    if (!params || !body) return unknown(`\`${fn.name}\``, sp);
    const local = new Scope(fn.scope);
    const pk = codeChildren(params).filter((c) => c.name !== "(" && c.name !== ")");
    let pos = 0;
    let star = false;
    const used = new Set<string>();
    for (let i = 0; i < pk.length; i++) {
      const k = pk[i]!;
      if (k.name === ",") continue;
      if (k.name === "*" || k.name === "**") {
        const nameNode = pk[i + 1]?.name === "VariableName" ? pk[++i]! : null;
        if (k.name === "*") star = true;
        if (nameNode) {
          const pname = this.text(nameNode);
          local.vars.set(
            pname,
            done(
              k.name === "*"
                ? { t: "arr", items: args.positional.slice(pos), open: args.open, span: this.span(nameNode) }
                : this.restKeywords(args, used, this.span(nameNode)),
            ),
          );
          if (k.name === "*") pos = args.positional.length;
          if (k.name === "**") for (const key of args.keywords.keys()) used.add(key);
        }
        continue;
      }
      if (k.name === "/") continue;
      if (k.name !== "VariableName") continue;
      const pname = this.text(k);
      let j = i + 1;
      if (pk[j]?.name === "TypeDef") j++;
      let defaultNode: SyntaxNode | null = null;
      if (pk[j]?.name === "AssignOp" && pk[j + 1]) {
        defaultNode = pk[j + 1]!;
        j++;
      }
      i = j;
      let v: AV | null = null;
      if (!star && pos < args.positional.length) v = args.positional[pos++]!;
      else if (args.keywords.has(pname)) {
        v = args.keywords.get(pname)!;
        used.add(pname);
      } else if (args.open) v = fromUncertain(args.open, sp);
      else if (defaultNode) v = this.eval(defaultNode, fn.scope);
      else v = unknown(`\`${fn.name}()\` is called without \`${pname}\``, sp);
      local.vars.set(pname, done(v));
    }
    this.depth++;
    try {
      return this.runBody(fn, body, local, sp);
    } finally {
      this.depth--;
    }
  }

  private restKeywords(args: Args, used: Set<string>, sp: Span): AV {
    const props = new Map<string, Prop>();
    for (const [key, value] of args.keywords) {
      if (used.has(key)) continue;
      props.set(key, prop(key, args.keywordSpans.get(key) ?? sp, value));
    }
    return { t: "obj", props, open: args.open, span: sp };
  }

  private runBody(fn: PyFunction, body: SyntaxNode, local: Scope, sp: Span): AV {
    const stmts = codeChildren(body).flatMap((c) => (c.name === "StatementGroup" ? codeChildren(c) : [c]));
    for (const s of stmts) {
      if (s.name === "ReturnStatement") {
        const expr = codeChildren(s).find((c) => c.name !== "return");
        return expr ? this.eval(expr, local) : prim(null, sp);
      }
      if (s.name === "ExpressionStatement" || s.name === "PassStatement" || s.name === "Comment") continue;
      if (
        s.name === "AssignStatement" ||
        s.name === "FunctionDefinition" ||
        s.name === "DecoratedStatement" ||
        s.name === "ImportStatement"
      ) {
        const kids = codeChildren(s);
        // `x.attr = …` / `x[k] = …` after creation: the Python SDK copies the node, so it changes nothing.
        if (s.name === "AssignStatement" && kids[0]?.name === "MemberExpression") continue;
        this.bindStatement(s, local, new Map(), false);
        continue;
      }
      if (/Statement$/.test(s.name) && !/^(If|For|While|Try|With|Match)Statement$/.test(s.name)) continue;
      if (/(Statement|Definition)$/.test(s.name) || s.type.isError) {
        if (containsReturn(s)) {
          return unknown(
            `\`${fn.name}()\` returns from inside a \`${this.short(s).split(" ")[0]}\` block, which is not followed`,
            this.span(s),
          );
        }
        this.bindStatement(s, local, new Map(), false);
      }
    }
    return prim(null, sp);
  }

  private callMethod(m: AV & { t: "method" }, args: Args, sp: Span): AV {
    const t = m.target;
    if (t.t === "obj" && m.name === "get" && args.positional.length >= 1) {
      const key = args.positional[0]!;
      if (key.t === "prim" && typeof key.value === "string") {
        const r = this.lookupProp(t, key.value);
        return r === "absent" ? (args.positional[1] ?? prim(null, sp)) : r;
      }
    }
    if (t.t === "prim" && typeof t.value === "string") {
      const s = t.value;
      const c = !!t.constant;
      if (args.positional.length === 0 && ["strip", "lower", "upper"].includes(m.name)) {
        const v = m.name === "strip" ? s.trim() : m.name === "lower" ? s.toLowerCase() : s.toUpperCase();
        return this.capString(v, sp, c);
      }
      if (m.name === "join" && args.positional.length === 1) {
        const a = args.positional[0]!;
        if (a.t === "arr" && !a.open && a.items.every((i) => i.t === "prim" && typeof i.value === "string")) {
          return this.capString(a.items.map((i) => (i as { value: string }).value).join(s), sp, true);
        }
      }
      if (m.name === "format") return unknown("`str.format()` is not followed", sp);
    }
    return unknown(`\`.${m.name}()\` is not followed`, sp);
  }

  private callBuiltin(name: Builtin, args: Args, node: SyntaxNode, sp: Span): AV {
    const kw = (k: string): AV | null => args.keywords.get(k) ?? null;
    const config = (): AV => this.restKeywords(args, new Set(), sp);
    switch (name) {
      case "defineRailway":
        return args.positional[0] ?? unknown("`define_railway()` without a program", sp);
      case "preserve":
        return { t: "preserve", span: sp };
      case "createRailwayContext":
        return { t: "ctx", span: sp };
      case "service":
      case "fn":
        return this.resource(name === "fn" ? "function" : "service", args, config(), node, sp);
      case "postgres":
      case "mysql":
      case "redis":
      case "mongo":
      case "database":
        return this.resource("database", args, config(), node, sp);
      case "volume":
      case "bucket":
        return this.resource(name, args, args.positional[1] ?? config(), node, sp);
      case "group": {
        const g = this.resource("group", args, null, node, sp);
        const items = args.positional[1];
        if (!items || (items.t === "obj" && !args.positional[2])) return g;
        if (items.t === "arr") return { t: "arr", items: [g, ...items.items], open: items.open, span: sp };
        return {
          t: "arr",
          items: [g],
          open: combineUncertain([items]) ?? { t: "unknown", note: "the group's resources" },
          span: sp,
        };
      }
      case "github":
      case "image":
      case "template":
      case "empty": {
        const firstKey =
          name === "github" ? "repo" : name === "image" ? "image" : name === "template" ? "template" : null;
        const defaultBranch = name === "github" && !args.keywords.has("branch");
        const props = sourceProps(name, firstKey, args.positional[0], sp, defaultBranch);
        for (const [k, v] of args.keywords) props.set(k, prop(k, args.keywordSpans.get(k) ?? sp, v));
        return { t: "obj", props, open: args.open, span: sp };
      }
      case "ref": {
        const [res, out] = args.positional;
        if (res?.t === "resource" && out?.t === "prim" && typeof out.value === "string")
          return this.envRef(res.res, out.value, sp);
        return unknown("a `ref()` that does not resolve", sp);
      }
      case "project": {
        const def = args.positional[1];
        const fromDef =
          def?.t === "obj"
            ? this.lookupProp(def, "resources") !== "absent"
              ? this.lookupProp(def, "resources")
              : this.lookupProp(def, "services")
            : "absent";
        const resources = kw("resources") ?? kw("services") ?? (fromDef === "absent" ? null : fromDef);
        if (!resources && args.open) return unknown(`the project's resources (${args.open.note})`, sp);
        return { t: "project", resources, span: sp };
      }
      default:
        return unknown(`\`${name}()\` is not followed`, sp);
    }
  }

  private resource(kind: ResourceKind, args: Args, cfg: AV | null, node: SyntaxNode, sp: Span): AV {
    const name = args.positional[0] ?? args.keywords.get("name") ?? unknown("no name", sp);
    const res = newResource(kind, name, cfg, { span: sp, start: node.from, end: node.to });
    this.resources.push(res);
    return { t: "resource", res, span: sp };
  }

  /** `absent` when the key is definitely not there. */
  lookupProp(target: AV | null, key: string): AV | "absent" {
    return lookupProperty(target, key, PY_PROPERTIES);
  }

  /**
   * `**({"a": 1} if c else {})`: when every case is a dict with known keys, one dict whose keys are
   * the union and whose values are the cases (absent where a case lacks the key). Else unchanged.
   */
  private mergeCands(v: AV): AV {
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
  takesArgument(fn: PyFunction): boolean {
    const params = codeChildren(fn.node).find((k) => k.name === "ParamList");
    return !!params && codeChildren(params).some((k) => k.name === "VariableName");
  }

  /** The function bound to a value, when it is a `def` of this file. */
  functionOf(v: AV): PyFunction | null {
    return this.funcs.get(v) ?? null;
  }
}

/** Python's side of a property lookup: a dict key of a str/int/bool, or of anything not a dict. */
const PY_PROPERTIES: PropertyHooks = {
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
function codeChildren(n: SyntaxNode): SyntaxNode[] {
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

function containsReturn(n: SyntaxNode): boolean {
  if (n.name === "ReturnStatement") return true;
  if (n.name === "FunctionDefinition" || n.name === "LambdaExpression" || n.name === "ClassDefinition")
    return false;
  return codeChildren(n).some(containsReturn);
}

/** The value of the literal text of an f-string between replacements (`{{`/`}}` already folded). */
function unescapeChunk(py: ParsedPython, chunk: string): string | null {
  const wrapped = `"""${chunk}"""`;
  return stringLiteralValue({ ...py, text: () => wrapped }, { name: "String" } as SyntaxNode);
}
