import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { MAX_ANNOTATIONS, run } from "../../src/action.js";
import type { ActionContext } from "../../src/github/context.js";
import { FakeApi, FakeBaseApi, HttpError, recordingIO } from "./helpers.js";

const FIXTURE = new URL("../fixtures/github/repo-clean/", import.meta.url);
const payload = JSON.parse(
  fs.readFileSync(new URL("../fixtures/github/pull_request.synchronize.json", import.meta.url), "utf8"),
);
const context = (over: Partial<ActionContext> = {}): ActionContext => ({
  eventName: "pull_request",
  sha: "merge0000",
  workflow: "CI",
  actor: "Codertocat",
  runId: 9,
  runAttempt: 1,
  serverUrl: "https://github.com",
  repo: { owner: "Codertocat", repo: "Hello-World" },
  payload,
  ...over,
});

/** A repository whose service lives in `sub` (or the root), with `missing` lock errors. */
function repo(missing: number, sub = ""): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "deploy-drift-unit-"));
  const dir = path.join(root, sub);
  fs.mkdirSync(dir, { recursive: true });
  fs.cpSync(FIXTURE, dir, { recursive: true });
  const extra = Array.from({ length: missing }, (_, i) => `missing-pkg-${i}==1.0`).join("\n");
  if (missing) fs.appendFileSync(path.join(dir, "requirements.in"), `${extra}\n`);
  return root;
}

async function go(opts: {
  missing?: number;
  sub?: string;
  inputs?: Record<string, string>;
  api?: FakeApi;
  /** The pull request's base; by default one whose change touched no file. */
  base?: FakeBaseApi;
  ctx?: Partial<ActionContext>;
}) {
  const root = repo(opts.missing ?? 0, opts.sub ?? "");
  const io = recordingIO({ "github-token": "t", ...opts.inputs });
  const api = opts.api ?? new FakeApi();
  const base = opts.base ?? new FakeBaseApi();
  const outcome = await run({
    io,
    context: context(opts.ctx),
    api: () => api,
    baseApi: () => base,
    now: () => new Date("2026-11-26T12:00:00Z"),
    env: { GITHUB_WORKSPACE: root, RUNNER_TEMP: root },
  });
  return { io, api, base, outcome, rec: io.rec };
}

