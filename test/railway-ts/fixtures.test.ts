import { describe, expect, it } from "vitest";
import { definiteValue, possibleValues } from "../../src/sources/railway-iac/model/types.js";
import { envNamed, FILE, parseFixture, serviceNamed } from "./helpers.js";

describe("parseRailwayTs: literal file (pull-style)", () => {
  const config = parseFixture("literals");

  it("reads every service option with exact spans and no diagnostics", () => {
    expect(config.diagnostics).toEqual([]);
    expect(config.servicesComplete).toBe(true);
    // Databases are resources, not services.
    expect(config.services.map((s) => definiteValue(s.name))).toEqual(["api", "nightly-report"]);
    const api = serviceNamed(config, "api");
    expect(api.kind).toBe("service");
    expect(api.name).toEqual({
      provenance: "literal",
      value: "api",
      span: { file: FILE, line: 7, column: 23, endLine: 7, endColumn: 28 },
    });
    expect(api.rootDirectory).toMatchObject({
      provenance: "literal",
      value: "/backend",
      span: { line: 8, column: 73 },
    });
    expect(api.builder).toMatchObject({
      provenance: "literal",
      value: "DOCKERFILE",
      span: { line: 10, column: 16 },
    });
    expect(api.dockerfilePath).toMatchObject({ value: "backend/Dockerfile", span: { line: 11 } });
    expect(api.watchPatterns).toMatchObject({
      provenance: "literal",
      value: ["/backend/**", "!/backend/tests/**"],
      span: { line: 12, column: 22 },
    });
    expect(api.startCommand).toMatchObject({
      provenance: "literal",
      value: "uvicorn app.main:app --host 0.0.0.0 --port $PORT",
      span: { line: 14, column: 12 },
    });
    expect(definiteValue(api.healthcheckPath)).toBe("/health");
    expect(definiteValue(api.healthcheckTimeout)).toBe(120);
    // `preDeploy` is always normalised to an array.
    expect(definiteValue(api.preDeployCommand)).toEqual(["alembic upgrade head"]);
    expect(definiteValue(api.restartPolicyType)).toBe("ON_FAILURE");
    expect(definiteValue(api.restartPolicyMaxRetries)).toBe(10);
    expect(api.buildCommand).toBeNull();
    expect(api.nixpacksConfigPath).toBeNull();
  });

  it("reads env declarations: preserve, literal with a Railway reference, db reference, described", () => {
    const api = serviceNamed(config, "api");
    expect(api.envComplete).toBe(true);
    expect(api.env.map((e) => [e.name, e.kind])).toEqual([
      ["RAILPACK_PYTHON_VERSION", "preserve"],
      ["DJANGO_ALLOWED_HOSTS", "literal"],
      ["DATABASE_URL", "reference"],
      ["SENTRY_DSN", "described"],
      ["LOG_LEVEL", "described"],
    ]);
    expect(envNamed(api, "RAILPACK_PYTHON_VERSION")).toMatchObject({
      nameSpan: { line: 24, column: 7 },
      span: { line: 24, column: 32 },
      optional: null,
    });
    expect(definiteValue(envNamed(api, "DJANGO_ALLOWED_HOSTS").value)).toBe("${{RAILWAY_PUBLIC_DOMAIN}}");
    expect(envNamed(api, "DATABASE_URL").reference).toEqual({
      targetKind: "database",
      target: "Postgres",
      variable: "DATABASE_URL",
    });
    expect(envNamed(api, "SENTRY_DSN")).toMatchObject({
      kind: "described",
      optional: true,
      description: "Sentry DSN for error reporting",
    });
    expect(envNamed(api, "SENTRY_DSN").value).toBeUndefined();
    expect(envNamed(api, "LOG_LEVEL")).toMatchObject({
      optional: false,
      value: { provenance: "literal", value: "info" },
    });
  });

  it("reads a cron function: `build` string is the build command, not the builder", () => {
    const job = serviceNamed(config, "nightly-report");
    expect(job.kind).toBe("function");
    expect(definiteValue(job.rootDirectory)).toBe("backend");
    expect(job.builder).toBeNull();
    expect(definiteValue(job.buildCommand)).toBe("pip install -r requirements.txt");
    expect(definiteValue(job.startCommand)).toBe("python -m app.jobs.nightly");
    expect(definiteValue(job.cronSchedule)).toBe("0 3 * * *");
    expect(definiteValue(job.restartPolicyType)).toBe("NEVER");
  });
});

