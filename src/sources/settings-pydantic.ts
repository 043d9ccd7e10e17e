/**
 * The pydantic settings class model: what a class's config (`model_config`, `class Config`, class
 * keywords) says about its variables' names, and which variables its annotated fields read
 * (aliases, defaults, v1/v2 optionality, nested models).
 */
import type { Span } from "../model/span.js";
import { children, type ParsedPython, type SyntaxNode, stringLiteralValue } from "../python/parse.js";
import type { CodePath, EnvReader, PyDefault, Requirement, SettingsRead } from "./settings.js";
import { type Arg, args, dotted, kw, positional, toDefault } from "./settings-syntax.js";

export interface SettingsClass {
  name: string;
  version: "v1" | "v2";
  prefix: string;
  caseSensitive: boolean;
  nestedDelimiter: string | null;
  /** undefined: not set; null: set to something that cannot be followed. */
  envFile?: { paths: CodePath[] | null; node: SyntaxNode } | undefined;
}

export function applyConfig(
  py: ParsedPython,
  sc: SettingsClass,
  cfg: Arg[],
  paths: (n: SyntaxNode) => CodePath[] | null,
): void {
  for (const a of cfg) {
    if (a.keyword === "env_file") {
      sc.envFile = a.value.name === "None" ? undefined : { paths: paths(a.value), node: a.value };
      continue;
    }
    if (a.keyword === "env_prefix") {
      const v = stringLiteralValue(py, a.value);
      if (v !== null) sc.prefix = v;
    } else if (a.keyword === "case_sensitive") {
      const t = py.text(a.value);
      if (t === "True") sc.caseSensitive = true;
      else if (t === "False") sc.caseSensitive = false;
    } else if (a.keyword === "env_nested_delimiter") {
      const v = stringLiteralValue(py, a.value);
      sc.nestedDelimiter = v === "" ? null : v;
    }
  }
}

/** `Optional[X]`, `Union[X, None]`, `X | None` (and `Any`, which v1 also treats as optional). */
function isNullable(py: ParsedPython, ann: SyntaxNode): boolean {
  if (ann.name === "None") return true;
  if (ann.name === "VariableName" || ann.name === "MemberExpression") {
    const d = dotted(py, ann);
    if (d !== null) return /^(typing\.)?Any$/.test(d);
  }
  if (ann.name === "BinaryExpression") {
    return children(ann)
      .filter((c) => c.name !== "BitOp")
      .some((c) => isNullable(py, c));
  }
  if (ann.name === "MemberExpression") {
    const k = children(ann);
    if (k[1]?.name !== "[") return false;
    const head = dotted(py, k[0]);
    const inner = k.slice(2, -1).filter((c) => c.name !== ",");
    if (head === null) return false;
    if (/^(typing\.)?Optional$/.test(head)) return true;
    if (/^(typing\.)?Union$/.test(head)) return inner.some((c) => isNullable(py, c));
    if (/^(typing(_extensions)?\.)?Annotated$/.test(head)) return inner[0] ? isNullable(py, inner[0]) : false;
  }
  return false;
}

/** For `Annotated[T, Field(...)]`: T and the Field call. */
function unwrapAnnotated(py: ParsedPython, ann: SyntaxNode): { type: SyntaxNode; field: SyntaxNode | null } {
  if (ann.name === "MemberExpression") {
    const k = children(ann);
    const head = dotted(py, k[0]);
    if (k[1]?.name === "[" && head !== null && /^(typing(_extensions)?\.)?Annotated$/.test(head)) {
      const inner = k.slice(2, -1).filter((c) => c.name !== ",");
      const field = inner.slice(1).find((c) => c.name === "CallExpression" && isFieldCall(py, c)) ?? null;
      if (inner[0]) return { type: inner[0], field };
    }
  }
  return { type: ann, field: null };
}

function isFieldCall(py: ParsedPython, n: SyntaxNode): boolean {
  const d = dotted(py, n.firstChild);
  return d === "Field" || d === "pydantic.Field" || d === "pydantic.fields.Field";
}

function isClassVar(py: ParsedPython, ann: SyntaxNode): boolean {
  const head = ann.name === "MemberExpression" ? dotted(py, children(ann)[0]) : dotted(py, ann);
  return head !== null && /^(typing\.)?(ClassVar|Final)$/.test(head);
}