describe("run()", () => {
  it("publishes comment and check run, sets outputs, writes the summary, fails on blocking findings", async () => {
    const { rec, api, outcome } = await go({ missing: 2 });
    expect(api.calls.map((c) => c.op)).toEqual(["list", "create", "list", "createCheck"]);
    expect(rec.outputs).toMatchObject({ errors: "2", warnings: "0", notices: "0", blocking: "true" });
    expect(rec.outputs["python-version"]).toBe("3.12.7");
    expect(rec.outputs["lockfile-in-sync"]).toBe("false");
    expect(JSON.parse(fs.readFileSync(rec.outputs["report-json"]!, "utf8")).counts.error).toBe(2);
    expect(fs.existsSync(rec.outputs.sarif!)).toBe(true);
    expect(rec.summary).toHaveLength(1);
    expect(rec.failed).toEqual([
      expect.stringMatching(/^deploy-drift: 2 findings at or above fail-on `error`/),
    ]);
    expect(rec.annotations).toEqual([]); // the check run carries them
    expect(outcome.fallback).toBeNull();
  });

  it("prefixes working-directory so annotation paths are relative to the repository root", async () => {
    const { api, rec } = await go({
      missing: 1,
      sub: "services/api",
      inputs: { "working-directory": "services/api" },
    });
    const create = api.calls.find((c) => c.op === "createCheck");
    if (create?.op !== "createCheck") throw new Error("no check run");
    expect(create.body.output.annotations![0]!.path).toBe("services/api/requirements.in");
    const marker = api.comments[0]!.body!.split("\n")[0];
    expect(marker).toBe("<!-- deploy-drift:sticky workflow=CI dir=services%2Fapi -->");
    const sarif = JSON.parse(fs.readFileSync(rec.outputs.sarif!, "utf8"));
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe(
      "services/api/requirements.in",
    );
  });

  it("reads config relative to the repository root, also above working-directory", async () => {
    const root = repo(0, "services/api");
    fs.writeFileSync(path.join(root, "deploy-drift.toml"), "fail-on = [\n");
    const io = recordingIO({
      "github-token": "t",
      "working-directory": "services/api",
      config: "deploy-drift.toml",
    });
    const api = new FakeApi();
    const outcome = await run({
      io,
      context: context(),
      api: () => api,
      baseApi: () => new FakeBaseApi(),
      env: { GITHUB_WORKSPACE: root, RUNNER_TEMP: root },
    });
    const files = outcome.report!.findings.map((f) => f.file);
    expect(files).toContain("../../deploy-drift.toml");
    const create = api.calls.find((c) => c.op === "createCheck");
    if (create?.op !== "createCheck") throw new Error("no check run");
    expect(create.body.output.annotations!.map((a) => a.path)).toContain("deploy-drift.toml");
    const missing = recordingIO({ "github-token": "t", config: "../etc/passwd" });
    await run({
      io: missing,
      context: context(),
      api: () => api,
      baseApi: () => new FakeBaseApi(),
      env: { GITHUB_WORKSPACE: root, RUNNER_TEMP: root },
    });
    expect(missing.rec.failed).toEqual([expect.stringMatching(/must be a file inside the repository/)]);
  });

  it("a 403 on the comment is reported on its own, and the check run still carries the annotations", async () => {
    const api = new FakeApi();
    api.failWith = (c) =>
      c.op === "create" ? new HttpError(403, "Resource not accessible by integration") : undefined;
    const { rec, outcome } = await go({ missing: 12, api });
    expect(api.calls.map((c) => c.op)).toEqual(["list", "create", "createCheck"]);
    expect(outcome.checkRun).toMatchObject({ conclusion: "failure", annotationsSent: 12 });
    expect(outcome.fallback).toBeNull();
    // One warning, about the comment only; no finding goes out as a workflow annotation.
    expect(rec.annotations).toEqual([
      {
        level: "warning",
        message: expect.stringMatching(
          /could not update the pull request comment: .*pull-requests: write.*HTTP 403/,
        ),
      },
    ]);
    expect(rec.summary.join("")).toMatch(/The pull request comment could not be updated/);
    expect(rec.failed).toHaveLength(1);
  });

  it("a 403 on both: each failure is reported on its own, the findings go out as workflow annotations", async () => {
    const api = new FakeApi();
    api.failWith = (c) => (c.op === "create" || c.op === "createCheck" ? new HttpError(403) : undefined);
    const { rec, outcome } = await go({ missing: 12, api });
    expect(outcome.fallback).toBe("check-run");
    const warnings = rec.annotations.filter((a) => a.level === "warning").map((a) => a.message);
    expect(warnings).toEqual([
      expect.stringMatching(/could not update the pull request comment/),
      expect.stringMatching(/could not create the check run: .*checks: write/),
    ]);
    expect(rec.annotations.filter((a) => a.level === "error").length).toBeGreaterThan(0);
  });

  it("masks the token, and writes outputs and the job summary before any API request", async () => {
    const api = new FakeApi();
    let seenAtFirstRequest: { summary: number; outputs: number } | null = null;
    const io = { rec: null as null | { summary: string[]; outputs: Record<string, string> } };
    api.failWith = () => {
      if (!seenAtFirstRequest && io.rec)
        seenAtFirstRequest = { summary: io.rec.summary.length, outputs: Object.keys(io.rec.outputs).length };
      return undefined;
    };
    const root = repo(2);
    const rio = recordingIO({ "github-token": "ghs_secret123" });
    io.rec = rio.rec;
    await run({
      io: rio,
      context: context(),
      api: () => api,
      baseApi: () => new FakeBaseApi(),
      now: () => new Date("2026-11-26T12:00:00Z"),
      env: { GITHUB_WORKSPACE: root, RUNNER_TEMP: root },
    });
    expect(rio.rec.secrets).toEqual(["ghs_secret123"]);
    expect(seenAtFirstRequest).not.toBeNull();
    expect(seenAtFirstRequest!.summary).toBe(1);
    expect(seenAtFirstRequest!.outputs).toBeGreaterThan(0);
    expect(rio.rec.summary[0]).toContain("deploy-drift");
  });

  it("the sticky marker carries the job and the comment-key; the check run an external_id", async () => {
    const api = new FakeApi();
    const root = repo(1);
    const rio = recordingIO({ "github-token": "t", "comment-key": "py3.12" });
    await run({
      io: rio,
      context: context(),
      api: () => api,
      baseApi: () => new FakeBaseApi(),
      now: () => new Date("2026-11-26T12:00:00Z"),
      env: { GITHUB_WORKSPACE: root, RUNNER_TEMP: root, GITHUB_JOB: "lint" },
    });
    expect(api.comments[0]!.body!.split("\n")[0]).toBe(
      "<!-- deploy-drift:sticky workflow=CI job=lint dir=. key=py3.12 -->",
    );
    const create = api.calls.find((c) => c.op === "createCheck");
    expect(create?.op === "createCheck" && create.body.external_id).toBe("deploy-drift:9.1:lint:.:py3.12");
    // Another matrix job (other key) gets its own comment instead of overwriting this one.
    const rio2 = recordingIO({ "github-token": "t", "comment-key": "py3.13" });
    await run({
      io: rio2,
      context: context(),
      api: () => api,
      baseApi: () => new FakeBaseApi(),
      now: () => new Date("2026-11-26T12:00:00Z"),
      env: { GITHUB_WORKSPACE: root, RUNNER_TEMP: root, GITHUB_JOB: "lint" },
    });
    expect(api.comments).toHaveLength(2);
  });

  it("sends at most MAX_ANNOTATIONS annotations and counts the rest in the job summary", async () => {
    const api = new FakeApi();
    const { rec, outcome } = await go({ missing: MAX_ANNOTATIONS + 20, api });
    expect(outcome.checkRun?.annotationsSent).toBe(MAX_ANNOTATIONS);
    expect(api.calls.filter((c) => c.op === "updateCheck")).toHaveLength(MAX_ANNOTATIONS / 50 - 1);
    expect(rec.summary.join("")).toMatch(
      /more finding\(s\) are not annotated \(at most 300 annotations per run\)/,
    );
  });

  it("a 403 on the check run after the comment worked falls back for the annotations only", async () => {
    const api = new FakeApi();
    api.failWith = (c) => (c.op === "createCheck" ? new HttpError(403) : undefined);
    const { rec, outcome } = await go({ missing: 1, api });
    expect(outcome.comment?.kind).toBe("created");
    expect(outcome.checkRun).toBeNull();
    expect(rec.annotations.filter((a) => a.level === "error")).toHaveLength(1);
  });

  it("a failing annotation batch sends only the rest as workflow annotations", async () => {
    const api = new FakeApi();
    api.failWith = (c) => (c.op === "updateCheck" ? new HttpError(502) : undefined);
    const { rec, outcome } = await go({ missing: 53, api });
    expect(outcome.checkRun?.annotationsSent).toBe(50);
    const fileErrors = rec.annotations.filter((a) => a.level === "error");
    expect(fileErrors).toHaveLength(3);
    expect(fileErrors[0]!.props?.startLine).toBe(53); // the 51st finding (line 3 is the first extra)
  });

  it("a 5xx on the comment is reported as a warning and the check run is still created", async () => {
    const api = new FakeApi();
    api.failWith = (c) => (c.op === "list" ? new HttpError(500) : undefined);
    const { rec, outcome } = await go({ missing: 1, api });
    expect(outcome.checkRun?.conclusion).toBe("failure");
    expect(rec.annotations).toEqual([
      {
        level: "warning",
        message: expect.stringMatching(/could not update the pull request comment: HTTP 500/),
      },
    ]);
    expect(rec.failed).toHaveLength(1); // for the finding, not for the publishing error
  });

  it("fork PRs and Dependabot: no API client is even created", async () => {
    const fork = structuredClone(payload);
    fork.pull_request.head.repo.full_name = "someone/Hello-World";
    let created = 0;
    const root = repo(1);
    const io = recordingIO({ "github-token": "t" });
    const outcome = await run({
      io,
      context: context({ payload: fork }),
      api: () => {
        created++;
        return new FakeApi();
      },
      baseApi: () => new FakeBaseApi(),
      env: { GITHUB_WORKSPACE: root, RUNNER_TEMP: root },
    });
    expect(created).toBe(0);
    expect(outcome.fallback).toMatch(/fork/);
    expect(io.rec.annotations.filter((a) => a.level === "error")).toHaveLength(1);
  });

  it("clean report: success, no step failure, comment: on-findings creates nothing", async () => {
    const { rec, api } = await go({ inputs: { comment: "on-findings" } });
    expect(api.calls.map((c) => c.op)).toEqual(["list", "createCheck"]);
    expect(rec.failed).toEqual([]);
    expect(rec.outputs.blocking).toBe("false");
  });

  it("check-run empty skips the check run; findings become workflow annotations", async () => {
    const { api, rec } = await go({ missing: 1, inputs: { "check-run": "", comment: "never" } });
    expect(api.calls).toEqual([]);
    expect(rec.annotations.filter((a) => a.level === "error")).toHaveLength(1);
  });

  it("fail-on never: findings reported, step passes", async () => {
    const never = await go({ missing: 1, inputs: { "fail-on": "never" } });
    expect(never.rec.failed).toEqual([]);
    expect(never.rec.outputs.blocking).toBe("false");
  });

  it("invalid inputs fail the step with one error per input, before any analysis", async () => {
    const { rec, api } = await go({ inputs: { "fail-on": "fatal", "working-directory": "../outside" } });
    expect(rec.failed).toEqual([expect.stringMatching(/invalid input \(1\)/)]);
    expect(rec.annotations[0]!.message).toMatch(/fail-on/);
    expect(api.calls).toEqual([]);
    const outside = await go({ inputs: { "working-directory": "../outside" } });
    expect(outside.rec.failed).toEqual([expect.stringMatching(/must be a path inside the repository/)]);
  });

  it("pull-request input targets a PR from a workflow_run; push runs skip the comment", async () => {
    const wr = await go({
      missing: 1,
      inputs: { "pull-request": "7" },
      ctx: {
        eventName: "workflow_run",
        payload: { workflow_run: { head_sha: "fork-head", pull_requests: [] } },
      },
    });
    expect(wr.api.calls[0]).toEqual({ op: "list", issue: 7 });
    const create = wr.api.calls.find((c) => c.op === "createCheck");
    expect(create?.op === "createCheck" && create.body.head_sha).toBe("fork-head");
    const push = await go({ missing: 1, ctx: { eventName: "push", payload: {} } });
    expect(push.api.calls.map((c) => c.op)).toEqual(["createCheck"]);
  });
});

