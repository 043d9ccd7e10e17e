/**
 * Environment-variable facts of one service: which variables its Python code reads (and whether
 * startup fails without them), where they are declared (`.env.example` & co., `.railway/railway.ts`),
 * and which secret values are committed.
 *
 * Secret values never leave this module (and ./env-names.ts, which renders defaults): reads keep a
 * display form of their default (secret-looking defaults shown as their length only), committed
 * secrets keep name, place and length.
 *
 * Declarations come from sources of one shape, {@link EnvDeclaration}. `.env.example`-style files are
 * read here. `.railway/railway.ts` is parsed elsewhere; its declarations are passed in as
 * `railwayTs` ({@link collectEnv}); with none, rules simply have nothing of that kind to compare.
 * `railway.json` has no variables key in Railway's config-as-code schema (variables live in the
 * dashboard), so it declares nothing.
 */

import type { Diagnostic } from "../model/finding.js";
import { compareText } from "../model/order.js";
import type { Span } from "../model/span.js";
import { parsePython } from "../python/parse.js";
import {
  basename,
  dirname,
  filesUnder,
  MAX_FILE_BYTES,
  normalizeRelPath,
  type Workspace,
} from "../repo/workspace.js";
import { type DotenvFile, parseDotenv } from "../sources/dotenv.js";
import { type CodePath, type EnvReader, extractEnvReads } from "../sources/settings.js";
import {
  commentedDeclarations,
  DOC_FILE,
  ENV_FILE,
  examplesOf,
  gitIgnored,
  isTestFile,
  isTestPath,
  isUnderSkipped,
  isVendored,
  nestedServiceDirs,
  priority,
} from "./env-files.js";
import { displayDefault } from "./env-names.js";
import { fallbackRanges, scriptReferences, within, wrapperReferences } from "./env-references.js";
import { scriptsRun, shellReads } from "./env-scope.js";
import {
  classifySecret,
  dockerEnvPairs,
  type FoundSecret,
  isTemplateFile,
  type SecretKind,
  scanDockerfileInstruction,
  scanPython,
  scanScript,
} from "./secrets.js";

/** `dockerfile`: an `ENV` of the final stage of the Dockerfile the service builds (it sets a value). */
export type EnvDeclarationSource = "railway.ts" | "railway.json" | "env-example" | "dockerfile";

/** A place that declares a variable the service expects. */
export interface EnvDeclaration {
  name: string;
  span: Span;
  /** true: declared optional (railway.ts `isOptional`, a commented-out example line); null: not said. */
  optional: boolean | null;
  source: EnvDeclarationSource;
}

/** One read of a variable in the code. */
export interface EnvRead {
  /** Upper-cased when the read is case-insensitive (pydantic-settings' default). */
  name: string;
  alternatives: string[];
  caseSensitive: boolean;
  required: boolean;
  /** Display form of the default (null when required). Secret-looking values show their length only. */
  default: string | null;
  /** `shell`: a `${VAR:?}` / `${VAR:-d}` / `$VAR` under `set -u` in a script the commands run. */
  reader: EnvReader | "shell";
  scope: "class" | "module" | "function";
  owner: string | null;
  span: Span;
}

/** A variable, merging every read of the same name. */
export interface EnvVariable {
  name: string;
  /** Every name that satisfies it (name first). */
  names: string[];
  caseSensitive: boolean;
  /** Some read has no default: the code fails without it. */
  required: boolean;
  default: string | null;
  /** The first required read, else the first read. */
  span: Span;
  reads: EnvRead[];
}

export type SecretOrigin =
  | "env-file"
  | "code-default"
  | "code-literal"
  | "script"
  | "dockerfile"
  | "railway-config";

/** A committed secret value (see ./secrets.ts). Only its kind and length are kept, never the value. */
export interface CommittedSecret {
  /** The variable or setting it is assigned to; null for a bare literal (a URL in a call, a header). */
  name: string | null;
  span: Span;
  length: number;
  origin: SecretOrigin;
  kind: SecretKind;
  /** error: a known format or a live-looking DSN; warning: only random-looking, in a credential-named setting. */
  confidence: "error" | "warning";
}

