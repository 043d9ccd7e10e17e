/**
 * "What each builder will do": for every builder that could build the service, the Python it installs
 * (and from where), the install command, the virtualenv and the start command, each from that
 * builder's documented or coded behaviour (railway-nixpacks.md §1.3–1.4 Nixpacks, §4 Railpack, §5
 * Heroku). The builder Railway will use is marked.
 */
import type { BuilderName, BuilderPlan } from "../model/report.js";
import { formatVersion, herokuReadRuntimeTxt, parseStrictVersion } from "../python/versions.js";
import { joinPath, type Workspace } from "../repo/workspace.js";
import type { Dockerfile } from "../sources/dockerfile.js";
import type { NixpacksPlan } from "../sources/nixpacks.js";
import type { Pyproject } from "../sources/pyproject.js";
import type { VersionFile } from "../sources/version-files.js";
import type { BuilderChoice } from "./builder.js";
import type { EffectiveVersion, PythonFacts } from "./python.js";
import type { StartFacts } from "./start.js";

export type { BuilderPlan };

type PM = "pip" | "uv" | "poetry" | "pdm" | "setuptools" | "pipenv" | "none";

/** Nixpacks PackageManager::resolve: requirements.txt > poetry.lock > pdm.lock > uv.lock > pyproject > Pipfile. */
export function nixpacksPackageManager(has: (f: string) => boolean): PM {
  if (has("requirements.txt")) return "pip";
  if (has("pyproject.toml")) {
    if (has("poetry.lock")) return "poetry";
    if (has("pdm.lock")) return "pdm";
    if (has("uv.lock")) return "uv";
    return "setuptools";
  }
  if (has("Pipfile")) return "pipenv";
  return "none";
}

/**
 * Railpack python.go Plan(): requirements.txt > uv > poetry > pdm > Pipfile (uv before poetry, unlike
 * Nixpacks), an if/else chain with no other branch: a pyproject.toml with no lock and no
 * requirements.txt installs nothing (verified at b5e80580; the python-latest example's plan snapshot
 * has `install: []`), unlike Nixpacks' `pip install .`.
 */
export function railpackPackageManager(has: (f: string) => boolean): PM {
  if (has("requirements.txt")) return "pip";
  if (has("pyproject.toml") && has("uv.lock")) return "uv";
  if (has("pyproject.toml") && has("poetry.lock")) return "poetry";
  if (has("pyproject.toml") && has("pdm.lock")) return "pdm";
  if (has("Pipfile")) return "pipenv";
  return "none";
}

const NIX_VENV = "python -m venv --copies /opt/venv && . /opt/venv/bin/activate";
export const NIXPACKS_INSTALL: Record<PM, string> = {
  pip: `${NIX_VENV} && pip install -r requirements.txt`,
  poetry: `${NIX_VENV} && pip install poetry==$NIXPACKS_POETRY_VERSION && poetry install --no-dev --no-interaction --no-ansi`,
  pdm: `${NIX_VENV} && pip install pdm==$NIXPACKS_PDM_VERSION && pdm install --prod`,
  uv: `${NIX_VENV} && pip install uv==$NIXPACKS_UV_VERSION && uv sync --no-dev --frozen`,
  setuptools: `${NIX_VENV} && pip install --upgrade build setuptools && pip install .`,
  pipenv: "PIPENV_VENV_IN_PROJECT=1 pipenv install --deploy",
  none: "(nothing installed)",
};
const RAILPACK_INSTALL: Record<PM, string> = {
  pip: "python -m venv /app/.venv && pip install -r requirements.txt",
  uv: "uv sync --locked --no-dev --no-install-project",
  poetry: "poetry install --no-interaction --no-ansi --only main --no-root",
  pdm: "pdm install --check --prod --no-editable",
  setuptools: "python -m venv /app/.venv && pip install .",
  pipenv: "pipenv install --deploy --ignore-pipfile",
  none: "(nothing installed)",
};

