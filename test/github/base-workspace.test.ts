import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeRepo } from "../../src/analyze.js";
import {
  type BaseRead,
  isDeploymentFile,
  MAX_BASE_BLOBS,
  MAX_PULL_FILES,
  readBaseFromApi,
} from "../../src/github/base-workspace.js";
import type { PullFile } from "../../src/github/client.js";
import { MAX_FILE_BYTES, MemoryWorkspace, type Workspace } from "../../src/repo/workspace.js";
import { FakeBaseApi, HttpError } from "./helpers.js";

const SHA = "b".repeat(40);
const CLEAN = new URL("../fixtures/github/repo-clean/", import.meta.url);

function fixtureFiles(dir: URL, prefix = ""): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of fs.readdirSync(dir))
    out[`${prefix}${name}`] = fs.readFileSync(new URL(name, dir), "utf8");
  return out;
}

const modified = (...names: string[]): PullFile[] =>
  names.map((filename) => ({ filename, status: "modified" }));

async function readOk(api: FakeBaseApi, dir = ""): Promise<Extract<BaseRead, { ok: true }>> {
  const r = await readBaseFromApi(api, { baseSha: SHA, pr: 2, dir, name: "base" });
  if (!r.ok) throw new Error(`base unavailable: ${r.reason}`);
  return r;
}

function blobPaths(api: FakeBaseApi): string[] {
  const byId = new Map(Object.keys(api.files).map((p) => [FakeBaseApi.sha("blob", p), p]));
  return api.calls
    .filter((c) => c.op === "blob")
    .map((c) => byId.get((c as { sha: string }).sha)!)
    .sort();
}

