import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/analyze.js";
import { DiskWorkspace } from "../../src/repo/disk.js";
import {
  definiteValue,
  type RailwayTsConfig,
  type RailwayTsService,
} from "../../src/sources/railway-iac/model/types.js";
import { parseRailwayPy } from "../../src/sources/railway-iac/py/parse.js";
import { ALL_PARSERS } from "../helpers/parsers.js";

const FIXTURES = fileURLToPath(new URL("../fixtures/railway-py/", import.meta.url));
const FILE = ".railway/railway.py";
const TODAY = new Date("2026-12-01T00:00:00Z");

function parse(name: string): RailwayTsConfig {
  return parseRailwayPy(FILE, readFileSync(join(FIXTURES, name, FILE), "utf8"));
}
function parseText(text: string): RailwayTsConfig {
  return parseRailwayPy(FILE, text);
}
function named(cfg: RailwayTsConfig, name: string): RailwayTsService {
  const s = cfg.services.find((x) => definiteValue(x.name) === name);
  if (!s) throw new Error(`no service ${name}`);
  return s;
}
function findings(name: string): Array<[string, string, string, number | null, number | null]> {
  return analyze(new DiskWorkspace(join(FIXTURES, name)), { today: TODAY, parsers: ALL_PARSERS })
    .findings.filter((f) => f.rule !== "python-version-unpinned")
    .map((f) => [f.severity, f.rule, f.file, f.line, f.column]);
}
const at = (v: { span: { line: number; column: number } } | null | undefined) =>
  v && [v.span.line, v.span.column];

