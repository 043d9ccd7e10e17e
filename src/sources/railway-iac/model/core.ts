/**
 * The parts of the static evaluator that do not depend on the language: both front ends
 * (`../ts/evaluate.ts` on Babel's AST, `../py/evaluate.ts` on @lezer/python's tree) call these, so
 * lazy bindings, budgets, property lookup, resource nodes and variable references behave the same
 * whichever file Railway's CLI would evaluate. What the two languages do differently (operators,
 * spreads, parameters, messages) stays in each front end (see ../README.md).
 */
import type { Span } from "../../../model/span.js";
import {
  type AV,
  asConstant,
  type Binding,
  type Prop,
  prim,
  type Resource,
  type ResourceKind,
  type Uncertain,
  unknown,
} from "./values.js";

/** Longest string the evaluator builds (a start command or variable is far shorter). */
export const MAX_STRING = 64 * 1024;
/** Total characters of all strings the TypeScript evaluator builds in one file. */
export const MAX_TEXT_TOTAL = 4 * 1024 * 1024;

/** Counts evaluation steps; past the limit every further step is refused (the value becomes unknown). */
export class StepBudget {
  private used = 0;
  constructor(private readonly max: number) {}
  /** Takes one step; false when the budget is spent. */
  take(): boolean {
    return ++this.used <= this.max;
  }
}

/**
 * Counts the strings an evaluator builds against MAX_STRING and a per-file total, so doubling a
 * string through constants stops at 64 KiB, not at the heap.
 */
export class TextBudget {
  private total = 0;
  constructor(private readonly maxTotal = Number.POSITIVE_INFINITY) {}
  /** Counts `s`; which budget it exceeds, or null. */
  exceeds(s: string): "string" | "total" | null {
    if (s.length > MAX_STRING) return "string";
    this.total += s.length;
    return this.total > this.maxTotal ? "total" : null;
  }
}

/** A binding whose value is already known. */
export function done(value: AV): Binding {
  return { state: "done", compute: () => value, value };
}

/**
 * The value of a binding, computed on first use and once; a binding read while it is being
 * computed (`const a = a + 1`, a helper that calls itself through a constant) is unknown.
 */
export function bindingValue(b: Binding, name: string, span: Span): AV {
  if (b.state === "evaluating") return unknown(`\`${name}\` refers to itself`, span);
  if (b.state === "pending") {
    b.state = "evaluating";
    b.value = b.compute();
    b.state = "done";
  }
  return b.value!;
}

/** A part (property, item) of a container: obtained through a constant when the container was. */
export function partOf(container: AV, part: AV): AV {
  return container.constant ? asConstant(part) : part;
}

/** A property written in an object, dict or keyword list. */
export function prop(key: string, keySpan: Span, value: AV): Prop {
  return { key, keySpan, value, shadowed: null };
}

/**
 * `key` of an object value: its value, unknown when an unresolved spread or key may have
 * overwritten or set it, `absent` when it is definitely not there.
 */
export function objectProp(target: AV & { t: "obj" }, key: string): AV | "absent" {
  const p = target.props.get(key);
  if (p) {
    if (p.shadowed) {
      return {
        t: p.shadowed.t,
        note: `\`${key}\` may be overwritten: ${p.shadowed.note}`,
        span: p.value.span,
      };
    }
    return partOf(target, p.value);
  }
  if (target.open) {
    return { t: target.open.t, note: `\`${key}\` may be set: ${target.open.note}`, span: target.span };
  }
  return "absent";
}

/** What a front end says where the two languages differ, for {@link lookupProperty}. */
export interface PropertyHooks {
  /** `key` of a string, number or boolean. */
  ofPrimitive(key: string, target: AV & { t: "prim" }): AV;
  /** The per-case values of `key` when the target is one of several cases. */
  candidates(options: AV[], cond: Uncertain, span: Span): AV;
  /** `key` of anything else (a resource, a function, a list…). */
  ofOther(key: string, target: AV): AV;
}

/**
 * `key` of a value, as the SDK's normalisation reads it: `absent` when it is definitely not there
 * (no value, null/undefined/None, an object without it, every case without it), the object's value,
 * the per-case values, or the uncertainty that hides it.
 */
export function lookupProperty(target: AV | null, key: string, hooks: PropertyHooks): AV | "absent" {
  if (!target) return "absent";
  switch (target.t) {
    case "obj":
      return objectProp(target, key);
    case "prim":
      return target.value === undefined || target.value === null ? "absent" : hooks.ofPrimitive(key, target);
    case "cands": {
      const opts = target.options.map((o) => {
        const r = lookupProperty(o, key, hooks);
        return r === "absent" ? prim(undefined, o.span) : r;
      });
      if (opts.every((o) => o.t === "prim" && o.value === undefined)) return "absent";
      return hooks.candidates(opts, target.cond, target.span);
    }
    case "ctxdep":
    case "unknown":
      return target;
    default:
      return hooks.ofOther(key, target);
  }
}

/** A node created by an SDK constructor, recorded in creation order by the caller. */
export function newResource(
  kind: ResourceKind,
  name: AV,
  config: AV | null,
  at: { span: Span; start: number; end: number },
): Resource {
  return {
    kind,
    name,
    span: at.span,
    start: at.start,
    end: at.end,
    config,
    buildOverride: null,
    deployOverride: null,
    deployFields: new Map(),
    buildFields: new Map(),
  };
}

/** `svc.env.NAME` / `db.env["NAME"]` / `ref(svc, "NAME")`: a reference to another resource's variable. */
export function envReference(res: Resource, variable: string, span: Span): AV {
  const target = res.name.t === "prim" && typeof res.name.value === "string" ? res.name.value : null;
  return {
    t: "ref",
    ref: { targetKind: res.kind === "database" ? "database" : "service", target, variable },
    span,
  };
}

/** `ctx.shared.NAME`: a shared variable of the environment. */
export function sharedReference(variable: string, span: Span): AV {
  return { t: "ref", ref: { targetKind: "shared", target: null, variable }, span };
}

/**
 * The fixed part of `github(repo, …)` / `image(name, …)` / `template(code, …)` / `empty()`:
 * `{ type, <first>: first, branch: "main" }` (the SDKs' defaults; options are added by the caller).
 */
export function sourceProps(
  type: string,
  firstKey: string | null,
  first: AV | undefined | null,
  span: Span,
  defaultBranch: boolean,
): Map<string, Prop> {
  const props = new Map<string, Prop>();
  props.set("type", prop("type", span, prim(type, span)));
  if (first && firstKey) props.set(firstKey, prop(firstKey, first.span, first));
  if (defaultBranch) props.set("branch", prop("branch", span, prim("main", span)));
  return props;
}