export interface EnvFacts {
  variables: EnvVariable[];
  reads: EnvRead[];
  /** All declarations: env-example files now, railway.ts when fed. */
  declarations: EnvDeclaration[];
  /**
   * `.env.example`-style files read: the service folder's, and the examples/templates beside each
   * dotenv file a settings class loads (`env_file`).
   */
  docFiles: string[];
  /**
   * `env_file` of the settings classes: the dotenv files each loads, resolved to repository paths
   * (null: the value cannot be followed, or the folder the service runs in is unknown).
   */
  settingsEnvFiles: Array<{ owner: string; span: Span; files: string[] | null }>;
  /** Scripts the start/pre-deploy commands run, whose reads count (see env-scope.ts). */
  scripts: string[];
  /** Files a Dockerfile build leaves out of the image: their reads are references only. */
  notInImage: string[];
  /** Committed `.env` files (not examples) that were checked for secrets. */
  envFiles: string[];
  secrets: CommittedSecret[];
  /**
   * Names used where deploy-drift does not model a full read: `$VAR`/`${VAR:-default}` in the
   * service's shell/PowerShell scripts, and calls of a helper wrapper (`def env(name): return
   * os.getenv(name, …)`) with a literal name. They keep a documented variable from being "unused".
   */
  references: EnvReference[];
  /** Where the whole environment is used or an unmodelled library reads it (see settings.ts). */
  opaque: Array<{ span: Span; what: string }>;
  scan: {
    /** Python files read. */
    files: string[];
    /** True when the file cap was hit; later files were not read. */
    truncated: boolean;
    skipped: Array<{ file: string; reason: string }>;
  };
  /** `.env` lines python-dotenv cannot parse. */
  diagnostics: Diagnostic[];
}

export const MAX_PYTHON_FILES = 500;
/** Distinct `env_file` targets whose examples are looked up. */
export const MAX_ENV_FILES = 20;

export interface EnvReference {
  name: string;
  span: Span;
  /** `outside-image`: a read in a file the Dockerfile does not copy into the image. */
  via: "script" | "wrapper" | "outside-image";
}
/** Python and script files scanned for committed secrets. */
export const MAX_SECRET_FILES = 2000;

/** What the service model adds to the env scan. */
export interface EnvInputs {
  /** The service's parsed Dockerfile (its ENV/ARG defaults). */
  dockerfile?: {
    file: string;
    instructions: ReadonlyArray<{ keyword: string; args: string; span: Span; argsColumn?: number }>;
    finalStage?: ReadonlyArray<{ keyword: string; args: string; span: Span; argsColumn?: number }>;
  } | null;
  /** The service builds from that Dockerfile: its final stage's `ENV` names are set at run time. */
  dockerBuild?: boolean;
  /** Literal env values of the IaC model (railway.ts / railway.py), name and value. */
  configValues?: ReadonlyArray<{ name: string; value: string; span: Span }>;
  /**
   * The repository folder the service's process runs in (the Dockerfile WORKDIR traced back, else
   * the service root); null: unknown. Relative `env_file` paths resolve from it. Default: `root`.
   */
  cwd?: string | null;
  /** Where the commands start, before any `cd` (scripts are looked up from `cwd`, then from here). */
  commandDir?: string | null;
  /** For a Dockerfile build: is a file in the image (env-scope.ts `imageFilter`)? null: all are. */
  inImage?: ((file: string) => boolean) | null;
  /** The start and pre-deploy commands the builder runs: the scripts they run have their reads counted. */
  commands?: readonly string[];
}

/**
 * @param files the service folder's own files (as given to buildServiceFacts).
 * @param railwayTs declarations parsed from `.railway/railway.ts` by its own source module; the
 * hook through which they join the comparison.
 */
