/**
 * Calls in the railway.ts evaluator: helper inlining (bounded depth), the array methods real files
 * use (`map`, `flat`, `concat`, `join`), `Object.fromEntries`, and the `railway/iac` constructors
 * (railway-iac.md §2.3, §2.4).
 */
import type * as t from "@babel/types";
import type { Span } from "../../../model/span.js";
import { MAX_STRING, newResource, prop, sourceProps } from "../model/core.js";
import {
  type AV,
  asConstant,
  type Builtin,
  combineUncertain,
  ctxdep,
  fromUncertain,
  isUncertain,
  type Prim,
  type Prop,
  prim,
  type ResourceKind,
  Scope,
  type Uncertain,
  unknown,
} from "../model/values.js";
import { ExpressionEvaluator } from "./expressions.js";
import type { Completion } from "./syntax.js";

const MAX_CALL_DEPTH = 6;

export abstract class CallEvaluator extends ExpressionEvaluator {
  protected callDepth = 0;

  protected call(node: t.CallExpression | t.OptionalCallExpression, scope: Scope, span: Span): AV {
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

  protected method(target: AV, name: string, args: readonly AV[], node: t.Node, span: Span): AV {
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

  protected builtin(
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

  protected resource(kind: ResourceKind, name: AV | null, config: AV | null, node: t.Node, span: Span): AV {
    const res = newResource(kind, name ?? unknown("no name", span), config, {
      span,
      start: node.start ?? 0,
      end: node.end ?? 0,
    });
    this.resources.push(res);
    return { t: "resource", res, span };
  }

  /** `Object.fromEntries([[k, v], …])`, typically `Object.fromEntries(KEYS.map((k) => [k, preserve()]))`. */
  protected fromEntries(entries: AV | null, span: Span): AV {
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

  abstract exec(stmts: readonly t.Statement[], scope: Scope): Completion;
  abstract bindPattern(
    pattern: t.LVal | t.Node,
    get: () => AV,
    scope: Scope,
    kind: "const" | "let" | "param",
  ): void;
}
