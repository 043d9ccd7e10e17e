/**
 * Issue 7, safe workspace: nothing outside the scanned root is ever read. Each case is a real
 * directory with real symlinks; the outside targets hold a random token, and the token must appear in
 * no output (markdown tiers, text, JSON, SARIF, check-run annotations, workflow commands). The link
 * itself is reported as an `unreadable-file` finding.
 */
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as nodePath from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { analyzeRepo } from "../../src/analyze.js";
import type { Finding } from "../../src/model/finding.js";
import { DiskWorkspace } from "../../src/repo/disk.js";
import {
  MAX_FILE_BYTES,
  MAX_TOTAL_BYTES,
  normalizeRelPath,
  type ReadResult,
  type Workspace,
} from "../../src/repo/workspace.js";
import {
  cleanupTempDirs,
  leaks,
  type Outputs,
  renderAll,
  runAll,
  TODAY,
  tempDir,
  writeRepo,
} from "./helpers.js";

afterAll(cleanupTempDirs);

const APP = {
  "app/__init__.py": "",
  "app/main.py": "from fastapi import FastAPI\napp = FastAPI()\n",
  Procfile: "web: uvicorn app.main:app --host 0.0.0.0 --port $PORT\n",
};

/** A secret file outside any repository, holding a fresh random token. */
function outsideSecret(name = "secret.txt"): { path: string; token: string; dir: string } {
  const dir = tempDir("dd-outside-");
  const token = `TOKEN${randomBytes(12).toString("hex")}`;
  const path = nodePath.join(dir, name);
  // Valid-looking content for every format, so a reader that followed the link would parse and echo it.
  fs.writeFileSync(
    path,
    `${token}==1.0\n# ${token}\nweb: ${token}\n[start]\ncmd = "${token}"\n${token}=1\npython-${token}\n`,
  );
  return { path, token, dir };
}

function unreadable(run: Outputs, file: string): Finding[] {
  return run.report.findings.filter((f) => f.rule === "unreadable-file" && f.file === file);
}

function expectNoLeak(run: Outputs, token: string): void {
  expect(leaks(run.out, token)).toEqual([]);
  expect(JSON.stringify(run.report)).not.toContain(token);
}

