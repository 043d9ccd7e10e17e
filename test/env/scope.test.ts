/**
 * Issue 14, round 3: which file documents a variable (a settings class's `env_file`), which files
 * can make a variable required (what a Dockerfile build puts in the image), and what the scripts
 * the start / pre-deploy commands run read (required with `${VAR:?}` or under `set -u`, optional
 * with a default).
 */
import { describe, expect, it } from "vitest";
import { analyze, analyzeDetailed } from "../../src/analyze.js";
import { collectEnv } from "../../src/facts/env.js";
import { imageFilter, MAX_COPY_SOURCES, scriptsRun, shellReads } from "../../src/facts/env-scope.js";
import { MemoryWorkspace } from "../../src/repo/workspace.js";
import { parseDockerfile } from "../../src/sources/dockerfile.js";
import { ALL_PARSERS } from "../helpers/parsers.js";

const TODAY = new Date("2026-12-01T12:00:00Z");

const findings = (files: Record<string, string>, prefix = "env-") =>
  analyze(new MemoryWorkspace(files), { today: TODAY, parsers: ALL_PARSERS })
    .findings.filter((f) => f.rule.startsWith(prefix))
    .map((f) => `${f.rule} ${f.severity} ${f.file}:${f.line}:${f.column}`);

const settings = (config: string, field = "database_url: str") =>
  [
    "from pydantic_settings import BaseSettings, SettingsConfigDict",
    "",
    "",
    "class Settings(BaseSettings):",
    `    ${config}`,
    "",
    `    ${field}`,
    "",
    "",
    "settings = Settings()",
    "",
  ].join("\n");

/** A service in `backend/` (its own requirements and Procfile), the docs at the repository root. */
const backend = (config: string, more: Record<string, string> = {}) => ({
  "backend/requirements.txt": "fastapi==0.115.0\nuvicorn==0.32.0\npydantic-settings==2.6.1\n",
  "backend/.python-version": "3.12\n",
  "backend/Procfile": "web: uvicorn app.main:app --host 0.0.0.0 --port $PORT\n",
  "backend/app/__init__.py": "",
  "backend/app/main.py":
    "from fastapi import FastAPI\n\nfrom app.config import settings\n\napp = FastAPI()\n",
  "backend/app/config.py": settings(config),
  ".env.example": "DATABASE_URL=postgresql://user:pass@localhost:5432/app\n",
  ...more,
});

