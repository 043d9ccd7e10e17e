/**
 * A static evaluator for `.railway/railway.ts` on the Babel AST (railway-iac.md §5.3). It never
 * executes the file: it folds literals, same-file `const`s, spreads, member access, templates,
 * arithmetic and small helper functions, models the `railway/iac` constructors (§2.3, §2.4), and
 * returns `ctxdep` for anything that depends on the deploy context and `unknown` for anything else.
 */
import type * as t from "@babel/types";
import type { LineIndex, Span } from "../../../model/span.js";
import { done } from "../model/core.js";
import { type AV, iacExport, prim, Scope, truthiness, type Uncertain, unknown } from "../model/values.js";
import { CallEvaluator } from "./calls.js";
import { type Completion, IAC_MODULE, patternNames } from "./syntax.js";

/** The railway.ts evaluator: statements, bindings and scope on top of expressions.ts and calls.ts. */
export class Evaluator extends CallEvaluator {
  constructor(
    file: string,
    text: string,
    idx: LineIndex,
    /** Names that are the target of an assignment or `++`/`--` anywhere in the file. */
    private readonly reassigned: ReadonlySet<string>,
  ) {
    super(file, text, idx);
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
}