describe("a symlink that leaves the root", () => {
  it("requirements.txt → an absolute path outside: reported, content in no output", async () => {
    const s = outsideSecret();
    const dir = writeRepo(tempDir(), { ...APP, "requirements.txt": { symlinkTo: s.path } });
    const run = await runAll(dir);
    const [f] = unreadable(run, "requirements.txt");
    expect(f).toMatchObject({ severity: "error", line: 1 });
    expect(f!.message).toMatch(/symbolic link that points outside the repository/);
    expectNoLeak(run, s.token);
    // The target's path is not echoed either.
    expect(leaks(run.out, s.dir)).toEqual([]);
  });

  it("requirements.txt → /etc/hostname (the issue's case): reported as an outside link", async () => {
    const dir = writeRepo(tempDir(), { ...APP, "requirements.txt": { symlinkTo: "/etc/hostname" } });
    const run = await runAll(dir);
    expect(unreadable(run, "requirements.txt")).toHaveLength(1);
    expect(leaks(run.out, "/etc/hostname")).toEqual([]);
  });

  it("a relative link climbing out (../../secret) is refused like an absolute one", async () => {
    const s = outsideSecret();
    const base = tempDir();
    const dir = nodePath.join(base, "repo");
    fs.mkdirSync(dir);
    fs.copyFileSync(s.path, nodePath.join(base, "secret.txt"));
    writeRepo(dir, { ...APP, "requirements.txt": { symlinkTo: "../secret.txt" } });
    const run = await runAll(dir);
    expect(unreadable(run, "requirements.txt")).toHaveLength(1);
    expectNoLeak(run, s.token);
  });

  it("a chain of links inside the root that ends outside is refused", async () => {
    const s = outsideSecret();
    const dir = writeRepo(tempDir(), {
      ...APP,
      "requirements.txt": { symlinkTo: "reqs/hop1.txt" },
      "reqs/hop1.txt": { symlinkTo: "hop2.txt" },
      "reqs/hop2.txt": { symlinkTo: s.path },
    });
    const run = await runAll(dir);
    expect(unreadable(run, "requirements.txt")).toHaveLength(1);
    expectNoLeak(run, s.token);
  });

  it("a dangling link to a missing outside path is reported, not treated as missing", async () => {
    const dir = writeRepo(tempDir(), {
      ...APP,
      "requirements.txt": { symlinkTo: "/nonexistent/deploy-drift/secret" },
    });
    const run = await runAll(dir);
    expect(unreadable(run, "requirements.txt")).toHaveLength(1);
  });

  it("every deployment file behind an outside link is reported and never read", async () => {
    const s = outsideSecret();
    const files = [
      "runtime.txt",
      ".python-version",
      ".tool-versions",
      "railway.json",
      "nixpacks.toml",
      "Procfile",
      "Dockerfile",
      "pyproject.toml",
      "requirements.txt",
      "requirements.lock",
      ".env.example",
    ];
    const dir = writeRepo(tempDir(), {
      "app/__init__.py": "",
      "app/main.py": "app = 1\n",
      ...Object.fromEntries(files.map((f) => [f, { symlinkTo: s.path }])),
    });
    const run = await runAll(dir);
    const reported = new Set(
      run.report.findings.filter((f) => f.rule === "unreadable-file").map((f) => f.file),
    );
    // Files every service reads. (.env.example and requirements.lock are read only in some setups.)
    for (const f of [
      "runtime.txt",
      ".python-version",
      ".tool-versions",
      "railway.json",
      "Procfile",
      "requirements.txt",
    ])
      expect(reported, f).toContain(f);
    expectNoLeak(run, s.token);
  });

  it("a symlinked source folder is not walked: its Python files are never read", async () => {
    const s = outsideSecret();
    const outsideApp = tempDir("dd-outside-app-");
    writeRepo(outsideApp, {
      "__init__.py": "",
      "main.py": `import os\nfrom fastapi import FastAPI\napp = FastAPI(title="${s.token}")\nX = os.environ["V_${s.token}"]\n`,
    });
    const dir = writeRepo(tempDir(), {
      "requirements.txt": "fastapi==0.110.0\nuvicorn==0.30.0\n",
      Procfile: "web: uvicorn app.main:app --host 0.0.0.0 --port $PORT\n",
      app: { symlinkTo: outsideApp },
    });
    const run = await runAll(dir);
    expectNoLeak(run, s.token);
  });

  // A railway.ts that links out of the root (or is a folder) is an unreadable-file finding; it used to
  // abort the run (readRailwayTs demanded the parser before reading the file).
  it(".railway/railway.ts linking outside is reported, and the run completes", async () => {
    const s = outsideSecret();
    const dir = writeRepo(tempDir(), { ...APP, ".railway/railway.ts": { symlinkTo: s.path } });
    const run = await runAll(dir);
    expect(unreadable(run, ".railway/railway.ts")).toHaveLength(1);
    expectNoLeak(run, s.token);
  });

  it(".railway/railway.ts as a directory is reported, and the run completes", async () => {
    const dir = writeRepo(tempDir(), { ...APP, ".railway/railway.ts/x": "" });
    const run = await runAll(dir);
    expect(unreadable(run, ".railway/railway.ts")).toHaveLength(1);
  });

  it("a link loop is reported, not followed forever", async () => {
    const dir = writeRepo(tempDir(), {
      ...APP,
      "requirements.txt": { symlinkTo: "loop-b" },
      "loop-b": { symlinkTo: "requirements.txt" },
    });
    const run = await runAll(dir);
    expect(unreadable(run, "requirements.txt")).toHaveLength(1);
  });

  it("a link that stays inside the root is followed (control)", async () => {
    const dir = writeRepo(tempDir(), {
      ...APP,
      "requirements.txt": { symlinkTo: "reqs/base.txt" },
      "reqs/base.txt": "fastapi==0.110.0\nuvicorn==0.30.0\n",
    });
    const run = await runAll(dir);
    expect(run.report.findings.filter((f) => f.rule === "unreadable-file")).toEqual([]);
    expect(run.report.services[0]!.sections.categories.flatMap((c) => c.packages)).toContain("fastapi");
  });
});

