/**
 * The PyPI rules end to end: analyzeRepo on a mini repository, the look-ups answered by a local
 * index serving recorded responses (test/fixtures/pypi).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { type AnalyzeOptions, analyzeRepo } from "../../src/analyze.js";
import { main } from "../../src/cli.js";
import type { Finding } from "../../src/model/finding.js";
import { DiskWorkspace } from "../../src/repo/disk.js";
import { deadIndexUrl, type Index, startIndex } from "./index.js";

const TODAY = new Date("2026-11-26T12:00:00Z");
const PYPI_RULES = new Set(["pin-requires-python", "pin-no-wheel", "pypi-unavailable"]);

const dirs: string[] = [];
function tempDir(prefix: string): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

let index: Index | null = null;
afterEach(async () => {
  await index?.close();
  index = null;
});

const APP = {
  Procfile: "web: uvicorn app.main:app --host 0.0.0.0 --port $PORT\n",
  "app/__init__.py": "",
  "app/main.py": "from fastapi import FastAPI\n\napp = FastAPI()\n",
};

function repo(files: Record<string, string>, pypiUrl: string | null, pypi = true): string {
  const dir = tempDir("deploy-drift-pypi-repo-");
  const all = {
    ...APP,
    ...(pypiUrl ? { "deploy-drift.toml": `pypi = ${pypi}\npypi-url = "${pypiUrl}"\n` } : {}),
    ...files,
  };
  for (const [p, text] of Object.entries(all)) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
  return dir;
}

async function pypiFindings(dir: string, opts: AnalyzeOptions = {}): Promise<Finding[]> {
  const report = await analyzeRepo(new DiskWorkspace(dir), {
    today: TODAY,
    pypiLookups: { client: { cacheDir: null, timeoutMs: 5_000 }, ...opts.pypiLookups },
    ...opts,
  });
  expect(report.findings.filter((f) => f.rule === "rule-crashed")).toEqual([]);
  return report.findings.filter((f) => PYPI_RULES.has(f.rule));
}
const brief = (f: Finding) => `${f.rule} ${f.severity} ${f.file}:${f.line}`;

describe("pin-no-wheel", () => {
  it("fires for asyncpg 0.29.0 (no cp313 wheel) on Railpack's Python 3.13", async () => {
    index = await startIndex();
    const dir = repo(
      { ".python-version": "3.13.1\n", "requirements.txt": "fastapi==0.115.0\nasyncpg==0.29.0\n" },
      index.url,
    );
    const found = await pypiFindings(dir);
    expect(found.map(brief)).toEqual(["pin-no-wheel warning requirements.txt:2"]);
    expect(found[0]!.message).toBe(
      "`asyncpg==0.29.0` has no wheel for CPython 3.13 on Linux x86_64 on PyPI (it has wheels for `cp38`, `cp39`, `cp310`, `cp311`, `cp312`), so on Python `3.13.1` (.python-version) it builds from source; needs a compiler and headers, and Railpack's slim image may lack the headers",
    );
  });

  it("says gcc is there but the headers may not be under Nixpacks", async () => {
    index = await startIndex();
    const dir = repo(
      {
        "railway.json": '{ "build": { "builder": "NIXPACKS" } }\n',
        ".python-version": "3.13\n",
        "requirements.txt": "asyncpg==0.29.0\n",
      },
      index.url,
    );
    const [f] = await pypiFindings(dir);
    expect(f?.rule).toBe("pin-no-wheel");
    expect(f?.message).toContain(
      "builds from source; needs a compiler and headers, and Nixpacks installs gcc, but the headers of the C library it builds against may be missing",
    );
  });

  it("stays silent for asyncpg 0.30.0 (cp313 manylinux wheels) and a py3-none-any release", async () => {
    index = await startIndex();
    const dir = repo(
      { ".python-version": "3.13.1\n", "requirements.txt": "fastapi==0.115.0\nasyncpg==0.30.0\n" },
      index.url,
    );
    expect(await pypiFindings(dir)).toEqual([]);
    expect(index.requests.sort()).toEqual(["/pypi/asyncpg/0.30.0/json", "/pypi/fastapi/0.115.0/json"]);
  });

  it("stays silent for asyncpg 0.29.0 on Python 3.12, which it has wheels for", async () => {
    index = await startIndex();
    const dir = repo({ ".python-version": "3.12.8\n", "requirements.txt": "asyncpg==0.29.0\n" }, index.url);
    expect(await pypiFindings(dir)).toEqual([]);
  });
});

describe("pin-requires-python", () => {
  it("fires when the release's requires_python excludes the deployed Python", async () => {
    index = await startIndex();
    const dir = repo({ ".python-version": "3.11.9\n", "requirements.txt": "django==6.0\n" }, index.url);
    const found = await pypiFindings(dir);
    expect(found.map(brief)).toEqual(["pin-requires-python error requirements.txt:1"]);
    expect(found[0]!.message).toBe(
      "`django==6.0` requires Python `>=3.12` (its `requires_python` on PyPI), but Railpack will use Python `3.11.9` (.python-version)",
    );
  });

  it("stays silent when it allows it", async () => {
    index = await startIndex();
    const dir = repo({ ".python-version": "3.12.8\n", "requirements.txt": "django==6.0\n" }, index.url);
    expect(await pypiFindings(dir)).toEqual([]);
  });

  it("checks the pins of a lock paired with the requirements file", async () => {
    index = await startIndex();
    const dir = repo(
      {
        ".python-version": "3.11.9\n",
        "requirements.in": "django\n",
        "requirements.txt":
          "# This file is autogenerated by pip-compile\ndjango==6.0\n    # via -r requirements.in\n",
      },
      index.url,
    );
    expect((await pypiFindings(dir)).map(brief)).toEqual(["pin-requires-python error requirements.txt:2"]);
  });
});

describe("pypi-unavailable and the offline fallback", () => {
  it("reports a timeout once, as a notice, and the offline rules still run", async () => {
    index = await startIndex({ hang: true });
    const dir = repo(
      {
        ".python-version": "3.13.1\n",
        "requirements.txt": "asyncpg==0.29.0\n",
        "worker/requirements.txt": "asyncpg==0.29.0\n",
        "worker/Procfile": "worker: python -m worker\n",
      },
      index.url,
    );
    const report = await analyzeRepo(new DiskWorkspace(dir), {
      today: TODAY,
      pypiLookups: { client: { cacheDir: null, timeoutMs: 150 } },
    });
    const notices = report.findings.filter((f) => f.rule === "pypi-unavailable");
    expect(notices.map(brief)).toEqual(["pypi-unavailable notice .:null"]);
    expect(notices[0]!.message).toBe(
      `The PyPI look-up failed (\`asyncpg==0.29.0\`: ${index.url}/asyncpg/0.29.0/json did not answer within 150 ms); pins without an answer were checked offline only`,
    );
    expect(report.findings.some((f) => f.rule === "pin-python-incompatible")).toBe(true);
    expect(report.findings.some((f) => f.rule === "pin-no-wheel")).toBe(false);
  });

  it("reports an index that is down the same way", async () => {
    const url = await deadIndexUrl();
    const dir = repo({ ".python-version": "3.13.1\n", "requirements.txt": "asyncpg==0.30.0\n" }, url);
    const found = await pypiFindings(dir);
    expect(found.map(brief)).toEqual(["pypi-unavailable notice .:null"]);
    expect(found[0]!.message).toContain("ECONNREFUSED");
  });

  it("names a release the index does not have", async () => {
    index = await startIndex();
    const dir = repo(
      { ".python-version": "3.13.1\n", "requirements.txt": "asyncpg==0.30.0\ninternal-lib==1.4.2\n" },
      index.url,
    );
    const found = await pypiFindings(dir);
    expect(found.map(brief)).toEqual(["pypi-unavailable notice .:null"]);
    expect(found[0]!.message).toBe(
      `1 of 2 PyPI look-ups failed (\`internal-lib==1.4.2\`: ${index.url}/internal-lib/1.4.2/json answered 404: the index has no such release); pins without an answer were checked offline only`,
    );
  });
});

describe("opting in", () => {
  const files = { ".python-version": "3.13.1\n", "requirements.txt": "asyncpg==0.29.0\n" };

  it("makes no request when `pypi` is false (the default)", async () => {
    index = await startIndex();
    expect(await pypiFindings(repo(files, index.url, false))).toEqual([]);
    expect(await pypiFindings(repo(files, null))).toEqual([]);
    expect(index.requests).toEqual([]);
  });

  it("`enabled` (the CLI's --pypi) turns the look-ups on over the file", async () => {
    index = await startIndex();
    const found = await pypiFindings(repo(files, index.url, false), { pypiLookups: { enabled: true } });
    expect(found.map(brief)).toEqual(["pin-no-wheel warning requirements.txt:1"]);
  });

  it("--pypi on the CLI", async () => {
    index = await startIndex();
    const dir = repo(files, index.url, false);
    let out = "";
    const io = { stdout: { write: (s: string) => (out += s) }, stderr: { write: () => true } };
    const code = await main([dir, "--format", "json", "--today", "2026-11-26", "--pypi"], io as never);
    expect(code).toBe(1);
    const rules = (JSON.parse(out) as { findings: Finding[] }).findings.map((f) => f.rule);
    expect(rules).toContain("pin-no-wheel");
    expect(index.requests).toEqual(["/pypi/asyncpg/0.29.0/json"]);
  });

  it("uses the data it is handed instead of looking up", async () => {
    index = await startIndex();
    const found = await pypiFindings(repo(files, index.url), { pypi: new Map() });
    expect(found).toEqual([]);
    expect(index.requests).toEqual([]);
  });
});

describe("pin-no-wheel without a source distribution", () => {
  it("is an error: pip cannot install the pin at all", async () => {
    const dir = repo({ ".python-version": "3.13.1\n", "requirements.txt": "winonly==1.0\n" }, null);
    const pypi = new Map([
      [
        "winonly==1.0",
        {
          name: "winonly",
          version: "1.0",
          requiresPython: null,
          yanked: false,
          files: [
            {
              filename: "winonly-1.0-cp313-cp313-win_amd64.whl",
              packagetype: "bdist_wheel",
              pythonVersion: "cp313",
              yanked: false,
            },
          ],
        },
      ],
    ]);
    const found = await pypiFindings(dir, { pypi });
    expect(found.map(brief)).toEqual(["pin-no-wheel error requirements.txt:1"]);
    expect(found[0]!.message).toBe(
      "`winonly==1.0` has no wheel for CPython 3.13 on Linux x86_64 on PyPI (it has wheels for `cp313`) and no source distribution: pip cannot install it on Python `3.13.1` (.python-version)",
    );
  });
});
