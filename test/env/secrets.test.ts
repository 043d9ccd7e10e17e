import { describe, expect, it } from "vitest";
import {
  classifySecret,
  isPlaceholder,
  isTemplateFile,
  scanDockerfileInstruction,
  scanPython,
  scanScript,
} from "../../src/facts/secrets.js";

// Random test strings (generated for these tests; no real credential).
const R32 = "n0e7Pee8ig67KuoURoyhpqRX4OBlApV2";
const R56 = "UtYXyeEblMY2cJD_4mLHdZV89XjZF5iGJWHIRuiJMWpFd6kbzK5_yznj";

describe("classifySecret: known formats are errors whatever the name", () => {
  it.each([
    ["aws-access-key", "AKIAQ3EGRTYUIOPZXCVB"],
    ["github-token", `ghp_${R32}abcd`],
    ["slack-token", "xoxb-5820174936-4817305926183-n0e7Pee8ig67KuoURoyhpqRX"],
    ["stripe-live-key", "sk_live_51Hq8Zq8vT2kLmN"],
    ["google-api-key", `AIza${R32}Xy_`],
    ["openai-api-key", `sk-proj-${R56}`],
    ["anthropic-api-key", `sk-ant-api03-${R56}${R32}AA`],
    [
      "jwt",
      "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1XzhmM2sycSIsInJvbGUiOiJzZXJ2aWNlIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
    ],
  ])("%s", (kind, value) => {
    expect(classifySecret(null, value)).toMatchObject({ kind, confidence: "error", length: value.length });
  });
  it("finds a private key block, multi-line", () => {
    const b64 = R56.replace(/[_-]/g, "+");
    const pk = `-----BEGIN RSA PRIVATE KEY-----\n${b64}${b64}\n${R32}\n-----END RSA PRIVATE KEY-----`;
    expect(classifySecret(null, pk)?.kind).toBe("private-key");
    expect(classifySecret(null, "-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----")).toBeNull();
  });
  it("skips a Supabase-style anon JWT (public by design)", () => {
    const jwt = "eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoiYW5vbiJ9.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";
    expect(classifySecret("SUPABASE_ANON_KEY", jwt)).toBeNull();
  });
});

describe("classifySecret: URLs", () => {
  it("a Railway proxy DSN with a random password is an error; the password length is reported", () => {
    expect(
      classifySecret(null, `postgresql://postgres:${R32}@roundhouse.proxy.rlwy.net:41234/railway`),
    ).toEqual({ kind: "url-password", length: 32, confidence: "error" });
  });
  it.each([
    "postgresql://app:app@localhost:5432/app",
    `postgresql://app:${R32}@localhost:5432/app`,
    `postgresql://app:${R32}@127.0.0.1:5432/app`,
    `postgresql://app:${R32}@db:5432/app`,
    `postgresql://app:${R32}@host.docker.internal:5432/app`,
    `postgresql://app:${R32}@db.example.com:5432/app`,
    "postgresql://postgres:${{Postgres.PGPASSWORD}}@roundhouse.proxy.rlwy.net:41234/railway",
    "postgresql://postgres:${PGPASSWORD}@roundhouse.proxy.rlwy.net:41234/railway",
    "postgresql://postgres:supersecretpassword@roundhouse.proxy.rlwy.net:41234/railway",
  ])("silent: %s", (v) => {
    expect(classifySecret("DATABASE_URL", v)).toBeNull();
  });
});

describe("classifySecret: entropy only in credential-named settings, as a warning", () => {
  it("warns for a random value in SECRET_KEY, nothing for the same value in an unrelated name", () => {
    expect(classifySecret("SECRET_KEY", R32)).toEqual({
      kind: "high-entropy",
      length: 32,
      confidence: "warning",
    });
    expect(classifySecret("CACHE_NAMESPACE", R32)).toBeNull();
  });
  it.each([
    ["MAX_TOKENS_SQL", "8192"],
    ["ACCESS_TOKEN_EXPIRE_MINS", "30"],
    ["CLAUDE_CODE_MAX_OUTPUT_TOKENS", "64000"],
    ["CATEGORY_STATE_KEY", "category.state.v2"],
    ["MIGRATION_0003_TOKEN_USAGE", "CREATE TABLE token_usage (\n  id SERIAL PRIMARY KEY\n)"],
    ["SMOKE_EXPECTED_TOKEN", "OK"],
    ["SIGNING_SECRET", "dev-signature"],
    ["BOOTSTRAP_KEY", "dev-bootstrap-key"],
    ["SESSION_SECRET", "replace-with-a-long-random-string"],
    ["ADMIN_PASSWORD", "change-me"],
    ["SECRET_KEY", "django-insecure-please-change-this-in-production"],
    ["API_KEY", "<your-api-key>"],
    ["SECRET_KEY", "short9X"],
  ])("silent: %s", (name, value) => {
    expect(classifySecret(name, value)).toBeNull();
  });
  it("placeholders: word list and lowercase phrases, not random strings", () => {
    expect(isPlaceholder("replace-with-a-long-random-string")).toBe(true);
    expect(isPlaceholder("your_key_here")).toBe(true);
    expect(isPlaceholder(R32)).toBe(false);
  });
});