describe("paths in config values that leave the root", () => {
  /** repo at <base>/x/repo, so `../../etc/passwd` is <base>/etc/passwd: a real file holding a token. */
  function nestedRepo(): { base: string; dir: string; token: string } {
    const base = tempDir();
    const dir = nodePath.join(base, "x", "repo");
    fs.mkdirSync(dir, { recursive: true });
    const token = `TOKEN${randomBytes(12).toString("hex")}`;
    fs.mkdirSync(nodePath.join(base, "etc"));
    fs.writeFileSync(nodePath.join(base, "etc", "passwd"), `[start]\ncmd = "${token}"\n`);
    fs.writeFileSync(nodePath.join(base, "x", "Dockerfile"), `FROM python:3.11\nCMD ["${token}"]\n`);
    fs.writeFileSync(nodePath.join(base, "x", "more.txt"), `${token}==1.0\n`);
    return { base, dir, token };
  }

  /** Records every read so the test can prove no path outside the root returned content. */
  function recording(ws: Workspace): { ws: Workspace; reads: ReadResult[]; asked: string[] } {
    const reads: ReadResult[] = [];
    const asked: string[] = [];
    return {
      reads,
      asked,
      ws: {
        name: ws.name,
        read: (p) => {
          asked.push(p);
          const r = ws.read(p);
          reads.push(r);
          return r;
        },
        isFile: (p) => {
          asked.push(p);
          return ws.isFile(p);
        },
        isDir: (p) => ws.isDir(p),
        files: () => ws.files(),
      },
    };
  }

  it('nixpacksConfigPath "../../etc/passwd" is reported and not read', async () => {
    const r = nestedRepo();
    writeRepo(r.dir, {
      ...APP,
      "requirements.txt": "fastapi==0.110.0\nuvicorn==0.30.0\n",
      "railway.json": JSON.stringify({
        build: { builder: "NIXPACKS", nixpacksConfigPath: "../../etc/passwd" },
      }),
    });
    const rec = recording(new DiskWorkspace(r.dir));
    const report = await analyzeRepo(rec.ws, { today: TODAY });
    const run = { report, ...renderAll(report) };
    const f = report.findings.find((x) => x.rule === "railway-path-missing");
    expect(f).toMatchObject({ file: "railway.json", line: 1, severity: "error" });
    expect(f!.message).toMatch(/points outside the repository; it was not read/);
    expectNoLeak(run, r.token);
    // Nothing outside the root returned content, and nothing climbing out was even asked for with a hit.
    for (const x of rec.reads) if (x.kind === "ok") expect(normalizeRelPath(x.path)).not.toBeNull();
    expect(rec.reads.filter((x) => x.kind === "ok" && x.text.includes(r.token))).toEqual([]);
  });

  it("dockerfilePath, -r and -c climbing out are reported and never read", async () => {
    const r = nestedRepo();
    writeRepo(r.dir, {
      ...APP,
      "requirements.txt": `fastapi==0.110.0\nuvicorn==0.30.0\n-r ../more.txt\n-c ${nodePath.join(r.base, "x", "more.txt")}\n-r ../../x/more.txt\n`,
      "railway.json": JSON.stringify({ build: { builder: "DOCKERFILE", dockerfilePath: "../Dockerfile" } }),
    });
    const run = await runAll(r.dir);
    expect(
      run.report.findings.some((f) => f.rule === "railway-path-missing" && /outside/.test(f.message)),
    ).toBe(true);
    expect(
      run.report.findings.filter((f) => f.file === "requirements.txt" && f.rule === "unreadable-file").length,
    ).toBe(3);
    expectNoLeak(run, r.token);
  });

  it("an absolute nixpacksConfigPath is taken as repository-absolute, never as a host path", async () => {
    const s = outsideSecret("nixpacks.toml");
    const dir = writeRepo(tempDir(), {
      ...APP,
      "requirements.txt": "fastapi==0.110.0\nuvicorn==0.30.0\n",
      "railway.json": JSON.stringify({ build: { builder: "NIXPACKS", nixpacksConfigPath: s.path } }),
    });
    const run = await runAll(dir);
    expect(run.report.findings.some((f) => f.rule === "railway-path-missing")).toBe(true);
    expectNoLeak(run, s.token);
  });
});

