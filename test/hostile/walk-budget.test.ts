/**
 * Issue 12 item 1: the walk never stops silently. A repository whose first 20,000 files sort before
 * the service is analysed in full; past any budget (file count, depth, per-run bytes) a blocking
 * finding says what was not read, so a truncated run cannot look clean.
 */
import * as fs from "node:fs";
import * as nodePath from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { analyzeRepo } from "../../src/analyze.js";
import { DiskWorkspace } from "../../src/repo/disk.js";
import { MemoryWorkspace, type Workspace } from "../../src/repo/workspace.js";
import { cleanupTempDirs, TODAY, tempDir, writeRepo } from "./helpers.js";

afterAll(cleanupTempDirs);

const API = {
  "services/api/requirements.txt": "fastapi==0.115.0\nuvicorn==0.32.0\n",
  "services/api/requirements.lock": "fastapi==0.110.0\nuvicorn==0.32.0\n",
  "services/api/main.py": "from fastapi import FastAPI\napp = FastAPI()\n",
};

/** The repro: `a/1` … `a/N` (empty files that sort before `services/`), then the service. */
function crowdedRepo(n: number): string {
  const dir = writeRepo(tempDir("dd-walk-"), API);
  fs.mkdirSync(nodePath.join(dir, "a"));
  for (let i = 1; i <= n; i++) fs.closeSync(fs.openSync(nodePath.join(dir, "a", String(i)), "w"));
  return dir;
}

const run = (ws: Workspace) => analyzeRepo(ws, { today: TODAY });

describe("the walk does not stop silently", () => {
  it("finds services/api behind 20,000 files that sort first (the issue's repro)", async () => {
    const dir = crowdedRepo(20_000);
    const report = await run(new DiskWorkspace(dir));
    expect(report.services.map((s) => s.root)).toEqual(["services/api"]);
    expect(report.findings.map((f) => f.rule)).toContain("lockfile-version-mismatch");
    expect(report.blocking).toBe(true);
    // Everything was listed: no gap finding.
    expect(report.findings.filter((f) => f.rule === "unreadable-file")).toEqual([]);
  }, 30_000);

  it("past the file-count budget, a blocking finding names what was not read", async () => {
    const dir = crowdedRepo(300);
    const ws = new DiskWorkspace(dir, "r", { files: 100 });
    const report = await run(ws);
    const gaps = report.findings.filter((f) => f.rule === "unreadable-file");
    expect(gaps).toHaveLength(1);
    expect(gaps[0]!.severity).toBe("error");
    expect(gaps[0]!.message).toMatch(/more than 100 files/);
    expect(gaps[0]!.message).toContain("`a/");
    expect(gaps[0]!.message).toContain("`services/`");
    expect(report.blocking).toBe(true);
    // The run did not see the service, and says so: it is not clean.
    expect(report.services).toEqual([]);
  });

  it("past the depth budget, a blocking finding names the folders not entered", async () => {
    const deep = `${Array.from({ length: 6 }, (_, i) => `d${i}`).join("/")}`;
    const dir = writeRepo(tempDir("dd-walk-"), {
      "requirements.txt": "fastapi==0.115.0\n",
      "main.py": "from fastapi import FastAPI\napp = FastAPI()\n",
      [`${deep}/svc/requirements.txt`]: "flask==3.0.0\n",
    });
    const report = await run(new DiskWorkspace(dir, "r", { depth: 3 }));
    const gaps = report.findings.filter((f) => f.rule === "unreadable-file");
    expect(gaps).toHaveLength(1);
    expect(gaps[0]!.message).toMatch(/nested more than 3 levels deep; `d0\/d1\/d2\/d3\/` was not read/);
    expect(report.blocking).toBe(true);
  });

  it("a tree nested 40 levels deep is walked and its deep part reported", async () => {
    const dir = tempDir("dd-walk-");
    // Built with relative mkdirs: the absolute path would exceed PATH_MAX.
    let cur = dir;
    for (let i = 0; i < 40; i++) {
      cur = nodePath.join(cur, "d");
      fs.mkdirSync(cur);
    }
    writeRepo(dir, API);
    const report = await run(new DiskWorkspace(dir));
    expect(report.services.map((s) => s.root)).toEqual(["services/api"]);
    const gaps = report.findings.filter((f) => f.rule === "unreadable-file");
    expect(gaps).toHaveLength(1);
    expect(gaps[0]!.message).toMatch(/nested more than 32 levels deep/);
  });

  it("a workspace without budgets (memory) and a clean disk repo have no gap finding", async () => {
    const mem = await run(new MemoryWorkspace(API));
    expect(mem.findings.filter((f) => f.rule === "unreadable-file")).toEqual([]);
    const disk = await run(new DiskWorkspace(writeRepo(tempDir("dd-walk-"), API)));
    expect(disk.findings.filter((f) => f.rule === "unreadable-file")).toEqual([]);
  });

  it("the gap follows the unreadable-file severity setting", async () => {
    const dir = crowdedRepo(50);
    writeRepo(dir, { "deploy-drift.toml": 'severity = { "unreadable-file" = "warning" }\n' });
    const report = await run(new DiskWorkspace(dir, "r", { files: 20 }));
    const gaps = report.findings.filter((f) => f.rule === "unreadable-file");
    expect(gaps.map((f) => f.severity)).toEqual(["warning"]);
  });
});
