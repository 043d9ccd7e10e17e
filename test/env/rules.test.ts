import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/analyze.js";
import { collectEnv, type EnvDeclaration } from "../../src/facts/env.js";
import { buildServiceFacts } from "../../src/facts/service.js";
import type { Finding } from "../../src/model/finding.js";
import { DiskWorkspace } from "../../src/repo/disk.js";
import { MemoryWorkspace } from "../../src/repo/workspace.js";
import { renderJson } from "../../src/report/json.js";
import { renderMarkdown } from "../../src/report/markdown.js";
import { renderSarif } from "../../src/report/sarif.js";
import { renderText } from "../../src/report/text.js";
import committedSecret from "../../src/rules/committed-secret.js";
import type { RuleContext } from "../../src/rules/context.js";
import envOptionalInRailway from "../../src/rules/env-optional-in-railway.js";
import { RULES } from "../../src/rules/index.js";

const TODAY = new Date("2026-11-26T12:00:00Z");
const fixture = (p: string) => fileURLToPath(new URL(`../fixtures/${p}`, import.meta.url));
const ENV_RULES = [
  "env-required-undocumented",
  "env-documented-unused",
  "env-undeclared",
  "committed-secret",
];

function envFindings(dir: string): Finding[] {
  return analyze(new DiskWorkspace(dir), { today: TODAY }).findings.filter(
    (f) => ENV_RULES.includes(f.rule) || f.rule === "env-optional-in-railway",
  );
}
const brief = (f: Finding) => `${f.rule} ${f.severity} ${f.file}:${f.line}`;

describe("catalog", () => {
  it("registers the env rules (env-optional-in-railway waits for railway.ts declarations)", () => {
    const ids = RULES.map((r) => r.id);
    for (const id of ENV_RULES) expect(ids).toContain(id);
  });
});

describe("env-required-undocumented", () => {
  it("fires at the settings line of a required variable .env.example lacks", () => {
    const f = envFindings(fixture("rules/env-required-undocumented/fires"));
    expect(f.map(brief)).toEqual(["env-required-undocumented warning app/config.py:10"]);
    expect(f[0]!.message).toContain("`JWT_SECRET_KEY` is required");
    expect(f[0]!.message).toContain("`.env.example`");
  });
  it("is silent when .env.example lists every required variable", () => {
    expect(envFindings(fixture("rules/env-required-undocumented/silent")).map(brief)).toEqual([]);
  });
});

describe("env-documented-unused", () => {
  it("flags a stale documented variable at its line", () => {
    const f = envFindings(fixture("rules/env-documented-unused/fires"));
    expect(f.map(brief)).toEqual(["env-documented-unused notice .env.example:3"]);
    expect(f[0]!.message).toContain("`LEGACY_BILLING_URL`");
  });
  it("ignores variables tools read (WEB_CONCURRENCY)", () => {
    expect(envFindings(fixture("rules/env-documented-unused/silent")).map(brief)).toEqual([]);
  });
});

describe("env-undeclared", () => {
  it("fires for an optional variable declared nowhere", () => {
    const f = envFindings(fixture("rules/env-undeclared/fires"));
    expect(f.map(brief)).toEqual(["env-undeclared notice app/config.py:11"]);
    expect(f[0]!.message).toContain("`LOG_LEVEL`");
    expect(f[0]!.message).toContain("default `info`");
  });
  it("counts a commented-out `# NAME=` line as a declaration", () => {
    expect(envFindings(fixture("rules/env-undeclared/silent")).map(brief)).toEqual([]);
  });
});

