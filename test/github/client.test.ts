/**
 * Issue 12 item 9: every request has a deadline (a stalled request is aborted and retried a bounded
 * number of times), and the check-run create is never retried by the client (it could duplicate the
 * run; publishCheckRun looks it up by external_id instead). Against a local HTTP server.
 */
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOctokit, octokitApi, timedFetch } from "../../src/github/client.js";

let server: http.Server;
let hits: Array<{ method: string; url: string }> = [];
/** What the server does with the n-th request (0-based) to a path. */
let behave: (method: string, url: string, n: number) => "stall" | { status: number; body: unknown } = () => ({
  status: 200,
  body: [],
});
const log = { info: () => {}, warning: () => {} };
let baseUrl = "";

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const key = `${req.method} ${req.url}`;
    const n = hits.filter((h) => `${h.method} ${h.url}` === key).length;
    hits.push({ method: req.method!, url: req.url! });
    req.resume();
    const b = behave(req.method!, req.url!, n);
    if (b === "stall") return; // never answers
    res.writeHead(b.status, { "content-type": "application/json" });
    res.end(JSON.stringify(b.body));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

describe("per-request timeout", () => {
  it("timedFetch aborts a request that does not answer in time", async () => {
    const never: typeof fetch = (_i, init) =>
      new Promise((_r, reject) => init?.signal?.addEventListener("abort", () => reject(init.signal!.reason)));
    const started = Date.now();
    await expect(timedFetch(50, never)("http://x/")).rejects.toThrow(/timed out after 50 ms/);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("a stalled request is aborted and retried; the retry's answer is used", async () => {
    hits = [];
    behave = (_m, _u, n) => (n === 0 ? "stall" : { status: 200, body: [] });
    const api = octokitApi(createOctokit("t", log, { timeoutMs: 300, baseUrl }), "o", "r");
    const started = Date.now();
    await expect(api.listIssueComments(1)).resolves.toEqual([]);
    expect(hits.length).toBe(2);
    expect(Date.now() - started).toBeLessThan(5_000);
  }, 15_000);

  it("a request that keeps stalling fails after a bounded number of attempts", async () => {
    hits = [];
    behave = () => "stall";
    const api = octokitApi(createOctokit("t", log, { timeoutMs: 200, baseUrl }), "o", "r");
    await expect(api.listIssueComments(1)).rejects.toBeDefined();
    expect(hits.length).toBe(3); // the request and its two retries
  }, 20_000);
});

describe("the check-run create", () => {
  it("is sent once on a 502 (no client retry that could duplicate the run)", async () => {
    hits = [];
    behave = (m) =>
      m === "POST" ? { status: 502, body: { message: "Bad Gateway" } } : { status: 200, body: {} };
    const api = octokitApi(createOctokit("t", log, { timeoutMs: 2_000, baseUrl }), "o", "r");
    await expect(
      api.createCheckRun({
        name: "deploy-drift",
        head_sha: "abc",
        external_id: "x",
        status: "completed",
        conclusion: "success",
        started_at: "2026-11-26T00:00:00Z",
        completed_at: "2026-11-26T00:00:00Z",
        output: { title: "t", summary: "s" },
      }),
    ).rejects.toMatchObject({ status: 502 });
    expect(hits.filter((h) => h.method === "POST")).toHaveLength(1);
  });

  it("findCheckRun matches the external_id among the head commit's runs of that name", async () => {
    hits = [];
    behave = () => ({
      status: 200,
      body: {
        total_count: 2,
        check_runs: [
          { id: 1, external_id: "other", html_url: "u1" },
          { id: 2, external_id: "mine", html_url: "u2" },
        ],
      },
    });
    const api = octokitApi(createOctokit("t", log, { baseUrl }), "o", "r");
    await expect(api.findCheckRun("abc", "deploy-drift", "mine")).resolves.toEqual({ id: 2, html_url: "u2" });
    expect(hits[0]!.url).toMatch(/^\/repos\/o\/r\/commits\/abc\/check-runs\?.*check_name=deploy-drift/);
    await expect(api.findCheckRun("abc", "deploy-drift", "none")).resolves.toBeNull();
  });
});
