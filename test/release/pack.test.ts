// The npm package as a stranger gets it: `npm pack` of the committed tree (dist/ included, as the
// lead commits it), installed offline into empty folders the way a user (`npm install`, `npx`) and
// pre-commit (`language: node` ends with `npm install -g <tarball>`) install it, then run.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = resolve(".");
const pkg = JSON.parse(readFileSync("package.json", "utf8")) as Record<string, unknown> & {
  name: string;
  version: string;
  bin: Record<string, string>;
  files: string[];
  engines: { node: string };
  dependencies?: Record<string, string>;
};
/** 2 MB, as npm prints sizes (decimal). */
const UNPACKED_BUDGET = 2_000_000;
const ALLOWED = [
  /^package\.json$/,
  /^README\.md$/,
  /^LICENSE$/,
  /^CHANGELOG\.md$/,
  /^dist\/cli\//,
  /^docs\/rules\/([a-z0-9-]+|README)\.md$/,
];

const tmp = mkdtempSync(join(tmpdir(), "deploy-drift-pack-"));
/** npm with an empty cache and a registry that cannot answer: any download fails the test. */
const npmEnv = {
  ...process.env,
  npm_config_cache: join(tmp, "npm-cache"),
  npm_config_registry: "http://127.0.0.1:9/",
  npm_config_offline: "true",
  npm_config_audit: "false",
  npm_config_fund: "false",
  npm_config_update_notifier: "false",
  npm_config_userconfig: join(tmp, "npmrc"),
  DEPLOY_DRIFT_CACHE_DIR: join(tmp, "v8-cache"),
};
const npm = (args: string[], cwd: string) =>
  execFileSync("npm", args, { cwd, env: npmEnv, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

interface PackEntry {
  filename: string;
  unpackedSize: number;
  entryCount: number;
  files: Array<{ path: string; size: number }>;
}
let dry: PackEntry;
let tarball: string;

beforeAll(() => {
  dry = (JSON.parse(npm(["pack", "--dry-run", "--json", "--ignore-scripts"], ROOT)) as [PackEntry])[0];
  const packed = (
    JSON.parse(npm(["pack", "--json", "--ignore-scripts", "--pack-destination", tmp], ROOT)) as [PackEntry]
  )[0];
  tarball = join(tmp, packed.filename);
}, 60_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("package.json as published", () => {
  it("is public, with a bin, metadata and no runtime dependencies (the bundles are self-contained)", () => {
    expect(pkg.private).toBeUndefined();
    expect(pkg.bin).toEqual({ "deploy-drift": "dist/cli/index.js" });
    expect(pkg.dependencies ?? {}).toEqual({});
    expect(pkg.license).toBe("MIT");
    for (const key of ["description", "repository", "homepage", "bugs", "keywords"])
      expect(pkg[key]).toBeTruthy();
    expect(pkg.engines.node).toMatch(/^>=20(\.\d+)*$/);
  });
});

describe("npm pack --dry-run", () => {
  it("ships only the CLI bundle, the rule docs, README, LICENSE and CHANGELOG", () => {
    const paths = dry.files.map((f) => f.path);
    const stray = paths.filter((p) => !ALLOWED.some((re) => re.test(p)));
    expect(stray).toEqual([]);
    expect(paths.filter((p) => /^(src|test|bench|scripts|examples)\//.test(p))).toEqual([]);
    expect(paths).not.toContain("dist/index.js"); // the action's bundle is for the action only
    for (const f of [
      "dist/cli/index.js",
      "dist/cli/app/index.cjs",
      "dist/cli/package.json",
      "LICENSE",
      "CHANGELOG.md",
      "README.md",
    ])
      expect(paths).toContain(f);
  });

  it("ships every rule page", () => {
    const pages = readdirSync("docs/rules").filter((f) => f.endsWith(".md"));
    const shipped = new Set(dry.files.map((f) => f.path));
    expect(pages.filter((p) => !shipped.has(`docs/rules/${p}`))).toEqual([]);
  });

  it(`stays under ${UNPACKED_BUDGET / 1e6} MB unpacked`, () => {
    const largest = [...dry.files].sort((a, b) => b.size - a.size).slice(0, 5);
    expect(dry.unpackedSize, JSON.stringify(largest)).toBeLessThan(UNPACKED_BUDGET);
  });
});

describe("the packed tarball, installed offline into an empty folder", () => {
  const EXAMPLE = join(ROOT, "examples/maya-backend");
  const expectReport = (r: ReturnType<typeof spawnSync>) => {
    expect(r.stderr.toString()).toBe("");
    expect(r.status).toBe(1); // the example has blocking findings
    const report = JSON.parse(r.stdout.toString()) as {
      schemaVersion: number;
      findings: Array<{ rule: string }>;
    };
    expect(report.schemaVersion).toBe(1);
    expect(report.findings.map((f) => f.rule)).toContain("lockfile-missing-package");
  };

  it("runs `npx deploy-drift` from a project that installed it", () => {
    const project = join(tmp, "project");
    mkdirSync(project);
    npm(["install", "--offline", "--no-audit", "--no-fund", "--no-save", tarball], project);
    expect(readdirSync(join(project, "node_modules")).filter((d) => !d.startsWith("."))).toEqual([
      "deploy-drift",
    ]);
    const r = spawnSync("npx", ["--no-install", "deploy-drift", EXAMPLE, "--format", "json"], {
      cwd: project,
      env: npmEnv,
    });
    expectReport(r);
  }, 30_000);

  it("runs from a global prefix, as pre-commit's `language: node` installs it", () => {
    const prefix = join(tmp, "prefix");
    npm(["install", "--global", "--prefix", prefix, "--offline", "--no-audit", "--no-fund", tarball], tmp);
    const bin = join(prefix, "bin", "deploy-drift");
    expect(existsSync(bin)).toBe(true);
    expect(readdirSync(join(prefix, "lib", "node_modules"))).toEqual(["deploy-drift"]);
    const r = spawnSync(bin, [EXAMPLE, "--format", "json"], { cwd: tmp, env: npmEnv });
    expectReport(r);
    const version = spawnSync(bin, ["--version"], { cwd: tmp, env: npmEnv });
    expect(version.stdout.toString().trim()).toContain(pkg.version);
  }, 30_000);
});
