import * as fs from "node:fs";
import * as os from "node:os";
import * as nodePath from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli.js";
import { makeRepo, SERVICE } from "./git-repo.js";

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const sink = <T>(add: (s: string) => void): T =>
    ({
      write: (s: string) => {
        add(s);
        return true;
      },
      isTTY: false,
    }) as unknown as T;
  const code = await main(argv, {
    stdout: sink<typeof process.stdout>((s) => (stdout += s)),
    stderr: sink<typeof process.stderr>((s) => (stderr += s)),
  });
  return { code, stdout, stderr };
}

describe("deploy-drift --base", () => {
  it("prints the dependency-changes table in markdown and exits 1 when the lock was left behind", async () => {
    const dir = makeRepo(SERVICE, {
      "requirements.txt": "fastapi==0.115.5\nuvicorn==0.32.0\nhttpx==0.27.0\n",
    });
    const { code, stdout, stderr } = await run([dir, "--base", "HEAD~1", "--today", "2026-11-26"]);
    expect(stderr).toBe("");
    expect(code).toBe(1);
    expect(stdout).toContain("<summary>Dependency changes · 2 changes</summary>");
    expect(stdout).toContain(
      [
        "| Package | Change | From → To | File:line |",
        "|---|---|---|---|",
        "| `fastapi` | ⬆️ upgraded | `0.115.0` → `0.115.5` | `requirements.txt:1` |",
        "| `httpx` | ➕ added | — → `0.27.0` | `requirements.txt:3` |",
      ].join("\n"),
    );
    // The blocking list comes first, each root cause once: httpx missing from the lock (this change).
    expect(stdout).toMatch(/requirements\.txt:3:1` `httpx==0\.27\.0` .* without its lock/);
    expect(stdout.indexOf("Fix before merging")).toBeLessThan(stdout.indexOf("<details>"));
  });

  it("scans a subfolder of the repository against the base, with paths relative to it", async () => {
    const dir = makeRepo(
      Object.fromEntries(Object.entries(SERVICE).map(([k, v]) => [`services/api/${k}`, v])),
      { "services/api/requirements.txt": "fastapi==0.115.0\nuvicorn==0.32.0\nhttpx==0.27.0\n" },
    );
    const { code, stdout } = await run([
      nodePath.join(dir, "services/api"),
      "--base",
      "HEAD~1",
      "--format",
      "json",
      "--today",
      "2026-11-26",
    ]);
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.changes).toEqual([
      {
        service: ".",
        file: "requirements.txt",
        line: 3,
        package: "httpx",
        change: "added",
        from: null,
        to: "0.27.0",
      },
    ]);
  });

  it("the override label reaches the protected-path rule", async () => {
    const dir = makeRepo(
      { ...SERVICE, "deploy-drift.toml": 'protected-paths = ["Procfile"]\n' },
      { Procfile: "web: uvicorn main:app --host 0.0.0.0 --port $PORT\n" },
    );
    const blocked = await run([dir, "--base", "HEAD~1", "--format", "text", "--today", "2026-11-26"]);
    expect(blocked.stdout).toMatch(/Procfile: error \[protected-path-changed\]/);
    const allowed = await run([
      dir,
      "--base",
      "HEAD~1",
      "--label",
      "deploy-drift: allow-protected",
      "--format",
      "text",
      "--today",
      "2026-11-26",
    ]);
    expect(allowed.stdout).toMatch(/Procfile: notice \[protected-path-changed\]/);
  });

  it("is a usage error (exit 2) outside a git repository or with an unknown revision", async () => {
    const plain = fs.mkdtempSync(nodePath.join(os.tmpdir(), "deploy-drift-nogit-"));
    const a = await run([plain, "--base", "HEAD~1"]);
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/not inside a git repository/);
    const dir = makeRepo(SERVICE, {});
    const b = await run([dir, "--base", "no-such-branch"]);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/`no-such-branch` is not a known git revision/);
    const c = await run([dir, "--base", "--upload-pack=x"]);
    expect(c.code).toBe(2);
    const d = await run([dir, "--label", "x"]);
    expect(d.code).toBe(2);
  });
});
