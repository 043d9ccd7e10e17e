/**
 * Issue 12 regressions (items 2, 3, 5, 6, 8): deep nesting, evaluator text budgets, a defective Python
 * tree, super-linear parsing and credentials in findings. Each case is the reproduction; the
 * expensive ones run in a child process with a hard time limit (a stack overflow, an aborted heap or a
 * minutes-long run fails the test instead of hanging the suite).
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { findCredentials, redactCredentials } from "../../src/model/redact.js";
import { cappedFindings, MAX_FINDINGS_PER_RULE } from "../../src/rules/cap.js";
import { MAX_NESTING, parseJsonDoc, parseTomlDoc } from "../../src/sources/doc.js";
import { parseDockerfile } from "../../src/sources/dockerfile.js";
import { MAX_REQUIREMENTS } from "../../src/sources/requirements/parse.js";
import { cleanupTempDirs, makeRepo, runAll } from "./helpers.js";

afterAll(cleanupTempDirs);

const CHILD = fileURLToPath(new URL("./analyze-child.mts", import.meta.url));

interface ChildFinding {
  rule: string;
  file: string;
  line: number | null;
  severity: string;
  message: string;
}

/** The real pipeline in a child process, killed after `limitMs`. */
function analyzeInChild(dir: string, limitMs: number): { findings: ChildFinding[]; ms: number } {
  const start = Date.now();
  const r = spawnSync(process.execPath, ["--import", "tsx", CHILD, dir], {
    encoding: "utf8",
    timeout: limitMs,
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = Date.now() - start;
  expect(r.signal, `killed after ${ms} ms`).toBeNull();
  expect(r.status, r.stderr.slice(0, 500)).toBe(0);
  return { findings: JSON.parse(r.stdout).findings, ms };
}

const APP = { "requirements.txt": "gunicorn==23.0.0\n", "app.py": "app = object()\n" };

describe("item 2: nesting deeper than the stack", () => {
  const deepJson = (n: number) => `${'{"a":'.repeat(n)}1${"}".repeat(n)}`;

  it("parseJsonDoc reports a 10,000-deep railway.json as too deep instead of overflowing", () => {
    for (const text of [deepJson(10_000), `${"[".repeat(10_000)}${"]".repeat(10_000)}`]) {
      const doc = parseJsonDoc("railway.json", text);
      expect(doc.value).toBeNull();
      expect(doc.diagnostics[0]?.message).toMatch(/nests more than .* levels deep/);
    }
    // At the limit it is still read.
    expect(parseJsonDoc("railway.json", deepJson(MAX_NESTING)).value).not.toBeNull();
  });

  it("a 20,000-segment TOML header and dotted key are too deep, in linear time", () => {
    const header = `[${Array(20_000).fill("a").join(".")}]\nx = 1\n`;
    const dotted = `${Array(20_000).fill("a").join(".")} = 1\n`; // 40 KB (the 97 s, 2.5 GB)
    for (const text of [header, dotted]) {
      const start = Date.now();
      const doc = parseTomlDoc("railway.toml", text);
      expect(Date.now() - start).toBeLessThan(3_000);
      expect(doc.value).toBeNull();
      expect(doc.diagnostics[0]?.message).toMatch(/levels deep/);
    }
  });

  it.each([
    ["railway.json", `${'{"build":'.repeat(2_000)}{}${"}".repeat(2_000)}`],
    ["railpack.json", `${'{"deploy":'.repeat(2_000)}{}${"}".repeat(2_000)}`],
    ["nixpacks.json", `${"[".repeat(10_000)}${"]".repeat(10_000)}`],
    ["services/api/railway.json", `${'{"a":'.repeat(2_000)}1${"}".repeat(2_000)}`],
    ["railway.toml", `[${Array(5_000).fill("a").join(".")}]\nx = 1\n`],
  ])("%s nested 2,000+ deep: an error finding at the file, every output renders", async (file, text) => {
    const dir = makeRepo({
      ...APP,
      ...(file.startsWith("services/")
        ? { "services/api/requirements.txt": "gunicorn==23.0.0\n", "services/api/app.py": "app = 1\n" }
        : {}),
      [file]: text,
    });
    const { report, out } = await runAll(dir);
    const f = report.findings.find((x) => x.file === file && /levels deep/.test(x.message));
    expect(f?.severity).toBe("error");
    for (const [name, s] of Object.entries(out)) expect(s.length, name).toBeGreaterThan(0);
  });
});

describe("item 3: railway.ts evaluation is bounded in string length and total text", () => {
  it("the issue's 800-byte doubling railway.ts finishes quickly and reports no start-command error", () => {
    let ts =
      'import { defineRailway, project, service } from "railway/iac";\nconst a0 = "gunicorn app:app xx";\n';
    for (let i = 1; i <= 24; i++) ts += `const a${i} = a${i - 1} + a${i - 1};\n`;
    ts +=
      'export default defineRailway(() => project("p", { resources: [service("web", { start: a24 })] }));\n';
    expect(ts.length).toBeLessThan(900);
    const dir = makeRepo({ ...APP, ".railway/railway.ts": ts });
    const { findings, ms } = analyzeInChild(dir, 30_000);
    expect(ms).toBeLessThan(30_000);
    expect(findings.filter((f) => f.rule.startsWith("start-command") && f.severity === "error")).toEqual([]);
  });

  it("a join of many long strings is refused, too", () => {
    const ts =
      'import { defineRailway, project, service } from "railway/iac";\n' +
      `const x = "${"y".repeat(1000)}";\nconst a = [${Array(400).fill("x").join(",")}];\nconst b = a.join(a.join(""));\n` +
      'export default defineRailway(() => project("p", { resources: [service("web", { start: b })] }));\n';
    const dir = makeRepo({ ...APP, ".railway/railway.ts": ts });
    const { ms } = analyzeInChild(dir, 30_000);
    expect(ms).toBeLessThan(30_000);
  });
});

describe("item 6: linear-time parsing inside the 1 MiB cap", () => {
  it("a Procfile `cd a && …` chain of 800 KB", () => {
    const dir = makeRepo({ ...APP, Procfile: `web: ${"cd a && ".repeat(100_000)}gunicorn app:app\n` });
    // Before: about 4 minutes (the chain's directory re-normalized at every `cd`).
    const { ms } = analyzeInChild(dir, 30_000);
    expect(ms).toBeLessThan(30_000);
  });

  it("a Dockerfile of 1 MB `\\` continuations parses in linear time, with the same instruction", () => {
    const text = `FROM python:3.12\nRUN echo a ${"\\\n  && echo b ".repeat(70_000)}\nCMD ["gunicorn", "app:app"]\n`;
    const start = Date.now();
    const d = parseDockerfile("Dockerfile", text);
    // Before: 2.5 minutes (the growing logical line re-scanned by a regex at every physical line).
    expect(Date.now() - start).toBeLessThan(3_000);
    expect(d.command?.text).toContain("gunicorn");
    const small = parseDockerfile("Dockerfile", "FROM python:3.12\nRUN a \\\n  b \\\n# c\n  d\nCMD x\n");
    expect(small.command?.text).toContain("x");
  });
});

describe("item 4: findings are bounded where they are made", () => {
  it("1 MB of one-word requirement lines: reading stops at 20,000 requirements, 1,000 findings per rule plus one 'N more'", () => {
    const dir = makeRepo({
      "requirements.txt": "pkg\n".repeat(262_144),
      "app.py": "app = 1\n",
      Procfile: "web: gunicorn app:app\n",
    });
    // Before: 262,144 requirement-not-pinned findings (10 s, 1.7 GB in `npm run bench`).
    const { findings } = analyzeInChild(dir, 60_000);
    const unpinned = findings.filter((f) => f.rule === "requirement-not-pinned");
    expect(unpinned).toHaveLength(MAX_FINDINGS_PER_RULE + 1);
    expect(unpinned.filter((f) => f.line === null)).toEqual([
      expect.objectContaining({
        file: "requirements.txt",
        severity: "warning",
        message: expect.stringMatching(
          /^19000 more `requirement-not-pinned` findings in `requirements.txt` are not listed/,
        ),
      }),
    ]);
    // What was not read is an error at the line where reading stopped, so the run cannot look clean.
    expect(findings.filter((f) => f.rule === "invalid-config-syntax")).toEqual([
      expect.objectContaining({ file: "requirements.txt", line: MAX_REQUIREMENTS + 1, severity: "error" }),
    ]);
  });

  it("the cap keeps the worst findings first and says the worst severity it left out", () => {
    const rule = { id: "demo-rule", defaultSeverity: "warning" as const, summary: "demo" };
    const emits = Array.from({ length: MAX_FINDINGS_PER_RULE + 5 }, (_, i) => ({
      span: { file: i % 2 ? "a.txt" : "b.txt", line: i + 1, column: 1 },
      message: `m${i}`,
      fix: "f",
      ...(i >= MAX_FINDINGS_PER_RULE ? { severity: "error" as const } : {}),
    }));
    const out = cappedFindings(rule, ".", emits, "warning");
    expect(out).toHaveLength(MAX_FINDINGS_PER_RULE + 1);
    expect(out.slice(0, 5).map((f) => [f.severity, f.message])).toEqual(
      [0, 1, 2, 3, 4].map((k) => ["error", `m${MAX_FINDINGS_PER_RULE + k}`]),
    );
    expect(out.at(-1)).toMatchObject({
      rule: "demo-rule",
      severity: "warning",
      file: ".",
      line: null,
      message: expect.stringMatching(
        /^5 more `demo-rule` findings in 2 files are not listed.*worst left out: warning/,
      ),
    });
    expect(cappedFindings(rule, ".", emits.slice(0, 3), "warning")).toHaveLength(3);
  });
});

describe("brackets nested past CPython's limit (bench: 1 MB took 12 s in lezer)", () => {
  it("the app module is the SyntaxError CPython raises, found without parsing it", () => {
    const dir = makeRepo({
      ...APP,
      Procfile: "web: gunicorn app:app\n",
      "app.py": `app = ${"[".repeat(300_000)}${"]".repeat(300_000)}\n`.slice(0, 1 << 20),
    });
    const { findings } = analyzeInChild(dir, 60_000);
    expect(findings.filter((f) => f.rule === "start-command-app-not-found")).toEqual([
      expect.objectContaining({
        file: "app.py",
        line: 1,
        severity: "error",
        message: expect.stringContaining("has a Python syntax error at line 1 (too many nested parentheses)"),
      }),
    ]);
  });
});

describe("item 8: credentials are redacted in every text of a finding", () => {
  it("redactCredentials hides URL userinfo and credential-named assignments, nothing else", () => {
    expect(
      redactCredentials("pkg @ git+https://x-access-token:ghp_abcdefABCDEF0123456789@github.com/o/r"),
    ).toBe("pkg @ git+https://x-access-token:***@github.com/o/r");
    expect(redactCredentials("-e git+https://user:tok@gitlab.com/o/r.git#egg=x")).toBe(
      "-e git+https://user:***@gitlab.com/o/r.git#egg=x",
    );
    expect(redactCredentials("--index-url https://user:pw@pypi.example.com/simple")).toBe(
      "--index-url https://user:***@pypi.example.com/simple",
    );
    expect(redactCredentials("https://ghp_AbC123xyz@github.com/o/r")).toBe("https://***@github.com/o/r");
    expect(redactCredentials("API_KEY=sk-live-123 gunicorn app:app")).toBe("API_KEY=*** gunicorn app:app");
    expect(redactCredentials("DB_PASSWORD='p w' python x.py")).toBe("DB_PASSWORD='***' python x.py");
    // Not credentials: a plain ssh user, a reference, a port, an empty value, a keyword argument.
    for (const keep of [
      "git+ssh://git@github.com/o/r.git",
      "API_KEY=$API_KEY gunicorn",
      "PORT=8000 gunicorn",
      "set `SECRET_KEY=` in Railway",
      "uvicorn main:app --workers=2",
    ])
      expect(redactCredentials(keep)).toBe(keep);
  });

  it("is linear on adversarial text", () => {
    const start = Date.now();
    findCredentials("a://".repeat(200_000));
    findCredentials("TOKEN=".repeat(200_000));
    findCredentials(`${"a".repeat(500_000)}=${"b".repeat(500_000)}`);
    expect(Date.now() - start).toBeLessThan(3_000);
  });

  it("the issue's repository: no output carries the tokens", async () => {
    const dir = makeRepo({
      "requirements.txt":
        "gunicorn==23.0.0\n--index-url https://user:hunter2pw@pypi.example.com/simple\n" +
        "pkg @ git+https://x-access-token:ghp_0123456789abcdefABCDEF0123456789abcd@github.com/o/pkg\n" +
        "-e git+https://someone:glpat-SeCrEtToKeN123@gitlab.com/o/lib.git#egg=lib\n",
      Procfile: "web: API_KEY=sk-live-SeCrEt999 gunicorn app:app --bind 0.0.0.0:$PORT\n",
      "app.py": "app = object()\n",
    });
    const { report, out } = await runAll(dir);
    const texts = report.findings.flatMap((f) => [f.message, f.fix, f.found ?? "", f.expected ?? ""]);
    for (const secret of ["hunter2pw", "ghp_0123456789abcdef", "glpat-SeCrEtToKeN123", "sk-live-SeCrEt999"]) {
      for (const t of texts) expect(t).not.toContain(secret);
      for (const [name, s] of Object.entries(out))
        expect(s, `${name} carries ${secret}`).not.toContain(secret);
    }
  });
});
