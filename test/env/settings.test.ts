import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { collectEnv, type EnvFacts } from "../../src/facts/env.js";
import { DiskWorkspace } from "../../src/repo/disk.js";
import { MemoryWorkspace } from "../../src/repo/workspace.js";
import { extractEnvReads } from "../../src/sources/settings.js";

const FIXTURES = fileURLToPath(new URL("../fixtures/env/", import.meta.url));

function envOf(name: string): EnvFacts {
  const ws = new DiskWorkspace(`${FIXTURES}${name}`);
  return collectEnv(
    ws,
    "",
    ws.files().filter((f) => !f.includes("/")),
  );
}

/** name → [required, default, line] for a compact comparison. */
function table(env: EnvFacts): Record<string, [boolean, string | null, string]> {
  return Object.fromEntries(
    env.variables.map((v) => [v.name, [v.required, v.default, `${v.span.file}:${v.span.line}`]]),
  );
}

describe("pydantic-settings (v2)", () => {
  const env = envOf("pydantic-v2");
  it("derives names from env_prefix, aliases and nesting, and defaults as pydantic v2 does", () => {
    expect(table(env)).toEqual({
      ORDERS_API_KEY: [true, null, "app/config.py:17"],
      // v2: Optional[...] without a default is required.
      ORDERS_SENTRY_DSN: [true, null, "app/config.py:18"],
      ORDERS_LOG_LEVEL: [false, "info", "app/config.py:19"],
      ORDERS_REDIS_URL: [false, "None", "app/config.py:20"],
      // validation_alias wins; the prefix does not apply to aliases.
      STRIPE_API_KEY: [true, null, "app/config.py:21"],
      WEBHOOK_SECRET: [false, '""', "app/config.py:22"],
      ORDERS_WORKERS: [false, "2", "app/config.py:23"],
      ORDERS_ALLOWED_HOSTS: [false, "list()", "app/config.py:24"],
      ORDERS_DB__HOST: [true, null, "app/config.py:25"],
      ORDERS_DB__PORT: [false, "5432", "app/config.py:25"],
    });
    const stripe = env.variables.find((v) => v.name === "STRIPE_API_KEY")!;
    expect(stripe.names).toEqual(["STRIPE_API_KEY", "STRIPE_KEY"]);
    expect(stripe.caseSensitive).toBe(false);
    expect(stripe.reads[0]).toMatchObject({ reader: "pydantic-settings", owner: "Settings.stripe_key" });
    expect(env.variables.find((v) => v.name === "ORDERS_DB__HOST")!.names).toContain("ORDERS_DB");
  });

  it("honours case_sensitive=True", () => {
    const x = extractEnvReads(
      "s.py",
      "from pydantic_settings import BaseSettings, SettingsConfigDict\nclass S(BaseSettings):\n    model_config = SettingsConfigDict(case_sensitive=True)\n    api_key: str\n",
    );
    expect(x.reads.map((r) => [r.name, r.caseSensitive])).toEqual([["api_key", true]]);
  });
});

describe("pydantic BaseSettings (v1)", () => {
  it("uses Config.env_prefix, Field(env=...) and treats Optional without default as optional", () => {
    expect(table(envOf("pydantic-v1"))).toEqual({
      BILLING_DATABASE_URL: [true, null, "app/settings.py:9"],
      // v1: Optional[...] without a default defaults to None.
      BILLING_SENTRY_DSN: [false, "None", "app/settings.py:10"],
      SERVICE_API_TOKEN: [true, null, "app/settings.py:11"],
      MAIL_FROM: [false, "noreply@example.com", "app/settings.py:12"],
      BILLING_DEBUG: [false, "False", "app/settings.py:13"],
    });
  });
});

describe("Django with django-environ", () => {
  const env = envOf("django-environ");
  it("reads env(), env.<cast>(), env.db() and the Env(...) scheme defaults; skips tests and migrations", () => {
    expect(table(env)).toEqual({
      DJANGO_SETTINGS_MODULE: [false, "mysite.settings", "manage.py:6"],
      SECRET_KEY: [true, null, "mysite/settings.py:10"],
      DEBUG: [false, "False", "mysite/settings.py:11"],
      ALLOWED_HOSTS: [false, '["localhost"]', "mysite/settings.py:12"],
      DATABASE_URL: [true, null, "mysite/settings.py:13"],
      REDIS_URL: [false, "locmemcache://", "mysite/settings.py:14"],
      EMAIL_HOST_PASSWORD: [false, '""', "mysite/settings.py:15"],
    });
    expect(env.scan.files).toEqual(["mysite/settings.py", "manage.py", "mysite/__init__.py"]);
  });
});

describe("os.environ / os.getenv", () => {
  it("reads with and without defaults, including from-imports; skips non-literal names", () => {
    const env = envOf("os-getenv");
    expect(table(env)).toEqual({
      QUEUE_URL: [true, null, "worker/main.py:4"],
      CONCURRENCY: [false, "4", "worker/main.py:5"],
      SENTRY_DSN: [false, "None", "worker/main.py:6"],
      REGION: [false, "eu-west-1", "worker/main.py:7"],
      HANDLER_TOKEN: [true, null, "worker/main.py:12"],
    });
    expect(env.variables.find((v) => v.name === "HANDLER_TOKEN")!.reads[0]!.scope).toBe("function");
    expect(env.opaque).toEqual([]);
  });

  it("does not count writes or deletes as reads, and notes the whole environment being used", () => {
    const x = extractEnvReads(
      "w.py",
      'import os, subprocess\nos.environ["A"] = "1"\ndel os.environ["B"]\nsubprocess.run(["x"], env={**os.environ})\n',
    );
    expect(x.reads).toEqual([]);
    expect(x.opaque.map((o) => o.span.line)).toEqual([4]);
  });

  it("never throws on broken Python", () => {
    const x = extractEnvReads("b.py", 'import os\nX = os.environ["A"\nclass S(BaseSettings:\n  y: int =\n');
    expect(Array.isArray(x.reads)).toBe(true);
  });
});

describe("collectEnv scan limits", () => {
  it("skips tests, migrations, virtualenvs and nested services", () => {
    const ws = new MemoryWorkspace({
      "app/main.py": 'import os\nA = os.environ["APP_A"]\n',
      "tests/test_x.py": 'import os\nB = os.environ["TEST_B"]\n',
      "app/migrations/0001.py": 'import os\nC = os.environ["MIG_C"]\n',
      "env/lib/x.py": 'import os\nD = os.environ["VENV_D"]\n',
      "worker/requirements.txt": "redis==5.2.0\n",
      "worker/main.py": 'import os\nE = os.environ["WORKER_E"]\n',
    });
    expect(collectEnv(ws, "", []).variables.map((v) => v.name)).toEqual(["APP_A"]);
    expect(collectEnv(ws, "worker", ["worker/requirements.txt"]).variables.map((v) => v.name)).toEqual([
      "WORKER_E",
    ]);
  });
});
