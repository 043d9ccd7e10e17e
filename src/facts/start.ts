/**
 * Which start command each builder runs, and every place one is written.
 * - Railway `deploy.startCommand` overrides everything ("Configuration defined in code will always
 *   override values from the dashboard"; railway-nixpacks.md §3.4).
 * - Nixpacks: provider < Procfile < nixpacks.toml `[start].cmd` < NIXPACKS_START_CMD < CLI/JSON plan
 *   (generator.rs merge order, §2); railway.json `build.nixpacksPlan` arrives as a JSON plan (inferred, §3.4).
 * - Railpack: provider default < Procfile (`web` > `worker` > any) < railpack.json `deploy.startCommand`
 *   (§4: config merge "later configs taking precedence", file config last).
 * - Dockerfile: CMD/ENTRYPOINT of the final stage.
 */
import type { BuilderName } from "../model/report.js";
import type { Span } from "../model/span.js";
import { findWsgiApplication } from "../python/django.js";
import { joinPath, type Workspace } from "../repo/workspace.js";
import { getPath, isRecord } from "../sources/doc.js";
import type { Dockerfile } from "../sources/dockerfile.js";
import type { NixpacksPlan } from "../sources/nixpacks.js";
import { type Procfile, procfileStartEntry } from "../sources/procfile.js";
import type { Pyproject } from "../sources/pyproject.js";
import type { RailpackConfig } from "../sources/railpack.js";
import type { RailwayConfig } from "../sources/railway.js";
import { definiteValue, type RailwayTsService } from "../sources/railway-iac/model/types.js";
import type { RequirementsFile } from "../sources/requirements/parse.js";
import type { BuilderChoice } from "./builder.js";

export type StartSourceKind =
  | "railway-ts-start"
  | "railway-start"
  | "railway-env-start"
  | "railway-nixpacks-plan"
  | "nixpacks-start"
  | "railpack-start"
  | "procfile"
  | "dockerfile"
  | "nixpacks-default"
  | "railpack-default";

export interface StartCandidate {
  kind: StartSourceKind;
  /** e.g. "railway.json deploy.startCommand". */
  label: string;
  file: string | null;
  span: Span | null;
  command: string;
  /** Builders that read this source. */
  readBy: BuilderName[];
}

export interface StartFacts {
  candidates: StartCandidate[];
  /** Effective command per builder (null: none — a deploy error on Railway). */
  effective: Record<BuilderName, StartCandidate | null>;
  selected: StartCandidate | null;
}

const ALL: BuilderName[] = ["nixpacks", "railpack", "dockerfile"];

export function deriveStart(svc: {
  root: string;
  ws: Workspace;
  railway: RailwayConfig | null;
  railwayTs: RailwayTsService | null;
  railwayPlan: NixpacksPlan | null;
  nixpacks: NixpacksPlan | null;
  railpack: RailpackConfig | null;
  pyproject: Pyproject | null;
  procfile: Procfile | null;
  dockerfileParsed: Dockerfile | null;
  requirements: RequirementsFile[];
  builder: BuilderChoice;
}): StartFacts {
  const c: StartCandidate[] = [];
  const r = svc.railway;
  const ts = svc.railwayTs?.startCommand;
  const tsValue = definiteValue(ts);
  if (ts && tsValue !== null) {
    c.push({
      kind: "railway-ts-start",
      label: `${ts.span.file} start command`,
      file: ts.span.file,
      span: ts.span,
      command: tsValue,
      readBy: ALL,
    });
  }
  if (r?.startCommand) {
    c.push({
      kind: "railway-start",
      label: `${r.file} deploy.startCommand`,
      file: r.file,
      span: r.startCommand.span,
      command: r.startCommand.value,
      readBy: ALL,
    });
  }
  for (const e of r?.environmentStartCommands ?? []) {
    c.push({
      kind: "railway-env-start",
      label: `${r!.file} environments.${e.environment}.deploy.startCommand`,
      file: r!.file,
      span: e.command.span,
      command: e.command.value,
      readBy: ALL,
    });
  }
  if (svc.railwayPlan?.startCmd) {
    c.push({
      kind: "railway-nixpacks-plan",
      label: `${r!.file} build.nixpacksPlan.start.cmd`,
      file: r!.file,
      span: svc.railwayPlan.startCmd.span,
      command: svc.railwayPlan.startCmd.value,
      readBy: ["nixpacks"],
    });
  }
  if (svc.nixpacks?.startCmd) {
    c.push({
      kind: "nixpacks-start",
      label: `${svc.nixpacks.doc.file} [start].cmd`,
      file: svc.nixpacks.doc.file,
      span: svc.nixpacks.startCmd.span,
      command: svc.nixpacks.startCmd.value,
      readBy: ["nixpacks"],
    });
  }
  if (svc.railpack?.startCommand) {
    c.push({
      kind: "railpack-start",
      label: `${svc.railpack.doc.file} deploy.startCommand`,
      file: svc.railpack.doc.file,
      span: svc.railpack.startCommand.span,
      command: svc.railpack.startCommand.value,
      readBy: ["railpack"],
    });
  }
  const proc = svc.procfile ? procfileStartEntry(svc.procfile) : null;
  if (proc) {
    c.push({
      kind: "procfile",
      label: `${svc.procfile!.file} ${proc.type}`,
      file: svc.procfile!.file,
      span: proc.span,
      command: proc.command,
      readBy: ["nixpacks", "railpack"],
    });
  }
  if (svc.dockerfileParsed?.command) {
    c.push({
      kind: "dockerfile",
      label: `${svc.dockerfileParsed.file} CMD`,
      file: svc.dockerfileParsed.file,
      span: svc.dockerfileParsed.command.span,
      command: svc.dockerfileParsed.command.text,
      readBy: ["dockerfile"],
    });
  }
  const deps = dependencyText(svc.ws, svc.root);
  const nixDefault = nixpacksDefaultStart(svc.ws, svc.root, deps, svc.pyproject);
  if (nixDefault) c.push({ ...nixDefault, readBy: ["nixpacks"] });
  const railDefault = railpackDefaultStart(svc.ws, svc.root, deps);
  if (railDefault) c.push({ ...railDefault, readBy: ["railpack"] });

  const pick = (_b: BuilderName, order: StartSourceKind[]) =>
    order.map((k) => c.find((x) => x.kind === k)).find((x) => x !== undefined) ?? null;
  const effective: Record<BuilderName, StartCandidate | null> = {
    nixpacks: pick("nixpacks", [
      "railway-ts-start",
      "railway-start",
      "railway-nixpacks-plan",
      "nixpacks-start",
      "procfile",
      "nixpacks-default",
    ]),
    railpack: pick("railpack", [
      "railway-ts-start",
      "railway-start",
      "railpack-start",
      "procfile",
      "railpack-default",
    ]),
    dockerfile: pick("dockerfile", ["railway-ts-start", "railway-start", "dockerfile"]),
  };
  return { candidates: c, effective, selected: effective[svc.builder.name] };
}

