/**
 * Calls in the railway.py evaluator: helper `def`s (positional, keyword and default arguments,
 * `*args`/`**kwargs`, straight-line bodies up to `return`), `str`/`dict` methods, and the
 * `railway_sdk` constructors.
 */
import type { Span } from "../../../model/span.js";
import type { SyntaxNode } from "../../../python/parse.js";
import { done, newResource, partOf, prop, sourceProps } from "../model/core.js";
import {
  type AV,
  type Builtin,
  combineUncertain,
  fromUncertain,
  isUncertain,
  type Prop,
  prim,
  type ResourceKind,
  Scope,
  unknown,
} from "../model/values.js";
import { PyExpressionEvaluator } from "./expressions.js";
import { type Args, codeChildren, containsReturn, type PyFunction } from "./syntax.js";

const MAX_DEPTH = 8;

export abstract class PyCallEvaluator extends PyExpressionEvaluator {
  // ---- calls ---------------------------------------------------------------------------------

  protected evalCall(n: SyntaxNode, scope: Scope): AV {
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

  protected evalArgs(argList: SyntaxNode, scope: Scope): Args {
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

  protected restKeywords(args: Args, used: Set<string>, sp: Span): AV {
    const props = new Map<string, Prop>();
    for (const [key, value] of args.keywords) {
      if (used.has(key)) continue;
      props.set(key, prop(key, args.keywordSpans.get(key) ?? sp, value));
    }
    return { t: "obj", props, open: args.open, span: sp };
  }

  protected runBody(fn: PyFunction, body: SyntaxNode, local: Scope, sp: Span): AV {
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

  protected callMethod(m: AV & { t: "method" }, args: Args, sp: Span): AV {
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

  protected callBuiltin(name: Builtin, args: Args, node: SyntaxNode, sp: Span): AV {
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

  protected resource(kind: ResourceKind, args: Args, cfg: AV | null, node: SyntaxNode, sp: Span): AV {
    const name = args.positional[0] ?? args.keywords.get("name") ?? unknown("no name", sp);
    const res = newResource(kind, name, cfg, { span: sp, start: node.from, end: node.to });
    this.resources.push(res);
    return { t: "resource", res, span: sp };
  }

  takesArgument(fn: PyFunction): boolean {
    const params = codeChildren(fn.node).find((k) => k.name === "ParamList");
    return !!params && codeChildren(params).some((k) => k.name === "VariableName");
  }

  /** The function bound to a value, when it is a `def` of this file. */
  functionOf(v: AV): PyFunction | null {
    return this.funcs.get(v) ?? null;
  }

  protected abstract bindStatement(
    s: SyntaxNode,
    scope: Scope,
    assigned: Map<string, number>,
    lazy: boolean,
  ): void;
}
