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
    expect(files).toEqual([
      expect.stringMatching(/^[0-9a-z]+-index\.cjs-[0-9a-f]{16}-\d+-\d+-v[\d.]+-\w+\.v8$/),
    ]);
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

  it("drops this install's caches of earlier bundles, keeps other Node versions' and other installs'", () => {
    const dir = tempDir();
    run(dir);
    const [name] = cacheFiles(dir);
    const oldBundle = name!.replace(/-[0-9a-f]{16}-/, "-0123456789abcdef-");
    const otherNode = name!.replace(/-v[\d.]+-/, "-v0.0.0-");
    const otherInstall = name!.replace(/^[0-9a-z]+-/, "otherinstall-");
    for (const f of [oldBundle, otherNode, otherInstall]) fs.writeFileSync(path.join(dir, f), "x");
    fs.rmSync(path.join(dir, name!));
    run(dir);
    expect(cacheFiles(dir)).toEqual([name, otherNode, otherInstall].sort());
  });

  it("runs the new code when a bundle of the same size and time replaces the old one", () => {
    // A reinstall that keeps modification times (tar, cp -p, image layers): only the bundle's hash,
    // which the build writes into the launcher, tells the two apart.
    const copy = path.join(tempDir(), "cli");
    fs.cpSync(path.dirname(CLI), copy, { recursive: true });
    const bundle = path.join(copy, "app/index.cjs");
    const launcher = path.join(copy, "index.js");
    const stamp = new Date("2026-01-01T00:00:00Z");
    fs.utimesSync(bundle, stamp, stamp);
    const dir = tempDir();
    const args = [launcher, "--format", "json", "--today", "2026-11-26", EXAMPLE];
    expect(JSON.parse(run(dir, args).stdout).tool.version).toBe("0.1.0");
    const text = fs.readFileSync(bundle, "utf8");
    expect(text).toContain('"0.1.0"');
    fs.writeFileSync(bundle, text.replace('"0.1.0"', '"9.9.9"'));
    fs.utimesSync(bundle, stamp, stamp);
    const id = /const BUNDLE_ID = "([0-9a-f]{16})"/.exec(fs.readFileSync(launcher, "utf8"))![1]!;
    fs.writeFileSync(launcher, fs.readFileSync(launcher, "utf8").replace(id, "fedcba9876543210"));
    expect(JSON.parse(run(dir, args).stdout).tool.version).toBe("9.9.9");
  });

  it("is not read from or written to a folder others can write", () => {
    const dir = tempDir();
    fs.chmodSync(dir, 0o777);
    const r = run(dir);
    expect([r.status, r.stdout]).toEqual([1, uncached]);
    if (typeof process.getuid === "function") expect(cacheFiles(dir)).toEqual([]);
  });

  it("ignores a relative HOME or XDG_CACHE_HOME (it would point into the scanned folder)", () => {
    const cwd = tempDir();
    const env = { ...process.env, NODE_DISABLE_COMPILE_CACHE: undefined, DEPLOY_DRIFT_CACHE_DIR: undefined };
    const r = spawnSync(process.execPath, ARGS, {
      cwd,
      encoding: "utf8",
      env: { ...env, HOME: "home", XDG_CACHE_HOME: "cache" },
    });
    expect([r.status, r.stdout]).toEqual([1, uncached]);
    expect(fs.readdirSync(cwd)).toEqual([]);
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

  it("fdWriter goes on after short writes and a full pipe (EAGAIN), and stops on EPIPE", () => {
    const text = "é→".repeat(1000);
    const got: Buffer[] = [];
    let calls = 0;
    const flaky = ((_fd: number, buf: Buffer, off: number) => {
      calls++;
      if (calls % 3 === 0) throw Object.assign(new Error("full"), { code: "EAGAIN" });
      const n = Math.min(7, buf.length - off); // short writes, splitting multi-byte characters
      got.push(Buffer.from(buf.subarray(off, off + n)));
      return n;
    }) as unknown as typeof fs.writeSync;
    fdWriter(1, flaky).write(text);
    expect(Buffer.concat(got).toString("utf8")).toBe(text);

    let after = 0;
    const closed = (() => {
      after++;
      throw Object.assign(new Error("closed"), { code: "EPIPE" });
    }) as unknown as typeof fs.writeSync;
    expect(() => fdWriter(1, closed).write(text)).not.toThrow();
    expect(after).toBe(1);

    const broken = (() => {
      throw Object.assign(new Error("bad fd"), { code: "EBADF" });
    }) as unknown as typeof fs.writeSync;
    expect(() => fdWriter(1, broken).write(text)).toThrow(/bad fd/);
  });
});