describe("env-optional-in-railway (fed through collectEnv's railwayTs hook)", () => {
  const dir = fixture("env/optional-in-railway");
  const ws = new DiskWorkspace(dir);
  const svc = buildServiceFacts(
    ws,
    "",
    ws.files().filter((f) => !f.includes("/")),
  );
  const decl = (name: string, optional: boolean | null, line: number): EnvDeclaration => ({
    name,
    optional,
    source: "railway.ts",
    span: { file: ".railway/railway.ts", line, column: 5 },
  });
  const run = (decls: EnvDeclaration[]) => {
    const env = collectEnv(ws, "", [], decls);
    const ctx = { svc: { ...svc, env }, config: {}, today: "2026-11-26" } as unknown as RuleContext;
    return envOptionalInRailway.check(ctx);
  };

  it("fires when a required variable is isOptional in railway.ts", () => {
    const out = run([decl("DATABASE_URL", true, 7), decl("SENTRY_DSN", true, 8)]);
    expect(out.map((e) => `${e.span?.file}:${e.span?.line}`)).toEqual([".railway/railway.ts:7"]);
    expect(out[0]!.message).toContain("`DATABASE_URL` is `isOptional: true`");
    expect(out[0]!.related).toEqual([expect.objectContaining({ file: "app/config.py", line: 5 })]);
  });
  it("is silent when railway.ts requires it, and when there are no railway.ts declarations", () => {
    expect(run([decl("DATABASE_URL", false, 7), decl("SENTRY_DSN", true, 8)])).toEqual([]);
    expect(run([])).toEqual([]);
  });
  it("railway.ts declarations count as documentation", () => {
    const env = collectEnv(ws, "", [], [decl("DATABASE_URL", null, 7)]);
    expect(env.declarations).toHaveLength(1);
  });
});

describe("committed-secret", () => {
  const dir = fixture("env/committed-secret");
  const SECRETS = [
    "Zq8-fixture-django-key-71hd",
    "Zq8-fixture-stripe-key-55xa",
    "Zq8-fixture-db-pw-20kq",
    "Zq8-fixture-sendgrid-88pl",
  ];

  it("flags secret-looking values in committed env files and code, with name and length only", () => {
    const f = envFindings(dir).filter((x) => x.rule === "committed-secret");
    expect(f.map((x) => `${x.severity} ${x.file}:${x.line}:${x.column} ${x.found}`)).toEqual([
      // A DSN with a random password for a non-local host: error. Random-looking values in
      // credential-named settings, in no known format: warning.
      "error .env.production:1:14 url-password, 22 characters",
      "warning .env.production:2:18 high-entropy, 25 characters",
      "warning app/settings.py:3:14 high-entropy, 27 characters",
      "warning app/settings.py:4:46 high-entropy, 27 characters",
    ]);
    expect(f[0]!.message).toBe(
      "`DATABASE_URL` holds a URL with a password for a non-local host (22 characters of password) in the committed file .env.production (value hidden)",
    );
  });

  it("never prints a secret value, in any output format", () => {
    const report = analyze(new DiskWorkspace(dir), { today: TODAY });
    expect(report.findings.some((x) => x.rule === "committed-secret")).toBe(true);
    const outputs = {
      json: renderJson(report),
      text: renderText(report),
      markdown: renderMarkdown(report),
      compact: renderMarkdown(report, { detail: "compact" }),
      summary: renderMarkdown(report, { detail: "summary" }),
      sarif: renderSarif(report, { rules: RULES }),
    };
    for (const [format, out] of Object.entries(outputs)) {
      for (const s of SECRETS) expect(out.includes(s), `${format} output contains a secret`).toBe(false);
      // Not even a fragment of one.
      expect(out.includes("Zq8-fixture"), `${format} output contains a secret fragment`).toBe(false);
    }
    // The settings table shows the secret default as its length.
    const row = report.services[0]!.sections.env.optional.find((r) => r.name === "STRIPE_API_KEY");
    expect(row?.default).toBe("(27 characters, hidden)");
  });

  it("is silent on placeholders, references and git-ignored files", () => {
    expect(
      envFindings(fixture("rules/committed-secret/silent")).filter((x) => x.rule === "committed-secret"),
    ).toEqual([]);
  });

  it("takes well-known local defaults for placeholders (seen in real repositories)", () => {
    const config = [
      "from pydantic_settings import BaseSettings",
      "",
      "class Settings(BaseSettings):",
      '    livekit_api_key: str = "devkey"',
      '    db_password: str = "postgres"',
      '    mysql_password: str = "nim_password"',
      '    howabout_api_key: str = "PLACEHOLDER_HOWABOUT_API_KEY"',
      '    jwt_secret: str = "dev-secret"',
      '    stripe_api_key: str = "sk_live_51Hq8Zq8vT2kLmN"',
      "",
      "settings = Settings()",
      "",
    ].join("\n");
    const ws = new MemoryWorkspace({
      "requirements.txt": "fastapi==0.115.0\npydantic-settings==2.6.1\n",
      Procfile: "web: uvicorn app.main:app --host 0.0.0.0 --port $PORT\n",
      "app/__init__.py": "",
      "app/main.py": "from fastapi import FastAPI\n\nfrom app.config import settings\n\napp = FastAPI()\n",
      "app/config.py": config,
    });
    const found = analyze(ws, { today: TODAY }).findings.filter((f) => f.rule === "committed-secret");
    expect(found.map((f) => `${f.file}:${f.line}`)).toEqual(["app/config.py:9"]);
  });

  it("reports the rule's own emits without values", () => {
    const ws = new DiskWorkspace(dir);
    const svc = buildServiceFacts(
      ws,
      "",
      ws.files().filter((f) => !f.includes("/")),
    );
    const emits = committedSecret.check({ svc, config: {}, today: "2026-11-26" } as unknown as RuleContext);
    expect(JSON.stringify(emits)).not.toContain("Zq8");
    expect(JSON.stringify(svc.env)).not.toContain("Zq8");
  });
});

