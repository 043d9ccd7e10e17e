import { describe, expect, it } from "vitest";
import { definiteValue } from "../../src/sources/railway-iac/model/types.js";
import { envNamed, parseText, serviceNamed } from "./helpers.js";

const IMPORT = 'import { defineRailway, project, service, preserve } from "railway/iac";\n';

describe("parseRailwayTs: program shapes", () => {
  it("reads `export default project(…)` with renamed imports", () => {
    const c = parseText(
      'import { project as p, service as svc } from "railway/iac";\n' +
        'export default p("x", { resources: [svc("web", { start: "python app.py" })] });\n',
    );
    expect(c.services.map((s) => definiteValue(s.startCommand))).toEqual(["python app.py"]);
    expect(c.servicesComplete).toBe(true);
  });

  it("reads `export { program as default }`, an async program and destructured ctx", () => {
    const c = parseText(
      `${IMPORT}const program = defineRailway(async ({ environment, shared }) => {\n` +
        '  const web = service("web", { start: environment === "prod" ? "a" : "b", env: { K: shared.K } });\n' +
        '  return project("x", { resources: [web] });\n});\nexport { program as default };\n',
    );
    const web = serviceNamed(c, "web");
    expect(web.startCommand).toMatchObject({
      provenance: "candidates",
      values: [{ value: "a" }, { value: "b" }],
    });
    expect(envNamed(web, "K").reference).toEqual({ targetKind: "shared", target: null, variable: "K" });
  });

  it("follows a ctx guard that returns an empty project to the main return", () => {
    const c = parseText(
      `${IMPORT}export default defineRailway((ctx) => {\n` +
        '  if (!ctx.isEnvironment("dev")) return project("x", { resources: [] });\n' +
        '  const web = service("web", { start: "gunicorn app:app" });\n' +
        '  return project("x", { resources: [web] });\n});\n',
    );
    expect(c.services.map((s) => definiteValue(s.name))).toEqual(["web"]);
    expect(c.servicesComplete).toBe(true);
  });

  it("recognises the SDK by binding, not by name", () => {
    const c = parseText(
      "const service = (n: string, o: object) => ({ n, o });\nconst project = (n: string, d: object) => d;\n" +
        'export default () => project("x", { resources: [service("web", { start: "x" })] });\n',
    );
    expect(c.services).toEqual([]);
  });

  it("warns when there is no default export and lists the services it saw", () => {
    const c = parseText(`${IMPORT}export const web = service("web", { start: "python main.py" });\n`);
    expect(c.servicesComplete).toBe(false);
    expect(c.services.map((s) => definiteValue(s.name))).toEqual(["web"]);
    expect(c.diagnostics).toEqual([
      expect.objectContaining({
        severity: "warning",
        span: { file: ".railway/railway.ts", line: 1, column: 1 },
      }),
    ]);
  });

  it("marks resources it cannot resolve as incomplete", () => {
    const c = parseText(
      `${IMPORT}import { agents } from "./agent-runners.ts";\nexport default defineRailway(() => project("x", { resources: agents }));\n`,
    );
    expect(c.services).toEqual([]);
    expect(c.servicesComplete).toBe(false);
  });
});

describe("parseRailwayTs: SDK normalisation (railway-iac.md §2.4)", () => {
  it("applies start precedence: start > startCommand > run.command > deploy.startCommand", () => {
    const c = parseText(
      `${IMPORT}export default defineRailway(() => project("x", { resources: [\n` +
        '  service("a", { startCommand: "2", run: { command: "3" }, deploy: { startCommand: "4" } }),\n' +
        '  service("b", { run: { command: "3", healthcheck: "/h" }, deploy: { startCommand: "4" } }),\n' +
        '  service("c", { start: "1", startCommand: "2" }),\n' +
        "] }));\n",
    );
    expect(c.services.map((s) => definiteValue(s.startCommand))).toEqual(["2", "3", "1"]);
    expect(definiteValue(serviceNamed(c, "b").healthcheckPath)).toBe("/h");
  });

  it("prefers source.rootDirectory over root and rootDirectory", () => {
    const c = parseText(
      `${IMPORT}export default defineRailway(() => project("x", { resources: [\n` +
        '  service("a", { source: { repo: "r", rootDirectory: "src" }, root: "other" }),\n' +
        '  service("b", { root: "backend", rootDirectory: "ignored" }),\n' +
        "] }));\n",
    );
    expect(c.services.map((s) => definiteValue(s.rootDirectory))).toEqual(["src", "backend"]);
  });

  it("merges variables and env, env winning", () => {
    const c = parseText(
      `${IMPORT}export default defineRailway(() => project("x", { resources: [\n` +
        '  service("a", { variables: { A: "v", B: "v" }, env: { B: "e", C: preserve() } }),\n] }));\n',
    );
    const a = serviceNamed(c, "a");
    expect(a.env.map((e) => [e.name, e.kind, definiteValue(e.value)])).toEqual([
      ["A", "literal", "v"],
      ["B", "literal", "e"],
      ["C", "preserve", null],
    ]);
  });

  it("applies `X.deploy = {…}` and `X.deploy.startCommand = …` after creation", () => {
    const c = parseText(
      `${IMPORT}export default defineRailway(() => {\n` +
        '  const a = service("a", { start: "old", healthcheck: "/h" });\n' +
        '  a.deploy = { startCommand: "new", restartPolicyType: "NEVER" };\n' +
        '  const b = service("b", { start: "old" });\n' +
        '  b.deploy.startCommand = "patched";\n' +
        '  return project("x", { resources: [a, b] });\n});\n',
    );
    const a = serviceNamed(c, "a");
    expect(definiteValue(a.startCommand)).toBe("new");
    expect(a.healthcheckPath).toBeNull();
    expect(definiteValue(a.restartPolicyType)).toBe("NEVER");
    expect(definiteValue(serviceNamed(c, "b").startCommand)).toBe("patched");
  });

  it("flags misplaced keys with where they belong", () => {
    const c = parseText(
      `${IMPORT}export default defineRailway(() => project("x", { resources: [\n` +
        '  service("a", { restartPolicy: { type: "ALWAYS" }, build: { builder: "RAILPACK", startCommand: "x" } }),\n] }));\n',
    );
    expect(c.diagnostics.map((d) => [d.span.line, d.span.column, d.fix])).toEqual([
      [3, 18, "Move it to `deploy.restartPolicyType and deploy.restartPolicyMaxRetries`."],
      [3, 83, "Remove the key or use one the SDK documents."],
    ]);
  });
});