describe("special files and size limits", () => {
  it("FIFOs are never opened (a read would block forever)", async () => {
    const dir = writeRepo(tempDir(), { "app/__init__.py": "", "app/main.py": "app = 1\n" });
    try {
      execFileSync("mkfifo", [nodePath.join(dir, "requirements.txt"), nodePath.join(dir, "Procfile")]);
    } catch {
      return; // no mkfifo on this platform
    }
    // Reaching the assertions at all proves no FIFO was opened for reading (that would block).
    const run = await runAll(dir);
    // A FIFO is not a file: it is either reported as unreadable or treated as absent, never parsed.
    for (const f of run.report.findings.filter((x) => x.file === "Procfile" || x.file === "requirements.txt"))
      expect(["unreadable-file", "start-command-missing"]).toContain(f.rule);
  });

  it("a link to /dev/zero is refused as an outside link, never read", async () => {
    const dir = writeRepo(tempDir(), { ...APP, "requirements.txt": { symlinkTo: "/dev/zero" } });
    const run = await runAll(dir);
    expect(unreadable(run, "requirements.txt")).toHaveLength(1);
  });

  it("a file over the per-file cap is reported by size and not read", async () => {
    const token = `TOKEN${randomBytes(12).toString("hex")}`;
    const big = `${token}==1.0\n${"# padding padding padding padding\n".repeat(Math.ceil(MAX_FILE_BYTES / 34) + 10)}`;
    const dir = writeRepo(tempDir(), { ...APP, "requirements.txt": big });
    const run = await runAll(dir);
    const [f] = unreadable(run, "requirements.txt");
    expect(f!.message).toMatch(/over the 1048576-byte limit/);
    expectNoLeak(run, token);
  });

  it("stops reading once the per-run budget is spent, and reports what it skipped", async () => {
    // Sparse files: each is MAX_FILE_BYTES of zeros on disk for free; reading one spends its size.
    const dir = writeRepo(tempDir(), { ...APP, "requirements.txt": "fastapi==0.110.0\nuvicorn==0.30.0\n" });
    fs.mkdirSync(nodePath.join(dir, "requirements"));
    const n = Math.ceil(MAX_TOTAL_BYTES / MAX_FILE_BYTES) + 3;
    for (let i = 0; i < n; i++) {
      const p = nodePath.join(dir, "requirements", `r${String(i).padStart(3, "0")}.txt`);
      fs.writeFileSync(p, "");
      fs.truncateSync(p, MAX_FILE_BYTES);
    }
    const started = Date.now();
    const run = await runAll(dir);
    const skipped = run.report.findings.filter(
      (f) => f.rule === "unreadable-file" && /budget/.test(f.message),
    );
    expect(skipped.length).toBeGreaterThanOrEqual(3);
    expect(skipped.length).toBeLessThanOrEqual(n);
    // The files read before the budget ran out are binary (NUL bytes), and reported as such.
    expect(run.report.findings.some((f) => f.rule === "unreadable-file" && /NUL bytes/.test(f.message))).toBe(
      true,
    );
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});
