/**
 * Per-service facts: every deployment file of one service root, parsed with positions, and the
 * derived answers rules need (which builder, which Python, which start command). Built once per
 * service; rules only read it.
 */
import type { Diagnostic } from "../model/finding.js";
import type { Span } from "../model/span.js";
import { parsePython } from "../python/parse.js";
import { basename, dirname, joinPath, type ReadResult, type Workspace } from "../repo/workspace.js";
import { type ConfigDoc, parseJsonDoc, parseTomlDoc } from "../sources/doc.js";
import { type Dockerfile, parseDockerfile } from "../sources/dockerfile.js";
import { type NixpacksPlan, readPlan } from "../sources/nixpacks.js";
import { type Procfile, parseProcfile } from "../sources/procfile.js";
import { type Pyproject, readPyproject } from "../sources/pyproject.js";
import { type RailpackConfig, readRailpack } from "../sources/railpack.js";
import {
  CUSTOM_CAC_PATH,
  hasConfigAsCodeShape,
  type RailwayConfig,
  readRailway,
  resolveConfigPath,
} from "../sources/railway.js";
import { definiteValue, type RailwayTsService } from "../sources/railway-iac/model/types.js";
import { loadRequirementsGraph, type RequirementsGraph } from "../sources/requirements/load.js";
import type { RequirementsFile } from "../sources/requirements/parse.js";
import {
  parseToolVersions,
  parseVersionFile,
  type ToolVersions,
  type VersionFile,
} from "../sources/version-files.js";
import type { IacApply, SetupPython } from "../sources/workflows/parse.js";
import { type BuilderChoice, chooseBuilder } from "./builder.js";
import { dockerWorkdir } from "./docker-workdir.js";
import { collectEnv, type EnvFacts } from "./env.js";
import { imageFilter } from "./env-scope.js";
import { type InlineSecret, inlineSecrets } from "./inline-secrets.js";
import { type LockPair, pairLocks } from "./locks.js";
import { type BuilderPlan, buildPlans } from "./plans.js";
import { chooseProvider, type ProviderChoice } from "./provider.js";
import { derivePython, type PythonFacts } from "./python.js";
import { type AnalyzedCommand, analyzeCommands } from "./server.js";
import { deriveStart, type StartFacts } from "./start.js";

export interface FileProblem {
  file: string;
  /** Parse diagnostics, or a refused read (symlink out of the repo, too large, binary...). */
  diagnostic: Diagnostic;
  kind: "syntax" | "unreadable";
  /** deploy-drift's own parser failed on a readable file (python/parse.ts `defect`): not the repository's fault. */
  parserDefect?: true;
}

/** Repository-level inputs handed to each service: its railway.ts service, CI's Python versions. */
export interface RepoShared {
  railwayTs: RailwayTsService | null;
  /** railway.ts problems, attached to one service so they are reported once. */
  railwayTsProblems: FileProblem[];
  /** `actions/setup-python` steps of the repository's workflows. */
  ci: SetupPython[];
  /** Workflow steps that apply Railway IaC (`railway config apply`, `railwayapp/config`). */
  iacApply?: IacApply[];
  /**
   * Whether Railway still reads railway.json / railway.toml on the run's date (false from the
   * config-as-code cut-off on; `config-as-code-cutoff`). Absent: read.
   */
  configAsCodeRead?: boolean;
  /** Which deployment this is, when the caller knows (several may share one root). */
  deployment?: { display: string; name: string | null; origin: string };
}