describe("railway.py fixtures", () => {
  it("migrated: `railway config migrate --lang py` output (railway_iac import)", () => {
    const cfg = parse("migrated");
    expect(cfg.servicesComplete).toBe(true);
    const web = named(cfg, "web");
    expect(definiteValue(web.buildCommand)).toBe("pip install -r requirements.txt");
    expect(web.builder).toBeNull();
    expect(definiteValue(web.startCommand)).toBe("uvicorn main:app --host 0.0.0.0 --port $PORT");
    expect(at(web.startCommand)).toEqual([9, 15]);
    expect(web.startCommand?.span.file).toBe(FILE);
    expect(definiteValue(web.healthcheckPath)).toBe("/health");
    expect(cfg.diagnostics).toEqual([]);
    expect(findings("migrated")).toEqual([["notice", "env-undeclared", "main.py", 5, 9]]);
  });

  it("three services: constants, a helper with literal arguments, f-strings, concatenation, **dict", () => {
    const cfg = parse("three-services");
    expect(cfg.services.map((s) => definiteValue(s.name))).toEqual(["web", "mailer", "cron"]);
    expect(definiteValue(cfg.partial)).toBe("shop");
    const web = named(cfg, "web");
    expect(definiteValue(web.startCommand)).toBe("uvicorn main:app --host 0.0.0.0 --port 8080");
    expect(definiteValue(web.builder)).toBe("RAILPACK");
    expect(definiteValue(web.watchPatterns)).toEqual(["*.py", "requirements.txt"]);
    expect(definiteValue(web.rootDirectory)).toBe("/");
    expect(web.env.map((e) => [e.name, e.kind, definiteValue(e.value) ?? null])).toEqual([
      ["RAILPACK_PYTHON_VERSION", "literal", "3.12"],
      ["PYTHONUNBUFFERED", "literal", "1"],
      ["PORT", "literal", "8080"],
      ["DATABASE_URL", "reference", null],
    ]);
    // A constant keeps where it is written, and says it was followed.
    const py = web.env[0]!;
    expect(py.value?.provenance).toBe("constant");
    expect(at(py.value)).toEqual([6, 40]);
    const mailer = named(cfg, "mailer");
    expect(definiteValue(mailer.startCommand)).toBe("python -m jobs.mailer");
    expect(at(mailer.startCommand)).toEqual([13, 15]);
    expect(definiteValue(named(cfg, "cron").startCommand)).toBe("python -m jobs.cron");
    expect(mailer.env.find((e) => e.name === "DATABASE_URL")?.kind).toBe("preserve");
    expect(findings("three-services")).toEqual([["notice", "env-documented-unused", FILE, 6, 48]]);
  });

  it("preserve() and references; ints are stored raw (their text), bools are unknown", () => {
    const web = named(parse("preserve-refs"), "web");
    expect(web.env.map((e) => [e.name, e.kind, e.reference ?? null])).toEqual([
      ["DATABASE_URL", "reference", { targetKind: "database", target: "Postgres", variable: "DATABASE_URL" }],
      ["REDIS_URL", "reference", { targetKind: "database", target: "Redis", variable: "REDIS_URL" }],
      ["CACHE_HOST", "reference", { targetKind: "database", target: "Redis", variable: "REDISHOST" }],
      ["SECRET_KEY", "preserve", null],
      ["WEB_CONCURRENCY", "literal", null],
      ["DEBUG", "unknown", null],
    ]);
    expect(definiteValue(web.env[4]!.value)).toBe("4");
    expect(findings("preserve-refs")).toEqual([
      ["notice", "env-documented-unused", FILE, 13, 13],
      ["notice", "env-documented-unused", FILE, 14, 13],
      ["notice", "env-documented-unused", FILE, 15, 13],
      ["notice", "env-documented-unused", FILE, 17, 13],
    ]);
  });

  it("misspelt keywords the SDK drops silently: a warning at the keyword with did-you-mean", () => {
    const cfg = parse("misspelt");
    expect(
      cfg.diagnostics.map((d) => [
        d.severity,
        d.span.line,
        d.span.column,
        d.message.split("; did you mean ")[1],
      ]),
    ).toEqual([
      ["warning", 9, 9, "`preDeploy`?"],
      ["warning", 11, 9, "`healthcheckTimeout`?"],
      ["warning", 12, 9, '`build={"watchPatterns": …}`?'],
      ["warning", 13, 9, '`build={"builder": …}`?'],
    ]);
    const web = named(cfg, "web");
    expect(web.preDeployCommand).toBeNull();
    expect(web.healthcheckTimeout).toBeNull();
    expect(web.builder).toBeNull();
    expect(findings("misspelt")).toEqual([
      ["warning", "invalid-config-syntax", FILE, 9, 9],
      ["warning", "invalid-config-syntax", FILE, 11, 9],
      ["warning", "invalid-config-syntax", FILE, 12, 9],
      ["warning", "invalid-config-syntax", FILE, 13, 9],
    ]);
  });

  it("constructs it cannot follow are unknown with their position, never an error", () => {
    const cfg = parse("unfollowable");
    expect(cfg.diagnostics).toEqual([]);
    const web = named(cfg, "web");
    expect(web.startCommand?.provenance).toBe("unknown");
    expect(at(web.startCommand)).toEqual([4, 30]);
    expect(web.builder?.provenance).toBe("unknown");
    expect(web.healthcheckPath?.provenance).toBe("unknown");
    expect(web.envComplete).toBe(false);
    // railway.py is the IaC program, not the service's code: its os.environ reads are not the app's.
    expect(findings("unfollowable")).toEqual([]);
  });

  it("clean: run={'command'} beats deploy={'startCommand'} (the SDK's `or` chain), no finding", () => {
    const web = named(parse("clean"), "web");
    expect(definiteValue(web.startCommand)).toBe("uvicorn main:app --host 0.0.0.0 --port $PORT");
    expect(definiteValue(web.restartPolicyType)).toBe("ON_FAILURE");
    expect(findings("clean")).toEqual([]);
  });

  it("twin of the railway.ts start-command-host test: the finding points into railway.py", () => {
    const report = analyze(new DiskWorkspace(join(FIXTURES, "start-host")), {
      today: TODAY,
      parsers: ALL_PARSERS,
    });
    const host = report.findings.filter((f) => f.rule === "start-command-host");
    expect(host.map((f) => [f.severity, f.file, f.line, f.column])).toEqual([["error", FILE, 3, 10]]);
    expect(host[0]!.message).toContain(".railway/railway.py start command");
  });

  it("twin of railway-config-conflict: railway.py beside railway.json (before the cut-off) names railway.py", () => {
    const report = analyze(new DiskWorkspace(join(FIXTURES, "config-conflict")), {
      today: new Date("2026-11-30T00:00:00Z"),
      parsers: ALL_PARSERS,
    });
    const c = report.findings.filter((f) => f.rule === "railway-config-conflict");
    expect(c.map((f) => [f.severity, f.file, f.line, f.column])).toEqual([
      ["warning", FILE, 6, 11],
      ["warning", "railway.json", 4, 5],
    ]);
    expect(c[0]!.message).toContain(".railway/railway.py configures `web` and railway.json does too");
    expect(c[1]!.message).toContain("has no counterpart in .railway/railway.py");
    expect(c[1]!.expected).toBe("`healthcheckPath` in the railway.py service");
    expect(c[1]!.fix).toBe(
      'Add `"healthcheckPath"` to `deploy={…}` in the service\'s keywords in .railway/railway.py, or drop the setting on purpose.',
    );
  });

  it("twin of config-as-code-deprecated: the settings to move are a Python snippet for railway.py", () => {
    const report = analyze(new DiskWorkspace(join(FIXTURES, "config-conflict")), {
      today: TODAY,
      parsers: ALL_PARSERS,
    });
    const d = report.findings.filter((f) => f.rule === "config-as-code-deprecated");
    expect(d.map((f) => [f.severity, f.file, f.line, f.expected])).toEqual([
      ["error", "railway.json", 1, ".railway/railway.py only"],
    ]);
    expect(d[0]!.snippet).toEqual({
      title: "Settings to add to .railway/railway.py (deploy-drift migrate)",
      language: "python",
      text: '# add to service("web", …) in .railway/railway.py (line 6); merge into its build/deploy dicts\nhealthcheck="/health",',
    });
  });

  it("twin of the railway.ts Python version test: RAILPACK_PYTHON_VERSION in railway.py env selects the version", () => {
    const report = analyze(new DiskWorkspace(join(FIXTURES, "three-services")), {
      today: TODAY,
      parsers: ALL_PARSERS,
    });
    // web, mailer and cron all build the repository root: three deployments, each with BASE_ENV.
    expect(report.services.map((s) => s.pythonVersion)).toEqual(["3.12", "3.12", "3.12"]);
  });

  it("railway.go is not analysed (a notice), and two IaC files are an error", () => {
    expect(findings("go-and-py")).toEqual([
      ["error", "invalid-config-syntax", ".railway/railway.go", 1, 1],
      ["notice", "invalid-config-syntax", ".railway/railway.go", 1, 1],
    ]);
  });
});