describe("readBaseFromApi", () => {
  it("lists the changes, reads the tree once, fetches the deployment files and nothing else", async () => {
    const api = new FakeBaseApi(
      {
        ...fixtureFiles(CLEAN),
        "deploy-drift.toml": 'protected-paths = ["Procfile"]\n',
        "lib/helpers.py": "x = 1\n",
        "docs/requirements.txt": "sphinx==8.0.0\n",
      },
      modified("requirements.in", "app.py"),
    );
    const r = await readOk(api);
    expect(api.ops()).toEqual(["files", "tree", "blob", "blob", "blob", "blob", "blob"]);
    expect(r.requests).toEqual({ pullFiles: 1, trees: 1, blobs: 5 });
    expect(api.calls[0]).toEqual({ op: "files", pr: 2, page: 1, perPage: 100 });
    expect(api.calls[1]).toEqual({ op: "tree", sha: SHA, recursive: true });
    // The folder of the change (the root) and the config; not modules, not other folders.
    expect(blobPaths(api)).toEqual([
      ".python-version",
      "Procfile",
      "deploy-drift.toml",
      "requirements.in",
      "requirements.txt",
    ]);
    expect(r.changedFiles).toEqual(["app.py", "requirements.in"]);
    expect(r.contents).toBe("fetched");
    // files() is the base tree; what was not fetched reads as missing.
    expect(r.ws.files()).toEqual([
      ".python-version",
      "Procfile",
      "app.py",
      "deploy-drift.toml",
      "docs/requirements.txt",
      "lib/helpers.py",
      "requirements.in",
      "requirements.txt",
    ]);
    expect(r.ws.read("requirements.in")).toMatchObject({
      kind: "ok",
      text: "flask==3.0.3\ngunicorn==22.0.0\n",
    });
    expect(r.ws.read("app.py")).toEqual({ kind: "missing", path: "app.py" });
    expect(r.ws.isFile("app.py")).toBe(false);
    expect(r.ws.isFile("Procfile")).toBe(true);
    expect(r.ws.isDir("lib")).toBe(true);
    expect(r.ws.read("lib")).toMatchObject({ kind: "refused", reason: "not-a-file" });
    expect(r.ws.read("../etc/passwd")).toMatchObject({ kind: "refused", reason: "outside-root" });
  });

  it("reads nothing but the file list when no deployment file can have changed", async () => {
    const api = new FakeBaseApi(fixtureFiles(CLEAN), [
      ...modified("app.py", "README.md", "static/logo.svg", ".env.example"),
      { filename: "src/new.py", status: "renamed", previous_filename: "src/old.py" },
    ]);
    const r = await readOk(api);
    expect(api.ops()).toEqual(["files"]);
    expect(r.contents).toBe("skipped");
    expect(r.ws.files()).toEqual([]);
    expect(r.changedFiles).toEqual([
      ".env.example",
      "README.md",
      "app.py",
      "src/new.py",
      "src/old.py",
      "static/logo.svg",
    ]);
  });

  it("pages through the changed files, 100 at a time", async () => {
    const names = Array.from({ length: 250 }, (_, i) => `app/m${String(i).padStart(3, "0")}.py`);
    const api = new FakeBaseApi(fixtureFiles(CLEAN), modified(...names));
    const r = await readOk(api);
    expect(api.calls).toEqual([
      { op: "files", pr: 2, page: 1, perPage: 100 },
      { op: "files", pr: 2, page: 2, perPage: 100 },
      { op: "files", pr: 2, page: 3, perPage: 100 },
    ]);
    expect(r.changedFiles).toHaveLength(250);
  });

  it("gives up on a pull request that reaches GitHub's 3000-file listing limit", async () => {
    const names = Array.from({ length: MAX_PULL_FILES }, (_, i) => `app/m${i}.py`);
    const api = new FakeBaseApi(fixtureFiles(CLEAN), modified(...names));
    const r = await readBaseFromApi(api, { baseSha: SHA, pr: 2, dir: "", name: "base" });
    expect(r).toMatchObject({ ok: false, reason: expect.stringMatching(/3000 files or more/) });
    expect(api.ops().filter((o) => o !== "files")).toEqual([]);
  });

  it("working-directory: paths relative to it; changes and files outside it are ignored", async () => {
    const api = new FakeBaseApi(
      {
        ...fixtureFiles(CLEAN, "services/api/"),
        "services/worker/requirements.txt": "celery==5.4.0\n",
        "requirements.txt": "root==1.0\n",
      },
      modified("services/api/requirements.in", "services/worker/requirements.txt", "requirements.txt"),
    );
    const r = await readOk(api, "services/api");
    expect(r.changedFiles).toEqual(["requirements.in"]);
    expect(blobPaths(api)).toEqual([
      "services/api/.python-version",
      "services/api/Procfile",
      "services/api/requirements.in",
      "services/api/requirements.txt",
    ]);
    expect(r.ws.files()).toEqual([
      ".python-version",
      "Procfile",
      "app.py",
      "requirements.in",
      "requirements.txt",
    ]);
    expect(r.ws.read("../worker/requirements.txt")).toMatchObject({
      kind: "refused",
      reason: "outside-root",
    });
  });

  it("a truncated tree: lists only the folders of the changes (and the root, .railway, requirements/)", async () => {
    const files: Record<string, string> = {
      ...fixtureFiles(CLEAN, "services/api/"),
      "services/api/requirements/dev.txt": "pytest==8.3.0\n",
      "services/worker/requirements.txt": "celery==5.4.0\n",
      "deploy-drift.toml": "",
    };
    for (let i = 0; i < 30; i++) files[`vendor/pkg${i}/setup.cfg`] = "[metadata]\n";
    const api = new FakeBaseApi(files, modified("services/api/requirements.in"));
    api.truncated = true;
    const r = await readOk(api);
    const trees = api.calls.filter((c) => c.op === "tree");
    // The recursive request, then "", "services", "services/api", "services/api/requirements".
    expect(trees.map((t) => (t as { recursive: boolean }).recursive)).toEqual([
      true,
      false,
      false,
      false,
      false,
    ]);
    expect(r.requests.trees).toBe(5);
    expect(blobPaths(api)).toEqual([
      "deploy-drift.toml",
      "services/api/.python-version",
      "services/api/Procfile",
      "services/api/requirements.in",
      "services/api/requirements.txt",
      "services/api/requirements/dev.txt",
    ]);
    expect(r.ws.files()).toEqual([
      "deploy-drift.toml",
      "services/api/.python-version",
      "services/api/Procfile",
      "services/api/app.py",
      "services/api/requirements.in",
      "services/api/requirements.txt",
      "services/api/requirements/dev.txt",
    ]);
    expect(r.ws.isDir("services/worker")).toBe(true);
    expect(r.ws.isFile("services/worker/requirements.txt")).toBe(false);
  });

  it("decodes base64 blobs with the workspace's rules (BOM stripped; binary and UTF-16 refused)", async () => {
    const api = new FakeBaseApi(
      {
        "requirements.txt": Buffer.from("\uFEFFflask==3.0.3\n# café\n"),
        "runtime.txt": Buffer.from([0xff, 0xfe, 0x70, 0x00]),
        Procfile: Buffer.from([0x77, 0x65, 0x00, 0x62]),
        "railway.json": Buffer.from([0xc3, 0x28]),
      },
      modified("requirements.txt", "runtime.txt", "Procfile", "railway.json"),
    );
    const r = await readOk(api);
    expect(r.ws.read("requirements.txt")).toMatchObject({ kind: "ok", text: "flask==3.0.3\n# café\n" });
    expect(r.ws.read("runtime.txt")).toMatchObject({ kind: "refused", reason: "encoding" });
    expect(r.ws.read("Procfile")).toMatchObject({ kind: "refused", reason: "binary" });
    expect(r.ws.read("railway.json")).toMatchObject({ kind: "refused", reason: "encoding" });
  });

  it("follows symbolic links inside the folder and refuses the ones that leave it, or loop", async () => {
    const api = new FakeBaseApi(
      {
        "services/api/requirements.txt": { symlinkTo: "requirements/prod.txt" },
        "services/api/requirements/prod.txt": "flask==3.0.3\n",
        "services/api/runtime.txt": { symlinkTo: "../../runtime.txt" },
        "services/api/Procfile": { symlinkTo: "/etc/passwd" },
        "services/api/.python-version": { symlinkTo: ".python-version" },
        "runtime.txt": "python-3.12.7\n",
      },
      modified("services/api/requirements.txt"),
    );
    const r = await readOk(api, "services/api");
    expect(r.ws.read("requirements.txt")).toMatchObject({ kind: "ok", text: "flask==3.0.3\n" });
    expect(r.ws.isFile("requirements.txt")).toBe(true);
    // `../../runtime.txt` leaves services/api: refused, and its target never requested.
    expect(r.ws.read("runtime.txt")).toMatchObject({ kind: "refused", reason: "symlink-outside-root" });
    expect(r.ws.read("Procfile")).toMatchObject({ kind: "refused", reason: "symlink-outside-root" });
    expect(r.ws.read(".python-version")).toMatchObject({ kind: "refused", reason: "symlink-outside-root" });
    expect(blobPaths(api)).not.toContain("runtime.txt");
  });

  it("does not fetch files over the size cap: they exist but are refused, as on disk", async () => {
    const big = Buffer.alloc(MAX_FILE_BYTES + 1, "a");
    const api = new FakeBaseApi(
      { "requirements.txt": big, Procfile: "web: x\n" },
      modified("requirements.txt"),
    );
    const r = await readOk(api);
    expect(blobPaths(api)).toEqual(["Procfile"]);
    expect(r.ws.isFile("requirements.txt")).toBe(true);
    expect(r.ws.read("requirements.txt")).toMatchObject({ kind: "refused", reason: "too-large" });
  });

  it(`gives up when more than ${MAX_BASE_BLOBS} files would be needed`, async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i <= MAX_BASE_BLOBS; i++) files[`requirements/r${i}.txt`] = `p${i}==1.0\n`;
    const api = new FakeBaseApi(files, modified("requirements/r0.txt"));
    const r = await readBaseFromApi(api, { baseSha: SHA, pr: 2, dir: "", name: "base" });
    expect(r).toMatchObject({ ok: false, reason: expect.stringMatching(/more than 200/) });
    expect(api.ops().filter((o) => o === "blob")).toEqual([]);
  });

  it.each([
    ["files", 403],
    ["tree", 404],
    ["blob", 500],
  ] as const)("an API error (%s → %i) means no base, never an exception", async (op, status) => {
    const api = new FakeBaseApi(fixtureFiles(CLEAN), modified("requirements.in"));
    api.failWith = (c) => (c.op === op ? new HttpError(status, `boom ${status}`) : undefined);
    const r = await readBaseFromApi(api, { baseSha: SHA, pr: 2, dir: "", name: "base" });
    expect(r).toMatchObject({ ok: false, reason: `HTTP ${status}: boom ${status}` });
    if (op === "blob") expect(r.requests.blobs).toBeGreaterThanOrEqual(1);
  });

  it("deployment files are the names the engine reads", () => {
    for (const f of [
      "requirements.txt",
      "requirements-dev.in",
      "requirements.lock",
      "requirements/base.txt",
      "svc/requirements/prod.in",
      "pyproject.toml",
      "Pipfile",
      "Pipfile.lock",
      "uv.lock",
      "poetry.lock",
      "pdm.lock",
      "runtime.txt",
      ".python-version",
      ".tool-versions",
      "mise.toml",
      ".mise.toml",
      "nixpacks.toml",
      "nixpacks.json",
      "railway.json",
      "railway.toml",
      "railpack.json",
      "svc/Procfile",
      "Dockerfile",
      ".railway/railway.ts",
      "deploy-drift.toml",
      ".deploy-drift.toml",
    ])
      expect({ f, yes: isDeploymentFile(f) }).toEqual({ f, yes: true });
    for (const f of ["app.py", "setup.cfg", "requirements.md", "a/b/requirements/x.txt/y", "railway.ts"])
      expect({ f, yes: isDeploymentFile(f) }).toEqual({ f, yes: false });
  });
});

