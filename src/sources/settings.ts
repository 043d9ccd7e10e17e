/**
 * Which environment variables a Python file reads, found statically (nothing is imported or run):
 * the source goes through @lezer/python (see ../python/parse.ts) and the tree is matched against the
 * ways Python services read their configuration:
 *
 * - pydantic settings classes (`class Settings(BaseSettings)`): each annotated field is a variable.
 *   Its name is `env_prefix` + field name, unless `Field(validation_alias=…)` / `Field(alias=…)`
 *   (pydantic-settings, v2) or `Field(env=…)` (pydantic v1) names it, in which case the prefix does
 *   not apply ("`env_prefix` does not apply to fields with alias",
 *   https://docs.pydantic.dev/latest/concepts/pydantic_settings/#environment-variable-names).
 *   `AliasChoices("a", "b")` lists alternatives (any one is enough). Matching is case-insensitive
 *   unless `case_sensitive=True`. With `env_nested_delimiter`, a field typed with a `BaseModel`
 *   declared in the same file is also read as `FIELD<delim>SUBFIELD`.
 * - django-environ (`env = environ.Env(...)`; `env("X")`, `env.str("X", default=…)`, `env.db()` …):
 *   a read without a default (and without one in the `Env(X=(type, default))` scheme) is required,
 *   django-environ raises `ImproperlyConfigured`.
 * - `os.environ["X"]` (required: `KeyError`), `os.environ.get("X"[, d])`, `os.getenv("X"[, d])`,
 *   `os.environ.setdefault("X", d)` (optional), including `from os import environ, getenv`.
 * - `dj_database_url.config(env="X")` (default `DATABASE_URL`; optional, it returns `{}` when unset).
 * - python-decouple `config("X", default=…)` and Starlette `config = Config(...)`; `config("X",
 *   cast=…, default=…)`: required without a default (both raise when the variable is missing).
 *
 * Names that are not string literals (f-strings, variables) cannot be known and are skipped.
 */
import type { Span } from "../model/span.js";
import {
  children,
  isInNestedScope,
  type ParsedPython,
  parsePython,
  type SyntaxNode,
  stringLiteralValue,
  topLevelStatements,
} from "../python/parse.js";
import { pathEvaluator } from "./settings-env-file.js";
import { applyConfig, fieldsOf, type SettingsClass } from "./settings-pydantic.js";
import {
  type Arg,
  args,
  dictArgs,
  dotted,
  importMap,
  kw,
  positional,
  qualify,
  toDefault,
} from "./settings-syntax.js";

export type EnvReader =
  | "pydantic-settings"
  | "pydantic-v1"
  | "django-environ"
  | "os.environ[]"
  | "os.environ.get"
  | "os.environ.setdefault"
  | "os.getenv"
  | "dj-database-url"
  | "python-decouple"
  | "starlette-config";

/** A default as written in the code. String values are kept for secret checks; never print them. */
export type PyDefault =
  | { kind: "none" }
  | { kind: "string"; value: string }
  /** Any other expression (number, bool, call, factory ...), as source text. */
  | { kind: "expression"; text: string };

export type Requirement = { kind: "required" } | { kind: "optional"; default: PyDefault };

export interface SettingsRead {
  /** The variable name as the code spells it (prefix applied). */
  name: string;
  /** Other names that satisfy the same read (`AliasChoices`, v1 `env=[…]`, nested JSON parent). */
  alternatives: string[];
  caseSensitive: boolean;
  requirement: Requirement;
  reader: EnvReader;
  /** Where the read runs: class body (settings field), module top level, or inside a function. */
  scope: "class" | "module" | "function";
  /** `Settings.database_url` for settings fields; null for direct reads. */
  owner: string | null;
  span: Span;
}

/** `NAME = "literal"` at module top level (Django settings style). Never print `value`. */
export interface LiteralAssignment {
  name: string;
  value: string;
  span: Span;
}

/**
 * A path as the code builds it: relative to the process's working directory (`".env"`,
 * `Path("../.env")`), or to the folder of the module that names it (`Path(__file__).parent / ".env"`,
 * `os.path.join(os.path.dirname(__file__), ".env")`). `path` is POSIX, normalised, may start `..`.
 */