describe("parseRailwayTs: constants", () => {
  const config = parseFixture("constants");

  it("follows consts, github() sources and templates over consts", () => {
    expect(config.diagnostics).toEqual([]);
    const web = serviceNamed(config, "web");
    // `github(REPO, { rootDirectory })` bound to `const source`.
    expect(web.rootDirectory).toMatchObject({
      provenance: "constant",
      value: "backend",
      span: { line: 6, column: 46 },
    });
    expect(web.builder).toMatchObject({
      provenance: "constant",
      value: "RAILPACK",
      span: { line: 8, column: 12 },
    });
    expect(web.nixpacksConfigPath).toMatchObject({ provenance: "constant", value: "backend/nixpacks.toml" });
    expect(web.watchPatterns).toMatchObject({ provenance: "constant", value: ["/backend/**"] });
    // Span where the template is written; usedAt where the service uses it.
    expect(web.startCommand).toMatchObject({
      provenance: "constant",
      value: "gunicorn config.wsgi:application --bind 0.0.0.0:8000",
      span: { line: 13, column: 19 },
      usedAt: { line: 19, column: 12 },
    });
    expect(web.preDeployCommand).toMatchObject({
      provenance: "literal",
      value: ["python manage.py migrate --noinput", "python manage.py collectstatic --noinput"],
    });
    expect(web.restartPolicyType).toMatchObject({ provenance: "constant", value: "ON_FAILURE" });
  });

  it("lets a literal key override a spread const", () => {
    const worker = serviceNamed(config, "worker");
    expect(worker.restartPolicyType).toMatchObject({ provenance: "constant", value: "ON_FAILURE" });
    expect(worker.restartPolicyMaxRetries).toMatchObject({
      provenance: "literal",
      value: 3,
      span: { line: 28 },
    });
    expect(worker.env).toEqual([]);
  });
});

describe("parseRailwayTs: spreads and helpers", () => {
  const config = parseFixture("spreads");

  it("resolves `...common`, `...common.deploy`, a zero-arg source() helper and `export const partial`", () => {
    expect(config.diagnostics).toEqual([]);
    expect(config.partial).toMatchObject({ provenance: "constant", value: "keel-api" });
    const api = serviceNamed(config, "api");
    expect(api.rootDirectory).toMatchObject({ provenance: "constant", value: "apps/api" });
    expect(api.builder).toMatchObject({ provenance: "constant", value: "RAILPACK" });
    expect(api.healthcheckPath).toMatchObject({
      provenance: "constant",
      value: "/healthz",
      span: { line: 8 },
    });
    expect(api.restartPolicyType).toMatchObject({ provenance: "constant", value: "ALWAYS" });
    expect(api.preDeployCommand).toMatchObject({
      provenance: "literal",
      value: ["python manage.py migrate"],
    });
    const beat = serviceNamed(config, "beat");
    expect(definiteValue(beat.startCommand)).toBe("celery -A config beat");
    expect(beat.preDeployCommand).toBeNull();
  });

  it("merges env spreads in order and expands Object.fromEntries(KEYS.map(k => [k, preserve()]))", () => {
    const api = serviceNamed(config, "api");
    expect(api.envComplete).toBe(true);
    expect(api.env.map((e) => [e.name, e.kind])).toEqual([
      ["PYTHONUNBUFFERED", "literal"],
      ["WEB_CONCURRENCY", "literal"],
      ["SECRET_KEY", "preserve"],
      ["STRIPE_API_KEY", "preserve"],
    ]);
    expect(envNamed(api, "PYTHONUNBUFFERED").value).toMatchObject({ provenance: "constant", value: "1" });
    // The later literal wins over the spread.
    expect(envNamed(api, "WEB_CONCURRENCY").value).toMatchObject({ provenance: "literal", value: "4" });
    // The key's position is the string in the KEYS array.
    expect(envNamed(api, "SECRET_KEY").nameSpan).toMatchObject({ line: 11, column: 18 });
  });
});

describe("parseRailwayTs: ctx-dependent values", () => {
  const config = parseFixture("ctx-ternary");
  const api = serviceNamed(config, "api");

  it("lists both branches of a ternary on ctx as candidates", () => {
    expect(config.diagnostics).toEqual([]);
    expect(api.startCommand).toMatchObject({
      provenance: "candidates",
      span: { line: 8, column: 12 },
      values: [
        { value: "uvicorn app.main:app --host 0.0.0.0 --port $PORT --reload", span: { line: 9, column: 9 } },
        {
          value: "uvicorn app.main:app --host 0.0.0.0 --port $PORT --workers 4",
          span: { line: 10, column: 9 },
        },
      ],
    });
    expect(definiteValue(api.startCommand)).toBeNull();
    expect(possibleValues(api.healthcheckPath)).toEqual(["/health", "/"]);
    expect(definiteValue(api.preDeployCommand)).toEqual(["alembic upgrade head"]);
  });

  it("marks env values that need the deploy context as ctx, never guessed", () => {
    expect(envNamed(api, "APP_ENV")).toMatchObject({ kind: "unknown", value: { provenance: "ctx" } });
    expect(envNamed(api, "SESSION_SECRET")).toMatchObject({ kind: "unknown", value: { provenance: "ctx" } });
    expect(envNamed(api, "DEBUG")).toMatchObject({ kind: "unknown", value: { provenance: "ctx" } });
    expect(possibleValues(envNamed(api, "LOG_LEVEL").value)).toEqual(["debug", "info"]);
    expect(envNamed(api, "DATABASE_URL").kind).toBe("preserve");
  });
});