export interface ServiceFacts {
  /** "" for the scanned root. */
  root: string;
  /** "." for the scanned root; `api (worker)` when several services share the root `api`. */
  display: string;
  /** The service's name in railway.ts / railway.py, when it has one. */
  name: string | null;
  /** Where the deployment came from: "`.railway/railway.ts` service `api`", "railway.json", a folder... */
  origin: string;
  ws: Workspace;
  problems: FileProblem[];
  runtimeTxt: VersionFile | null;
  pythonVersionFile: VersionFile | null;
  toolVersions: ToolVersions | null;
  pipfile: ConfigDoc | null;
  /** The `.railway/railway.ts` service whose root directory is this service's root. */
  railwayTs: RailwayTsService | null;
  /** CI's `actions/setup-python` steps (repository-wide). */
  ci: SetupPython[];
  /** Workflow steps that apply Railway IaC on Railway (repository-wide). */
  iacApply: IacApply[];
  /** railway.json when railway.toml sits beside it (the CLI reads the .toml). */
  railwayShadowed: string | null;
  pyproject: Pyproject | null;
  railpack: RailpackConfig | null;
  /** mise.toml / .mise.toml (Railpack reads `[tools] python`). */
  mise: ConfigDoc | null;
  /** Package-manager lock files present in the service root (uv.lock, poetry.lock, pdm.lock, Pipfile.lock). */
  lockFiles: string[];
  /** nixpacks.toml / nixpacks.json, or the file `nixpacksConfigPath` names. */
  nixpacks: NixpacksPlan | null;
  /** railway.json / railway.toml when Railway still reads it (null after the cut-off). */
  railway: RailwayConfig | null;
  /**
   * railway.json / railway.toml that Railway no longer reads (the run is on or after the
   * config-as-code cut-off): parsed for the report and the migration, never for what deploys.
   */
  railwayUnread: RailwayConfig | null;
  /**
   * Config-as-code files at a custom path in the service root (`railway.api.json`), recognised by
   * their shape. Which service reads one is a setting in Railway, so they feed only
   * config-as-code-deprecated and the migration, never what deploys.
   */
  railwayCustom: RailwayConfig[];
  /** `build.nixpacksPlan` of railway.json/toml. */
  railwayPlan: NixpacksPlan | null;
  procfile: Procfile | null;
  dockerfile: string | null;
  dockerfileParsed: Dockerfile | null;
  /** requirements.txt and the files it includes, when present. */
  requirements: RequirementsFile[];
  /** All requirements files found in the service root (any name), parsed. */
  requirementFiles: Map<string, RequirementsFile>;
  lockPairs: LockPair[];
  builder: BuilderChoice;
  /** The builder's language provider for this service (Python, Node, …), decided as the builder does. */
  provider: ProviderChoice;
  python: PythonFacts;
  start: StartFacts;
  /** Start commands the selected builder reads, parsed and resolved once for all rules. */
  commands: AnalyzedCommand[];
  /**
   * The folder of the repository the start commands run in: the service root, or for a Dockerfile
   * build its final WORKDIR traced back through COPY (null: unknown, so no app is looked up).
   */
  commandDir: string | null;
  /** What each builder would do with this service (the report's builder table). */
  plans: BuilderPlan[];
  /** Environment variables: read by the code, declared in docs/railway.ts, committed secrets. */
  env: EnvFacts;
  /** Credentials inside requirement and deployment-config lines (URL userinfo, `NAME=value` in commands). */
  inlineSecrets: InlineSecret[];
}

export function path(svc: { root: string }, name: string): string {
  return joinPath(svc.root, name);
}

/** Reads a file; unreadable files become problems, missing files null. */
export function readText(ws: Workspace, file: string, problems: FileProblem[]): string | null {
  const r: ReadResult = ws.read(file);
  if (r.kind === "ok") return r.text;
  if (r.kind === "refused") {
    problems.push({
      file: r.path,
      kind: "unreadable",
      diagnostic: {
        message: r.detail,
        span: { file: r.path, line: 1, column: 1 },
        fix:
          r.reason === "symlink-outside-root" || r.reason === "outside-root"
            ? "Commit the file itself instead of a link to a path outside the repository."
            : r.reason === "too-large"
              ? "Deployment config files should be small; check that the right file is committed."
              : r.reason === "binary" || r.reason === "encoding"
                ? "Save the file as UTF-8 text."
                : r.reason === "budget"
                  ? "Run deploy-drift on the service's own folder, or remove large files that are not deployment files."
                  : "Commit a regular file at this path (not a directory, pipe, device or link loop).",
      },
    });
  }
  return null;
}

function loadDoc(ws: Workspace, file: string, problems: FileProblem[]): ConfigDoc | null {
  const text = readText(ws, file, problems);
  if (text === null) return null;
  const doc = file.endsWith(".json")
    ? parseJsonDoc(file, text, { jwcc: basename(file) === "railpack.json" })
    : parseTomlDoc(file, text);
  for (const d of doc.diagnostics) problems.push({ file, kind: "syntax", diagnostic: d });
  return doc;
}