export interface CodePath {
  base: "cwd" | "module";
  path: string;
}

/**
 * The dotenv files a settings class loads (`model_config = SettingsConfigDict(env_file=…)`, v1
 * `class Config: env_file = …`, inherited from a parent settings class). pydantic-settings opens
 * each one as `Path(env_file)`, so a relative path is relative to the working directory of the
 * process; a tuple or list loads every file
 * (https://docs.pydantic.dev/latest/concepts/pydantic_settings/#dotenv-env-support).
 * `paths` is null when a value cannot be followed statically (a call, an f-string, a variable
 * assigned more than once): which file it loads is unknown.
 */
export interface SettingsEnvFile {
  owner: string;
  paths: CodePath[] | null;
  span: Span;
}

export interface SettingsExtraction {
  reads: SettingsRead[];
  /** `env_file` of each settings class that sets one (or inherits it). */
  envFiles: SettingsEnvFile[];
  literalAssignments: LiteralAssignment[];
  /**
   * Places where the whole environment is used (`dict(os.environ)`, `**os.environ`,
   * `os.environ.items()` ...) or where a library this module does not model reads it (environs,
   * dynaconf, everett): which variables are read there cannot be known.
   */
  opaque: Array<{ span: Span; what: string }>;
}

// ---------------------------------------------------------------------------------------------

const ENVIRON_CALLER: Record<string, number> = {
  // django-environ methods whose signature is (var, default=NOTSET, ...): second positional = default.
  str: 1,
  bool: 1,
  int: 1,
  float: 1,
  json: 1,
  list: 1,
  tuple: 1,
  dict: 1,
  url: 1,
  path: 1,
  bytes: 1,
  decimal: 1,
  parse_value: -1,
};

/** django-environ URL helpers and the variable they read by default. */
const ENVIRON_URL_DEFAULT: Record<string, string> = {
  db: "DATABASE_URL",
  db_url: "DATABASE_URL",
  cache: "CACHE_URL",
  cache_url: "CACHE_URL",
  email: "EMAIL_URL",
  email_url: "EMAIL_URL",
  search_url: "SEARCH_URL",
  channels: "CHANNELS_URL",
  channels_url: "CHANNELS_URL",
};

export function extractEnvReads(file: string, source: string): SettingsExtraction {
  const py = parsePython(source);
  // A parser defect (or one surfacing in a walk below) makes this file's reads unknown at the
  // file, never a crash of the run.
  const unread = (why: string): SettingsExtraction => ({
    reads: [],
    envFiles: [],
    literalAssignments: [],
    opaque: [{ span: { file, line: 1, column: 1 }, what: `${why}, so deploy-drift did not read it` }],
  });
  if (py.defect) return unread(py.defect);
  if (py.tooDeep)
    return unread(`brackets nest deeper than Python allows at line ${py.position(py.tooDeep.from).line}`);
  try {
    return extract(file, py);
  } catch (e) {
    return unread(
      `the Python tree of this file could not be walked (${String(e).split("\n")[0]!.slice(0, 120)})`,
    );
  }
}