export function collectEnv(
  ws: Workspace,
  root: string,
  files: readonly string[],
  railwayTs: readonly EnvDeclaration[] = [],
  more: EnvInputs = {},
): EnvFacts {
  const inRoot = filesUnder(ws.files(), root);
  const nested = nestedServiceDirs(inRoot, root);
  const mine = inRoot.filter((f) => !nested.some((d) => f.startsWith(`${d}/`)));
  const diagnostics: Diagnostic[] = [];

  // --- documentation files and their declarations ----------------------------------------------
  const declarations: EnvDeclaration[] = [];
  const docFiles = files.filter((f) => dirname(f) === root && DOC_FILE.test(basename(f))).sort();
  for (const f of docFiles) {
    const r = ws.read(f);
    if (r.kind !== "ok") continue;
    const parsed = parseDotenv(f, r.text);
    diagnostics.push(...parsed.diagnostics);
    for (const e of parsed.entries)
      declarations.push({ name: e.key, span: e.keySpan, optional: null, source: "env-example" });
    declarations.push(...commentedDeclarations(f, r.text));
  }
  declarations.push(...railwayTs);

  // --- committed .env files ----------------------------------------------------------------------
  const secrets: CommittedSecret[] = [];
  const envFiles: string[] = [];
  for (const f of mine) {
    const b = basename(f);
    if (!ENV_FILE.test(b) || DOC_FILE.test(b) || isTemplateFile(f) || isUnderSkipped(f, root)) continue;
    if (gitIgnored(ws, f)) continue;
    const r = ws.read(f);
    if (r.kind !== "ok") continue;
    envFiles.push(f);
    const parsed: DotenvFile = parseDotenv(f, r.text);
    diagnostics.push(...parsed.diagnostics);
    for (const e of parsed.entries) {
      if (e.value === null) continue;
      const s = classifySecret(e.key, e.value);
      if (s) secrets.push({ name: e.key, span: e.valueSpan ?? e.keySpan, origin: "env-file", ...s });
    }
  }

  // --- Python reads ------------------------------------------------------------------------------
  // `.railway/railway.py` is the IaC program the CLI runs on a laptop or in CI, not the deployed code.
  const candidates = mine.filter(
    (f) =>
      f.endsWith(".py") &&
      !isUnderSkipped(f, root) &&
      !isTestFile(f) &&
      !/(^|\/)\.railway\/railway\.py$/.test(f),
  );
  // Settings-like files first, so that the cap never drops them.
  candidates.sort((a, b) => priority(a) - priority(b) || compareText(a, b));
  const scanned = candidates.slice(0, MAX_PYTHON_FILES);
  const skipped: EnvFacts["scan"]["skipped"] = [];
  const reads: EnvRead[] = [];
  const opaque: EnvFacts["opaque"] = [];
  const read: string[] = [];
  const references: EnvReference[] = [];
  const notInImage: string[] = [];
  const settingsEnvFiles: Array<{ owner: string; span: Span; paths: CodePath[] | null }> = [];
  for (const f of scanned) {
    const r = ws.read(f);
    if (r.kind !== "ok") {
      if (r.kind === "refused") skipped.push({ file: f, reason: r.detail });
      continue;
    }
    if (r.bytes > MAX_FILE_BYTES) continue;
    read.push(f);
    const x = extractEnvReads(f, r.text);
    opaque.push(...x.opaque);
    const py = parsePython(r.text);
    references.push(...wrapperReferences(f, py));
    for (const e of x.envFiles) settingsEnvFiles.push({ owner: e.owner, span: e.span, paths: e.paths });
    if (more.inImage && !more.inImage(f)) {
      // Not deployed: nothing here can make the service fail, but a variable it reads is not stale.
      notInImage.push(f);
      for (const s of x.reads) references.push({ name: s.name, span: s.span, via: "outside-image" });
      continue;
    }
    const fallbacks = fallbackRanges(py);
    for (const s of x.reads) {
      const up = (n: string) => (s.caseSensitive ? n : n.toUpperCase());
      const required = s.requirement.kind === "required";
      // `os.environ.get("A") or os.environ["B"]`: B is only needed when A is unset, so A satisfies it.
      const before = fallbacks
        .filter((fb) => within(s.span, fb.right))
        .flatMap((fb) => x.reads.filter((o) => o !== s && within(o.span, fb.left)).map((o) => up(o.name)));
      reads.push({
        name: up(s.name),
        alternatives: [...s.alternatives.map(up), ...before],
        caseSensitive: s.caseSensitive,
        required,
        default: s.requirement.kind === "optional" ? displayDefault(s.name, s.requirement.default) : null,
        reader: s.reader,
        scope: s.scope,
        owner: s.owner,
        span: s.span,
      });
    }
  }

  // --- committed values anywhere a secret can leak: every Python literal (tests and scripts
  // included: they are committed too), shell/PowerShell scripts, Dockerfile ENV/ARG, railway.ts.
  const add = (origin: SecretOrigin, found: FoundSecret[]) => {
    for (const f of found)
      secrets.push({
        name: f.name,
        span: f.span,
        length: f.length,
        origin,
        kind: f.kind,
        confidence: f.confidence,
      });
  };
  let secretFiles = 0;
  for (const f of mine) {
    if (isTemplateFile(f) || isVendored(f, root)) continue;
    // The IaC program's env values arrive through the model (`configValues`); do not count them twice.
    if (more.configValues?.some((e) => e.span.file === f)) continue;
    const kind = /\.py$/.test(f) ? "py" : /\.(sh|bash|ps1)$/i.test(f) ? "script" : null;
    if (!kind || ++secretFiles > MAX_SECRET_FILES) continue;
    const r = ws.read(f);
    if (r.kind !== "ok" || r.bytes > MAX_FILE_BYTES) continue;
    add(
      kind === "py" ? "code-literal" : "script",
      kind === "py" ? scanPython(f, r.text, { test: isTestPath(f, root) }) : scanScript(f, r.text),
    );
    if (kind === "script") references.push(...scriptReferences(f, r.text));
  }
  const dfText = more.dockerfile ? ws.read(more.dockerfile.file) : null;
  const dfLines = dfText?.kind === "ok" ? dfText.text.split("\n").map((l) => l.replace(/\r$/, "")) : null;
  for (const ins of more.dockerfile?.instructions ?? []) {
    const locate =
      dfLines && ins.argsColumn !== undefined
        ? argsLocator(dfLines, ins.span.line, ins.argsColumn)
        : undefined;
    add("dockerfile", scanDockerfileInstruction(ins.keyword, ins.args, ins.span, locate));
  }
  // A final-stage `ENV` sets the variable in the running container (Dockerfile reference, ENV: "The
  // environment variables set using ENV will persist when a container is run from the resulting
  // image"), so a read of it cannot fail.
  for (const ins of more.dockerBuild ? (more.dockerfile?.finalStage ?? []) : []) {
    if (ins.keyword !== "ENV") continue;
    const locate =
      dfLines && ins.argsColumn !== undefined
        ? argsLocator(dfLines, ins.span.line, ins.argsColumn)
        : undefined;
    for (const p of dockerEnvPairs("ENV", ins.args)) {
      const at = locate?.(p.nameAt);
      declarations.push({
        name: p.name,
        span: at
          ? {
              file: ins.span.file,
              line: at.line,
              column: at.column,
              endLine: at.line,
              endColumn: at.column + p.name.length,
            }
          : ins.span,
        optional: null,
        source: "dockerfile",
      });
    }
  }
  for (const e of more.configValues ?? []) {
    const s = classifySecret(e.name, e.value);
    if (s) secrets.push({ name: e.name, span: e.span, origin: "railway-config", ...s });
  }

  // --- dotenv files the settings classes load: their examples document the variables -----------
  const cwd = more.cwd === undefined ? root : more.cwd;
  const loaded: EnvFacts["settingsEnvFiles"] = [];
  const allFiles = ws.files();
  const targets = new Set<string>();
  for (const e of settingsEnvFiles) {
    const files =
      e.paths === null
        ? null
        : e.paths.map((p) =>
            p.base === "module"
              ? normalizeRelPath(p.path, dirname(e.span.file))
              : cwd === null
                ? null
                : normalizeRelPath(p.path, cwd),
          );
    const known = files?.every((f) => f !== null) ? (files as string[]) : null;
    loaded.push({ owner: e.owner, span: e.span, files: known });
    for (const target of known ?? []) {
      if (targets.has(target) || targets.size >= MAX_ENV_FILES) continue;
      targets.add(target);
      for (const doc of examplesOf(allFiles, target)) {
        if (docFiles.includes(doc)) continue;
        const r = ws.read(doc);
        if (r.kind !== "ok") continue;
        docFiles.push(doc);
        const parsed = parseDotenv(doc, r.text);
        diagnostics.push(...parsed.diagnostics);
        for (const d of parsed.entries)
          declarations.push({ name: d.key, span: d.keySpan, optional: null, source: "env-example" });
        declarations.push(...commentedDeclarations(doc, r.text));
      }
    }
  }

  // --- scripts the start / pre-deploy commands run ----------------------------------------------
  const scripts = scriptsRun(
    ws,
    [cwd, more.commandDir === undefined ? cwd : more.commandDir],
    more.commands ?? [],
  ).filter((f) => !more.inImage || more.inImage(f));
  for (const f of scripts) {
    const r = ws.read(f);
    if (r.kind !== "ok" || r.bytes > MAX_FILE_BYTES) continue;
    for (const s of shellReads(r.text)) {
      reads.push({
        name: s.name,
        alternatives: [],
        caseSensitive: true,
        required: s.required,
        default: s.default === null ? null : displayDefault(s.name, { kind: "string", value: s.default }),
        reader: "shell",
        scope: "module",
        owner: null,
        span: { file: f, line: s.line, column: s.column, endLine: s.line, endColumn: s.endColumn },
      });
    }
  }

  return {
    variables: mergeReads(reads),
    reads,
    declarations,
    docFiles,
    settingsEnvFiles: loaded,
    scripts,
    notInImage,
    envFiles,
    secrets,
    references,
    opaque,
    scan: { files: read, truncated: candidates.length > scanned.length, skipped },
    diagnostics,
  };
}