describe("run(): the pull request's base revision", () => {
  const BASE_SHA = payload.pull_request.base.sha as string;
  const fixtureFiles = (): Record<string, string> =>
    Object.fromEntries(
      fs.readdirSync(FIXTURE).map((n) => [n, fs.readFileSync(new URL(n, FIXTURE), "utf8")] as const),
    );
  const withLabels = (...names: string[]) => {
    const p = structuredClone(payload);
    p.pull_request.labels = names.map((name, i) => ({ id: i, name }));
    return p;
  };
  /** Head: the fixture plus one requirement missing from the lock; base: the fixture as it was. */
  const addPackage = () =>
    new FakeBaseApi(fixtureFiles(), [{ filename: "requirements.in", status: "modified" }], BASE_SHA);

  it("reads the base through the API and reports the change: changes table, lock-not-updated", async () => {
    const base = addPackage();
    const { rec, outcome } = await go({ missing: 1, base });
    expect(base.ops()).toEqual(["files", "tree", "blob", "blob", "blob", "blob"]);
    const report = outcome.report!;
    expect(report.changes).toEqual([
      expect.objectContaining({ file: "requirements.in", package: "missing-pkg-0", change: "added" }),
    ]);
    // One root cause, one finding: the lock lacks the package, and the message says this change added it.
    expect(report.findings.map((f) => f.rule)).toEqual(["lockfile-missing-package"]);
    expect(report.findings[0]!.message).toContain("(changed in this pull request without its lock)");
    expect(rec.failed).toHaveLength(1);
    expect(rec.info).toContainEqual(
      expect.stringMatching(
        /Comparing with the pull request's base f95f852 \(read through the API: 1 pull-request files page\(s\), 1 tree\(s\), 4 blob\(s\)/,
      ),
    );
    expect(rec.annotations.filter((a) => a.level === "warning")).toEqual([]);
  });

  it("the override label on the pull request turns a protected change into a notice", async () => {
    const files = { ...fixtureFiles(), "deploy-drift.toml": 'protected-paths = ["Procfile"]\n' };
    const changed = [{ filename: "Procfile", status: "modified" }];
    const protect = (dir: string) =>
      fs.writeFileSync(path.join(dir, "deploy-drift.toml"), files["deploy-drift.toml"]);
    // Without the label: an error, and the step fails.
    const root = repo(0);
    protect(root);
    const run1 = await run({
      io: recordingIO({ "github-token": "t" }),
      context: context(),
      api: () => new FakeApi(),
      baseApi: () => new FakeBaseApi(files, changed, BASE_SHA),
      env: { GITHUB_WORKSPACE: root, RUNNER_TEMP: root },
    });
    expect(run1.report!.findings.find((f) => f.rule === "protected-path-changed")).toMatchObject({
      severity: "error",
      file: "Procfile",
    });
    expect(run1.failed).toBe(true);
    const run2 = await run({
      io: recordingIO({ "github-token": "t" }),
      context: context({ payload: withLabels("bug", "deploy-drift: allow-protected") }),
      api: () => new FakeApi(),
      baseApi: () => new FakeBaseApi(files, changed, BASE_SHA),
      env: { GITHUB_WORKSPACE: root, RUNNER_TEMP: root },
    });
    expect(run2.report!.findings.find((f) => f.rule === "protected-path-changed")).toMatchObject({
      severity: "notice",
      message: expect.stringContaining("allowed by the `deploy-drift: allow-protected` label"),
    });
    expect(run2.failed).toBe(false);
  });

  it("an API error while reading the base is a warning; the rest of the run is unaffected", async () => {
    const base = addPackage();
    base.failWith = (c) => (c.op === "tree" ? new HttpError(404, "Not Found") : undefined);
    const { rec, outcome, api } = await go({ missing: 1, base });
    expect(outcome.report!.changes).toBeNull();
    expect(outcome.report!.findings.map((f) => f.rule)).not.toContain("lock-not-updated");
    expect(rec.annotations.filter((a) => a.level === "warning")).toEqual([
      {
        level: "warning",
        message: expect.stringMatching(
          /^deploy-drift could not read the pull request's base revision f95f852: HTTP 404: Not Found .*fetch-depth: 0/,
        ),
      },
    ]);
    expect(api.calls.map((c) => c.op)).toEqual(["list", "create", "list", "createCheck"]);
    expect(rec.failed).toHaveLength(1); // for the lock finding, as without a base
  });

  it("base: off, push events and a missing token read no base", async () => {
    const off = await go({ missing: 1, base: addPackage(), inputs: { base: "off" } });
    expect(off.base.calls).toEqual([]);
    expect(off.outcome.report!.changes).toBeNull();
    const push = await go({ base: addPackage(), ctx: { eventName: "push", payload: {} } });
    expect(push.base.calls).toEqual([]);
    const noToken = await go({ base: addPackage(), inputs: { "github-token": "" } });
    expect(noToken.base.calls).toEqual([]);
    expect(noToken.rec.annotations).toContainEqual({
      level: "warning",
      message: expect.stringMatching(/no `github-token` to read it through the API/),
    });
  });

  it("reads the base from git, without any API request, when the checkout has the base commit", async () => {
    const root = repo(0);
    const git = (...args: string[]) =>
      execFileSync(
        "git",
        ["-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false", ...args],
        {
          cwd: root,
          encoding: "utf8",
        },
      ).trim();
    git("init", "-q");
    git("add", "-A");
    git("commit", "-q", "-m", "base");
    const baseSha = git("rev-parse", "HEAD");
    fs.appendFileSync(path.join(root, "requirements.in"), "missing-pkg-0==1.0\n");
    git("commit", "-q", "-am", "head");
    const p = structuredClone(payload);
    p.pull_request.base.sha = baseSha;
    const base = addPackage();
    const io = recordingIO({ "github-token": "t" });
    const outcome = await run({
      io,
      context: context({ payload: p }),
      api: () => new FakeApi(),
      baseApi: () => base,
      env: { GITHUB_WORKSPACE: root, RUNNER_TEMP: fs.mkdtempSync(path.join(os.tmpdir(), "dd-temp-")) },
    });
    expect(base.calls).toEqual([]);
    expect(outcome.report!.changes).toEqual([
      expect.objectContaining({ file: "requirements.in", package: "missing-pkg-0", change: "added" }),
    ]);
    expect(io.rec.info).toContainEqual(expect.stringMatching(/read from git, 1 changed file/));
  });
});