describe("a settings class's env_file decides which example documents the variables", () => {
  it("env_file='../.env' from a service run in backend/: the repository's .env.example documents it", () => {
    expect(findings(backend('model_config = SettingsConfigDict(env_file="../.env")'))).toEqual([]);
  });

  it("env_file='.env' in backend/: only backend/'s examples count, the root one does not", () => {
    expect(findings(backend('model_config = SettingsConfigDict(env_file=".env")'))).toEqual([
      "env-required-undocumented warning backend/app/config.py:7:5",
    ]);
  });

  it("v1 `class Config: env_file` and a tuple of files: every file's example counts, positions kept", () => {
    const files = backend("class Config:\n        env_file = ('.env', '.env.production')", {
      ".env.example": "",
      "backend/.env.production.example": "OTHER=1\nDATABASE_URL=\n",
    });
    files["backend/app/config.py"] = files["backend/app/config.py"]!.replace(
      "pydantic_settings import BaseSettings, SettingsConfigDict",
      "pydantic import BaseSettings",
    );
    const ws = new MemoryWorkspace(files);
    const env = collectEnv(
      ws,
      "backend",
      ws.files().filter((f) => f.startsWith("backend/")),
    );
    expect(env.settingsEnvFiles).toEqual([
      {
        owner: "Settings",
        span: { file: "backend/app/config.py", line: 6, column: 20, endLine: 6, endColumn: 47 },
        files: ["backend/.env", "backend/.env.production"],
      },
    ]);
    expect(env.docFiles).toEqual(["backend/.env.production.example"]);
    expect(env.declarations.find((d) => d.name === "DATABASE_URL")?.span).toEqual({
      file: "backend/.env.production.example",
      line: 2,
      column: 1,
      endLine: 2,
      endColumn: 13,
    });
    expect(findings(files).filter((f) => f.includes("required"))).toEqual([]);
  });

  it("a path built from __file__ resolves from the module's folder", () => {
    const files = backend(
      'model_config = SettingsConfigDict(env_file=Path(__file__).resolve().parent.parent.parent / ".env")',
    );
    files["backend/app/config.py"] = `from pathlib import Path\n${files["backend/app/config.py"]}`;
    expect(findings(files)).toEqual([]);
  });

  it("`.parents[N]` and module-level names assigned once are followed too", () => {
    const files = backend('class Config:\n        env_file = (str(_BACKEND / ".env"), str(_ROOT / ".env"))');
    files["backend/app/config.py"] = files["backend/app/config.py"]!.replace(
      "\n\nclass Settings",
      "\nfrom pathlib import Path\n\n_BACKEND = Path(__file__).resolve().parents[1]\n_ROOT = Path(__file__).resolve().parents[2]\n\nclass Settings",
    );
    const ws = new MemoryWorkspace(files);
    const env = collectEnv(
      ws,
      "backend",
      ws.files().filter((f) => f.startsWith("backend/")),
    );
    expect(env.settingsEnvFiles.map((e) => e.files)).toEqual([["backend/.env", ".env"]]);
    expect(env.docFiles).toEqual([".env.example"]);
    expect(findings(files)).toEqual([]);
  });

  it("`cd backend &&` in the start command moves where a relative env_file is opened", () => {
    const files = {
      "requirements.txt": "fastapi==0.115.0\nuvicorn==0.32.0\npydantic-settings==2.6.1\n",
      ".python-version": "3.12\n",
      Procfile: "web: cd backend && uvicorn app.main:app --host 0.0.0.0 --port $PORT\n",
      "backend/app/__init__.py": "",
      "backend/app/main.py":
        "from fastapi import FastAPI\n\nfrom app.config import settings\n\napp = FastAPI()\n",
      "backend/app/config.py": settings('model_config = SettingsConfigDict(env_file=".env")'),
      "backend/.env.example": "DATABASE_URL=\n",
    };
    const svc = analyzeDetailed(new MemoryWorkspace(files), { today: TODAY }).services[0]!;
    expect(svc.env.settingsEnvFiles.map((e) => e.files)).toEqual([["backend/.env"]]);
    expect(findings(files)).toEqual([]);
    expect(
      findings({ ...files, Procfile: "web: uvicorn backend.app.main:app --host 0.0.0.0 --port $PORT\n" }),
    ).toEqual(["env-required-undocumented warning backend/app/config.py:7:5"]);
  });

  it("a dynamic env_file is unknown: no file is guessed", () => {
    const files = backend(
      'model_config = SettingsConfigDict(env_file=os.environ.get("ENV_FILE", "../.env"))',
    );
    files["backend/app/config.py"] = `import os\n${files["backend/app/config.py"]}`;
    const ws = new MemoryWorkspace(files);
    const env = collectEnv(
      ws,
      "backend",
      ws.files().filter((f) => f.startsWith("backend/")),
    );
    expect(env.settingsEnvFiles.map((e) => e.files)).toEqual([null]);
    expect(env.docFiles).toEqual([]);
  });
});

const dockerService = (dockerfile: string, more: Record<string, string> = {}) => ({
  "requirements.txt": "fastapi==0.115.0\nuvicorn==0.32.0\n",
  Dockerfile: dockerfile,
  "app/__init__.py": "",
  "app/main.py":
    'import os\n\nfrom fastapi import FastAPI\n\nDATABASE_URL = os.environ["DATABASE_URL"]\napp = FastAPI()\n',
  "scripts/seed_admin.py": 'import os\n\nPASSWORD = os.environ["ADMIN_PASSWORD"]\n',
  ".env.example": "DATABASE_URL=\n",
  ...more,
});
const CMD = 'CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "8000"]\n';

