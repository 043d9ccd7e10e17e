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
import type { SyntaxNode } from "../../../python/parse.js";
import { done } from "../model/core.js";
import { type AV, type Scope, unknown } from "../model/values.js";
import { PyCallEvaluator } from "./calls.js";
import { assignedNames, codeChildren, PY_EXPORTS, SDK_MODULES } from "./syntax.js";

/** The railway.py evaluator: module statements, imports and bindings, on top of expressions.ts and calls.ts. */
export class PyEvaluator extends PyCallEvaluator {
  // ---- statements ----------------------------------------------------------------------------

  /** Binds the module's names (lazily: a constant is evaluated on first use, once). */
  execModule(stmts: readonly SyntaxNode[], scope: Scope): void {
    const assigned = new Map<string, number>();
    for (const s of stmts)
      for (const n of assignedNames(s, this.py.source)) assigned.set(n, (assigned.get(n) ?? 0) + 1);
    for (const s of stmts) this.bindStatement(s, scope, assigned, true);
  }

  protected bindStatement(s: SyntaxNode, scope: Scope, assigned: Map<string, number>, lazy: boolean): void {
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
}
