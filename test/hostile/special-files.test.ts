/**
 * Issue 12 item 10: FIFOs, devices, directories and symbolic-link loops at deployment paths are
 * reported as what they are (never taken for absent, never "points outside"), and a FIFO never
 * stalls the run: the walk lists special files, a read stats them before any open.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as nodePath from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DiskWorkspace } from "../../src/repo/disk.js";
import { analyzeDir, cleanupTempDirs, tempDir, writeRepo } from "./helpers.js";

afterAll(cleanupTempDirs);

const APP = {
  "requirements.txt": "fastapi==0.115.0\nuvicorn==0.32.0\n",
  "main.py": "from fastapi import FastAPI\napp = FastAPI()\n",
};

const posix = process.platform !== "win32";

function mkfifo(abs: string): void {
  execFileSync("mkfifo", [abs]);
}

/** A character device (as /dev/null), or false when this user may not create one. */
function mknodNull(abs: string): boolean {
  try {
    execFileSync("mknod", [abs, "c", "1", "3"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

function unreadable(findings: Array<{ rule: string; file: string; message: string }>) {
  return Object.fromEntries(
    findings.filter((f) => f.rule === "unreadable-file").map((f) => [f.file, f.message]),
  );
}

describe.runIf(posix)("special files at deployment paths", () => {
  it("reports FIFOs, a directory and a symlink loop as what they are, without hanging", async () => {
    const dir = writeRepo(tempDir("dd-special-"), APP);
    for (const n of [".python-version", "railway.json", "Procfile", "requirements-dev.txt"])
      mkfifo(nodePath.join(dir, n));
    fs.mkdirSync(nodePath.join(dir, "nixpacks.toml"));
    fs.symlinkSync("loop-b", nodePath.join(dir, "railpack.json"));
    fs.symlinkSync("railpack.json", nodePath.join(dir, "loop-b"));
    const started = Date.now();
    const report = await analyzeDir(dir);
    expect(Date.now() - started).toBeLessThan(10_000);
    const by = unreadable(report.findings);
    for (const n of [".python-version", "railway.json", "Procfile", "requirements-dev.txt"])
      expect(by[n], n).toBe(`${n} is a named pipe (FIFO), not a regular file; it was not read`);
    expect(by["nixpacks.toml"]).toBe("nixpacks.toml is a directory, not a regular file; it was not read");
    expect(by["railpack.json"]).toBe(
      "railpack.json is a symbolic link that loops (it never reaches a file); it was not read",
    );
    expect(report.blocking).toBe(true);
  });

  it("reports a device as a device (not as a directory), when one can be created", async (ctx) => {
    const dir = writeRepo(tempDir("dd-special-"), APP);
    if (!mknodNull(nodePath.join(dir, "runtime.txt"))) ctx.skip();
    const report = await analyzeDir(dir);
    expect(unreadable(report.findings)["runtime.txt"]).toBe(
      "runtime.txt is a character device, not a regular file; it was not read",
    );
  });

  it("the workspace lists special files but isFile is false and reads refuse them", () => {
    const dir = writeRepo(tempDir("dd-special-"), APP);
    mkfifo(nodePath.join(dir, "Procfile"));
    fs.mkdirSync(nodePath.join(dir, "empty"));
    const ws = new DiskWorkspace(dir);
    expect(ws.files()).toContain("Procfile");
    expect(ws.isFile("Procfile")).toBe(false);
    expect(ws.read("Procfile")).toMatchObject({ kind: "refused", reason: "not-a-file" });
    expect(ws.read("empty")).toMatchObject({ kind: "refused", reason: "not-a-file" });
    expect(ws.read("nothing-here")).toEqual({ kind: "missing", path: "nothing-here" });
  });

  it("a dangling link to a missing file inside the repository is missing, not 'outside'", () => {
    const dir = writeRepo(tempDir("dd-special-"), { ...APP, Procfile: { symlinkTo: "gone/Procfile" } });
    const ws = new DiskWorkspace(dir);
    expect(ws.read("Procfile")).toEqual({ kind: "missing", path: "Procfile" });
    const out = writeRepo(tempDir("dd-special-"), {
      ...APP,
      Procfile: { symlinkTo: "/nonexistent/Procfile" },
    });
    expect(new DiskWorkspace(out).read("Procfile")).toMatchObject({ reason: "symlink-outside-root" });
  });
});
