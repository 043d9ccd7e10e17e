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

interface Arg {
  /** Keyword name, or null for a positional argument. */
  keyword: string | null;
  star: boolean;
  value: SyntaxNode;
}

function args(py: ParsedPython, argList: SyntaxNode | null | undefined): Arg[] {
  if (argList?.name !== "ArgList") return [];
  const out: Arg[] = [];
  let group: SyntaxNode[] = [];
  const flush = () => {
    if (group.length === 0) return;
    if (group.length >= 3 && group[0]!.name === "VariableName" && group[1]!.name === "AssignOp") {
      out.push({ keyword: py.text(group[0]!), star: false, value: group[2]! });
    } else if (group[0]!.name === "*" || group[0]!.name === "**") {
      if (group[1]) out.push({ keyword: null, star: true, value: group[1] });
    } else out.push({ keyword: null, star: false, value: group[0]! });
    group = [];
  };
  for (const c of children(argList)) {
    if (c.name === "(" || c.name === ")") continue;
    if (c.name === ",") flush();
    else group.push(c);
  }
  flush();
  return out;
}

function kw(a: Arg[], name: string): SyntaxNode | null {
  return a.find((x) => x.keyword === name)?.value ?? null;
}

function positional(a: Arg[], i: number): SyntaxNode | null {
  const p = a.filter((x) => x.keyword === null && !x.star);
  return a.some((x) => x.star) && i >= p.length ? null : (p[i]?.value ?? null);
}

/** Dotted text of a name or attribute chain (`os.environ`), or null. */
function dotted(py: ParsedPython, n: SyntaxNode | null | undefined): string | null {
  if (!n) return null;
  if (n.name === "VariableName") return py.text(n);
  if (n.name === "MemberExpression") {
    const k = children(n);
    if (k.length === 3 && k[1]!.name === "." && k[2]!.name === "PropertyName") {
      const base = dotted(py, k[0]);
      return base === null ? null : `${base}.${py.text(k[2]!)}`;
    }
  }
  return null;
}

function toDefault(py: ParsedPython, n: SyntaxNode): PyDefault {
  if (n.name === "None") return { kind: "none" };
  const s = stringLiteralValue(py, n);
  if (s !== null) return { kind: "string", value: s };
  return { kind: "expression", text: py.text(n).replace(/\s+/g, " ") };
}

/** Local names → what they are bound to by imports (`BaseSettings` → `pydantic_settings.BaseSettings`). */
function importMap(py: ParsedPython): Map<string, string> {
  const map = new Map<string, string>();
  py.tree.iterate({
    enter(ref) {
      if (ref.name !== "ImportStatement") return undefined;
      const kids = children(ref.node);
      if (kids[0]?.name === "from") {
        const imp = kids.findIndex((k) => k.name === "import");
        const mod = kids
          .slice(1, imp)
          .map((k) => py.text(k))
          .join("");
        for (let i = imp + 1; i < kids.length; i++) {
          const k = kids[i]!;
          if (k.name !== "VariableName") continue;
          const name = py.text(k);
          if (kids[i + 1]?.name === "as" && kids[i + 2]?.name === "VariableName") {
            map.set(py.text(kids[i + 2]!), `${mod}.${name}`);
            i += 2;
          } else map.set(name, `${mod}.${name}`);
        }
      } else {
        // import a.b [as c], d
        let parts: string[] = [];
        for (let i = 1; i <= kids.length; i++) {
          const k = kids[i];
          if (!k || k.name === ",") {
            if (parts.length) map.set(parts[0]!, parts[0]!);
            parts = [];
          } else if (k.name === "VariableName") parts.push(py.text(k));
          else if (k.name === "as" && kids[i + 1]?.name === "VariableName") {
            map.set(py.text(kids[i + 1]!), parts.join("."));
            parts = [];
            i++;
          }
        }
      }
      return false;
    },
  });
  return map;
}

/** Resolves `x.y` through the import map: `ps.BaseSettings` with `import pydantic_settings as ps`. */
function qualify(imports: Map<string, string>, d: string | null): string | null {
  if (d === null) return null;
  const [head, ...rest] = d.split(".");
  const q = imports.get(head!);
  return q === undefined ? d : [q, ...rest].join(".");
}

// ---------------------------------------------------------------------------------------------

interface SettingsClass {
  name: string;
  version: "v1" | "v2";
  prefix: string;
  caseSensitive: boolean;
  nestedDelimiter: string | null;
  /** undefined: not set; null: set to something that cannot be followed. */
  envFile?: { paths: CodePath[] | null; node: SyntaxNode } | undefined;
}

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

function dictArgs(py: ParsedPython, dict: SyntaxNode): Arg[] {
  const out: Arg[] = [];
  const k = children(dict);
  for (let i = 0; i + 2 < k.length; i++) {
    if (k[i]!.name === "String" && k[i + 1]!.name === ":") {
      const key = stringLiteralValue(py, k[i]!);
      if (key !== null) out.push({ keyword: key, star: false, value: k[i + 2]! });
    }
  }
  return out;
}