export function fieldsOf(
  py: ParsedPython,
  file: string,
  sc: SettingsClass,
  body: SyntaxNode,
  models: Map<string, SyntaxNode>,
  out: SettingsRead[],
  spanOf: (n: SyntaxNode) => Span,
): void {
  for (const st of children(body)) {
    if (st.name !== "AssignStatement") continue;
    const k = children(st);
    const target = k[0];
    const typeDef = k.find((c) => c.name === "TypeDef");
    if (target?.name !== "VariableName" || !typeDef) continue;
    const field = py.text(target);
    if (field.startsWith("_") || field === "model_config") continue;
    const annRaw = children(typeDef).find((c) => c.name !== ":");
    if (!annRaw || isClassVar(py, annRaw)) continue;
    const { type: ann, field: annotatedField } = unwrapAnnotated(py, annRaw);
    const opIdx = k.findIndex((c) => c.name === "AssignOp");
    const value = opIdx >= 0 ? (k[opIdx + 1] ?? null) : null;
    const fieldCall = value?.name === "CallExpression" && isFieldCall(py, value) ? value : annotatedField;
    const fa = fieldCall ? args(py, fieldCall.lastChild) : [];

    // Default: `= value`, or Field(default) / Field(default=…) / Field(default_factory=…).
    let def: PyDefault | "ellipsis" | null = null;
    if (value && value !== fieldCall) def = value.name === "Ellipsis" ? "ellipsis" : toDefault(py, value);
    if (fieldCall) {
      const d = kw(fa, "default") ?? positional(fa, 0);
      const factory = kw(fa, "default_factory");
      if (d) def = d.name === "Ellipsis" ? "ellipsis" : toDefault(py, d);
      else if (factory) def = { kind: "expression", text: `${py.text(factory)}()` };
    }
    let requirement: Requirement;
    if (def !== null && def !== "ellipsis") requirement = { kind: "optional", default: def };
    else if (def === null && sc.version === "v1" && isNullable(py, ann)) {
      // pydantic v1: an `Optional[X]` field without a default is optional with default None. v2 made
      // it required ("Required, optional, and nullable fields",
      // https://docs.pydantic.dev/latest/migration/#required-optional-and-nullable-fields: `f3:
      // Optional[str]` is "Required, can be None"). The version comes from the import:
      // `pydantic_settings.BaseSettings` is v2, `pydantic.BaseSettings` is v1.
      requirement = { kind: "optional", default: { kind: "none" } };
    } else requirement = { kind: "required" };

    // Names.
    let names: string[] | null = null;
    if (sc.version === "v2") {
      const va = kw(fa, "validation_alias");
      const alias = kw(fa, "alias");
      names = va ? aliasNames(py, va) : alias ? aliasNames(py, alias) : null;
    } else {
      const env = kw(fa, "env");
      names = env ? aliasNames(py, env) : null;
    }
    if (names !== null && names.length === 0) continue; // alias we cannot read statically
    const primary = names ? names[0]! : `${sc.prefix}${field}`;
    const alternatives = names ? names.slice(1) : [];
    const owner = `${sc.name}.${field}`;
    const reader: EnvReader = sc.version === "v2" ? "pydantic-settings" : "pydantic-v1";
    const base = {
      caseSensitive: sc.caseSensitive,
      reader,
      scope: "class" as const,
      owner,
      span: spanOf(st),
    };

    const typeName = dotted(py, ann);
    const nested = sc.nestedDelimiter && typeName !== null ? models.get(typeName) : undefined;
    if (nested && sc.nestedDelimiter) {
      // The whole model can come as JSON in PRIMARY, or field by field as PRIMARY__SUB.
      const sub: SettingsRead[] = [];
      const subBody = children(nested).find((c) => c.name === "Body");
      if (subBody) {
        fieldsOf(
          py,
          file,
          { ...sc, version: sc.version, prefix: "", nestedDelimiter: null, name: typeName! },
          subBody,
          new Map(),
          sub,
          spanOf,
        );
      }
      for (const s of sub) {
        out.push({
          ...base,
          name: `${primary}${sc.nestedDelimiter}${s.name}`,
          alternatives: [primary],
          requirement: requirement.kind === "optional" ? requirement : s.requirement,
        });
      }
      if (sub.length > 0) continue;
    }
    out.push({ ...base, name: primary, alternatives, requirement });
  }
}

/** `"X"`, `AliasChoices("a", AliasPath("b", 0))`, `["a", "b"]` (v1 `env=`) → names. */
function aliasNames(py: ParsedPython, n: SyntaxNode): string[] {
  const s = stringLiteralValue(py, n);
  if (s !== null) return [s];
  if (n.name === "ArrayExpression" || n.name === "TupleExpression" || n.name === "SetExpression") {
    return children(n).flatMap((c) => (c.name === "String" ? aliasNames(py, c) : []));
  }
  if (n.name === "CallExpression") {
    const d = dotted(py, n.firstChild);
    const a = args(py, n.lastChild).filter((x) => x.keyword === null && !x.star);
    if (d !== null && /(^|\.)AliasChoices$/.test(d)) return a.flatMap((x) => aliasNames(py, x.value));
    if (d !== null && /(^|\.)AliasPath$/.test(d) && a[0]) {
      const first = stringLiteralValue(py, a[0].value);
      return first === null ? [] : [first];
    }
  }
  return [];
}