/** Base files of a pull request, with the head as a MemoryWorkspace: what the engine concludes. */
async function compare(
  baseWs: Workspace,
  head: Record<string, string>,
  changed: string[],
  labels: string[] = [],
) {
  const report = await analyzeRepo(new MemoryWorkspace(head, "head"), {
    today: new Date("2026-11-26"),
    base: { ws: baseWs, changedFiles: changed, labels },
  });
  return {
    changes: report.changes,
    findings: report.findings
      .filter((f) =>
        [
          "dependency-changed",
          "lock-not-updated",
          "lock-changed-inconsistently",
          "python-version-partially-changed",
          "protected-path-changed",
        ].includes(f.rule),
      )
      .map((f) => `${f.rule} ${f.severity} ${f.file}:${f.line ?? ""}`),
  };
}

describe("the API base gives the same comparison as the full base revision", () => {
  const maya = path.join(path.dirname(new URL(import.meta.url).pathname), "../../examples/maya-backend");
  const readTree = (dir: string, prefix = ""): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) Object.assign(out, readTree(p, `${prefix}${e.name}/`));
      else out[`${prefix}${e.name}`] = fs.readFileSync(p, "utf8");
    }
    return out;
  };

  it.each([
    [
      "a package added to the requirements, not the lock",
      (h: Record<string, string>) => {
        h["requirements.txt"] += "orjson==3.10.7\n";
        return ["requirements.txt"];
      },
      // One root cause: folded into lockfile-missing-package; the change is a row of the table.
      [],
    ],
    [
      "the Python version moved in one file of several",
      (h: Record<string, string>) => {
        h["runtime.txt"] = "python-3.13.1\n";
        return ["runtime.txt"];
      },
      ["python-version-partially-changed"],
    ],
    [
      "only modules changed",
      (h: Record<string, string>) => {
        const mod = Object.keys(h).find((p) => p.endsWith(".py"))!;
        h[mod] += "\nimport os\nX = os.environ['NEW_SETTING']\n";
        return [mod];
      },
      [],
    ],
    [
      "a protected file changed, with the override label",
      (h: Record<string, string>) => {
        h["deploy-drift.toml"] = 'protected-paths = ["railway.json"]\n';
        h["railway.json"] = h["railway.json"]!.replace(
          '"restartPolicyMaxRetries": 10',
          '"restartPolicyMaxRetries": 3',
        );
        return ["railway.json", "deploy-drift.toml"];
      },
      ["protected-path-changed"],
    ],
  ] as const)("%s", async (_name, change, rules) => {
    const base = readTree(maya);
    const head = { ...base };
    const changed = change(head);
    const full = await compare(new MemoryWorkspace(base, "base"), head, changed, [
      "deploy-drift: allow-protected",
    ]);
    const api = new FakeBaseApi(base, modified(...changed));
    const r = await readOk(api);
    const viaApi = await compare(r.ws, head, r.changedFiles, ["deploy-drift: allow-protected"]);
    expect(viaApi).toEqual(full);
    expect([...new Set(full.findings.map((f) => f.split(" ")[0]))].sort()).toEqual([...rules]);
  });
});