type Default = Omit<StartCandidate, "readBy">;

/**
 * Builders detect frameworks by a lowercase substring search over requirements.txt, pyproject.toml
 * and Pipfile (nixpacks python.rs; railpack python.go usesDep) — not by parsed names.
 */
export function dependencyText(ws: Workspace, root: string): string {
  return ["requirements.txt", "pyproject.toml", "Pipfile"]
    .map((n) => ws.read(joinPath(root, n)))
    .map((r) => (r.kind === "ok" ? r.text.toLowerCase() : ""))
    .join("\n");
}

/** Nixpacks python.rs start(): Django (manage.py + django dep) > main.py > pyproject module > none. */
function nixpacksDefaultStart(
  ws: Workspace,
  root: string,
  deps: string,
  pyproject: Pyproject | null,
): Default | null {
  const f = (n: string) => ws.isFile(joinPath(root, n));
  const d: Default = {
    kind: "nixpacks-default",
    label: "Nixpacks default",
    file: null,
    span: null,
    command: "",
  };
  if (f("manage.py") && deps.includes("django")) {
    // "Failed to find your WSGI_APPLICATION django setting" when it is missing.
    const wsgi = findWsgiApplication(ws, root);
    return {
      ...d,
      label: "Nixpacks default (Django)",
      command: `python manage.py migrate && gunicorn ${wsgi ? wsgi.replace(/\.application$/, "") : "<WSGI_APPLICATION not found: the build fails>"}`,
    };
  }
  if (f("main.py")) return { ...d, command: "python main.py" };
  // `python -m {module}`: [project] packages[0], else py_modules[0], else name (python.rs).
  const project = pyproject ? getPath(pyproject.doc.value, ["project"]) : undefined;
  if (isRecord(project)) {
    const first = (k: string) =>
      Array.isArray(project[k]) && typeof project[k][0] === "string" ? (project[k][0] as string) : null;
    const module =
      first("packages") ?? first("py_modules") ?? (typeof project.name === "string" ? project.name : null);
    if (module) return { ...d, command: `python -m ${module}` };
  }
  return null;
}

/**
 * Railpack GetStartCommand (core/providers/python/python.go): Django > FastAPI/FastHTML + uvicorn +
 * main file → `uvicorn main:app …` > Flask + gunicorn + main file > `python <main file>`.
 */
export const RAILPACK_MAIN_FILES = ["main.py", "app.py", "start.py", "bot.py", "hello.py", "server.py"];

function railpackDefaultStart(ws: Workspace, root: string, deps: string): Default | null {
  const main = RAILPACK_MAIN_FILES.find((n) => ws.isFile(joinPath(root, n)));
  const d: Default = {
    kind: "railpack-default",
    label: "Railpack default",
    file: null,
    span: null,
    command: "",
  };
  if (ws.isFile(joinPath(root, "manage.py")) && deps.includes("django")) {
    const wsgi = findWsgiApplication(ws, root);
    const target = wsgi
      ? `${wsgi.replace(/\.application$/, "")}:application`
      : "<WSGI_APPLICATION not found>";
    return {
      ...d,
      label: "Railpack default (Django)",
      command: `python manage.py migrate && gunicorn --bind 0.0.0.0:\${PORT:-8000} ${target}`,
    };
  }
  if (!main) return null;
  if ((deps.includes("fastapi") || deps.includes("python-fasthtml")) && deps.includes("uvicorn")) {
    return { ...d, command: "uvicorn main:app --host 0.0.0.0 --port ${PORT:-8000}" };
  }
  if (deps.includes("flask") && deps.includes("gunicorn")) {
    return { ...d, command: "gunicorn --bind 0.0.0.0:${PORT:-8000} main:app" };
  }
  return { ...d, command: `python ${main}` };
}
