// Where a Dockerfile service's start command runs, as a folder of the repository, and what the
// app lookup makes of it (start-command-app-not-found).
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/analyze.js";
import { dockerWorkdir } from "../../src/facts/docker-workdir.js";
import { MemoryWorkspace } from "../../src/repo/workspace.js";
import { parseDockerfile } from "../../src/sources/dockerfile.js";

const files = {
  "requirements.txt": "django==5.1.3\ngunicorn==23.0.0\n",
  "web/manage.py": "",
  "web/mysite/__init__.py": "",
  "web/mysite/wsgi.py": "application = object()\n",
  "backend/server.py": "app = object()\n",
};
const ws = new MemoryWorkspace(files);
const workdir = (dockerfile: string, root = "") =>
  dockerWorkdir(ws, root, parseDockerfile("Dockerfile", `FROM python:3.12-slim\n${dockerfile}`));

describe("dockerWorkdir", () => {
  it.each([
    ["WORKDIR /app\nCOPY . .\n", ""],
    ["WORKDIR /app\nCOPY . /app\nWORKDIR /app/web\n", "web"],
    ["WORKDIR /app\nCOPY . /app\nWORKDIR web\n", "web"],
    ["COPY backend/ /srv\nWORKDIR /srv\n", "backend"],
    ["WORKDIR /srv\nWORKDIR app\nCOPY --chown=app:app . .\n", ""],
    ['WORKDIR /app\nCOPY ["web", "/app/web"]\nWORKDIR /app/web/mysite\n', "web/mysite"],
    ["WORKDIR /app\nCOPY requirements.txt .\nCOPY . .\n", ""],
  ])("%j runs in %j", (dockerfile, expected) => {
    expect(workdir(dockerfile)).toBe(expected);
  });

  it.each([
    ["no WORKDIR (the base image decides)", "COPY . /app\n"],
    ["a variable in WORKDIR", "WORKDIR $HOME/app\nCOPY . .\n"],
    ["only a copy from another stage", "WORKDIR /app\nCOPY --from=builder /app /app\n"],
    ["no copy that covers it", "WORKDIR /app\nCOPY . /srv\n"],
    ["only files copied", "WORKDIR /app\nCOPY requirements.txt .\n"],
  ])("is unknown with %s", (_, dockerfile) => {
    expect(workdir(dockerfile)).toBeNull();
  });

  it("starts from the service's root folder, the build context", () => {
    const nested = new MemoryWorkspace({ "svc/app/main.py": "" });
    const df = parseDockerfile("svc/Dockerfile", "FROM python:3.12\nWORKDIR /app\nCOPY . /app\n");
    expect(dockerWorkdir(nested, "svc", df)).toBe("svc");
  });
});

describe("start commands of a Dockerfile service run in its WORKDIR", () => {
  const run = (extra: Record<string, string>) =>
    analyze(new MemoryWorkspace({ ...files, ...extra }), { today: new Date("2026-11-26T12:00:00Z") })
      .findings.filter((f) => f.rule === "start-command-app-not-found")
      .map((f) => `${f.severity} ${f.file}:${f.line} ${f.message}`);
  const railway = (start?: string) =>
    JSON.stringify({ build: { builder: "DOCKERFILE" }, deploy: start ? { startCommand: start } : {} });

  it("finds the app under the WORKDIR's folder", () => {
    const dockerfile =
      "FROM python:3.12-slim\nWORKDIR /app\nCOPY . /app\nWORKDIR /app/web\nCMD gunicorn mysite.wsgi --bind 0.0.0.0:$PORT\n";
    expect(run({ Dockerfile: dockerfile, "railway.json": railway() })).toEqual([]);
  });

  it("says where the command runs when the app is not there", () => {
    const dockerfile =
      "FROM python:3.12-slim\nWORKDIR /app\nCOPY . /app\nWORKDIR /app/web\nCMD gunicorn web.mysite.wsgi --bind 0.0.0.0:$PORT\n";
    const found = run({ Dockerfile: dockerfile, "railway.json": railway() });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(
      /^error Dockerfile:5 .*`web\/web\/mysite\/wsgi\.py`.*it runs in `web`, the Dockerfile's WORKDIR$/,
    );
  });

  it("skips the lookup when the WORKDIR cannot be traced to the repository", () => {
    const dockerfile =
      "FROM python:3.12-slim AS build\nCOPY . /src\nFROM python:3.12-slim\nWORKDIR /app\nCOPY --from=build /src /app\nCMD gunicorn nowhere.wsgi\n";
    expect(run({ Dockerfile: dockerfile, "railway.json": railway() })).toEqual([]);
  });

  it("makes a broken CMD that startCommand replaces a warning", () => {
    const dockerfile = "FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD gunicorn server:app\n";
    const found = run({
      Dockerfile: dockerfile,
      "railway.json": railway("gunicorn backend.server:app --bind 0.0.0.0:$PORT"),
    });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(
      /^warning Dockerfile:4 .*\(Railway runs railway\.json deploy\.startCommand instead\)$/,
    );
  });
});

describe("start-command-port on Dockerfile services", () => {
  const portFindings = (extra: Record<string, string>) =>
    analyze(new MemoryWorkspace({ ...files, ...extra }), { today: new Date("2026-11-26T12:00:00Z") })
      .findings.filter((f) => f.rule === "start-command-port")
      .map((f) => `${f.file}:${f.line} ${f.message}`);

  it("leaves a CMD that startCommand replaces to start-command-overridden", () => {
    const found = portFindings({
      Dockerfile:
        "FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD gunicorn backend.server:app --bind 0.0.0.0:8000\n",
      "railway.json": JSON.stringify({
        build: { builder: "DOCKERFILE" },
        deploy: { startCommand: "gunicorn backend.server:app --bind 0.0.0.0:$PORT" },
      }),
    });
    expect(found).toEqual([]);
  });

  it("calls a port from another variable a port, not a fixed one", () => {
    const found = portFindings({
      Dockerfile:
        "FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD uvicorn backend.server:app --host 0.0.0.0 --port ${INGESTION_PORT:-8000}\n",
      "railway.json": JSON.stringify({ build: { builder: "DOCKERFILE" } }),
    });
    expect(found).toEqual([
      "Dockerfile:4 Dockerfile CMD listens on port `${INGESTION_PORT:-8000}`, not on Railway's `$PORT`",
    ]);
  });
});