function applyConfig(
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

function fieldsOf(
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

/**
 * Follows the path expressions settings code uses for `env_file`: string literals, `Path("…")`,
 * `Path(__file__)` with `.parent` / `.parents[N]` / `.resolve()` / `.absolute()`, `/` joins, `os.path.join`,
 * `os.path.dirname` / `abspath` / `realpath`, `str(…)`, tuples and lists of those, and module-level
 * names assigned once (`BASE_DIR = Path(__file__).resolve().parent`). Anything else: null (unknown).
 * Absolute paths are null too (where the repository lands in the image is not known here).
 */
function pathEvaluator(
  py: ParsedPython,
  file: string,
  imports: Map<string, string>,
): (n: SyntaxNode) => CodePath[] | null {
  const assigned = new Map<string, SyntaxNode | null>();
  for (const st of topLevelStatements(py)) {
    if (st.name !== "AssignStatement") continue;
    const k = children(st);
    if (k.length !== 3 || k[0]!.name !== "VariableName" || k[1]!.name !== "AssignOp") continue;
    const name = py.text(k[0]!);
    assigned.set(name, assigned.has(name) ? null : k[2]!);
  }
  const moduleFile = file.split("/").pop()!;
  const norm = (p: string) => {
    const parts: string[] = [];
    for (const seg of p.split("/")) {
      if (seg === "" || seg === ".") continue;
      if (seg === ".." && parts.length > 0 && parts[parts.length - 1] !== "..") parts.pop();
      else parts.push(seg);
    }
    return parts.length === 0 ? "." : parts.join("/");
  };
  const join = (a: CodePath, rel: string): CodePath | null =>
    rel.startsWith("/") ? null : { base: a.base, path: norm(`${a.path}/${rel}`) };
  const fn = (n: SyntaxNode | null | undefined) => qualify(imports, dotted(py, n));
  const one = (n: SyntaxNode, depth: number): CodePath | null => {
    if (depth > 8) return null;
    const s = stringLiteralValue(py, n);
    if (s !== null) return s.startsWith("/") || s.startsWith("~") ? null : { base: "cwd", path: norm(s) };
    if (n.name === "ParenthesizedExpression") {
      const inner = children(n).filter((c) => c.name !== "(" && c.name !== ")");
      return inner.length === 1 ? one(inner[0]!, depth + 1) : null;
    }
    if (n.name === "VariableName") {
      if (py.text(n) === "__file__") return { base: "module", path: moduleFile };
      const v = assigned.get(py.text(n));
      return v ? one(v, depth + 1) : null;
    }
    if (n.name === "BinaryExpression") {
      const k = children(n);
      if (k.length !== 3 || py.text(k[1]!) !== "/") return null;
      const left = one(k[0]!, depth + 1);
      const right = stringLiteralValue(py, k[2]!);
      return left && right !== null ? join(left, right) : null;
    }
    if (n.name === "MemberExpression") {
      const k = children(n);
      const prop = k[2]?.name === "PropertyName" ? py.text(k[2]) : null;
      if (prop === "parent" && k[0]) {
        const b = one(k[0], depth + 1);
        return b ? join(b, "..") : null;
      }
      // `p.parents[N]`: the (N+1)th folder up.
      if (k[1]?.name === "[" && k[2]?.name === "Number" && /^\d+$/.test(py.text(k[2])) && k[0]) {
        const pk = children(k[0]);
        if (pk[2]?.name === "PropertyName" && py.text(pk[2]) === "parents" && pk[0]) {
          const b = one(pk[0], depth + 1);
          return b
            ? join(
                b,
                Array(Number(py.text(k[2])) + 1)
                  .fill("..")
                  .join("/"),
              )
            : null;
        }
      }
      return null;
    }
    if (n.name === "CallExpression") {
      const callee = n.firstChild;
      const a = args(py, n.lastChild);
      const q = fn(callee);
      if (q === "pathlib.Path" || q === "pathlib.PurePath" || q === "str" || q === "os.fspath") {
        if (a.length === 0) return { base: "cwd", path: "." };
        if (a.some((x) => x.keyword !== null || x.star)) return null;
        let cur = one(a[0]!.value, depth + 1);
        for (const x of a.slice(1)) {
          const r = stringLiteralValue(py, x.value);
          cur = cur && r !== null ? join(cur, r) : null;
        }
        return cur;
      }
      if (q === "os.path.join") {
        if (a.length === 0 || a.some((x) => x.keyword !== null || x.star)) return null;
        let cur = one(a[0]!.value, depth + 1);
        for (const x of a.slice(1)) {
          const r = stringLiteralValue(py, x.value);
          cur = cur && r !== null ? join(cur, r) : null;
        }
        return cur;
      }
      if (q === "os.path.dirname" && a.length === 1 && a[0]!.keyword === null) {
        const b = one(a[0]!.value, depth + 1);
        return b ? join(b, "..") : null;
      }
      if ((q === "os.path.abspath" || q === "os.path.realpath") && a.length === 1)
        return one(a[0]!.value, depth + 1);
      // `Path(...).resolve()`, `.absolute()`: the same place.
      if (callee?.name === "MemberExpression") {
        const ck = children(callee);
        const m = ck[2]?.name === "PropertyName" ? py.text(ck[2]) : null;
        if ((m === "resolve" || m === "absolute" || m === "expanduser") && a.length === 0 && ck[0])
          return one(ck[0], depth + 1);
        if (m === "joinpath" && ck[0]) {
          let cur = one(ck[0], depth + 1);
          for (const x of a) {
            const r = x.keyword === null && !x.star ? stringLiteralValue(py, x.value) : null;
            cur = cur && r !== null ? join(cur, r) : null;
          }
          return cur;
        }
      }
    }
    return null;
  };
  return (n) => {
    if (n.name === "TupleExpression" || n.name === "ArrayExpression") {
      const items = children(n).filter((c) => !/^[()[\],]$/.test(c.name));
      const out: CodePath[] = [];
      for (const i of items) {
        const p = one(i, 0);
        if (!p) return null;
        out.push(p);
      }
      return out;
    }
    const p = one(n, 0);
    return p ? [p] : null;
  };
}