describe("parseRailwayTs: references", () => {
  const config = parseFixture("references");

  it("reads svc.env.X, ref(), ctx.shared.X and ${{…}} inside ordinary strings", () => {
    expect(config.diagnostics).toEqual([]);
    const worker = serviceNamed(config, "worker");
    const refs = Object.fromEntries(worker.env.map((e) => [e.name, e.reference ?? null]));
    expect(refs).toEqual({
      DATABASE_URL: { targetKind: "database", target: "Postgres", variable: "DATABASE_URL" },
      REDIS_URL: { targetKind: "database", target: "Redis", variable: "REDIS_URL" },
      API_HOST: { targetKind: "service", target: "api", variable: "RAILWAY_PRIVATE_DOMAIN" },
      STRIPE_KEY: { targetKind: "shared", target: null, variable: "STRIPE_KEY" },
      PUBLIC_URL: null,
    });
    expect(envNamed(worker, "PUBLIC_URL")).toMatchObject({
      kind: "literal",
      value: { value: "https://${{api.RAILWAY_PUBLIC_DOMAIN}}" },
    });
  });
});

describe("parseRailwayTs: ${{…}} inside a template literal", () => {
  it("reports an error at the reference and leaves the value unknown", () => {
    const config = parseFixture("template-ref-bug");
    expect(config.diagnostics).toHaveLength(1);
    expect(config.diagnostics[0]).toMatchObject({
      severity: "error",
      span: { file: FILE, line: 9, column: 38, endLine: 9, endColumn: 64 },
    });
    expect(config.diagnostics[0]!.message).toContain("`${{RAILWAY_PUBLIC_DOMAIN}}`");
    const web = serviceNamed(config, "web");
    expect(envNamed(web, "CSRF_TRUSTED_ORIGINS")).toMatchObject({
      kind: "unknown",
      value: { provenance: "unknown" },
    });
    // The same reference in double quotes is correct.
    expect(definiteValue(envNamed(web, "OK_ORIGIN").value)).toBe("https://${{RAILWAY_PUBLIC_DOMAIN}}");
  });
});

describe("parseRailwayTs: syntax error", () => {
  it("returns a positioned diagnostic instead of throwing", () => {
    const config = parseFixture("syntax-error");
    expect(config.services).toEqual([]);
    expect(config.servicesComplete).toBe(false);
    expect(config.diagnostics).toEqual([
      expect.objectContaining({
        severity: "error",
        message: `${FILE} is not valid TypeScript: Unexpected token, expected ","`,
        span: { file: FILE, line: 5, column: 3 },
      }),
    ]);
  });
});

describe("parseRailwayTs: `railway config migrate` output", () => {
  const config = parseFixture("migrated");
  const web = serviceNamed(config, "maya-backend");

  it("surfaces the `// <key> from CaC:` comments migrate leaves instead of settings", () => {
    expect(web.migratedComments.map((c) => [c.key, c.text, c.span.line])).toEqual([
      ["builder", '"NIXPACKS"', 13],
      ["watchPatterns", '["maya/**"]', 14],
      ["preDeployCommand", '["python manage.py migrate"]', 15],
    ]);
    expect(web.builder).toBeNull();
    expect(definiteValue(web.buildCommand)).toBe("pip install -r requirements.txt");
  });

  it("warns about duplicate keys and keys the SDK drops silently", () => {
    expect(config.diagnostics.map((d) => [d.severity, d.span.line, d.message.split(";")[0]])).toEqual([
      ["warning", 12, "`replicas` appears twice in the same object in .railway/railway.ts"],
      ["warning", 16, "`watchPatterns` is not a `service()` option of railway/iac (railway@3.11)"],
    ]);
    expect(config.diagnostics[1]!.fix).toBe("Move it to `build.watchPatterns`.");
  });
});

describe("parseRailwayTs: factory helpers and namespace imports", () => {
  const config = parseFixture("factory");

  it("inlines a parameterised factory per call and follows `import * as iac`", () => {
    expect(config.servicesComplete).toBe(true);
    expect(config.services.map((s) => definiteValue(s.name))).toEqual(["app-web", "app-worker"]);
    const web = serviceNamed(config, "app-web");
    const worker = serviceNamed(config, "app-worker");
    expect(web.startCommand).toMatchObject({
      provenance: "constant",
      value: "uvicorn app.main:app --host 0.0.0.0 --port $PORT",
    });
    expect(definiteValue(worker.startCommand)).toBe("python -m app.worker");
    expect(definiteValue(web.rootDirectory)).toBe("/services/app");
  });

  it("does not follow local imports: env is incomplete and possibly-overwritten keys are unknown", () => {
    const web = serviceNamed(config, "app-web");
    expect(web.envComplete).toBe(false);
    const role = envNamed(web, "ROLE");
    expect(role.kind).toBe("unknown");
    expect(role.value).toMatchObject({ provenance: "unknown" });
    expect(role.value && "note" in role.value ? role.value.note : "").toContain("./env.ts");
  });
});