/**
 * @param files the repository files that belong to this service root (its own folder and its
 * `requirements/` folder), computed once for all services by the caller.
 */
export function buildServiceFacts(
  ws: Workspace,
  root: string,
  files: readonly string[],
  shared: RepoShared = { railwayTs: null, railwayTsProblems: [], ci: [] },
): ServiceFacts {
  const problems: FileProblem[] = [...shared.railwayTsProblems];
  const p = (n: string) => joinPath(root, n);
  const text = (n: string) => readText(ws, p(n), problems);
  const exists = (n: string) => ws.isFile(p(n)) || ws.read(p(n)).kind === "refused";

  const rt = exists("runtime.txt") ? text("runtime.txt") : null;
  const pv = exists(".python-version") ? text(".python-version") : null;
  const tv = exists(".tool-versions") ? text(".tool-versions") : null;

  // Railway's CLI prefers railway.toml over railway.json in one folder (cli src/util/cac_deprecation.rs
  // find_cac_file, "matching builderv3 selection"; railway-iac.md §4.1).
  const railwayFile = exists("railway.toml")
    ? "railway.toml"
    : exists("railway.json")
      ? "railway.json"
      : null;
  const railwayDoc = railwayFile ? loadDoc(ws, p(railwayFile), problems) : null;
  const railwayParsed = railwayDoc ? readRailway(railwayDoc) : null;
  // From the cut-off on, Railway reads none of it: the builder, start command, paths and plan come
  // from what Railway still reads (railway-iac.md §4.1: "Existing Config as Code files stop being read
  // on 2026-12-01 (hard cutoff)", railwayapp/docs content/docs/infrastructure-as-code.md @5dc40e7b).
  const cacRead = shared.configAsCodeRead ?? true;
  const railway = cacRead ? railwayParsed : null;

  // Nixpacks config lookup (nixpacks src/nixpacks/plan: read_file_plan): NIXPACKS_CONFIG_FILE
  // (= railway.json build.nixpacksConfigPath) relative to the app root, else nixpacks.toml, else
  // nixpacks.json. A configured path that is missing or outside the repo is reported by a rule.
  let nixFile: string | null = null;
  const configured = railway?.nixpacksConfigPath?.value;
  if (configured !== undefined) {
    const r = resolveConfigPath(ws, root, configured);
    if (r.kind === "found") nixFile = r.path;
  } else if (exists("nixpacks.toml")) nixFile = p("nixpacks.toml");
  else if (exists("nixpacks.json")) nixFile = p("nixpacks.json");
  const nixDoc = nixFile ? loadDoc(ws, nixFile, problems) : null;

  const procText = exists("Procfile") ? text("Procfile") : null;
  const procfile = procText === null ? null : parseProcfile(p("Procfile"), procText);
  for (const d of procfile?.diagnostics ?? [])
    problems.push({ file: p("Procfile"), kind: "syntax", diagnostic: d });

  const pipfile = exists("Pipfile") ? loadDoc(ws, p("Pipfile"), problems) : null;
  const pyprojectDoc = exists("pyproject.toml") ? loadDoc(ws, p("pyproject.toml"), problems) : null;
  const railpackDoc = exists("railpack.json") ? loadDoc(ws, p("railpack.json"), problems) : null;
  const miseFile = ["mise.toml", ".mise.toml"].find((n) => exists(n));
  const mise = miseFile ? loadDoc(ws, p(miseFile), problems) : null;
  const miseLock = exists("mise.lock") ? loadDoc(ws, p("mise.lock"), problems) : null;

  const requirementFiles = new Map<string, RequirementsFile>();
  const graphs = new Map<string, RequirementsGraph>();
  for (const f of files) {
    if (!isRequirementsName(f, root)) continue;
    const g = loadRequirementsGraph(ws, f);
    graphs.set(f, g);
    for (const rf of g.files) if (!requirementFiles.has(rf.path)) requirementFiles.set(rf.path, rf);
  }
  const requirements = graphs.get(p("requirements.txt"))?.files ?? [];
  // A graph's diagnostics repeat each file's own; report each (file, line, message) once.
  const seen = new Set<string>();
  for (const g of graphs.values()) {
    for (const d of g.diagnostics) {
      const key = `${d.span.file}:${d.span.line}:${d.span.column}:${d.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (d.code === "unreadable") {
        const diagnostic: Diagnostic = { message: d.message, span: d.span, ...(d.fix ? { fix: d.fix } : {}) };
        problems.push({ file: d.span.file, kind: "unreadable", diagnostic });
      } else problems.push({ file: d.span.file, kind: "syntax", diagnostic: d });
    }
  }

  // The Dockerfile Railway builds: railway.ts/railway.py `build.dockerfilePath`, else the service
  // variable RAILWAY_DOCKERFILE_PATH (https://docs.railway.com/guides/dockerfiles#custom-dockerfile-path),
  // else railway config's `build.dockerfilePath` (while still read), else `Dockerfile` at the root.
  const tsDockerfile = definiteValue(shared.railwayTs?.dockerfilePath);
  const envDockerfile = definiteValue(
    shared.railwayTs?.env.find((d) => d.name === "RAILWAY_DOCKERFILE_PATH" && d.kind === "literal")?.value,
  );
  const dockerfilePath = tsDockerfile ?? envDockerfile ?? railway?.dockerfilePath?.value;
  const dockerResolved = dockerfilePath == null ? null : resolveConfigPath(ws, root, dockerfilePath);
  const dockerfile =
    dockerResolved === null
      ? exists("Dockerfile")
        ? p("Dockerfile")
        : null
      : dockerResolved.kind === "found"
        ? dockerResolved.path
        : null;

  const dockerText = dockerfile ? readText(ws, dockerfile, problems) : null;
  const dockerfileParsed = dockerfile && dockerText !== null ? parseDockerfile(dockerfile, dockerText) : null;

  const base = {
    root,
    display: shared.deployment?.display ?? (root === "" ? "." : root),
    name: shared.deployment?.name ?? null,
    origin: shared.deployment?.origin ?? "a folder with deployment files",
    ws,
    problems,
    runtimeTxt: rt === null ? null : parseVersionFile(p("runtime.txt"), rt),
    pythonVersionFile: pv === null ? null : parseVersionFile(p(".python-version"), pv),
    toolVersions: tv === null ? null : parseToolVersions(p(".tool-versions"), tv),
    pipfile,
    railwayTs: shared.railwayTs,
    ci: shared.ci,
    iacApply: shared.iacApply ?? [],
    railwayShadowed:
      railway && railwayFile === "railway.toml" && exists("railway.json") ? p("railway.json") : null,
    pyproject: pyprojectDoc?.value ? readPyproject(pyprojectDoc) : null,
    railpack: railpackDoc?.value ? readRailpack(railpackDoc) : null,
    mise,
    lockFiles: LOCK_FILES.filter((n) => exists(n)),
    nixpacks: nixDoc?.value ? readPlan(nixDoc) : null,
    railway,
    railwayUnread: cacRead ? null : railwayParsed,
    railwayCustom: files
      .filter((f) => dirname(f) === root && CUSTOM_CAC_PATH.test(f))
      .flatMap((f) => {
        const doc = loadDoc(ws, f, problems);
        return doc && hasConfigAsCodeShape(doc) ? [readRailway(doc)] : [];
      }),
    railwayPlan: railway?.nixpacksPlanPath ? readPlan(railway.doc, railway.nixpacksPlanPath) : null,
    procfile,
    dockerfile,
    dockerfileParsed,
    requirements,
    requirementFiles,
  };
  const lockPairs = pairLocks(graphs);
  const builder = chooseBuilder(base);
  const provider = chooseProvider({ ...base, builder });
  const railpackEnv = shared.railwayTs?.env.find((d) => d.name === "RAILPACK_PYTHON_VERSION")?.value;
  const python = derivePython({
    ...base,
    builder,
    miseLock,
    railpackEnv:
      railpackEnv && definiteValue(railpackEnv) !== null
        ? { value: definiteValue(railpackEnv)!, span: railpackEnv.span }
        : null,
  });
  const start = deriveStart({ ...base, builder });
  // Railway runs a Dockerfile service's command, startCommand included, in the image's WORKDIR.
  const cwd =
    builder.name === "dockerfile" && dockerfileParsed ? dockerWorkdir(ws, root, dockerfileParsed) : root;
  const commands = analyzeCommands(ws, cwd, start.candidates, builder.name, start.effective[builder.name]);
  const plans = buildPlans({ ...base, builder, python, start });
  // The process's working directory (relative `env_file` paths resolve from it): the effective
  // command's, moved by its `cd X &&` (facts/server.ts).
  const effective = commands.find((c) => c.candidate === start.effective[builder.name]);
  const runDir = effective ? effective.workdir : cwd;
  const env = collectEnv(
    ws,
    root,
    files,
    (shared.railwayTs?.env ?? []).map((d) => ({
      name: d.name,
      span: d.nameSpan,
      optional: d.optional,
      source: "railway.ts" as const,
    })),
    {
      dockerfile: dockerfileParsed,
      dockerBuild: builder.name === "dockerfile",
      cwd: runDir,
      commandDir: cwd,
      inImage:
        builder.name === "dockerfile" && dockerfileParsed ? imageFilter(ws, root, dockerfileParsed) : null,
      commands: [
        ...start.candidates.filter((c) => c.readBy.includes(builder.name)).map((c) => c.command),
        ...(definiteValue(shared.railwayTs?.preDeployCommand) ?? []),
      ],
      configValues: (shared.railwayTs?.env ?? []).flatMap((d) => {
        const v = definiteValue(d.value);
        return d.kind === "literal" && v !== null ? [{ name: d.name, value: v, span: d.span }] : [];
      }),
    },
  );
  for (const d of env.diagnostics) problems.push({ file: d.span.file, kind: "syntax", diagnostic: d });
  problems.push(...pythonParserDefects(ws, [...env.scan.files, ...commands.map((c) => c.app?.file ?? null)]));
  const secretsInline = inlineSecrets(
    ws,
    [...base.requirementFiles.keys(), ...base.requirements.map((r) => r.path)],
    [
      base.procfile?.file,
      base.railway?.file,
      base.railwayUnread?.file,
      ...base.railwayCustom.map((c) => c.file),
      base.nixpacks?.doc.file,
      base.railpack?.doc.file,
      base.dockerfile,
    ],
  );
  return {
    ...base,
    lockPairs,
    builder,
    provider,
    python,
    start,
    commands,
    commandDir: cwd,
    plans,
    env,
    inlineSecrets: secretsInline,
  };
}

/**
 * Python files the analyses read whose tree the parser could not walk (a parser defect, never the
 * repository's fault): each is said once at the file, so the checks it skipped are not silent.
 * parsePython is memoised, so this re-reads nothing.
 */
function pythonParserDefects(ws: Workspace, files: Array<string | null>): FileProblem[] {
  const out: FileProblem[] = [];
  for (const file of new Set(files)) {
    if (file === null) continue;
    const r = ws.read(file);
    const defect = r.kind === "ok" ? parsePython(r.text).defect : undefined;
    if (!defect) continue;
    out.push({
      file,
      kind: "unreadable",
      parserDefect: true,
      diagnostic: {
        message: `${file}: ${defect}, so its start-command and environment checks were skipped`,
        span: { file, line: 1, column: 1 },
        severity: "warning",
        fix: "Nothing to change in the file if Python accepts it: please report this deploy-drift bug with the file.",
      },
    });
  }
  return out;
}

export const LOCK_FILES = ["uv.lock", "poetry.lock", "pdm.lock", "Pipfile.lock"];

/** requirements.txt, requirements.lock, requirements-dev.txt, requirements/base.txt, *.in ... */
export function isRequirementsName(file: string, root: string): boolean {
  const rel = root === "" ? file : file.startsWith(`${root}/`) ? file.slice(root.length + 1) : null;
  if (rel === null) return false;
  const parts = rel.split("/");
  if (parts.length === 1) return /^requirements([-_.][\w.-]+)?\.(txt|in|lock)$/i.test(parts[0]!);
  if (parts.length === 2 && parts[0]!.toLowerCase() === "requirements")
    return /\.(txt|in|lock)$/i.test(parts[1]!);
  return false;
}

export type { Span };