describe("parseRailwayTs: provenance is never guessed", () => {
  const one = (expr: string, prelude = "") =>
    serviceNamed(
      parseText(
        `${IMPORT}${prelude}export default defineRailway((ctx) => project("x", { resources: [service("a", { start: ${expr} })] }));\n`,
      ),
      "a",
    ).startCommand;

  it("literal, constant, concatenation, arithmetic", () => {
    expect(one('"x"')).toMatchObject({ provenance: "literal", value: "x" });
    expect(one("CMD", 'const CMD = "gunicorn app:app";\n')).toMatchObject({
      provenance: "constant",
      value: "gunicorn app:app",
    });
    expect(one('"python -m " + MOD', 'const MOD = "app";\n')).toMatchObject({
      provenance: "constant",
      value: "python -m app",
    });
    expect(one("`gunicorn -w ${2 * W}`", "const W = 2;\n")).toMatchObject({
      provenance: "constant",
      value: "gunicorn -w 4",
    });
    expect(one("`python main.py`")).toMatchObject({ provenance: "literal", value: "python main.py" });
    expect(one('"x" as const')).toMatchObject({ provenance: "literal", value: "x" });
  });

  it("ctx, process.env, imports, reassigned lets and unknown calls", () => {
    expect(one("`run ${ctx.environment}`")).toMatchObject({ provenance: "ctx" });
    expect(one("process.env.START_CMD")).toMatchObject({ provenance: "unknown" });
    expect(one('process.env.START_CMD ?? "x"')).toMatchObject({ provenance: "unknown" });
    expect(one("CMD", 'import { CMD } from "./cmd.ts";\n')).toMatchObject({ provenance: "unknown" });
    expect(one("cmd", 'let cmd = "a";\ncmd = "b";\n')).toMatchObject({ provenance: "unknown" });
    expect(one("makeCmd()", 'import { makeCmd } from "./x.ts";\n')).toMatchObject({ provenance: "unknown" });
    expect(one("loop()", "const loop = (): string => loop();\n")).toMatchObject({ provenance: "unknown" });
    expect(one("a", "const a = b;\nconst b = a;\n")).toMatchObject({ provenance: "unknown" });
    expect(one("42")).toMatchObject({ provenance: "unknown", note: "expected a string, found number" });
  });

  it("a ternary with one unknown branch is unknown, not candidates", () => {
    expect(one('ctx.isEnvironment("p") ? "a" : process.env.X')).toMatchObject({ provenance: "unknown" });
    expect(one('ctx.isEnvironment("p") ? "a" : `b-${ctx.environment}`')).toMatchObject({ provenance: "ctx" });
    expect(one('FLAG ? "a" : "b"', "const FLAG = false;\n")).toMatchObject({
      provenance: "constant",
      value: "b",
    });
  });
});

describe("parseRailwayTs: file-level checks", () => {
  it("reports ${{svc.VAR}} in backticks (a JS syntax error) at the reference, not as a bare syntax error", () => {
    const c = parseText(`${IMPORT}const url = \`postgres://\${{Postgres.DATABASE_URL}}\`;\n`);
    expect(c.diagnostics).toHaveLength(1);
    expect(c.diagnostics[0]).toMatchObject({
      severity: "error",
      span: { line: 2, column: 25, endColumn: 51 },
    });
    expect(c.diagnostics[0]!.message).toContain("`${{Postgres.DATABASE_URL}}`");
  });

  it("does not flag ${{ in ordinary strings or comments", () => {
    const c = parseText(`${IMPORT}// \`\${{A}}\`\nconst a = "\${{A}}";\nconst b = \`x\${a}\`;\n`);
    expect(c.diagnostics.filter((d) => d.message.includes("template literal"))).toEqual([]);
  });

  it("reports non-erasable TypeScript that Node's strip-types mode refuses", () => {
    const c = parseText(`${IMPORT}enum Builder { Docker = "DOCKERFILE" }\ntype T = { a: string };\n`);
    expect(c.diagnostics.map((d) => [d.severity, d.span.line, d.message.split(":")[0]])).toEqual([
      [
        "warning",
        1,
        ".railway/railway.ts has no `export default`; Railway's CLI evaluates the default export (or `main` / `Railway`)",
      ],
      ["error", 2, "`enum` is not erasable TypeScript"],
    ]);
  });

  it("keeps recoverable syntax errors as diagnostics and still reads the file", () => {
    const c = parseText(
      `${IMPORT}const let = 1;\nexport default defineRailway(() => project("x", { resources: [service("a", { start: "s" })] }));\n`,
    );
    expect(c.diagnostics.some((d) => d.severity === "error" && d.span.line === 2)).toBe(true);
    expect(definiteValue(serviceNamed(c, "a").startCommand)).toBe("s");
  });
});
