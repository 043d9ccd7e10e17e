"use strict";
exports.id = 729;
exports.ids = [729];
exports.modules = {

/***/ 9729:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   fetchReleases: () => (/* binding */ fetchReleases)
/* harmony export */ });
/* unused harmony export CLIENT_DEFAULTS */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(311);
/* harmony import */ var _release_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2181);
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






const CLIENT_DEFAULTS = {
    timeoutMs: 3_000,
    totalTimeoutMs: 10_000,
    cacheDir: (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_2__.tmpdir)(), "deploy-drift-pypi-cache"),
    cacheTtlMs: 7 * 24 * 60 * 60 * 1000,
    concurrency: 6,
};
/** Looks up every pin (duplicates once); the map has an entry for each, keyed by `releaseKey`. */
async function fetchReleases(pins, opts) {
    const timeoutMs = opts.timeoutMs ?? CLIENT_DEFAULTS.timeoutMs;
    const totalMs = opts.totalTimeoutMs ?? CLIENT_DEFAULTS.totalTimeoutMs;
    const cacheDir = opts.cacheDir === undefined ? CLIENT_DEFAULTS.cacheDir : opts.cacheDir;
    const ttl = opts.cacheTtlMs ?? CLIENT_DEFAULTS.cacheTtlMs;
    const concurrency = Math.max(1, opts.concurrency ?? CLIENT_DEFAULTS.concurrency);
    const fetchFn = opts.fetch ?? globalThis.fetch;
    const now = opts.now ?? Date.now;
    const out = new Map();
    const pending = { error: "not looked up" };
    const queue = [];
    for (const p of pins) {
        const key = (0,_release_js__WEBPACK_IMPORTED_MODULE_4__/* .releaseKey */ .DR)(p.name, p.version);
        if (out.has(key))
            continue;
        out.set(key, pending);
        queue.push(p);
    }
    const budget = new AbortController();
    const timer = setTimeout(() => budget.abort(), totalMs);
    timer.unref?.();
    const budgetError = `not looked up: the ${totalMs / 1000} s budget for PyPI look-ups ran out`;
    const lookUp = async (pin) => {
        const cacheFile = cacheDir === null ? null : (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(cacheDir, cacheName(opts.baseUrl, pin));
        const cached = cacheFile === null ? null : await readCache(cacheFile, now(), ttl);
        if (cached)
            return cached;
        if (budget.signal.aborted)
            return { error: budgetError };
        const url = (0,_release_js__WEBPACK_IMPORTED_MODULE_4__/* .releaseUrl */ .XA)(opts.baseUrl, pin.name, pin.version);
        // One controller per request, aborted by its own timer or by the run's budget. Not
        // AbortSignal.any([AbortSignal.timeout(), ...]): Node 20 holds the timeout signal weakly there,
        // and once garbage-collected it never fires (a hung index then costs the whole budget).
        const ctl = new AbortController();
        const perRequest = setTimeout(() => ctl.abort(), timeoutMs);
        const onBudget = () => ctl.abort();
        budget.signal.addEventListener("abort", onBudget, { once: true });
        try {
            const res = await fetchFn(url, {
                headers: { Accept: "application/json", "User-Agent": `deploy-drift/${_version_js__WEBPACK_IMPORTED_MODULE_5__/* .VERSION */ .x}` },
                signal: ctl.signal,
            });
            if (!res.ok) {
                await res.body?.cancel().catch(() => { });
                return {
                    error: res.status === 404
                        ? `${url} answered 404: the index has no such release`
                        : `${url} answered HTTP ${res.status}`,
                };
            }
            let json;
            try {
                json = await res.json();
            }
            catch (e) {
                if (isAbort(e))
                    throw e;
                return { error: `${url} did not answer JSON` };
            }
            const release = (0,_release_js__WEBPACK_IMPORTED_MODULE_4__/* .parseRelease */ .BC)(json);
            if (!release)
                return { error: `${url} did not answer a release (no \`info\` or \`urls\`)` };
            if (cacheFile !== null)
                await writeCache(cacheFile, now(), release);
            return release;
        }
        catch (e) {
            if (budget.signal.aborted)
                return { error: budgetError };
            if (isAbort(e))
                return { error: `${url} did not answer within ${timeoutMs} ms` };
            return { error: `cannot reach ${url}: ${describe(e)}` };
        }
        finally {
            clearTimeout(perRequest);
            budget.signal.removeEventListener("abort", onBudget);
        }
    };
    try {
        const worker = async () => {
            for (let pin = queue.shift(); pin; pin = queue.shift()) {
                out.set((0,_release_js__WEBPACK_IMPORTED_MODULE_4__/* .releaseKey */ .DR)(pin.name, pin.version), await lookUp(pin));
            }
        };
        await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
    }
    catch (e) {
        // lookUp catches everything it can; this guards the promise that fetchReleases never rejects.
        for (const [k, v] of out)
            if (v === pending)
                out.set(k, { error: describe(e) });
    }
    finally {
        clearTimeout(timer);
    }
    return out;
}
function isAbort(e) {
    const name = e?.name;
    return name === "AbortError" || name === "TimeoutError";
}
/** `fetch failed` hides the reason in `cause` (ECONNREFUSED, ENOTFOUND, a TLS error). */
function describe(e) {
    const cause = e?.cause;
    if (typeof cause?.code === "string")
        return cause.code;
    if (typeof cause?.message === "string")
        return cause.message;
    return e instanceof Error ? e.message : String(e);
}
/** One file per index, name and version: `asyncpg-0.29.0-<hash of the index URL>.json`. */
function cacheName(baseUrl, pin) {
    const safe = (s) => s.replace(/[^A-Za-z0-9._-]/g, "_");
    const index = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)("sha256").update(baseUrl.replace(/\/+$/, "")).digest("hex").slice(0, 12);
    return `${safe((0,_release_js__WEBPACK_IMPORTED_MODULE_4__/* .releaseKey */ .DR)(pin.name, pin.version).replace("==", "-"))}-${index}.json`;
}
async function readCache(file, now, ttl) {
    try {
        const entry = JSON.parse(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(file, "utf8"));
        if (typeof entry.fetchedAt !== "number" || now - entry.fetchedAt > ttl || now < entry.fetchedAt)
            return null;
        return (0,_release_js__WEBPACK_IMPORTED_MODULE_4__/* .parseRelease */ .BC)(entry.response);
    }
    catch {
        return null;
    }
}
/** Written to a temporary name and renamed, so a concurrent run never reads half a file. */
async function writeCache(file, now, release) {
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.dirname)(file), { recursive: true });
        const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(tmp, JSON.stringify({ fetchedAt: now, response: (0,_release_js__WEBPACK_IMPORTED_MODULE_4__/* .toReleaseJson */ .Bx)(release) }));
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename)(tmp, file);
    }
    catch {
        // A cache that cannot be written (read-only runner, full disk) only costs a request next time.
    }
}


/***/ })

};
;