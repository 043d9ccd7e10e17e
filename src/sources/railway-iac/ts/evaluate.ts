/**
 * A static evaluator for `.railway/railway.ts` on the Babel AST (railway-iac.md §5.3). It never
 * executes the file: it folds literals, same-file `const`s, spreads, member access, templates,
 * arithmetic and small helper functions, models the `railway/iac` constructors (§2.3, §2.4), and
 * returns `ctxdep` for anything that depends on the deploy context and `unknown` for anything else.
 */
import type * as t from "@babel/types";
import type { Diagnostic } from "../../../model/finding.js";
import type { LineIndex, Span } from "../../../model/span.js";
import {
  bindingValue,
  done,
  envReference,
  MAX_STRING,
  MAX_TEXT_TOTAL,
  newResource,
  objectProp,
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
  iacExport,
  isUncertain,
  type Prim,
  type Prop,
  prim,
  type Resource,
  type ResourceKind,
  Scope,
  truthiness,
  type Uncertain,
  unknown,
} from "../model/values.js";

/** Module specifier of the SDK (railway-iac.md §2.1). */
export const IAC_MODULE = "railway/iac";

const MAX_DEPTH = 300;
const MAX_CALL_DEPTH = 6;
const MAX_STEPS = 200_000;
const MAX_CANDIDATES = 16;
const MAX_ARRAY = 500;

type Completion = { kind: "normal" } | { kind: "return"; value: AV } | { kind: "throw" };

export class Evaluator {
  readonly resources: Resource[] = [];
  readonly diagnostics: Diagnostic[] = [];
  private readonly steps = new StepBudget(MAX_STEPS);
  /** Every string built so far, against MAX_STRING and MAX_TEXT_TOTAL. */
  private readonly textBudget = new TextBudget(MAX_TEXT_TOTAL);
  private depth = 0;
  private callDepth = 0;