function extract(file: string, py: ParsedPython): SettingsExtraction {
  const reads: SettingsRead[] = [];
  const literalAssignments: LiteralAssignment[] = [];
  const opaque: SettingsExtraction["opaque"] = [];
  const imports = importMap(py);
  for (const [, q] of imports) {
    const lib = /^(environs|dynaconf|everett|pydantic_settings_yaml|confz)(\.|$)/.exec(q)?.[1];
    if (lib && !opaque.some((o) => o.what.includes(lib)))
      opaque.push({
        span: { file, line: 1, column: 1 },
        what: `\`${lib}\`, which deploy-drift does not model`,
      });
  }
  const spanOf = (n: SyntaxNode) => py.lines.span(file, n.from, n.to);
  const envFiles: SettingsEnvFile[] = [];
  const paths = pathEvaluator(py, file, imports);
  const scopeOf = (n: SyntaxNode): SettingsRead["scope"] => (isInNestedScope(n) ? "function" : "module");

  // --- pydantic settings classes (module level and nested) -------------------------------------
  const classes = new Map<string, SettingsClass>();
  const models = new Map<string, SyntaxNode>();
  const classNodes: SyntaxNode[] = [];
  py.tree.iterate({
    enter(ref) {
      if (ref.name === "ClassDefinition") classNodes.push(ref.node);
    },
  });
  // Two passes so that plain models used for nesting are known before settings classes use them.
  for (const cls of classNodes) {
    const kids = children(cls);
    const name = kids.find((k) => k.name === "VariableName");
    const bases = args(
      py,
      kids.find((k) => k.name === "ArgList"),
    );
    if (!name) continue;
    const baseNames = bases
      .filter((b) => b.keyword === null)
      .map((b) => qualify(imports, dotted(py, b.value)));
    let version: "v1" | "v2" | null = null;
    let parent: SettingsClass | null = null;
    for (const b of baseNames) {
      if (b === null) continue;
      if (/^pydantic_settings(\.main)?\.BaseSettings$/.test(b)) version = "v2";
      else if (
        /^pydantic(\.env_settings)?\.BaseSettings$/.test(b) ||
        /^pydantic\.v1\.(env_settings\.)?BaseSettings$/.test(b)
      )
        version = "v1";
      else if (classes.has(b)) {
        parent = classes.get(b)!;
        version = parent.version;
      }
    }
    if (version === null) {
      if (baseNames.some((b) => b !== null && (/\bBaseModel$/.test(b) || models.has(b))))
        models.set(py.text(name), cls);
      continue;
    }
    const sc: SettingsClass = {
      name: py.text(name),
      version,
      prefix: parent?.prefix ?? "",
      caseSensitive: parent?.caseSensitive ?? false,
      nestedDelimiter: parent?.nestedDelimiter ?? null,
      envFile: parent?.envFile,
    };
    applyConfig(
      py,
      sc,
      bases.filter((b) => b.keyword !== null),
      paths,
    );
    const body = kids.find((k) => k.name === "Body");
    if (body) {
      for (const st of children(body)) {
        if (st.name === "AssignStatement") {
          const k = children(st);
          if (py.text(k[0]!) === "model_config" && k[k.length - 1]) {
            const v = k[k.length - 1]!;
            if (v.name === "CallExpression") applyConfig(py, sc, args(py, v.lastChild), paths);
            else if (v.name === "DictionaryExpression") applyConfig(py, sc, dictArgs(py, v), paths);
          }
        } else if (st.name === "ClassDefinition") {
          const ck = children(st);
          const cname = ck.find((k) => k.name === "VariableName");
          const cbody = ck.find((k) => k.name === "Body");
          if (cname && py.text(cname) === "Config" && cbody) {
            const cfg: Arg[] = [];
            for (const s of children(cbody)) {
              const sk = s.name === "AssignStatement" ? children(s) : [];
              if (sk.length >= 3 && sk[0]!.name === "VariableName" && sk[sk.length - 2]!.name === "AssignOp")
                cfg.push({ keyword: py.text(sk[0]!), star: false, value: sk[sk.length - 1]! });
            }
            applyConfig(py, sc, cfg, paths);
          }
        }
      }
    }
    classes.set(sc.name, sc);
    if (sc.envFile) envFiles.push({ owner: sc.name, paths: sc.envFile.paths, span: spanOf(sc.envFile.node) });
    if (body) fieldsOf(py, file, sc, body, models, reads, spanOf);
  }

  // --- direct reads: os.environ / os.getenv / django-environ / dj_database_url ------------------
  const envInstances = new Map<string, Map<string, PyDefault | null>>();
  // Callables with the (key, default=…) shape: python-decouple's `config` / `AutoConfig()` instances
  // (second positional = default) and Starlette `Config()` instances (second positional = cast).
  const configCallables = new Map<string, { reader: EnvReader; defaultAt: number }>();
  for (const [local, q] of imports) {
    if (q === "decouple.config") configCallables.set(local, { reader: "python-decouple", defaultAt: 1 });
  }
  const isEnvCtor = (callee: SyntaxNode | null) => {
    const q = qualify(imports, dotted(py, callee));
    return q === "environ.Env" || q === "environ.environ.Env";
  };
  py.tree.iterate({
    enter(ref) {
      if (ref.name !== "AssignStatement") return undefined;
      const k = children(ref.node);
      const v = k[k.length - 1];
      if (
        k.length >= 3 &&
        k[0]!.name === "VariableName" &&
        v?.name === "CallExpression" &&
        isEnvCtor(v.firstChild)
      ) {
        const scheme = new Map<string, PyDefault | null>();
        for (const a of args(py, v.lastChild)) {
          if (a.keyword === null) continue;
          const parts =
            a.value.name === "TupleExpression"
              ? children(a.value).filter((c) => !/^[(),]$/.test(c.name))
              : [];
          scheme.set(a.keyword, parts.length >= 2 ? toDefault(py, parts[1]!) : null);
        }
        envInstances.set(py.text(k[0]!), scheme);
      } else if (k.length >= 3 && k[0]!.name === "VariableName" && v?.name === "CallExpression") {
        const q = qualify(imports, dotted(py, v.firstChild));
        if (q === "starlette.config.Config")
          configCallables.set(py.text(k[0]!), { reader: "starlette-config", defaultAt: -1 });
        else if (q === "decouple.AutoConfig" || q === "decouple.Config")
          configCallables.set(py.text(k[0]!), { reader: "python-decouple", defaultAt: 1 });
      }
      return undefined;
    },
  });

  const isOsEnviron = (n: SyntaxNode | null | undefined) => qualify(imports, dotted(py, n)) === "os.environ";
  const isGetenv = (n: SyntaxNode | null | undefined) => qualify(imports, dotted(py, n)) === "os.getenv";
  const nameArg = (a: Arg[], i = 0, keyword = "key") => {
    const n = kw(a, keyword) ?? positional(a, i);
    return n ? stringLiteralValue(py, n) : null;
  };
  const push = (name: string | null, node: SyntaxNode, reader: EnvReader, requirement: Requirement) => {
    if (name === null || name === "") return;
    reads.push({
      name,
      alternatives: [],
      caseSensitive: true,
      requirement,
      reader,
      scope: scopeOf(node),
      owner: null,
      span: spanOf(node),
    });
  };
  const optionalFrom = (n: SyntaxNode | null): Requirement => ({
    kind: "optional",
    default: n ? toDefault(py, n) : { kind: "none" },
  });

  py.tree.iterate({
    enter(ref) {
      const node = ref.node;
      if (isOsEnviron(node) && (node.name === "VariableName" || node.name === "MemberExpression")) {
        const p = node.parent;
        const pk = p ? children(p) : [];
        const first = pk[0] !== undefined && pk[0].from === node.from && pk[0].to === node.to;
        const subscript = p?.name === "MemberExpression" && first && pk[1]?.name === "[";
        const method =
          p?.name === "MemberExpression" && first && pk[2]?.name === "PropertyName" ? py.text(pk[2]) : null;
        const harmless = method === "get" || method === "setdefault" || method === "pop";
        // `"X" in os.environ` reads one variable, whose name is the left operand: not opaque.
        const membership = p?.name === "BinaryExpression" && /\bin\b/.test(py.text(p));
        if (!subscript && !harmless && !membership && !(p?.name === "ImportStatement"))
          opaque.push({ span: spanOf(node), what: "the whole `os.environ`" });
        if (node.name === "MemberExpression") return false;
      }
      if (ref.name === "MemberExpression") {
        const k = children(node);
        if (k.length === 4 && k[1]!.name === "[" && isOsEnviron(k[0])) {
          const p = node.parent;
          const isTarget =
            p?.name === "AssignStatement" &&
            children(p).findIndex((c) => c.name === "AssignOp") >
              children(p).findIndex((c) => c.from === node.from);
          const isDel = p?.name === "DeleteStatement";
          if (!isTarget && !isDel)
            push(stringLiteralValue(py, k[2]!), node, "os.environ[]", { kind: "required" });
        }
        return undefined;
      }
      if (ref.name !== "CallExpression") return undefined;
      const callee = node.firstChild;
      const a = args(py, node.lastChild);
      if (!callee) return undefined;
      if (isGetenv(callee)) {
        push(nameArg(a), node, "os.getenv", optionalFrom(kw(a, "default") ?? positional(a, 1)));
        return undefined;
      }
      if (callee.name === "MemberExpression") {
        const ck = children(callee);
        const method = ck[2]?.name === "PropertyName" ? py.text(ck[2]) : null;
        const obj = ck[0];
        if (method && isOsEnviron(obj)) {
          if (method === "get")
            push(nameArg(a), node, "os.environ.get", optionalFrom(kw(a, "default") ?? positional(a, 1)));
          else if (method === "setdefault")
            push(
              nameArg(a),
              node,
              "os.environ.setdefault",
              optionalFrom(kw(a, "default") ?? positional(a, 1)),
            );
          return undefined;
        }
        if (method && obj?.name === "VariableName" && envInstances.has(py.text(obj))) {
          const scheme = envInstances.get(py.text(obj))!;
          if (method in ENVIRON_URL_DEFAULT) {
            const name = nameArg(a, 0, "var") ?? (positional(a, 0) ? null : ENVIRON_URL_DEFAULT[method]!);
            const d = kw(a, "default") ?? positional(a, 1);
            push(name, node, "django-environ", d ? optionalFrom(d) : environRequirement(scheme, name));
          } else if (ENVIRON_CALLER[method] === 1) {
            const name = nameArg(a, 0, "var");
            const d = kw(a, "default") ?? positional(a, 1);
            push(name, node, "django-environ", d ? optionalFrom(d) : environRequirement(scheme, name));
          }
          return undefined;
        }
        if (method === "config" && qualify(imports, dotted(py, obj)) === "dj_database_url") {
          const envArg = kw(a, "env");
          const name = envArg ? stringLiteralValue(py, envArg) : "DATABASE_URL";
          push(name, node, "dj-database-url", optionalFrom(kw(a, "default") ?? positional(a, 0)));
          return undefined;
        }
      }
      if (callee.name === "VariableName" && configCallables.has(py.text(callee))) {
        const c = configCallables.get(py.text(callee))!;
        const d = kw(a, "default") ?? (c.defaultAt >= 0 ? positional(a, c.defaultAt) : null);
        push(
          nameArg(a, 0, "key") ?? nameArg(a, 0, "option"),
          node,
          c.reader,
          d ? optionalFrom(d) : { kind: "required" },
        );
        return undefined;
      }
      if (callee.name === "VariableName" && envInstances.has(py.text(callee))) {
        // Env.__call__(var, cast=None, default=NOTSET, parse_default=False)
        const scheme = envInstances.get(py.text(callee))!;
        const name = nameArg(a, 0, "var");
        const d = kw(a, "default") ?? positional(a, 2);
        push(name, node, "django-environ", d ? optionalFrom(d) : environRequirement(scheme, name));
      }
      return undefined;
    },
  });

  // --- module-level UPPER_CASE = "literal" (hard-coded settings) -------------------------------
  for (const st of topLevelStatements(py)) {
    if (st.name !== "AssignStatement") continue;
    const k = children(st);
    if (k.length !== 3 || k[0]!.name !== "VariableName" || k[1]!.name !== "AssignOp") continue;
    const name = py.text(k[0]!);
    if (!/^[A-Z][A-Z0-9_]*$/.test(name)) continue;
    const v = stringLiteralValue(py, k[2]!);
    if (v !== null) literalAssignments.push({ name, value: v, span: spanOf(st) });
  }

  reads.sort((x, y) => x.span.line - y.span.line || x.span.column - y.span.column);
  return { reads, envFiles, literalAssignments, opaque };
}

function environRequirement(scheme: Map<string, PyDefault | null>, name: string | null): Requirement {
  const d = name === null ? undefined : scheme.get(name);
  return d ? { kind: "optional", default: d } : { kind: "required" };
}
