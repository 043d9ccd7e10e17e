/**
 * Abstract values of the static evaluator (railway-iac.md §5.3 step 3): what an expression of
 * `.railway/railway.ts` is known to evaluate to, without running it.
 */
import type { Function as BabelFunction } from "@babel/types";
import type { Span } from "../../../model/span.js";
import type { EnvReference } from "./types.js";

export type Prim = string | number | boolean | null | undefined;

/** Why a value is not known: it depends on the deploy context, or on anything else. */
export interface Uncertain {
  t: "ctxdep" | "unknown";
  note: string;
}

export interface Prop {
  key: string;
  keySpan: Span;
  value: AV;
  /** Set when a later spread or computed key that did not resolve may have overwritten the value. */
  shadowed: Uncertain | null;
}

export type ResourceKind = "service" | "function" | "database" | "volume" | "bucket" | "group";

/** A node created by a `railway/iac` constructor (`service()`, `postgres()`, …). */
export interface Resource {
  kind: ResourceKind;
  name: AV;
  span: Span;
  /** Offsets of the constructor call, to attach `// … from CaC:` comments. */
  start: number;
  end: number;
  /** The options argument (service config, database config…), null when absent. */
  config: AV | null;
  /** `X.build = {…}` / `X.deploy = {…}` after creation (pull-rendered files do this). */
  buildOverride: AV | null;
  deployOverride: AV | null;
  /** `X.deploy.startCommand = …` and the like. */
  deployFields: Map<string, AV>;
  buildFields: Map<string, AV>;
}

export type Builtin =
  | "service"
  | "fn"
  | "github"
  | "image"
  | "template"
  | "empty"
  | "postgres"
  | "mysql"
  | "redis"
  | "mongo"
  | "database"
  | "volume"
  | "bucket"
  | "group"
  | "ref"
  | "preserve"
  | "project"
  | "defineRailway"
  | "createRailwayContext"
  | "Object"
  | "Object.fromEntries"
  | "ctx.isEnvironment"
  | "ctx.randomString";

export const IAC_EXPORTS: Record<string, Builtin> = {
  service: "service",
  fn: "fn",
  github: "github",
  image: "image",
  template: "template",
  empty: "empty",
  postgres: "postgres",
  mysql: "mysql",
  redis: "redis",
  mongo: "mongo",
  database: "database",
  volume: "volume",
  bucket: "bucket",
  group: "group",
  ref: "ref",
  preserve: "preserve",
  project: "project",
  defineRailway: "defineRailway",
  define: "defineRailway",
  createRailwayContext: "createRailwayContext",
};

export function iacExport(name: string): Builtin | null {
  return Object.hasOwn(IAC_EXPORTS, name) ? IAC_EXPORTS[name]! : null;
}

interface Base {
  /** Where the value is written (for constants: at the definition). */
  span: Span;
  /** Obtained through a `const`, a spread of one, or an inlined helper. */
  constant?: boolean;
  /** The identifier through which a constant was last used. */
  usedAt?: Span;
}

export type AV =
  | (Base & { t: "prim"; value: Prim })
  | (Base & { t: "obj"; props: Map<string, Prop>; open: Uncertain | null })
  | (Base & { t: "arr"; items: AV[]; open: Uncertain | null })
  | (Base & { t: "preserve" })
  | (Base & { t: "ref"; ref: EnvReference })
  | (Base & { t: "resource"; res: Resource })
  | (Base & { t: "envProxy"; res: Resource })
  | (Base & { t: "sharedProxy" })
  | (Base & { t: "ctx" })
  | (Base & { t: "func"; node: FunctionLike; scope: Scope })
  | (Base & { t: "builtin"; name: Builtin })
  | (Base & { t: "namespace" })
  | (Base & { t: "method"; target: AV; name: string })
  | (Base & { t: "project"; resources: AV | null })
  | (Base & { t: "cands"; options: AV[]; cond: Uncertain })
  | (Base & { t: "ctxdep"; note: string })
  | (Base & { t: "unknown"; note: string });

/** Babel function nodes the evaluator can inline. */
export type FunctionLike = BabelFunction;

/** A binding is evaluated on first use (so helpers may refer to later declarations) and once. */
export interface Binding {
  state: "pending" | "evaluating" | "done";
  compute: () => AV;
  value?: AV;
}

export class Scope {
  readonly vars = new Map<string, Binding>();
  constructor(readonly parent: Scope | null) {}
  find(name: string): Binding | null {
    for (let s: Scope | null = this; s; s = s.parent) {
      const b = s.vars.get(name);
      if (b) return b;
    }
    return null;
  }
}

export function prim(value: Prim, span: Span): AV {
  return { t: "prim", value, span };
}

export function unknown(note: string, span: Span): AV {
  return { t: "unknown", note, span };
}

export function ctxdep(note: string, span: Span): AV {
  return { t: "ctxdep", note, span };
}

export function isUncertain(v: AV): v is AV & { t: "ctxdep" | "unknown" } {
  return v.t === "ctxdep" || v.t === "unknown";
}

/** The uncertainty of several operands: unknown wins over ctx. Null when none is uncertain. */
export function combineUncertain(vs: readonly AV[]): Uncertain | null {
  let ctx: Uncertain | null = null;
  for (const v of vs) {
    if (v.t === "unknown") return { t: "unknown", note: v.note };
    if (v.t === "ctxdep" && !ctx) ctx = { t: "ctxdep", note: v.note };
  }
  return ctx;
}

export function fromUncertain(u: Uncertain, span: Span): AV {
  return { t: u.t, note: u.note, span };
}

/** Shallow copy flagged as obtained through a constant. */
export function asConstant(v: AV, usedAt?: Span): AV {
  const copy = { ...v, constant: true } as AV;
  if (usedAt) copy.usedAt = usedAt;
  return copy;
}

/** JS truthiness when known; null when the value depends on something unknown. */
export function truthiness(v: AV): boolean | null {
  switch (v.t) {
    case "prim":
      return Boolean(v.value);
    case "cands": {
      const ts = v.options.map(truthiness);
      return ts.every((x) => x === true) ? true : ts.every((x) => x === false) ? false : null;
    }
    case "ctxdep":
    case "unknown":
      return null;
    default:
      return true;
  }
}

export function describe(v: AV): string {
  switch (v.t) {
    case "prim":
      return v.value === null ? "null" : v.value === undefined ? "undefined" : typeof v.value;
    case "obj":
      return "an object";
    case "arr":
      return "an array";
    case "preserve":
      return "`preserve()`";
    case "ref":
      return "a variable reference";
    case "resource":
      return `a ${v.res.kind} resource`;
    case "func":
    case "builtin":
    case "method":
      return "a function";
    case "project":
      return "a project";
    default:
      return "a value";
  }
}
