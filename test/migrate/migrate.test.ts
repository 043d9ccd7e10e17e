import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { analyzeRepo } from "../../src/analyze.js";
import { migrate } from "../../src/migrate/index.js";
import { DiskWorkspace } from "../../src/repo/disk.js";
import { MemoryWorkspace } from "../../src/repo/workspace.js";
import { renderMarkdown } from "../../src/report/markdown.js";
import { definiteValue } from "../../src/sources/railway-iac/model/types.js";
import { parseRailwayTs } from "../../src/sources/railway-iac/ts/parse.js";

const EXAMPLE = fileURLToPath(new URL("../../examples/maya-backend/", import.meta.url));
const FIX = fileURLToPath(new URL("../fixtures/migrate/", import.meta.url));
const TODAY = new Date("2026-12-01T12:00:00Z");
const APP = {
  "requirements.txt": "fastapi==0.115.0\nuvicorn==0.30.6\n",
  "app/__init__.py": "",
  "app/main.py": "from fastapi import FastAPI\n\napp = FastAPI()\n",
};

describe("deploy-drift migrate", () => {
  it("--write writes the new file, deletes nothing and names the old file to remove", async () => {
    const writes: string[] = [];
    const res = await migrate(new DiskWorkspace(EXAMPLE), {
      lang: "ts",
      today: TODAY,
      write: (f) => writes.push(f),
    });
    expect(writes).toEqual([".railway/railway.ts"]);
    expect(res.written).toBe(".railway/railway.ts");
    expect(res.text).toContain("wrote .railway/railway.ts");
    expect(res.text).toContain("delete railway.json (deploy-drift deletes nothing)");
  });

  it("says why a key is not carried, at its place (the example's misspelt nixpacksPath)", async () => {
    const res = await migrate(new DiskWorkspace(EXAMPLE), { lang: "ts", today: TODAY });
    expect(res.text).toMatch(
      /\/\/ `build\.nixpacksPath` is not a Railway config-as-code key.*did you mean `nixpacksConfigPath`/,
    );
    expect(res.text).not.toContain("nixpacksPath:");
  });

  it("--lang py imports railway_sdk and uses the keywords _normalize_deploy reads", async () => {
    const res = await migrate(new DiskWorkspace(`${FIX}json`), { lang: "py", today: TODAY });
    expect(res.text).toContain("from railway_sdk import define_railway, project, service");
    expect(res.text).not.toMatch(/^from railway_iac/m);
    expect(res.text).toContain('preDeploy=["python -m compileall -q app"],');
    expect(res.text).toContain("healthcheckTimeout=120,");
    expect(res.text).toContain('"useLegacyStacker": False,');
    expect(res.text).toContain('return project("json", resources=[json])');
  });

  it("py: environments become conditions on ctx (None under the CLI), pr a comment", async () => {
    const res = await migrate(new DiskWorkspace(`${FIX}environments`), { lang: "py", today: TODAY });
    expect(res.text).toContain('replicas=3 if ctx is not None and ctx.environment == "production" else 1,');
    expect(res.text).toMatch(
      /# `environments\.pr\.deploy\.startCommand` = .* pull-request environments only/,
    );
  });

  it("with an existing railway.ts: the edit (keys to add), never a second file", async () => {
    const ws = new MemoryWorkspace(
      {
        ...APP,
        "railway.json": JSON.stringify({
          deploy: {
            startCommand: "uvicorn app.main:app --host 0.0.0.0 --port $PORT",
            healthcheckPath: "/health",
          },
        }),
        ".railway/railway.ts": `import { defineRailway, project, service } from "railway/iac";\nexport default defineRailway(() => {\n  const web = service("web", { start: "uvicorn app.main:app --host 0.0.0.0 --port $PORT" });\n  return project("p", { resources: [web] });\n});\n`,
      },
      "repo",
    );
    const writes: string[] = [];
    const res = await migrate(ws, { lang: "py", today: TODAY, write: (f) => writes.push(f) });
    expect(writes).toEqual([]);
    expect(res.text).toContain(".railway/railway.ts exists");
    expect(res.text).toContain('In service("web", …) at line 3, add');
    expect(res.text).toContain('healthcheck: "/health",');
    expect(res.text).not.toMatch(/^\s*start:/m);
    expect(res.text).toContain("nothing was written");
  });
});