/**
 * Maps an offset in a Dockerfile instruction's arguments to its line and 1-based column. The
 * Dockerfile source joins continuation lines with their trailing `\\` replaced by one space
 * (../sources/dockerfile.ts); the arguments start at `argsColumn` of the first line.
 */
function argsLocator(
  lines: readonly string[],
  firstLine: number,
  argsColumn: number,
): (offset: number) => { line: number; column: number } {
  return (offset) => {
    let off = offset + argsColumn - 1;
    for (let i = firstLine - 1; i < lines.length; i++) {
      const raw = lines[i]!;
      const cont = /\\\s*$/.test(raw);
      const len = cont ? raw.replace(/\\\s*$/, " ").length : raw.length;
      if (off < len || !cont) return { line: i + 1, column: off + 1 };
      off -= len;
    }
    return { line: firstLine, column: argsColumn + offset };
  };
}

function mergeReads(reads: EnvRead[]): EnvVariable[] {
  const byKey = new Map<string, EnvVariable>();
  for (const r of reads) {
    const key = r.name.toUpperCase();
    let v = byKey.get(key);
    if (!v) {
      v = {
        name: r.name,
        names: [r.name],
        caseSensitive: r.caseSensitive,
        required: false,
        default: null,
        span: r.span,
        reads: [],
      };
      byKey.set(key, v);
    }
    v.reads.push(r);
    v.caseSensitive &&= r.caseSensitive;
    for (const a of r.alternatives) if (!v.names.includes(a)) v.names.push(a);
    if (r.required && !v.required) {
      v.required = true;
      v.span = r.span;
    }
  }
  for (const v of byKey.values()) {
    if (!v.required) v.default = v.reads.find((r) => r.default !== null)?.default ?? null;
  }
  return [...byKey.values()];
}
