/**
 * The opt-in PyPI look-ups (`pypi = true`, `--pypi`): one `GET {baseUrl}/{name}/{version}/json` per
 * pinned release (the PyPI JSON API's release endpoint, https://docs.pypi.org/api/json/; see
 * release.ts for the fields read). I/O at the edge: `analyzeRepo` calls it before the pure run and
 * hands the results to the rules as data.
 *
 * It never throws. A failed look-up (no connection, a timeout, an HTTP error, an answer that is not a
 * release) is an `{ error }` entry, and the rules that need PyPI skip that pin; `pypi-unavailable`
 * says once that the run was partly offline. Answers are cached on disk, one JSON file per index,
 * name and version, for `cacheTtlMs`.
 */
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { VERSION } from "../version.js";
import {
  type PypiLookup,
  parseRelease,
  type ReleaseInfo,
  releaseKey,
  releaseUrl,
  toReleaseJson,
} from "./release.js";

export interface ClientOptions {
  /** The JSON API root, e.g. `https://pypi.org/pypi` (config `pypi-url`). */
  baseUrl: string;
  /** Per request. */
  timeoutMs?: number;
  /** For all look-ups of the run; pins not answered by then are errors. */
  totalTimeoutMs?: number;
  /** Where answers are cached; null turns the cache off. */
  cacheDir?: string | null;
  cacheTtlMs?: number;
  /** Requests in flight at once. */
  concurrency?: number;
  fetch?: typeof globalThis.fetch;
  /** The clock for cache ages (tests). */
  now?: () => number;
}

export const CLIENT_DEFAULTS = {
  timeoutMs: 3_000,
  totalTimeoutMs: 10_000,
  cacheDir: join(tmpdir(), "deploy-drift-pypi-cache"),
  cacheTtlMs: 7 * 24 * 60 * 60 * 1000,
  concurrency: 6,
} as const;

export interface Pin {
  name: string;
  version: string;
}

/** Looks up every pin (duplicates once); the map has an entry for each, keyed by `releaseKey`. */
export async function fetchReleases(
  pins: readonly Pin[],
  opts: ClientOptions,
): Promise<Map<string, PypiLookup>> {
  const timeoutMs = opts.timeoutMs ?? CLIENT_DEFAULTS.timeoutMs;
  const totalMs = opts.totalTimeoutMs ?? CLIENT_DEFAULTS.totalTimeoutMs;
  const cacheDir = opts.cacheDir === undefined ? CLIENT_DEFAULTS.cacheDir : opts.cacheDir;
  const ttl = opts.cacheTtlMs ?? CLIENT_DEFAULTS.cacheTtlMs;
  const concurrency = Math.max(1, opts.concurrency ?? CLIENT_DEFAULTS.concurrency);
  const fetchFn = opts.fetch ?? globalThis.fetch;
  const now = opts.now ?? Date.now;

  const out = new Map<string, PypiLookup>();
  const pending: PypiLookup = { error: "not looked up" };
  const queue: Pin[] = [];
  for (const p of pins) {
    const key = releaseKey(p.name, p.version);
    if (out.has(key)) continue;
    out.set(key, pending);
    queue.push(p);
  }

  const budget = new AbortController();
  const timer = setTimeout(() => budget.abort(), totalMs);
  timer.unref?.();
  const budgetError = `not looked up: the ${totalMs / 1000} s budget for PyPI look-ups ran out`;

  const lookUp = async (pin: Pin): Promise<PypiLookup> => {
    const cacheFile = cacheDir === null ? null : join(cacheDir, cacheName(opts.baseUrl, pin));
    const cached = cacheFile === null ? null : await readCache(cacheFile, now(), ttl);
    if (cached) return cached;
    if (budget.signal.aborted) return { error: budgetError };
    const url = releaseUrl(opts.baseUrl, pin.name, pin.version);
    // One controller per request, aborted by its own timer or by the run's budget. Not
    // AbortSignal.any([AbortSignal.timeout(), ...]): Node 20 holds the timeout signal weakly there,
    // and once garbage-collected it never fires (a hung index then costs the whole budget).
    const ctl = new AbortController();
    const perRequest = setTimeout(() => ctl.abort(), timeoutMs);
    const onBudget = () => ctl.abort();
    budget.signal.addEventListener("abort", onBudget, { once: true });
    try {
      const res = await fetchFn(url, {
        headers: { Accept: "application/json", "User-Agent": `deploy-drift/${VERSION}` },
        signal: ctl.signal,
      });
      if (!res.ok) {
        await res.body?.cancel().catch(() => {});
        return {
          error:
            res.status === 404
              ? `${url} answered 404: the index has no such release`
              : `${url} answered HTTP ${res.status}`,
        };
      }
      let json: unknown;
      try {
        json = await res.json();
      } catch (e) {
        if (isAbort(e)) throw e;
        return { error: `${url} did not answer JSON` };
      }
      const release = parseRelease(json);
      if (!release) return { error: `${url} did not answer a release (no \`info\` or \`urls\`)` };
      if (cacheFile !== null) await writeCache(cacheFile, now(), release);
      return release;
    } catch (e) {
      if (budget.signal.aborted) return { error: budgetError };
      if (isAbort(e)) return { error: `${url} did not answer within ${timeoutMs} ms` };
      return { error: `cannot reach ${url}: ${describe(e)}` };
    } finally {
      clearTimeout(perRequest);
      budget.signal.removeEventListener("abort", onBudget);
    }
  };

  try {
    const worker = async () => {
      for (let pin = queue.shift(); pin; pin = queue.shift()) {
        out.set(releaseKey(pin.name, pin.version), await lookUp(pin));
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
  } catch (e) {
    // lookUp catches everything it can; this guards the promise that fetchReleases never rejects.
    for (const [k, v] of out) if (v === pending) out.set(k, { error: describe(e) });
  } finally {
    clearTimeout(timer);
  }
  return out;
}

function isAbort(e: unknown): boolean {
  const name = (e as { name?: unknown } | null)?.name;
  return name === "AbortError" || name === "TimeoutError";
}

/** `fetch failed` hides the reason in `cause` (ECONNREFUSED, ENOTFOUND, a TLS error). */
function describe(e: unknown): string {
  const cause = (e as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  if (typeof cause?.code === "string") return cause.code;
  if (typeof cause?.message === "string") return cause.message;
  return e instanceof Error ? e.message : String(e);
}

/** One file per index, name and version: `asyncpg-0.29.0-<hash of the index URL>.json`. */
function cacheName(baseUrl: string, pin: Pin): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]/g, "_");
  const index = createHash("sha256").update(baseUrl.replace(/\/+$/, "")).digest("hex").slice(0, 12);
  return `${safe(releaseKey(pin.name, pin.version).replace("==", "-"))}-${index}.json`;
}

async function readCache(file: string, now: number, ttl: number): Promise<ReleaseInfo | null> {
  try {
    const entry = JSON.parse(await readFile(file, "utf8")) as { fetchedAt?: unknown; response?: unknown };
    if (typeof entry.fetchedAt !== "number" || now - entry.fetchedAt > ttl || now < entry.fetchedAt)
      return null;
    return parseRelease(entry.response);
  } catch {
    return null;
  }
}

/** Written to a temporary name and renamed, so a concurrent run never reads half a file. */
async function writeCache(file: string, now: number, release: ReleaseInfo): Promise<void> {
  try {
    await mkdir(dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    await writeFile(tmp, JSON.stringify({ fetchedAt: now, response: toReleaseJson(release) }));
    await rename(tmp, file);
  } catch {
    // A cache that cannot be written (read-only runner, full disk) only costs a request next time.
  }
}