describe("files the image does not contain make no variable required", () => {
  it("a script outside every COPY of the final stage: its os.environ[...] is not required", () => {
    const files = dockerService(
      `FROM python:3.12-slim\nWORKDIR /srv\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY app/ ./app/\n${CMD}`,
    );
    expect(findings(files)).toEqual([]);
    const svc = analyzeDetailed(new MemoryWorkspace(files), { today: TODAY }).services[0]!;
    expect(svc.env.notInImage).toEqual(["scripts/seed_admin.py"]);
    // The copied code still counts: undocumented, DATABASE_URL fires.
    expect(findings({ ...files, ".env.example": "OTHER=1\n" }).filter((f) => f.includes("required"))).toEqual(
      ["env-required-undocumented warning app/main.py:5:16"],
    );
  });

  it("COPY . . brings it in: ADMIN_PASSWORD is required and undocumented", () => {
    const files = dockerService(`FROM python:3.12-slim\nWORKDIR /srv\nCOPY . .\n${CMD}`);
    expect(findings(files)).toEqual(["env-required-undocumented warning scripts/seed_admin.py:3:12"]);
  });

  it(".dockerignore leaves scripts/ out of `COPY . .`; `!` re-includes", () => {
    const df = `FROM python:3.12-slim\nWORKDIR /srv\nCOPY . .\n${CMD}`;
    expect(findings(dockerService(df, { ".dockerignore": "scripts/\n*.md\n" }))).toEqual([]);
    expect(findings(dockerService(df, { ".dockerignore": "scripts\n!scripts/seed_admin.py\n" }))).toEqual([
      "env-required-undocumented warning scripts/seed_admin.py:3:12",
    ]);
  });

  it("COPY --from=<stage> brings what that stage copied; --from=<image> brings nothing of the repository", () => {
    const staged = `FROM python:3.12-slim AS build\nWORKDIR /srv\nCOPY . .\nFROM python:3.12-slim\nCOPY --from=ghcr.io/astral-sh/uv:0.5 /uv /bin/uv\nCOPY --from=build /srv /srv\nWORKDIR /srv\n${CMD}`;
    expect(findings(dockerService(staged))).toEqual([
      "env-required-undocumented warning scripts/seed_admin.py:3:12",
    ]);
    const appOnly = staged.replace("COPY --from=build /srv /srv", "COPY app/ /srv/app/");
    expect(findings(dockerService(appOnly))).toEqual([]);
  });

  it("a COPY source with a variable: unknown, so every file counts as before", () => {
    const files = dockerService(`FROM python:3.12-slim\nARG SRC=.\nWORKDIR /srv\nCOPY $SRC .\n${CMD}`);
    expect(findings(files)).toEqual(["env-required-undocumented warning scripts/seed_admin.py:3:12"]);
  });

  it("a variable read only outside the image is still 'used': no advice to delete it", () => {
    const files = dockerService(`FROM python:3.12-slim\nWORKDIR /srv\nCOPY app/ ./app/\n${CMD}`, {
      ".env.example": "DATABASE_URL=\nADMIN_PASSWORD=\n",
    });
    expect(findings(files)).toEqual([]);
  });
});