describe("railway.py evaluation details", () => {
  it("start precedence uses Python `or`: an empty `start` falls through to startCommand", () => {
    const cfg = parseText(
      'from railway_sdk import define_railway, project, service\n@define_railway\ndef main(ctx=None):\n    return project("p", resources=[service("w", start="", startCommand="gunicorn app:app")])\n',
    );
    expect(definiteValue(cfg.services[0]!.startCommand)).toBe("gunicorn app:app");
  });

  it("a syntax error is one error diagnostic; no service is guessed", () => {
    const cfg = parseText("from railway_sdk import service\ndef main(:\n");
    expect(cfg.services).toEqual([]);
    expect(cfg.diagnostics.map((d) => d.severity)).toEqual(["error"]);
  });

  it("a condition on ctx (None under the CLI) is not decided: both branches are candidates", () => {
    const cfg = parseText(
      'from railway_sdk import define_railway, project, service\n@define_railway\ndef main(ctx=None):\n    return project("p", resources=[service("w", start="a" if ctx.environment == "x" else "b")])\n',
    );
    const start = cfg.services[0]!.startCommand;
    expect(start?.provenance).toBe("candidates");
    expect(start && "values" in start ? start.values.map((v) => v.value) : null).toEqual(["a", "b"]);
  });

  it("budgets: a self-recursive helper and a huge string end unknown, never a throw", () => {
    const rec = parseText(
      'from railway_sdk import define_railway, project, service\ndef f(x):\n    return f(x + "a")\n@define_railway\ndef main(ctx=None):\n    return project("p", resources=[service("w", start=f("a"))])\n',
    );
    expect(rec.services[0]!.startCommand?.provenance).toBe("unknown");
    const big = parseText(
      `from railway_sdk import define_railway, project, service\nA = "${"x".repeat(70000)}"\n@define_railway\ndef main(ctx=None):\n    return project("p", resources=[service("w", start=A + A)])\n`,
    );
    expect(big.services[0]!.startCommand?.provenance).toBe("unknown");
  });

  it("`**(dict if ctx-condition else {})` only adds the cases' keys: the root directory stays unset", () => {
    const cfg = parseText(
      'from railway_sdk import define_railway, github, project, service\n@define_railway\ndef main(ctx=None):\n    prod = ctx.is_environment("production")\n    web = service("w", source=github("a/b", **({"checkSuites": False} if prod else {})), start="python main.py")\n    return project("p", resources=[web])\n',
    );
    const web = cfg.services[0]!;
    expect(web.rootDirectory).toBeNull();
    expect(definiteValue(web.startCommand)).toBe("python main.py");
  });

  it("a module without main is a warning and lists the services it saw", () => {
    const cfg = parseText('from railway_sdk import service\nweb = service("web", start="python main.py")\n');
    expect(cfg.servicesComplete).toBe(false);
    expect(cfg.diagnostics.map((d) => d.severity)).toEqual(["warning"]);
  });

  it("`# …` comments inside a dict are not entries: every variable is read, with its value and position", () => {
    const cfg = parseText(
      [
        "from railway_sdk import define_railway, preserve, project, service",
        "@define_railway",
        "def main(ctx=None):",
        "    web = service(",
        '        "web",',
        '        start="gunicorn app:app",  # the server',
        "        env={",
        '            "A": "1",  # note',
        "            # a full-line comment",
        '            "B": preserve(),',
        '            "C": "x",',
        "        },",
        "    )",
        '    return project("p", resources=[web])',
        "",
      ].join("\n"),
    );
    const web = named(cfg, "web");
    expect(web.envComplete).toBe(true);
    expect(web.env.map((e) => [e.name, e.kind, definiteValue(e.value), at({ span: e.nameSpan })])).toEqual([
      ["A", "literal", "1", [8, 13]],
      ["B", "preserve", null, [10, 13]],
      ["C", "literal", "x", [11, 13]],
    ]);
    expect(definiteValue(web.startCommand)).toBe("gunicorn app:app");
    expect(cfg.diagnostics).toEqual([]);
  });

  it("comments among list items, call arguments and parameters are skipped too", () => {
    const cfg = parseText(
      [
        "from railway_sdk import define_railway, project, service",
        "def web(",
        "    name,  # the service name",
        "    cmd,",
        "):",
        "    return service(",
        "        name,  # positional",
        "        # the start command",
        "        start=cmd,",
        "        preDeploy=[",
        '            "python manage.py migrate",  # first',
        "            # then",
        '            "python manage.py check",',
        "        ],",
        "    )",
        "@define_railway",
        "def main(ctx=None):",
        "    api = web(",
        '        "api",  # the name',
        "        # the command",
        '        "uvicorn app:app --host 0.0.0.0 --port $PORT",',
        "    )",
        '    return project("p", resources=[api])',
        "",
      ].join("\n"),
    );
    const api = named(cfg, "api");
    expect(definiteValue(api.startCommand)).toBe("uvicorn app:app --host 0.0.0.0 --port $PORT");
    expect(definiteValue(api.preDeployCommand)).toEqual([
      "python manage.py migrate",
      "python manage.py check",
    ]);
    expect(at(api.preDeployCommand)).toEqual([10, 19]);
    expect(cfg.diagnostics).toEqual([]);
  });

  it("Python truthiness: an empty dict or list is false (`{} or x` is x), an unresolved `**` is not decided", () => {
    const cfg = parseText(
      [
        "from railway_sdk import define_railway, project, service",
        "from settings import EXTRA",
        'E = {} or {"X": "1"}',
        'P = [] or ["python manage.py migrate"]',
        'S = "gunicorn app:app" if not {} else "never"',
        'U = {**EXTRA} or {"Y": "2"}',
        "@define_railway",
        "def main(ctx=None):",
        '    return project("p", resources=[service("web", start=S, env=E, preDeploy=P), service("w2", env=U)])',
        "",
      ].join("\n"),
    );
    const web = named(cfg, "web");
    expect(web.env.map((e) => [e.name, definiteValue(e.value)])).toEqual([["X", "1"]]);
    expect(definiteValue(web.preDeployCommand)).toEqual(["python manage.py migrate"]);
    expect(definiteValue(web.startCommand)).toBe("gunicorn app:app");
    expect(named(cfg, "w2").envComplete).toBe(false);
  });
});