  constructor(
    readonly file: string,
    readonly text: string,
    private readonly idx: LineIndex,
    /** Names that are the target of an assignment or `++`/`--` anywhere in the file. */
    private readonly reassigned: ReadonlySet<string>,
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

  // ---------- statements ----------

  /** Declares hoisted bindings of a statement list, then runs it in order. */
  exec(stmts: readonly t.Statement[], scope: Scope): Completion {
    for (const s of stmts) this.declare(s, scope);
    return this.run(stmts, 0, scope);
  }

  private run(stmts: readonly t.Statement[], from: number, scope: Scope): Completion {
    for (let i = from; i < stmts.length; i++) {
      const c = this.execOne(stmts[i]!, scope);
      if (c.kind !== "normal") return c;
      if (this.lastUncertainBranch) {
        // `if (!ctx.isEnvironment("dev")) return a;` then more statements: both paths are possible.
        const branch = this.lastUncertainBranch;
        this.lastUncertainBranch = null;
        const rest = this.run(stmts, i + 1, scope);
        if (rest.kind === "return") {
          return {
            kind: "return",
            value: this.candidates([branch.value, rest.value], branch.cond, branch.span),
          };
        }
        return { kind: "return", value: branch.value };
      }
    }
    return { kind: "normal" };
  }

  private lastUncertainBranch: { value: AV; cond: Uncertain; span: Span } | null = null;

  private declare(s: t.Statement, scope: Scope): void {
    if (s.type === "ImportDeclaration") {
      this.declareImport(s, scope);
      return;
    }
    const decl = s.type === "ExportNamedDeclaration" ? s.declaration : s;
    if (!decl) return;
    if (decl.type === "VariableDeclaration") {
      for (const d of decl.declarations) {
        const init = d.init;
        const kind = decl.kind;
        const getter = () => {
          if (!init) return prim(undefined, this.span(d));
          return this.eval(init, scope);
        };
        this.bindPattern(d.id, getter, scope, kind === "const" ? "const" : "let");
      }
    } else if (decl.type === "FunctionDeclaration" && decl.id) {
      const fn = decl;
      const name = decl.id.name;
      scope.vars.set(name, {
        state: "pending",
        compute: () => ({ t: "func", node: fn, scope, span: this.span(fn), constant: true }),
      });
    }
  }

  /** `railway/iac` imports are recognised by binding, including renames and namespaces (§5.3 step 1). */
  private declareImport(s: t.ImportDeclaration, scope: Scope): void {
    if (s.importKind === "type" || s.importKind === "typeof") return;
    const from = s.source.value;
    for (const spec of s.specifiers) {
      if (spec.type === "ImportSpecifier" && spec.importKind === "type") continue;
      const local = spec.local.name;
      const span = this.span(spec);
      let value: AV;
      if (from !== IAC_MODULE) {
        value = unknown(`\`${local}\` is imported from \`${from}\`; imports are not followed`, span);
      } else if (spec.type === "ImportNamespaceSpecifier") {
        value = { t: "namespace", span };
      } else if (spec.type === "ImportSpecifier") {
        const imported = spec.imported.type === "Identifier" ? spec.imported.name : spec.imported.value;
        const b = iacExport(imported);
        value = b
          ? { t: "builtin", name: b, span }
          : unknown(`\`${imported}\` from \`${IAC_MODULE}\` is not modelled`, span);
      } else {
        value = unknown(`\`${IAC_MODULE}\` has no default export`, span);
      }
      scope.vars.set(local, done(value));
    }
  }

  private execOne(s: t.Statement, scope: Scope): Completion {
    if (!this.steps.take()) return { kind: "normal" };
    switch (s.type) {
      case "VariableDeclaration":
        for (const d of s.declarations) this.force(d.id, scope);
        return { kind: "normal" };
      case "ExportNamedDeclaration":
        if (s.declaration?.type === "VariableDeclaration") return this.execOne(s.declaration, scope);
        return { kind: "normal" };
      case "ExpressionStatement":
        this.statementExpression(s.expression, scope);
        return { kind: "normal" };
      case "ReturnStatement":
        return {
          kind: "return",
          value: s.argument ? this.eval(s.argument, scope) : prim(undefined, this.span(s)),
        };
      case "ThrowStatement":
        return { kind: "throw" };
      case "BlockStatement":
        return this.exec(s.body, new Scope(scope));
      case "IfStatement": {
        const test = this.eval(s.test, scope);
        const truth = truthiness(test);
        const run = (b: t.Statement | null | undefined): Completion =>
          b ? this.exec(b.type === "BlockStatement" ? b.body : [b], new Scope(scope)) : { kind: "normal" };
        if (truth === true) return run(s.consequent);
        if (truth === false) return run(s.alternate);
        const cond = this.condOf(test, s.test);
        const a = run(s.consequent);
        const b = run(s.alternate);
        if (a.kind === "return" && b.kind === "return") {
          return { kind: "return", value: this.candidates([a.value, b.value], cond, this.span(s)) };
        }
        if (a.kind === "throw" && b.kind === "throw") return a;
        // A guard: one branch returns, the other falls through to the following statements.
        const one = a.kind === "return" ? a : b.kind === "return" ? b : null;
        if (one && one.kind === "return")
          this.lastUncertainBranch = { value: one.value, cond, span: this.span(s) };
        return { kind: "normal" };
      }
      default:
        return { kind: "normal" };
    }
  }

  /** `X.deploy = {…}`, `X.deploy.startCommand = "…"`: applied to the resource, in order. */
  private statementExpression(e: t.Expression, scope: Scope): void {
    if (e.type !== "AssignmentExpression" || e.operator !== "=") {
      if (e.type === "CallExpression") this.eval(e, scope);
      return;
    }
    const left = e.left;
    if (left.type !== "MemberExpression") return;
    const key = this.memberKey(left, scope);
    if (key === null) return;
    const target = this.eval(left.object as t.Expression, scope);
    if (target.t === "resource") {
      if (key === "deploy") target.res.deployOverride = this.eval(e.right, scope);
      else if (key === "build") target.res.buildOverride = this.eval(e.right, scope);
      return;
    }
    const inner = left.object;
    if (inner.type === "MemberExpression") {
      const section = this.memberKey(inner, scope);
      const owner = this.eval(inner.object as t.Expression, scope);
      if (owner.t === "resource" && (section === "deploy" || section === "build")) {
        const map = section === "deploy" ? owner.res.deployFields : owner.res.buildFields;
        map.set(key, this.eval(e.right, scope));
      }
    }
  }

  // ---------- bindings ----------

  bindPattern(pattern: t.LVal | t.Node, get: () => AV, scope: Scope, kind: "const" | "let" | "param"): void {
    let cached: AV | null = null;
    const once = () => {
      if (!cached) cached = get();
      return cached;
    };
    switch (pattern.type) {
      case "Identifier": {
        const name = pattern.name;
        const idSpan = this.span(pattern);
        scope.vars.set(name, {
          state: "pending",
          compute: () => {
            if (kind === "let" && this.reassigned.has(name)) {
              return unknown(`\`${name}\` is reassigned; only \`const\` values are followed`, idSpan);
            }
            return once();
          },
        });
        return;
      }
      case "AssignmentPattern":
        this.bindPattern(
          pattern.left,
          () => {
            const v = once();
            if (v.t === "prim" && v.value === undefined) return this.eval(pattern.right, scope);
            return v;
          },
          scope,
          kind,
        );
        return;
      case "ObjectPattern": {
        const taken: string[] = [];
        for (const p of pattern.properties) {
          if (p.type === "RestElement") {
            this.bindPattern(p.argument, () => this.restOf(once(), taken, this.span(p)), scope, kind);
            continue;
          }
          const key = this.propertyKeyName(p, scope);
          if (key !== null) taken.push(key);
          this.bindPattern(
            p.value,
            () =>
              key === null ? unknown("computed key", this.span(p)) : this.getProp(once(), key, this.span(p)),
            scope,
            kind,
          );
        }
        return;
      }
      case "ArrayPattern":
        pattern.elements.forEach((el, i) => {
          if (!el) return;
          if (el.type === "RestElement") {
            this.bindPattern(el.argument, () => unknown("array rest", this.span(el)), scope, kind);
            return;
          }
          this.bindPattern(el, () => this.index(once(), i, this.span(el)), scope, kind);
        });
        return;
      case "TSParameterProperty":
        this.bindPattern(pattern.parameter, get, scope, kind);
        return;
      default:
        return;
    }
  }

  /** Evaluates the bindings a declaration introduced, in statement order. */
  private force(pattern: t.Node, scope: Scope): void {
    for (const name of patternNames(pattern)) this.lookup(name, scope, null);
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

  private global(name: string, span: Span): AV {
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

  private evalInner(node: t.Node, scope: Scope, span: Span): AV {
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

  private template(node: t.TemplateLiteral, scope: Scope, span: Span): AV {
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
  private combine(parts: readonly AV[], span: Span): Prim[][] | AV {
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
  private overTextBudget(values: readonly Prim[], span: Span): AV | null {
    for (const v of values) {
      if (typeof v !== "string") continue;
      const over = this.textBudget.exceeds(v);
      if (over === "string") return unknown(`the string is longer than ${MAX_STRING} characters`, span);
      if (over === "total") return unknown("the file builds too much text to evaluate statically", span);
    }
    return null;
  }

  private fromStrings(values: Prim[], parts: readonly AV[], constant: boolean, span: Span): AV {
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

  private object(node: t.ObjectExpression, scope: Scope, span: Span): AV {
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

  private spreadInto(props: Map<string, Prop>, v: AV, span: Span, markOpen: (u: Uncertain) => void): void {
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

  private propertyKeyName(p: t.ObjectProperty | t.ObjectMethod, scope: Scope): string | null {
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

  private array(node: t.ArrayExpression, scope: Scope, span: Span): AV {
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

  private memberKey(node: t.MemberExpression | t.OptionalMemberExpression, scope: Scope): string | null {
    const p = node.property;
    if (!node.computed) return p.type === "Identifier" ? p.name : null;
    const v = this.eval(p, scope);
    return v.t === "prim" && (typeof v.value === "string" || typeof v.value === "number")
      ? String(v.value)
      : null;
  }

  private member(node: t.MemberExpression | t.OptionalMemberExpression, scope: Scope, span: Span): AV {
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
    if (!target) return "absent";
    switch (target.t) {
      case "obj":
        return objectProp(target, key);
      case "prim":
        return target.value === undefined || target.value === null
          ? "absent"
          : unknown(`\`${key}\` of a primitive`, target.span);
      case "cands": {
        const opts = target.options.map((o) => {
          const r = this.lookupProp(o, key);
          return r === "absent" ? prim(undefined, o.span) : r;
        });
        if (opts.every((o) => o.t === "prim" && o.value === undefined)) return "absent";
        return this.candidates(opts, target.cond, target.span);
      }
      case "ctxdep":
      case "unknown":
        return target;
      default:
        return this.getMember(target, key, target.span, null);
    }
  }

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

  private restOf(v: AV, taken: readonly string[], span: Span): AV {
    if (v.t !== "obj") return isUncertain(v) ? { ...v, span } : unknown("rest of a non-object", span);
    const props = new Map([...v.props].filter(([k]) => !taken.includes(k)));
    return { ...v, props };
  }

  private logical(node: t.LogicalExpression, scope: Scope, span: Span): AV {
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

  private binary(node: t.BinaryExpression, scope: Scope, span: Span): AV {
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

  private unary(node: t.UnaryExpression, scope: Scope, span: Span): AV {
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

  // ---------- calls ----------

  private call(node: t.CallExpression | t.OptionalCallExpression, scope: Scope, span: Span): AV {
    if (
      node.callee.type === "V8IntrinsicIdentifier" ||
      node.callee.type === "Super" ||
      node.callee.type === "Import"
    ) {
      return unknown(`\`${this.snippet(node)}\` is not evaluated statically`, span);
    }
    const callee = this.eval(node.callee, scope);
    const args: AV[] = [];
    for (const a of node.arguments) {
      if (a.type === "SpreadElement") {
        const v = this.eval(a.argument, scope);
        if (v.t === "arr" && !v.open) args.push(...v.items);
        else return unknown(`\`${this.snippet(node)}\` spreads arguments that did not resolve`, span);
      } else if (a.type === "ArgumentPlaceholder") {
        return unknown("unsupported argument", span);
      } else {
        args.push(this.eval(a, scope));
      }
    }
    switch (callee.t) {
      case "builtin":
        return this.builtin(callee.name, args, node, span);
      case "func":
        return this.inline(callee, args, node, span);
      case "method":
        return this.method(callee.target, callee.name, args, node, span);
      case "ctxdep":
        return ctxdep(`\`${this.snippet(node)}\` depends on the deploy context`, span);
      case "unknown":
        return unknown(`\`${this.snippet(node)}\` is not evaluated statically (${callee.note})`, span);
      default:
        return unknown(`\`${this.snippet(node)}\` is not evaluated statically`, span);
    }
  }

  /** Inlines a helper (`const source = () => github(…)`, factories) with a bounded depth. */
  inline(fn: AV & { t: "func" }, args: readonly AV[], node: t.Node, span: Span, program = false): AV {
    if (this.callDepth >= MAX_CALL_DEPTH)
      return unknown(`\`${this.snippet(node)}\` calls helpers too deeply`, span);
    const f = fn.node;
    // The program may be async (it returns `ProjectDefinition | Promise<…>`); helpers must not be.
    if ((f.async && !program) || f.generator)
      return unknown(`\`${this.snippet(node)}\` is async or a generator`, span);
    const scope = new Scope(fn.scope);
    f.params.forEach((p, i) => {
      if (p.type === "RestElement") {
        const rest = args.slice(i);
        this.bindPattern(
          p.argument,
          () => ({ t: "arr", items: [...rest], open: null, span }),
          scope,
          "param",
        );
        return;
      }
      const arg = args[i] ?? prim(undefined, span);
      this.bindPattern(p, () => arg, scope, "param");
    });
    this.callDepth++;
    try {
      let result: AV;
      if (f.body.type === "BlockStatement") {
        const c = this.exec(f.body.body, scope);
        result =
          c.kind === "return"
            ? c.value
            : c.kind === "throw"
              ? unknown("the helper throws", span)
              : prim(undefined, span);
      } else {
        result = this.eval(f.body, scope);
      }
      return result.t === "prim" || result.t === "obj" || result.t === "arr" ? asConstant(result) : result;
    } finally {
      this.callDepth--;
    }
  }

  private method(target: AV, name: string, args: readonly AV[], node: t.Node, span: Span): AV {
    if (target.t === "arr" && !target.open) {
      if (name === "map") {
        const fn = args[0];
        if (fn?.t !== "func") return unknown(`\`${this.snippet(node)}\` maps with an unknown function`, span);
        const items = target.items.map((item, i) =>
          this.inline(fn, [item, prim(i, item.span)], node, item.span),
        );
        return { t: "arr", items, open: null, span, constant: target.constant };
      }
      if (name === "flat") {
        const items: AV[] = [];
        for (const i of target.items) {
          if (i.t === "arr") items.push(...i.items);
          else items.push(i);
        }
        return { t: "arr", items, open: null, span, constant: target.constant };
      }
      if (name === "concat") {
        const items = [...target.items];
        for (const a of args) {
          if (a.t === "arr" && !a.open) items.push(...a.items);
          else if (a.t === "arr" || isUncertain(a))
            return unknown(`\`${this.snippet(node)}\` did not resolve`, span);
          else items.push(a);
        }
        return { t: "arr", items, open: null, span, constant: target.constant };
      }
      if (name === "join") {
        const sep = args[0];
        const sepText = sep?.t === "prim" && typeof sep.value === "string" ? sep.value : ",";
        if (target.items.every((i) => i.t === "prim")) {
          let length = 0;
          for (const i of target.items)
            length += String((i as { value: Prim }).value ?? "").length + sepText.length;
          if (length > MAX_STRING) return unknown(`the string is longer than ${MAX_STRING} characters`, span);
          const joined = target.items.map((i) => String((i as { value: Prim }).value ?? "")).join(sepText);
          const over = this.overTextBudget([joined], span);
          if (over) return over;
          const v = prim(joined, span);
          return target.constant ? asConstant(v) : v;
        }
      }
    }
    const u = combineUncertain([target]);
    if (u) return fromUncertain(u, span);
    return unknown(`\`${this.snippet(node)}\` is not evaluated statically`, span);
  }

  private builtin(
    name: Builtin,
    args: readonly AV[],
    node: t.CallExpression | t.OptionalCallExpression,
    span: Span,
  ): AV {
    const arg = (i: number): AV | null => args[i] ?? null;
    switch (name) {
      case "service":
      case "fn":
        return this.resource(name === "fn" ? "function" : "service", arg(0), arg(1), node, span);
      case "postgres":
      case "mysql":
      case "redis":
      case "mongo":
        return this.resource("database", arg(0), arg(1), node, span);
      case "database":
        return this.resource("database", arg(0), arg(2), node, span);
      case "volume":
        return this.resource("volume", arg(0), arg(1), node, span);
      case "bucket":
        return this.resource("bucket", arg(0), arg(1), node, span);
      case "group": {
        const group = this.resource("group", arg(0), null, node, span);
        const children = arg(1);
        if (children?.t === "arr")
          return { t: "arr", items: [group, ...children.items], open: children.open, span };
        if (!children || children.t === "obj" || (children.t === "prim" && children.value === undefined)) {
          return { t: "arr", items: [group], open: null, span };
        }
        return {
          t: "arr",
          items: [group],
          open: combineUncertain([children]) ?? { t: "unknown", note: "group children" },
          span,
        };
      }
      case "github":
      case "image":
      case "template": {
        // `github(repo, opts)` = `{ type: "github", repo, branch: opts.branch ?? "main", ...opts }` (§2.3).
        const typeValue = name === "github" ? "github" : name === "image" ? "docker-image" : "template";
        const firstKey = name === "github" ? "repo" : name === "image" ? "image" : "template";
        const props = sourceProps(typeValue, firstKey, arg(0), span, name === "github");
        let open: Uncertain | null = null;
        const opts = arg(1);
        if (opts) this.spreadInto(props, opts, span, (u) => (open = open ?? u));
        return { t: "obj", props, open, span };
      }
      case "empty":
        return { t: "obj", props: sourceProps("empty", null, null, span, false), open: null, span };
      case "ref": {
        const res = arg(0);
        const out = arg(1);
        if (res?.t === "resource" && out?.t === "prim" && typeof out.value === "string") {
          return this.getMember({ t: "envProxy", res: res.res, span }, out.value, span, node);
        }
        return unknown(`\`${this.snippet(node)}\` names a resource or variable that did not resolve`, span);
      }
      case "preserve":
        return { t: "preserve", span };
      case "project": {
        const def = arg(1);
        if (!def) return { t: "project", resources: null, span };
        const r = this.lookupProp(def, "resources");
        const resources = r === "absent" ? this.lookupProp(def, "services") : r;
        return { t: "project", resources: resources === "absent" ? null : resources, span };
      }
      case "defineRailway":
        return arg(0) ?? unknown("`defineRailway()` without a program", span);
      case "createRailwayContext":
        return { t: "ctx", span };
      case "Object":
        return unknown("`Object(…)`", span);
      case "Object.fromEntries":
        return this.fromEntries(arg(0), span);
      case "ctx.isEnvironment":
      case "ctx.randomString":
        return ctxdep(
          `\`${this.snippet(node)}\` depends on the deploy context, known only when Railway evaluates the file per environment`,
          span,
        );
    }
  }

  private resource(kind: ResourceKind, name: AV | null, config: AV | null, node: t.Node, span: Span): AV {
    const res = newResource(kind, name ?? unknown("no name", span), config, {
      span,
      start: node.start ?? 0,
      end: node.end ?? 0,
    });
    this.resources.push(res);
    return { t: "resource", res, span };
  }

  /** `Object.fromEntries([[k, v], …])`, typically `Object.fromEntries(KEYS.map((k) => [k, preserve()]))`. */
  private fromEntries(entries: AV | null, span: Span): AV {
    if (entries?.t !== "arr") {
      const u = entries ? combineUncertain([entries]) : null;
      return {
        t: "obj",
        props: new Map(),
        open: u ?? { t: "unknown", note: "`Object.fromEntries` of entries that did not resolve" },
        span,
      };
    }
    const props = new Map<string, Prop>();
    let open: Uncertain | null = entries.open;
    for (const e of entries.items) {
      const k = e.t === "arr" ? e.items[0] : undefined;
      const v = e.t === "arr" ? e.items[1] : undefined;
      if (k?.t === "prim" && (typeof k.value === "string" || typeof k.value === "number") && v) {
        props.set(String(k.value), prop(String(k.value), k.span, v));
      } else {
        open = open ?? { t: "unknown", note: "an entry of `Object.fromEntries` did not resolve" };
      }
    }
    return { t: "obj", props, open, span, constant: entries.constant };
  }
}

const NOT_FOLDED = Symbol("not folded");

function binaryOp(op: string, a: Prim, b: Prim): Prim | typeof NOT_FOLDED {
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

function describeShort(v: AV): string {
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