export function buildPlans(svc: {
  root: string;
  ws: Workspace;
  builder: BuilderChoice;
  python: PythonFacts;
  start: StartFacts;
  nixpacks: NixpacksPlan | null;
  railwayPlan: NixpacksPlan | null;
  dockerfileParsed: Dockerfile | null;
  runtimeTxt: VersionFile | null;
  pythonVersionFile: VersionFile | null;
  pyproject: Pyproject | null;
}): BuilderPlan[] {
  const has = (f: string) => svc.ws.isFile(joinPath(svc.root, f));
  const v = (e: EffectiveVersion) => ({
    python: e.version ?? (e.isDefault ? "default (nix `python3`)" : "none"),
    pythonFrom: e.from,
  });
  const startOf = (b: BuilderName) => {
    const s = svc.start.effective[b];
    return { start: s?.command ?? null, startFrom: s?.label ?? "none: no start command" };
  };
  const plans: BuilderPlan[] = [];

  const nixPm = nixpacksPackageManager(has);
  const nixCmds =
    svc.railwayPlan?.phases.get("install")?.lists.cmds ?? svc.nixpacks?.phases.get("install")?.lists.cmds;
  const nixInstall = nixCmds
    ? nixCmds.items.map((i) => (i.value === "..." ? NIXPACKS_INSTALL[nixPm] : i.value)).join(" && ")
    : NIXPACKS_INSTALL[nixPm];
  plans.push({
    builder: "nixpacks",
    selected: svc.builder.name === "nixpacks",
    ...v(svc.python.nixpacks),
    packageManager: nixPm,
    install: nixInstall,
    installFrom: nixCmds ? `${nixCmds.span.file} \`phases.install.cmds\`` : "Python provider default",
    venv: "/opt/venv",
    ...startOf("nixpacks"),
  });

  const railPm = railpackPackageManager(has);
  plans.push({
    builder: "railpack",
    selected: svc.builder.name === "railpack",
    ...v(svc.python.railpack),
    packageManager: railPm,
    install: RAILPACK_INSTALL[railPm],
    installFrom: "Python provider default",
    venv: railPm === "pipenv" ? "/app/.venv (PIPENV_VENV_IN_PROJECT)" : "/app/.venv",
    ...startOf("railpack"),
  });

  if (svc.dockerfileParsed && svc.python.dockerfile) {
    const run = svc.dockerfileParsed.instructions.find(
      (i) => i.keyword === "RUN" && /\b(pip|uv|poetry|pdm|pipenv)\b.*\b(install|sync)\b/.test(i.args),
    );
    plans.push({
      builder: "dockerfile",
      selected: svc.builder.name === "dockerfile",
      ...v(svc.python.dockerfile),
      packageManager: run
        ? (/\buv\b/.exec(run.args)?.[0] ?? /\bpoetry\b/.exec(run.args)?.[0] ?? "pip")
        : "none",
      install: run ? run.args : "(no install step found)",
      installFrom: run ? `${svc.dockerfileParsed.file}:${run.span.line}` : svc.dockerfileParsed.file,
      venv: "as the Dockerfile sets it",
      ...startOf("dockerfile"),
    });
  }

  // Heroku's buildpack (shown when runtime.txt, its historical file, is present): runtime.txt >
  // .python-version > Pipfile.lock (lib/python_version.sh, v351).
  if (svc.runtimeTxt) {
    const rt = herokuReadRuntimeTxt(svc.runtimeTxt.content);
    const pv = svc.pythonVersionFile?.lines[0]
      ? parseStrictVersion(svc.pythonVersionFile.lines[0].value)
      : null;
    const hv = rt ?? pv;
    plans.push({
      builder: "heroku",
      selected: false,
      python: hv ? formatVersion(hv) : "invalid runtime.txt (build error)",
      pythonFrom: rt
        ? `${svc.runtimeTxt.file} (Heroku reads it before .python-version)`
        : pv
          ? ".python-version"
          : "runtime.txt is not `python-X.Y[.Z]`",
      packageManager: nixPm,
      install: nixPm === "pip" ? "pip install -r requirements.txt" : nixPm,
      installFrom: "Heroku Python buildpack",
      venv: "none (/app/.heroku/python)",
      start: svc.start.candidates.find((c) => c.kind === "procfile")?.command ?? null,
      startFrom: "Procfile",
    });
  }
  return plans;
}