describe("reads in the scripts the start / pre-deploy commands run", () => {
  it("parameter expansion decides required or optional; plain $VAR only under set -u", () => {
    const text = [
      "#!/bin/sh",
      'echo "starting $APP_NAME"',
      'exec uvicorn app.main:app --workers "${WEB_WORKERS:-2}" --port "$PORT"',
      ': "${SECRET_KEY:?SECRET_KEY must be set}"',
      "echo '$NOT_EXPANDED' # $NOR_THIS",
      "set -euo pipefail",
      "MODE=prod",
      'echo "$MODE $REDIS_URL ${LOG_LEVEL:=info} $LOG_LEVEL ${SENTRY_DSN:+on}"',
      "exec gunicorn app.main:app \\",
      '  --workers "$WEB_CONCURRENCY_MAX"',
      "",
    ].join("\n");
    expect(
      shellReads(text).map(
        (r) => `${r.name} ${r.required ? "required" : `default=${r.default}`} ${r.line}:${r.column}`,
      ),
    ).toEqual([
      "WEB_WORKERS default=2 3:38",
      "SECRET_KEY required 4:4",
      "REDIS_URL required 8:13",
      "LOG_LEVEL default=info 8:24",
      "SENTRY_DSN default=null 8:54",
      "WEB_CONCURRENCY_MAX required 10:14",
    ]);
  });

  it("only scripts the commands run count, followed into the scripts they run", () => {
    const ws = new MemoryWorkspace({
      "start.sh": "#!/bin/sh\n. ./scripts/env.sh\nbash scripts/migrate.sh && exec uvicorn app.main:app\n",
      "scripts/env.sh": "export A=1\n",
      "scripts/migrate.sh": "#!/bin/bash\nalembic upgrade head\n",
      "scripts/unused.sh": "#!/bin/sh\necho ${UNUSED:?}\n",
      entrypoint: "#!/usr/bin/env bash\necho hi\n",
    });
    expect(scriptsRun(ws, [""], ["sh -c 'sh start.sh'", "./entrypoint"])).toEqual([
      "start.sh",
      "entrypoint",
      "scripts/env.sh",
      "scripts/migrate.sh",
    ]);
  });

  const scriptService = (script: string, more: Record<string, string> = {}) => ({
    "requirements.txt": "fastapi==0.115.0\nuvicorn==0.32.0\n",
    ".python-version": "3.12\n",
    Procfile: "web: sh start.sh\n",
    "app/__init__.py": "",
    "app/main.py": "from fastapi import FastAPI\n\napp = FastAPI()\n",
    "start.sh": script,
    ".env.example": "LOG_LEVEL=info\n",
    ...more,
  });

  it("${VAR:?} in the start script fires at its column; ${VAR:-d} is optional (a notice at most)", () => {
    const script =
      '#!/bin/sh\n: "${SECRET_KEY:?set it}"\nexec uvicorn app.main:app --workers "${WEB_WORKERS:-2}" --host 0.0.0.0 --port "$PORT"\n';
    expect(findings(scriptService(script))).toEqual([
      "env-required-undocumented warning start.sh:2:4",
      "env-documented-unused notice .env.example:1:1",
      "env-undeclared notice start.sh:3:38",
    ]);
  });

  it("a plain $VAR without set -u and a script no command runs make nothing required", () => {
    const script = '#!/bin/sh\necho "$SECRET_KEY"\nexec uvicorn app.main:app --host 0.0.0.0 --port "$PORT"\n';
    expect(
      findings(
        scriptService(script, { "scripts/backup.sh": '#!/bin/sh\npg_dump "${BACKUP_URL:?}"\n' }),
      ).filter((f) => !f.startsWith("env-documented-unused")),
    ).toEqual([]);
  });

  it("a variable documented in .env.example and read only by the preDeploy script: no 'remove it' fix", () => {
    const files = {
      "requirements.txt": "fastapi==0.115.0\nuvicorn==0.32.0\n",
      ".python-version": "3.12\n",
      "app/__init__.py": "",
      "app/main.py":
        'import os\n\nfrom fastapi import FastAPI\n\nLOG_LEVEL = os.getenv("LOG_LEVEL", "info")\napp = FastAPI()\n',
      "scripts/predeploy.sh": '#!/bin/sh\nset -e\npython -m app.migrate --url "$MIGRATIONS_DATABASE_URL"\n',
      ".env.example": "LOG_LEVEL=info\nMIGRATIONS_DATABASE_URL=\nSTALE_FLAG=1\n",
      ".railway/railway.ts": [
        'import { defineRailway, project, service } from "railway/iac";',
        "",
        "export default defineRailway(() => {",
        '  const web = service("web", {',
        '    source: { repo: "acme/api" },',
        '    start: "uvicorn app.main:app --host 0.0.0.0 --port $PORT",',
        '    preDeploy: "sh scripts/predeploy.sh",',
        "  });",
        '  return project("api", { resources: [web] });',
        "});",
        "",
      ].join("\n"),
    };
    const unused = analyze(new MemoryWorkspace(files), {
      today: TODAY,
      parsers: ALL_PARSERS,
    }).findings.filter((f) => f.rule === "env-documented-unused");
    expect(unused.map((f) => `${f.file}:${f.line} ${f.fix}`)).toEqual([
      ".env.example:3 Remove `STALE_FLAG` from `.env.example` if it is stale, or read it in the settings.",
    ]);
    const svc = analyzeDetailed(new MemoryWorkspace(files), { today: TODAY, parsers: ALL_PARSERS })
      .services[0]!;
    expect(svc.env.scripts).toEqual(["scripts/predeploy.sh"]);
  });
});

