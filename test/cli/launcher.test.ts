// The CLI as users run it: the launcher (dist/cli/index.js, from src/launcher.cjs) and the CommonJS
// bundle behind it. The compiled-code cache must make repeated runs cheaper and never change a
// result: written after a completed run, reused, replaced when unusable, off when asked.
import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { fdWriter } from "../../src/cli.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const CLI = path.join(ROOT, "dist/cli/index.js");
const EXAMPLE = path.join(ROOT, "examples/maya-backend");
const ARGS = [CLI, EXAMPLE, "--format", "json", "--today", "2026-11-26"];

const dirs: string[] = [];
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "dd-launcher-"));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function run(cacheDir: string, args = ARGS, extraEnv: Record<string, string> = {}) {
  const env: Record<string, string | undefined> = { ...process.env, NODE_DISABLE_COMPILE_CACHE: undefined };
  Object.assign(env, { DEPLOY_DRIFT_CACHE_DIR: cacheDir }, extraEnv);
  return spawnSync(process.execPath, args, { encoding: "utf8", env });
}
const cacheFiles = (dir: string) =>
  fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true }).map(String).sort() : [];

let uncached = "";
beforeAll(() => {
  const r = run(tempDir(), ARGS, { NODE_DISABLE_COMPILE_CACHE: "1" });
  expect(r.status).toBe(1);
  uncached = r.stdout;
  expect(JSON.parse(uncached).findings.length).toBeGreaterThan(0);
});

describe("the CLI launcher's compiled-code cache", () => {
  it("is written by a completed run and reused by the next, with the same report", () => {
    const dir = path.join(tempDir(), "cache");
    const first = run(dir);
    expect([first.status, first.stderr]).toEqual([1, ""]);
    expect(first.stdout).toBe(uncached);
    const files = cacheFiles(dir);
    expect(files).toEqual([expect.stringMatching(/^[0-9a-z]+-index\.cjs-\d+-\d+-v[\d.]+-\w+\.v8$/)]);
    expect((fs.statSync(dir).mode & 0o777).toString(8)).toBe("700");
    const stamp = fs.statSync(path.join(dir, files[0]!)).mtimeMs;
    const second = run(dir);
    expect([second.status, second.stderr, second.stdout]).toEqual([1, "", uncached]);
    // Accepted, so not written again.
    expect(fs.statSync(path.join(dir, files[0]!)).mtimeMs).toBe(stamp);
  });

  it("replaces a cache V8 rejects, and the run is unaffected", () => {
    const dir = tempDir();
    run(dir);
    const [name] = cacheFiles(dir);
    fs.writeFileSync(path.join(dir, name!), "not V8 code");
    const r = run(dir);
    expect([r.status, r.stderr, r.stdout]).toEqual([1, "", uncached]);
    expect(fs.readFileSync(path.join(dir, name!)).length).toBeGreaterThan(1000);
  });

  it("drops this install's caches of other bundles or Node versions", () => {
    const dir = tempDir();
    run(dir);
    const [name] = cacheFiles(dir);
    const stale = name!.replace(/-v[\d.]+-/, "-v0.0.0-");
    const other = name!.replace(/^[0-9a-z]+-/, "otherinstall-");
    fs.writeFileSync(path.join(dir, stale), "old");
    fs.writeFileSync(path.join(dir, other), "another install's");
    fs.rmSync(path.join(dir, name!));
    run(dir);
    expect(cacheFiles(dir)).toEqual([name, other].sort());
  });

  it("is not written for --version, --help or a usage error", () => {
    const dir = path.join(tempDir(), "cache");
    expect(run(dir, [CLI, "--version"]).status).toBe(0);
    expect(run(dir, [CLI, "--help"]).status).toBe(0);
    expect(run(dir, [CLI, "--format", "nope", EXAMPLE]).status).toBe(2);
    expect(cacheFiles(dir)).toEqual([]);
  });

  it("is off with NODE_DISABLE_COMPILE_CACHE=1", () => {
    const dir = path.join(tempDir(), "cache");
    const r = run(dir, ARGS, { NODE_DISABLE_COMPILE_CACHE: "1" });
    expect([r.status, r.stdout]).toEqual([1, uncached]);
    expect(cacheFiles(dir)).toEqual([]);
  });

  it("costs nothing but time when the folder cannot be written", () => {
    const blocker = path.join(tempDir(), "a-file");
    fs.writeFileSync(blocker, "");
    const r = run(path.join(blocker, "cache"));
    expect([r.status, r.stderr, r.stdout]).toEqual([1, "", uncached]);
  });
});

describe("the CLI's output", () => {
  it("ends quietly when the reader closes the pipe early (`| head`)", async () => {
    const child = spawn(process.execPath, [CLI, EXAMPLE, "--today", "2026-11-26"], {
      env: { ...process.env, NODE_DISABLE_COMPILE_CACHE: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.destroy();
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    const code = await new Promise((resolve) => child.on("close", resolve));
    expect([code, stderr]).toEqual([1, ""]);
  });

  it("fdWriter writes everything, multi-byte text included", () => {
    const file = path.join(tempDir(), "out.txt");
    const fd = fs.openSync(file, "w");
    const text = "✅ drift → found — ".repeat(100_000);
    fdWriter(fd).write(text);
    fs.closeSync(fd);
    expect(fs.readFileSync(file, "utf8")).toBe(text);
  });
});
