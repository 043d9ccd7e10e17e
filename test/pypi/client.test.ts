import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { fetchReleases } from "../../src/pypi/client.js";
import { isLookupError, type PypiLookup, type ReleaseInfo } from "../../src/pypi/release.js";
import { deadIndexUrl, type Index, startIndex } from "./index.js";

const dirs: string[] = [];
const cacheDir = () => {
  const d = mkdtempSync(join(tmpdir(), "deploy-drift-pypi-test-"));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

let index: Index | null = null;
afterEach(async () => {
  await index?.close();
  index = null;
});

const release = (l: PypiLookup | undefined): ReleaseInfo => {
  if (!l || isLookupError(l)) throw new Error(`expected a release, got ${JSON.stringify(l)}`);
  return l;
};
const error = (l: PypiLookup | undefined): string => {
  if (!l || !isLookupError(l)) throw new Error(`expected an error, got ${JSON.stringify(l)}`);
  return l.error;
};

describe("fetchReleases", () => {
  it("reads requires_python and the files of each pinned release; 404 is an error entry", async () => {
    index = await startIndex();
    const map = await fetchReleases(
      [
        { name: "asyncpg", version: "0.29.0" },
        { name: "Django", version: "6.0" },
        { name: "asyncpg", version: "9.9.9" },
      ],
      { baseUrl: index.url, cacheDir: cacheDir() },
    );
    const asyncpg = release(map.get("asyncpg==0.29.0"));
    expect(asyncpg.requiresPython).toBe(">=3.8.0");
    expect(asyncpg.files).toContainEqual({
      filename: "asyncpg-0.29.0-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
      packagetype: "bdist_wheel",
      pythonVersion: "cp312",
      yanked: false,
    });
    expect(asyncpg.files.filter((f) => f.packagetype === "sdist")).toHaveLength(1);
    expect(release(map.get("django==6.0")).requiresPython).toBe(">=3.12");
    expect(error(map.get("asyncpg==9.9.9"))).toBe(
      `${index.url}/asyncpg/9.9.9/json answered 404: the index has no such release`,
    );
    // Names are requested PEP 503-normalised.
    expect([...index.requests].sort()).toEqual([
      "/pypi/asyncpg/0.29.0/json",
      "/pypi/asyncpg/9.9.9/json",
      "/pypi/django/6.0/json",
    ]);
  });

  it("asks once for a pin listed twice", async () => {
    index = await startIndex();
    const pins = [
      { name: "fastapi", version: "0.115.0" },
      { name: "FastAPI", version: "0.115.0" },
    ];
    const map = await fetchReleases(pins, { baseUrl: index.url, cacheDir: null });
    expect([...map.keys()]).toEqual(["fastapi==0.115.0"]);
    expect(index.requests).toHaveLength(1);
  });

  it("answers a second run from the cache without a request, until the entry is 7 days old", async () => {
    index = await startIndex();
    const dir = cacheDir();
    const pins = [{ name: "asyncpg", version: "0.30.0" }];
    let now = Date.parse("2026-11-26T12:00:00Z");
    const opts = { baseUrl: index.url, cacheDir: dir, now: () => now };
    const first = await fetchReleases(pins, opts);
    expect(index.requests).toHaveLength(1);
    expect(readdirSync(dir).filter((f) => f.endsWith(".json"))).toHaveLength(1);

    now += 6 * 24 * 3600 * 1000;
    const second = await fetchReleases(pins, opts);
    expect(index.requests).toHaveLength(1);
    expect(second).toEqual(first);

    now += 2 * 24 * 3600 * 1000;
    await fetchReleases(pins, opts);
    expect(index.requests).toHaveLength(2);
  });

  it("keeps caches of different indexes apart and does not cache failures", async () => {
    index = await startIndex();
    const dir = cacheDir();
    await fetchReleases([{ name: "asyncpg", version: "0.30.0" }], { baseUrl: index.url, cacheDir: dir });
    const other = await fetchReleases([{ name: "asyncpg", version: "0.30.0" }], {
      baseUrl: await deadIndexUrl(),
      cacheDir: dir,
    });
    expect(isLookupError(other.get("asyncpg==0.30.0")!)).toBe(true);
    await fetchReleases([{ name: "asyncpg", version: "9.9.9" }], { baseUrl: index.url, cacheDir: dir });
    await fetchReleases([{ name: "asyncpg", version: "9.9.9" }], { baseUrl: index.url, cacheDir: dir });
    expect(index.requests.filter((r) => r.includes("9.9.9"))).toHaveLength(2);
  });

  it("turns a request that does not answer in time into an error entry", async () => {
    index = await startIndex({ hang: true });
    const started = Date.now();
    const map = await fetchReleases([{ name: "asyncpg", version: "0.30.0" }], {
      baseUrl: index.url,
      cacheDir: null,
      timeoutMs: 150,
    });
    expect(error(map.get("asyncpg==0.30.0"))).toBe(
      `${index.url}/asyncpg/0.30.0/json did not answer within 150 ms`,
    );
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("times a request out even when the garbage collector runs while it waits", async () => {
    // Node 20 holds AbortSignal.timeout() weakly inside AbortSignal.any(): after a collection the
    // timeout never fired and a hung index cost the whole budget (found by a flaky suite run).
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    index = await startIndex({ hang: true });
    const started = Date.now();
    const collect = setTimeout(gc, 50);
    const map = await fetchReleases([{ name: "asyncpg", version: "0.30.0" }], {
      baseUrl: index.url,
      cacheDir: null,
      timeoutMs: 150,
      totalTimeoutMs: 8_000,
    });
    clearTimeout(collect);
    expect(error(map.get("asyncpg==0.30.0"))).toBe(
      `${index.url}/asyncpg/0.30.0/json did not answer within 150 ms`,
    );
    expect(Date.now() - started).toBeLessThan(4_000);
  });

  it("stops at the run's total budget", async () => {
    index = await startIndex({ hang: true });
    const pins = ["0.1", "0.2", "0.3", "0.4"].map((version) => ({ name: "asyncpg", version }));
    const map = await fetchReleases(pins, {
      baseUrl: index.url,
      cacheDir: null,
      timeoutMs: 5_000,
      totalTimeoutMs: 200,
      concurrency: 2,
    });
    expect(map.size).toBe(4);
    for (const l of map.values())
      expect(error(l)).toBe("not looked up: the 0.2 s budget for PyPI look-ups ran out");
    expect(index.requests).toHaveLength(2);
  });

  it("turns a refused connection into an error entry", async () => {
    const url = await deadIndexUrl();
    const map = await fetchReleases([{ name: "asyncpg", version: "0.30.0" }], {
      baseUrl: url,
      cacheDir: null,
    });
    expect(error(map.get("asyncpg==0.30.0"))).toBe(`cannot reach ${url}/asyncpg/0.30.0/json: ECONNREFUSED`);
  });

  it("never throws: a broken fetch, an answer that is not JSON or not a release", async () => {
    const answers: Record<string, () => Promise<Response>> = {
      "a==1": () => Promise.reject(new Error("boom")),
      "b==1": async () => new Response("<html>", { status: 200 }),
      "c==1": async () => new Response('{"message": "hi"}', { status: 200 }),
      "d==1": async () => new Response("", { status: 503 }),
    };
    const fakeFetch = ((url: string) => {
      const m = /\/([^/]+)\/([^/]+)\/json$/.exec(url)!;
      return answers[`${m[1]}==${m[2]}`]!();
    }) as unknown as typeof fetch;
    const map = await fetchReleases(
      Object.keys(answers).map((k) => ({ name: k.split("==")[0]!, version: "1" })),
      { baseUrl: "https://mirror.invalid/pypi", cacheDir: null, fetch: fakeFetch },
    );
    expect(Object.fromEntries([...map].map(([k, v]) => [k, error(v)]))).toEqual({
      "a==1": "cannot reach https://mirror.invalid/pypi/a/1/json: boom",
      "b==1": "https://mirror.invalid/pypi/b/1/json did not answer JSON",
      "c==1": "https://mirror.invalid/pypi/c/1/json did not answer a release (no `info` or `urls`)",
      "d==1": "https://mirror.invalid/pypi/d/1/json answered HTTP 503",
    });
  });

  it("makes no request for no pins", async () => {
    const fakeFetch = (() => {
      throw new Error("no request expected");
    }) as unknown as typeof fetch;
    expect((await fetchReleases([], { baseUrl: "https://pypi.org/pypi", fetch: fakeFetch })).size).toBe(0);
  });
});