describe("Dockerfile ENV/ARG findings carry the value's column", () => {
  const key = `sk-proj-${"Zq8vT2kLmN4xR7pW9sB3".repeat(3)}`;
  it("on the first line, on a continuation line, and in the legacy `ENV NAME value` form", () => {
    const files = {
      "requirements.txt": "fastapi==0.115.0\nuvicorn==0.32.0\n",
      "app/__init__.py": "",
      "app/main.py": "from fastapi import FastAPI\n\napp = FastAPI()\n",
      Dockerfile: [
        "FROM python:3.12-slim",
        "ARG STRIPE_KEY=sk_live_51Hq8Zq8vT2kLmN4xR7pW9sB3",
        "ENV PORT=8000 \\",
        `    OPENAI_API_KEY="${key}"`,
        `ENV  ANTHROPIC_FALLBACK ${key}`,
        "ENV SECRET_KEY=change-me",
        "WORKDIR /srv",
        "COPY . .",
        CMD,
      ].join("\n"),
    };
    expect(findings(files, "committed-secret")).toEqual([
      "committed-secret error Dockerfile:2:16",
      "committed-secret error Dockerfile:4:20",
      "committed-secret error Dockerfile:5:25",
    ]);
  });
});

describe("a final-stage Dockerfile ENV sets the variable", () => {
  const files = (df: string) => ({
    "requirements.txt": "fastapi==0.115.0\nuvicorn==0.32.0\n",
    "app/__init__.py": "",
    "app/main.py":
      'import os\n\nfrom fastapi import FastAPI\n\nAGENT_NAME = os.environ["AGENT_NAME"]\nMODEL = os.getenv("OPENROUTER_MODEL", "gpt-4o-mini")\napp = FastAPI()\n',
    ".env.example": "# nothing documented here\nLOG_LEVEL=info\n",
    Dockerfile: df,
  });
  it("a read of it is neither required-undocumented nor undeclared; the declaration keeps the name's column", () => {
    const df = `FROM python:3.12-slim AS base\nENV BUILD_ONLY=1\nFROM base\nWORKDIR /srv\nCOPY . .\nENV PYTHONUNBUFFERED=1 \\\n    AGENT_NAME=bcra\nENV OPENROUTER_MODEL openai/gpt-4o-mini\n${CMD}`;
    expect(findings(files(df))).toEqual(["env-documented-unused notice .env.example:2:1"]);
    const svc = analyzeDetailed(new MemoryWorkspace(files(df)), { today: TODAY }).services[0]!;
    expect(
      svc.env.declarations
        .filter((d) => d.source === "dockerfile")
        .map((d) => `${d.name} ${d.span.line}:${d.span.column}`),
    ).toEqual(["PYTHONUNBUFFERED 6:5", "AGENT_NAME 7:5", "OPENROUTER_MODEL 8:5"]);
  });
  it("an ENV of an earlier stage, or an ARG, sets nothing at run time", () => {
    const df = `FROM python:3.12-slim AS build\nENV AGENT_NAME=bcra\nFROM python:3.12-slim\nARG OPENROUTER_MODEL=x\nWORKDIR /srv\nCOPY . .\n${CMD}`;
    expect(findings(files(df))).toEqual([
      "env-required-undocumented warning app/main.py:5:14",
      "env-documented-unused notice .env.example:2:1",
      "env-undeclared notice app/main.py:6:9",
    ]);
  });
});

describe("bounded work on hostile inputs", () => {
  it("a Dockerfile with more COPY sources than the cap: the image's contents are unknown (every file counts)", () => {
    const ws = new MemoryWorkspace({ "a.py": "" });
    const copies = Array.from({ length: MAX_COPY_SOURCES + 1 }, (_, i) => `COPY f${i}.py /srv/`).join("\n");
    expect(imageFilter(ws, "", parseDockerfile("Dockerfile", `FROM python:3.12\n${copies}\n`))).toBeNull();
    expect(
      imageFilter(ws, "", parseDockerfile("Dockerfile", "FROM python:3.12\nCOPY a.py /srv/\n"))?.("a.py"),
    ).toBe(true);
  });
  it("a 1 MiB chain of `\\` lines in a script reads in linear time", () => {
    const text = `#!/bin/sh\nset -u\necho ${"$A_VAR \\\n".repeat(100_000)}done\n`;
    const t = Date.now();
    const reads = shellReads(text);
    expect(Date.now() - t).toBeLessThan(3_000);
    expect(reads[1]).toMatchObject({ name: "A_VAR", line: 4, column: 1 });
  });
});
