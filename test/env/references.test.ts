import { describe, expect, it } from "vitest";
import { analyze } from "../../src/analyze.js";
import { collectEnv } from "../../src/facts/env.js";
import { MemoryWorkspace } from "../../src/repo/workspace.js";

const TODAY = new Date("2026-12-01T12:00:00Z");
const BASE = {
  "requirements.txt": "fastapi==0.115.0\nuvicorn==0.32.0\n",
  ".python-version": "3.12\n",
  "app/__init__.py": "",
};

const rules = (files: Record<string, string>, prefix: string) =>
  analyze(new MemoryWorkspace({ ...BASE, ...files }), { today: TODAY })
    .findings.filter((f) => f.rule.startsWith(prefix))
    .map((f) => `${f.rule} ${f.file}:${f.line}`);

describe("env declarations and reads beyond the settings class", () => {
  it("recognises environment.example, env_example.txt, .env.*.example, example.env, ENV.example", () => {
    for (const name of [
      "environment.example",
      "env_example.txt",
      ".env.railway.production.example",
      "example.env",
      "ENV.example",
    ]) {
      const ws = new MemoryWorkspace({ ...BASE, [name]: "API_TOKEN=\n" });
      expect(collectEnv(ws, "", ws.files()).docFiles, name).toEqual([name]);
    }
  });

  it("a variable only a start script reads is not 'documented but unused'", () => {
    const files = {
      Procfile: "web: sh start.sh\n",
      "start.sh": '#!/bin/sh\nexec uvicorn app.main:app --workers "${WORKERS_COUNT:-2}" --port "$PORT"\n',
      "app/main.py":
        'import os\nfrom fastapi import FastAPI\n\nLOG = os.getenv("LOG_LEVEL", "info")\napp = FastAPI()\n',
      ".env.example": "LOG_LEVEL=info\nWORKERS_COUNT=2\nSTALE_SETTING=1\n",
    };
    expect(rules(files, "env-documented-unused")).toEqual(["env-documented-unused .env.example:3"]);
  });

  it("a helper wrapper called with a literal name reads that variable", () => {
    const files = {
      Procfile: "web: uvicorn app.main:app --host 0.0.0.0 --port $PORT\n",
      "app/main.py": [
        "import os",
        "from fastapi import FastAPI",
        "",
        "def setting(name, default=None):",
        "    return os.getenv(name, default)",
        "",
        'FEATURE_FLAGS = setting("FEATURE_FLAGS", "")',
        "app = FastAPI()",
        "",
      ].join("\n"),
      ".env.example": "FEATURE_FLAGS=\n",
    };
    expect(rules(files, "env-documented-unused")).toEqual([]);
  });

  it("`os.environ.get('A') or os.environ['B']`: B is satisfied when A is declared", () => {
    const files = {
      Procfile: "web: uvicorn app.main:app --host 0.0.0.0 --port $PORT\n",
      "app/main.py": [
        "import os",
        "from fastapi import FastAPI",
        "",
        'DB = os.environ.get("DATABASE_URL") or os.environ["POSTGRES_URL"]',
        'KEY = os.environ["API_KEY"]',
        "app = FastAPI()",
        "",
      ].join("\n"),
      ".env.example": "DATABASE_URL=\n",
    };
    expect(rules(files, "env-required-undocumented")).toEqual(["env-required-undocumented app/main.py:5"]);
  });
});