describe("examples/maya-backend", () => {
  const report = analyze(
    new DiskWorkspace(fileURLToPath(new URL("../../examples/maya-backend", import.meta.url))),
    {
      today: TODAY,
    },
  );
  const env = report.services[0]!.sections.env;

  it("shows the report's six required and four optional variables, from app/config.py", () => {
    expect(env.required.map((r) => `${r.name} ${r.file}:${r.line}`)).toEqual([
      "DATABASE_URL app/config.py:10",
      "JWT_SECRET_KEY app/config.py:11",
      "ENCRYPTION_KEY app/config.py:12",
      "GMAIL_WEBHOOK_URL app/config.py:13",
      "GMAIL_PUBSUB_TOPIC app/config.py:14",
      "GMAIL_PUBSUB_SERVICE_ACCOUNT app/config.py:15",
    ]);
    expect(env.optional.map((r) => [r.name, r.default, r.line])).toEqual([
      ["HOST", "0.0.0.0", 18],
      ["PORT", "8000", 19],
      ["ENVIRONMENT", "development", 20],
      ["DEFAULT_TENANT_ID", "default", 21],
    ]);
  });

  it("renders the Environment Variables section after Railway Configuration", () => {
    const md = renderMarkdown(report);
    const railway = md.indexOf("<summary>Railway configuration");
    const section = md.indexOf("<summary>Environment variables");
    expect(railway).toBeGreaterThan(0);
    expect(section).toBeGreaterThan(railway);
    expect(md).toContain("**Required** (startup fails if missing)");
    expect(md).toContain("**Optional** (have defaults)");
    expect(md).toContain("| `JWT_SECRET_KEY` | `app/config.py:11`<br>");
    expect(md).toContain("| `HOST` | `0.0.0.0` | `app/config.py:18`<br>");
  });

  it("reports the undocumented required variables once, at the first settings line", () => {
    const f = report.findings.filter((x) => x.rule.startsWith("env-"));
    expect(f.map(brief)).toEqual([
      "env-required-undocumented warning app/config.py:10",
      "env-undeclared notice app/config.py:18",
    ]);
    expect(f[0]!.related).toHaveLength(5);
  });
});