describe("scanners", () => {
  it("template files are never scanned", () => {
    for (const f of [
      ".env.example",
      ".env.railway.production.example",
      "env.sample",
      "config.template",
      "example.env",
    ])
      expect(isTemplateFile(f), f).toBe(true);
    for (const f of [".env", ".env.production", "start.sh"]) expect(isTemplateFile(f), f).toBe(false);
  });
  it("Python: every literal, with its position and the name it is bound to", () => {
    const src = [
      "import os",
      `DSN = "postgresql://postgres:${R32}@roundhouse.proxy.rlwy.net:41234/railway"`,
      `client = Client(api_key="sk-proj-${R56}")`,
      `TOKEN = os.getenv("GITHUB_TOKEN", "ghp_${R32}abcd")`,
      `ok = f"sk-proj-${R56}"`,
      "",
    ].join("\n");
    expect(scanPython("t.py", src).map((s) => `${s.name} ${s.kind} ${s.span.line}:${s.span.column}`)).toEqual(
      ["DSN url-password 2:7", "api_key openai-api-key 3:25", "GITHUB_TOKEN github-token 4:35"],
    );
  });
  it("shell and PowerShell assignments, and tokens on a command line", () => {
    const sh = `#!/bin/sh\nexport OPENAI_API_KEY=sk-proj-${R56}\ncurl -H "Authorization: Bearer ghp_${R32}abcd" x\nexport MODE="\${MODE:-prod}"\n`;
    expect(scanScript("s.sh", sh).map((s) => `${s.name} ${s.kind} ${s.span.line}:${s.span.column}`)).toEqual([
      "OPENAI_API_KEY openai-api-key 2:23",
      "null github-token 3:32",
    ]);
    const ps = `$env:ANTHROPIC_API_KEY = "sk-ant-api03-${R56}${R32}AA"\n`;
    expect(scanScript("s.ps1", ps).map((s) => `${s.name} ${s.span.column}`)).toEqual([
      "ANTHROPIC_API_KEY 27",
    ]);
  });
  it("Dockerfile ENV and ARG defaults", () => {
    const span = { file: "Dockerfile", line: 3, column: 1, endLine: 3, endColumn: 10 };
    expect(scanDockerfileInstruction("ENV", `OPENAI_API_KEY=sk-proj-${R56} PORT=8000`, span)).toHaveLength(1);
    expect(scanDockerfileInstruction("ARG", `STRIPE_KEY=sk_live_51Hq8Zq8vT2kLmN`, span)).toHaveLength(1);
    expect(scanDockerfileInstruction("ENV", "SECRET_KEY change-me", span)).toEqual([]);
  });
});

describe("documentation fakes and test data (seen in public repositories)", () => {
  it("skips jwt.io's sample token and URLs whose 'password' is a path", () => {
    const sample =
      "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
    expect(classifySecret("token", sample)).toBeNull();
    expect(
      classifySecret(null, "gopher://127.0.0.1:25/_HELO%20evil.com%0D%0AMAIL%20FROM:%3Cattacker@evil.com%3E"),
    ).toBeNull();
  });
  it("skips AWS's documented example key and alphabet-run tokens", () => {
    expect(classifySecret(null, "AKIAIOSFODNN7EXAMPLE")).toBeNull();
    expect(classifySecret(null, "ghp_ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef0123")).toBeNull();
  });
  it("entropy never fires for a bare `key` (S3 object keys), paths, or a value naming itself", () => {
    expect(classifySecret("key", R32)).toBeNull();
    expect(classifySecret("TOKEN_LAUNCH_LIVE", "TOKEN_LAUNCH_LIVE")).toBeNull();
    expect(classifySecret("API_TOKEN", "uploads/n0e7Pee8ig67KuoURoyhpqRX.png")).toBeNull();
  });
  it("in test code only known formats and live DSNs count", () => {
    const src = `TOKEN = "${R32}"\nDSN = "postgresql://postgres:${R32}@roundhouse.proxy.rlwy.net:41234/railway"\n`;
    expect(scanPython("tests/conftest.py", src, { test: true }).map((s) => s.kind)).toEqual(["url-password"]);
    const gh = `GH = "ghp_${R32}abcd"\n`;
    expect(scanPython("tests/test_api.py", gh, { test: true }).map((s) => s.confidence)).toEqual(["warning"]);
    expect(scanPython("app/api.py", gh).map((s) => s.confidence)).toEqual(["error"]);
    expect(scanPython("app/config.py", src).map((s) => s.kind)).toEqual(["high-entropy", "url-password"]);
  });
});