describe("config-as-code-deprecated carries the migration", () => {
  it("the example's finding embeds a railway.ts that reads back with its start command", async () => {
    const report = await analyzeRepo(new DiskWorkspace(EXAMPLE), { today: TODAY });
    const f = report.findings.find((x) => x.rule === "config-as-code-deprecated")!;
    expect(f.snippet?.language).toBe("ts");
    const cfg = parseRailwayTs(".railway/railway.ts", f.snippet!.text);
    expect(cfg.diagnostics).toEqual([]);
    expect(definiteValue(cfg.services[0]!.startCommand)).toBe(
      "python3.11 -m uvicorn app.main:app --host 0.0.0.0 --port $PORT",
    );
    const md = renderMarkdown(report);
    expect(md).toContain("  <details>\n  <summary>.railway/railway.ts (deploy-drift migrate)</summary>");
    expect(md).toContain('  ```ts\n  import { defineRailway, project, service } from "railway/iac";');
    expect(md).toMatch(/```\n\n {2}<\/details>/);
  });

  it("a fence longer than any backtick run in the snippet", async () => {
    const ws = new MemoryWorkspace(
      {
        ...APP,
        "railway.json": JSON.stringify({
          deploy: { startCommand: "echo ```` && uvicorn app.main:app --host 0.0.0.0 --port $PORT" },
        }),
      },
      "repo",
    );
    const md = renderMarkdown(await analyzeRepo(ws, { today: TODAY }));
    expect(md).toContain("`````ts");
  });

  it("several services: each finding carries its own service block, not a second file", async () => {
    const report = await analyzeRepo(new DiskWorkspace(`${FIX}monorepo`), { today: TODAY });
    const snippets = report.findings
      .filter((x) => x.rule === "config-as-code-deprecated")
      .map((x) => x.snippet!.text);
    expect(snippets).toHaveLength(2);
    for (const s of snippets) expect(s).not.toContain("export default");
    expect(snippets[0]).toContain('const api = service("api", {');
  });
});

describe("deploy-drift migrate with an existing railway.py", () => {
  it("prints the keywords to add to the railway.py service, in Python", async () => {
    const ws = new MemoryWorkspace(
      {
        ...APP,
        "railway.json": JSON.stringify({
          deploy: {
            startCommand: "uvicorn app.main:app --host 0.0.0.0 --port $PORT",
            healthcheckTimeout: 90,
          },
        }),
        ".railway/railway.py": `from railway_sdk import define_railway, project, service\n\n\n@define_railway\ndef main(ctx=None):\n    web = service("web", start="uvicorn app.main:app --host 0.0.0.0 --port $PORT")\n    return project("p", resources=[web])\n`,
      },
      "repo",
    );
    const res = await migrate(ws, { lang: "ts", today: TODAY });
    expect(res.text).toContain(".railway/railway.py exists");
    expect(res.text).toContain('In service("web", …) at line 6, add (merge into its build/deploy dicts):');
    expect(res.text).toContain("    healthcheckTimeout=90,");
    expect(res.text).not.toMatch(/start=/);
  });
});

describe("the documented migration of examples/maya-backend", () => {
  it("docs/cli.md and README.md show what `deploy-drift migrate` prints today", async () => {
    const res = await migrate(new DiskWorkspace(EXAMPLE), { lang: "ts", today: TODAY });
    const file = res.text.slice(res.text.indexOf("import {"), res.text.indexOf("\n---\n"));
    const cli = readFileSync(fileURLToPath(new URL("../../docs/cli.md", import.meta.url)), "utf8");
    const shown = cli.slice(
      cli.indexOf("<!-- migrate-example:start -->"),
      cli.indexOf("<!-- migrate-example:end -->"),
    );
    expect(shown).toContain(`\`\`\`ts\n${file}\n\`\`\``);
    const readme = readFileSync(fileURLToPath(new URL("../../README.md", import.meta.url)), "utf8");
    const block = file.slice(file.indexOf("  const mayaBackend"), file.indexOf("  });\n") + 5);
    const dedented = block
      .split("\n")
      .map((l) => l.replace(/^ {2}/, ""))
      .join("\n");
    expect(readme).toContain(`\`\`\`ts\n${dedented}\n\`\`\``);
  });
});
