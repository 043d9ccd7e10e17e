// The defaults live apart from the zod schema so that a run without a configuration never loads
// zod; these tests keep the two in step and check that the schema is loaded exactly when needed.
import { describe, expect, it } from "vitest";
import { analyze, analyzeRepo, loadParsers } from "../../src/analyze.js";
import { CONFIG_KEYS, defaultConfig } from "../../src/config/defaults.js";
import { loadConfig } from "../../src/config/load.js";
import { ConfigSchema } from "../../src/config/schema.js";
import { MemoryWorkspace } from "../../src/repo/workspace.js";

describe("configuration defaults", () => {
  it("are what the schema gives an empty configuration", () => {
    expect(defaultConfig()).toEqual(ConfigSchema.parse({}));
  });

  it("list the schema's keys in its order", () => {
    expect([...CONFIG_KEYS]).toEqual(Object.keys(ConfigSchema.shape));
  });

  it("are a fresh copy each time, in defaultConfig and in the schema", () => {
    const a = defaultConfig();
    a.ignore.push({ rule: "x", reason: "y" });
    a.severity.x = "off";
    expect(defaultConfig().ignore).toEqual([]);
    const b = ConfigSchema.parse({});
    b["protected-paths"].push("x");
    expect(ConfigSchema.parse({})["protected-paths"]).toEqual([]);
  });
});

describe("loading the schema", () => {
  const plain = { "requirements.txt": "fastapi==0.115.0\n" };

  it("is skipped without a configuration", async () => {
    expect((await loadParsers(new MemoryWorkspace(plain))).configSchema).toBeUndefined();
    expect(
      (await loadParsers(new MemoryWorkspace({ ...plain, "pyproject.toml": '[project]\nname = "x"\n' })))
        .configSchema,
    ).toBeUndefined();
  });

  it.each([
    ["deploy-drift.toml", { "deploy-drift.toml": 'fail-on = "warning"\n' }],
    [".deploy-drift.toml", { ".deploy-drift.toml": 'fail-on = "warning"\n' }],
    ["[tool.deploy-drift]", { "pyproject.toml": '[tool.deploy-drift]\nfail-on = "warning"\n' }],
  ])("happens for %s", async (_, files) => {
    const ws = new MemoryWorkspace({ ...plain, ...files });
    const parsers = await loadParsers(ws);
    expect(parsers.configSchema).toBe(ConfigSchema);
    expect(loadConfig(ws, undefined, parsers.configSchema).config["fail-on"]).toBe("warning");
  });

  it("happens for an explicit config file", async () => {
    const parsers = await loadParsers(new MemoryWorkspace(plain), {
      file: "cfg.toml",
      text: "pypi = false\n",
    });
    expect(parsers.configSchema).toBe(ConfigSchema);
  });

  it("is required when a configuration exists: no silent run on the defaults", () => {
    const ws = new MemoryWorkspace({ ...plain, "deploy-drift.toml": 'fail-on = "never"\n' });
    expect(() => analyze(ws)).toThrow(/analyzeRepo/);
    expect(() => analyze(new MemoryWorkspace(plain))).not.toThrow();
  });

  it("is loaded for the base revision too, whose configuration may differ from the head's", async () => {
    const head = new MemoryWorkspace(plain);
    const base = new MemoryWorkspace({ ...plain, "ci/deploy-drift.toml": 'fail-on = "never"\n' });
    const report = await analyzeRepo(head, {
      config: "ci/deploy-drift.toml",
      base: { ws: base, changedFiles: ["ci/deploy-drift.toml"] },
    });
    expect(report.findings.map((f) => f.rule)).toContain("invalid-deploy-drift-config");
  });
});
