import * as fs from "node:fs";
import { beforeAll, describe, expect, it, type OnTestFinishedHandler } from "vitest";
import type { Report } from "../../src/model/report.js";
import { renderMarkdown } from "../../src/report/markdown.js";
import { FakeGitHub, validateWebhook } from "./fake-github.js";
import { CLEAN_FIXTURE, MAYA, workspace } from "./repos.js";
import { DIST, loadPayload, MERGE_SHA, type RunResult, runAction } from "./runner.js";

/**
 * End to end: the committed dist/index.js, run as the runner runs it, against a fake GitHub REST API
 * on 127.0.0.1 that validates every request against GitHub's OpenAPI description.
 * Build first: `npm run build` (CI checks that dist/ is up to date).
 */

const HEAD_SHA = loadPayload().pull_request.head.sha as string;
const MARKER = "<!-- deploy-drift:sticky workflow=CI job=drift dir=. -->";
const RUN_URL = "https://github.com/Codertocat/Hello-World/actions/runs/4242";
/** Finding locations in the comment link to the file at the PR head. */
const BLOB_URL = `https://github.com/Codertocat/Hello-World/blob/${HEAD_SHA}/`;

/** A fake GitHub for one test; when the test ends, no request may have violated the description. */
async function fakeGitHub(onTestFinished: (fn: OnTestFinishedHandler) => void): Promise<FakeGitHub> {
  const s = new FakeGitHub();
  await s.start();
  onTestFinished(async () => {
    await s.close();
    expect(s.violations, "requests that do not match GitHub's OpenAPI description").toEqual([]);
  });
  return s;
}

beforeAll(() => {
  if (!fs.existsSync(DIST)) throw new Error(`${DIST} is missing; run \`npm run build\` first`);
});

/**
 * Renders a report the bundle produced with the renderer in src/. Equal output needs dist/ to be built
 * from the current src/ (CI's dist check guarantees it); say so instead of failing obscurely.
 */
function render(report: Report, opts: Parameters<typeof renderMarkdown>[1]): string {
  try {
    return renderMarkdown(report, opts);
  } catch (e) {
    throw new Error(`dist/index.js looks older than src/ (rebuild with \`npm run build\`): ${String(e)}`);
  }
}

const total = (r: RunResult) =>
  Number(r.outputs.errors) + Number(r.outputs.warnings) + Number(r.outputs.notices);
function readReport(r: RunResult): Report {
  return JSON.parse(fs.readFileSync(r.outputs["report-json"]!, "utf8")) as Report;
}

// Each case has its own server and workspace. They run one after another: on a 2-CPU runner, running
// the node processes concurrently was slower than the throttling waits it would overlap.
describe("the bundled action against a fake GitHub", () => {
  it("the event payload fixture is a valid pull_request webhook", () => {
    expect(validateWebhook("webhook-pull-request-synchronize", loadPayload())).toEqual([]);
  });

  it("creates, then updates in place within 4 requests, then turns the comment green", async ({
    onTestFinished,
  }) => {
    const gh = await fakeGitHub(onTestFinished);

    // 1. First run on the bundled example (one service, a dozen findings), no comment yet.
    const first = await runAction({ apiUrl: gh.url, workspace: workspace({ fixture: MAYA }) });
    expect(first.stderr).toBe("");
    expect(first.code, first.stdout).toBe(1); // errors at or above fail-on: the step fails
    expect(Number(first.outputs.errors)).toBeGreaterThanOrEqual(1);
    expect(first.outputs.blocking).toBe("true");
    expect(total(first)).toBeLessThanOrEqual(50);
    expect(gh.publishOps()).toEqual([
      "GET issues/list-comments",
      "POST issues/create-comment",
      "GET issues/list-comments",
      "POST checks/create",
    ]);
    // Reading the base comes first and is counted apart: the change touched no file, so the list of
    // changed files is all it takes.
    expect(gh.ops()[0]).toBe("GET pulls/list-files");
    expect(gh.baseCounts()).toEqual({ "pulls/list-files": 1 });
    expect(gh.requests.every((r) => r.authorization === "token fake-token")).toBe(true);
    expect(gh.requests.find((r) => r.operation === "issues/list-comments")!.query).toEqual({
      per_page: "100",
    });
    expect(gh.comments).toHaveLength(1);
    const comment = { ...gh.comments[0]! };
    expect(comment.body.startsWith(MARKER)).toBe(true);
    expect(comment.body).toContain("lockfile-missing-package");
    const [check] = gh.checkRuns;
    expect(check!.create).toMatchObject({
      name: "deploy-drift",
      head_sha: HEAD_SHA,
      status: "completed",
      conclusion: "failure",
    });
    expect(check!.create.head_sha).not.toBe(MERGE_SHA);
    expect(check!.annotations).toHaveLength(total(first));
    expect(check!.create.output.summary).toContain(RUN_URL);
    // Outputs, report files and the job summary.
    const report = readReport(first);
    expect(report.findings).toHaveLength(total(first));
    expect(JSON.parse(fs.readFileSync(first.outputs.sarif!, "utf8")).runs[0].results).toHaveLength(
      total(first),
    );
    expect(first.outputs["python-version"]).toBeDefined();
    expect(first.summary).toContain("lockfile-missing-package");
    // No workflow-command annotations: the check run carries them.
    // (`add-mask` is the token's setSecret.)
    expect(
      first.commands.filter(
        (c) => c.command !== "add-mask" && (c.command !== "error" || !c.message.startsWith("deploy-drift:")),
      ),
    ).toEqual([]);

    // 2. Rerun after a push that fixed some findings: the same comment is updated. A typical PR run
    //    (one service, ≤ 50 findings, an existing comment) publishes with at most 4 requests.
    const before = gh.requests.length;
    const fixLock = (dir: string) => fs.appendFileSync(`${dir}/requirements.lock`, "uvloop==0.20.0\n");
    const second = await runAction({
      apiUrl: gh.url,
      workspace: workspace({ fixture: MAYA, edit: fixLock }),
    });
    expect(second.code).toBe(1);
    expect(Number(second.outputs.errors)).toBe(Number(first.outputs.errors) - 1);
    expect(gh.publishOps(before)).toEqual([
      "GET issues/list-comments",
      "PATCH issues/update-comment",
      "POST checks/create",
    ]);
    expect(gh.publishOps(before).length).toBeLessThanOrEqual(4);
    expect(gh.comments).toHaveLength(1);
    expect(gh.comments[0]!.id).toBe(comment.id);
    expect(gh.comments[0]!.body).not.toBe(comment.body);

    // 3. Clean run: the comment flips to the green summary, the check succeeds, the step passes.
    const third = await runAction({ apiUrl: gh.url, workspace: workspace() });
    expect(third.code, third.stdout).toBe(0);
    expect(third.outputs).toMatchObject({ errors: "0", warnings: "0", notices: "0", blocking: "false" });
    expect(gh.comments).toHaveLength(1);
    expect(gh.comments[0]!.id).toBe(comment.id);
    const clean = readReport(third);
    expect(gh.comments[0]!.body).toBe(`${MARKER}\n${render(clean, { detail: "full", summaryUrl: RUN_URL })}`);
    expect(gh.comments[0]!.body).not.toContain("lockfile-missing-package");
    expect(gh.comments[0]!.body).toContain("✅");
    expect(gh.checkRuns.at(-1)!.create.conclusion).toBe("success");
  });

  it("sends 120+ annotations in three batches, errors first", async ({ onTestFinished }) => {
    const gh = await fakeGitHub(onTestFinished);
    const r = await runAction({ apiUrl: gh.url, workspace: workspace({ missing: 110 }) });
    expect(r.code).toBe(1);
    const n = total(r);
    expect(n).toBeGreaterThan(100);
    expect(n).toBeLessThanOrEqual(150);
    expect(gh.ops().filter((o) => o.includes("checks/"))).toEqual([
      "POST checks/create",
      "PATCH checks/update",
      "PATCH checks/update",
    ]);
    const [check] = gh.checkRuns;
    const sizes = [check!.create, ...check!.updates].map((b) => b.output.annotations.length);
    expect(sizes).toEqual([50, 50, n - 100]);
    expect(check!.annotations).toHaveLength(n);
    const rank = { failure: 0, warning: 1, notice: 2 } as Record<string, number>;
    const levels = check!.annotations.map((a) => rank[a.annotation_level]!);
    expect(levels).toEqual([...levels].sort((a, b) => a - b));
  });

  it("read-only token (403): each publishing failure reported on its own, workflow annotations, step still fails", async ({
    onTestFinished,
  }) => {
    const gh = await fakeGitHub(onTestFinished);
    gh.readOnly = true;
    const r = await runAction({ apiUrl: gh.url, workspace: workspace({ missing: 14 }) });
    expect(r.code).toBe(1);
    // The 403s are not retried; the comment and the check run are attempted independently.
    expect(gh.publishOps()).toEqual([
      "GET issues/list-comments",
      "POST issues/create-comment",
      "POST checks/create",
    ]);
    const errors = r.commands.filter((c) => c.command === "error");
    // Ten errors per step are shown; one slot is left for setFailed's own error.
    expect(errors.filter((c) => c.properties.file)).toHaveLength(9);
    expect(errors.at(-1)!.message).toMatch(/^deploy-drift: \d+ findings? at or above fail-on/);
    expect(errors[0]!.properties).toMatchObject({
      file: "requirements.in",
      title: "deploy-drift: lockfile-missing-package",
    });
    expect(
      r.commands.some(
        (c) => c.command === "warning" && /could not update the pull request comment/.test(c.message),
      ),
    ).toBe(true);
    expect(
      r.commands.some((c) => c.command === "warning" && /could not create the check run/.test(c.message)),
    ).toBe(true);
    expect(
      r.commands.some((c) => c.command === "notice" && /more findings? .* not shown/.test(c.message)),
    ).toBe(true);
    expect(r.summary).toContain("lockfile-missing-package");
    expect(r.summary).toContain("The check run could not be created");
    expect(r.outputs.errors).toBe(String(readReport(r).counts.error));
  });

  it("fork pull request: detected up front, no publishing request at all", async ({ onTestFinished }) => {
    const gh = await fakeGitHub(onTestFinished);
    const payload = loadPayload();
    payload.pull_request.head.repo.full_name = "someone-else/Hello-World";
    payload.pull_request.head.repo.owner.login = "someone-else";
    const r = await runAction({ apiUrl: gh.url, workspace: workspace({ missing: 2 }), payload });
    expect(r.code).toBe(1);
    expect(gh.publishOps()).toEqual([]);
    // The read-only token still reads the base repository.
    expect(gh.baseCounts()).toEqual({ "pulls/list-files": 1 });
    expect(
      r.commands.filter((c) => c.command === "error" && c.properties.file).length,
    ).toBeGreaterThanOrEqual(2);
    expect(r.summary).toContain("fork");
  });

  it("retries a 502 and then succeeds", async ({ onTestFinished }) => {
    const gh = await fakeGitHub(onTestFinished);
    gh.faults.push({ operation: "issues/list-comments", status: 502, times: 1 });
    const r = await runAction({ apiUrl: gh.url, workspace: workspace({ missing: 1 }) });
    expect(r.code).toBe(1);
    expect(
      gh.requests
        .filter((q) => q.operation !== "pulls/list-files")
        .map((q) => `${q.status} ${q.method} ${q.operation}`),
    ).toEqual([
      "502 GET issues/list-comments",
      "200 GET issues/list-comments",
      "201 POST issues/create-comment",
      "200 GET issues/list-comments",
      "201 POST checks/create",
    ]);
    expect(r.commands.filter((c) => c.command === "warning")).toEqual([]);
  });

  it("leaves a person's comment that carries the marker alone (and pages through comments)", async ({
    onTestFinished,
  }) => {
    const gh = await fakeGitHub(onTestFinished);
    for (let i = 0; i < 120; i++) gh.addComment(`comment ${i}`, { login: "octocat", type: "User" });
    const quoted = gh.addComment(`${MARKER}\nI copied the bot's comment here`, {
      login: "octocat",
      type: "User",
    });
    const r = await runAction({ apiUrl: gh.url, workspace: workspace({ missing: 1 }) });
    expect(r.code).toBe(1);
    expect(gh.ops().filter((o) => o.endsWith("list-comments"))).toHaveLength(4); // 2 pages, twice
    expect(gh.comments.find((c) => c.id === quoted.id)!.body).toBe(
      `${MARKER}\nI copied the bot's comment here`,
    );
    const own = gh.comments.filter((c) => c.user.login === "github-actions[bot]");
    expect(own).toHaveLength(1);
    expect(own[0]!.body.startsWith(MARKER)).toBe(true);
  });

  it("keeps a 700-finding report under the comment limit (bounded lists, or a smaller tier)", async ({
    onTestFinished,
  }) => {
    const gh = await fakeGitHub(onTestFinished);
    const r = await runAction({
      apiUrl: gh.url,
      workspace: workspace({ missing: 700 }),
      inputs: { annotations: "false" },
    });
    expect(r.code).toBe(1);
    const report = readReport(r);
    // The renderer bounds lists and tables itself ("N more"), so 700 findings of one root cause fit
    // the full tier; the action still falls back a tier when a report does not.
    expect(report.findings.length).toBeGreaterThanOrEqual(700);
    const body = gh.comments[0]!.body;
    expect(body.length).toBeLessThanOrEqual(60_000);
    expect(body).toContain(`](${BLOB_URL}requirements.in#L3)`);
    const tiers = (["full", "compact", "summary"] as const).map(
      (detail) => `${MARKER}\n${render(report, { detail, summaryUrl: RUN_URL, blobUrl: BLOB_URL })}`,
    );
    expect(tiers).toContain(body);
    expect(Buffer.byteLength(gh.checkRuns[0]!.create.output.summary, "utf8")).toBeLessThanOrEqual(65_535);
    // annotations: false → none on the check run, none as workflow commands.
    expect(gh.checkRuns[0]!.annotations).toEqual([]);
    expect(r.commands.filter((c) => c.properties.file)).toEqual([]);
    // The job summary still has the full report.
    expect(r.summary.startsWith(render(report, { detail: "full", layout: "summary" }))).toBe(true);
  });

  it("push events skip the comment but still create the check run on GITHUB_SHA", async ({
    onTestFinished,
  }) => {
    const gh = await fakeGitHub(onTestFinished);
    const payload = { ref: "refs/heads/master", after: MERGE_SHA, repository: loadPayload().repository };
    const r = await runAction({
      apiUrl: gh.url,
      workspace: workspace(),
      eventName: "push",
      payload,
      env: { GITHUB_REF: "refs/heads/master" },
    });
    expect(r.code).toBe(0);
    expect(gh.ops()).toEqual(["POST checks/create"]);
    expect(gh.checkRuns[0]!.create.head_sha).toBe(MERGE_SHA);
    expect(r.outputs.errors).toBe("0");
  });
});

/** The committed clean fixture as repository files, for the base revision. */
function fixtureFiles(prefix = ""): Record<string, string> {
  return Object.fromEntries(
    fs
      .readdirSync(CLEAN_FIXTURE)
      .map((n) => [`${prefix}${n}`, fs.readFileSync(`${CLEAN_FIXTURE}/${n}`, "utf8")]),
  );
}

const EXTRA = "deploy-drift-e2e-package-with-a-long-name-0000";
const ALLOW = "deploy-drift: allow-protected";

describe("the bundled action compares a pull request with its base (shallow checkout: through the API)", () => {
  it("a package added to requirements.in without its lock: the changes table, one lock finding, the step fails", async ({
    onTestFinished,
  }) => {
    const gh = await fakeGitHub(onTestFinished);
    gh.base.files = fixtureFiles();
    gh.base.changed = [{ filename: "requirements.in", status: "modified" }];
    const r = await runAction({ apiUrl: gh.url, workspace: workspace({ missing: 1 }) });
    expect(r.stderr).toBe("");
    expect(r.code, r.stdout).toBe(1);

    // Base reads: the changed files (one page), the tree (one request), the folder's deployment files.
    expect(gh.baseCounts()).toEqual({ "pulls/list-files": 1, "git/get-tree": 1, "git/get-blob": 4 });
    expect(gh.requests.find((q) => q.operation === "pulls/list-files")!.query).toEqual({
      per_page: "100",
      page: "1",
    });
    expect(gh.requests.find((q) => q.operation === "git/get-tree")).toMatchObject({
      path: `/repos/Codertocat/Hello-World/git/trees/${gh.base.sha}`,
      query: { recursive: "1" },
    });
    // They all come before publishing, which stays within its own budget.
    const firstPublish = gh.ops().findIndex((o) => !o.includes("pulls/") && !o.includes("git/"));
    expect(
      gh
        .ops()
        .slice(firstPublish)
        .some((o) => o.includes("git/") || o.includes("pulls/")),
    ).toBe(false);
    expect(gh.publishOps()).toEqual([
      "GET issues/list-comments",
      "POST issues/create-comment",
      "GET issues/list-comments",
      "POST checks/create",
    ]);

    const report = readReport(r);
    expect(report.changes).toEqual([
      {
        service: ".",
        file: "requirements.in",
        line: 3,
        package: EXTRA,
        change: "added",
        from: null,
        to: "1.0.0",
      },
    ]);
    const body = gh.comments[0]!.body;
    expect(body).toContain("<summary>Dependency changes · 1 change</summary>");
    expect(body).toContain(`| \`${EXTRA}\` | ➕ added | — → \`1.0.0\` | \`requirements.in:3\` |`);
    // One root cause, one finding: the lock lacks the package, and its message says this change added it.
    expect(body).toContain("lockfile-missing-package");
    expect(report.findings.find((f) => f.rule === "lockfile-missing-package")).toMatchObject({
      severity: "error",
      file: "requirements.in",
      line: 3,
    });
    expect(report.findings.find((f) => f.rule === "lockfile-missing-package")!.message).toContain(
      "without its lock",
    );
    expect(gh.checkRuns[0]!.annotations.map((a) => a.title)).toContain(
      "deploy-drift: lockfile-missing-package",
    );
    expect(r.stdout).toMatch(/Comparing with the pull request's base f95f852 \(read through the API/);
  });

  it("the override label on the pull request turns a protected change into a notice", async ({
    onTestFinished,
  }) => {
    const gh = await fakeGitHub(onTestFinished);
    const config = 'protected-paths = ["Procfile"]\n';
    gh.base.files = { ...fixtureFiles(), "deploy-drift.toml": config };
    gh.base.changed = [{ filename: "Procfile", status: "modified" }];
    const edit = (dir: string) => {
      fs.writeFileSync(`${dir}/deploy-drift.toml`, config);
      fs.writeFileSync(`${dir}/Procfile`, "web: gunicorn app:app --bind 0.0.0.0:$PORT --workers 4\n");
    };

    const blocked = await runAction({ apiUrl: gh.url, workspace: workspace({ edit }) });
    expect(blocked.code, blocked.stdout).toBe(1);
    expect(readReport(blocked).findings).toEqual([
      expect.objectContaining({ rule: "protected-path-changed", severity: "error", file: "Procfile" }),
    ]);
    expect(gh.comments[0]!.body).toContain("matches the protected path `Procfile` and was changed");

    const before = gh.requests.length;
    const payload = loadPayload();
    payload.pull_request.labels.push({ ...payload.pull_request.labels[0], id: 7, name: ALLOW });
    const allowed = await runAction({ apiUrl: gh.url, workspace: workspace({ edit }), payload });
    expect(allowed.code, allowed.stdout).toBe(0);
    expect(readReport(allowed).findings).toEqual([
      expect.objectContaining({ rule: "protected-path-changed", severity: "notice", file: "Procfile" }),
    ]);
    expect(gh.comments).toHaveLength(1);
    expect(gh.comments[0]!.body).toContain(`the change is allowed by the \`${ALLOW}\` label`);
    expect(gh.checkRuns.at(-1)!.create.conclusion).toBe("neutral"); // a notice, not a failure
    // The changed Procfile's folder: .python-version, Procfile, requirements.in/.txt, and the config.
    expect(gh.baseCounts(before)).toEqual({ "pulls/list-files": 1, "git/get-tree": 1, "git/get-blob": 5 });
  });

  it("a truncated tree in a monorepo: lists only the folders on the way to working-directory", async ({
    onTestFinished,
  }) => {
    const gh = await fakeGitHub(onTestFinished);
    gh.base.files = {
      ...fixtureFiles("services/api/"),
      "services/worker/requirements.txt": "celery==5.4.0\n",
    };
    gh.base.changed = [
      { filename: "services/api/requirements.in", status: "modified" },
      { filename: "services/worker/requirements.txt", status: "modified" },
    ];
    gh.base.truncated = true;
    const r = await runAction({
      apiUrl: gh.url,
      workspace: workspace({ missing: 1, subdir: "services/api" }),
      inputs: { "working-directory": "services/api" },
    });
    expect(r.code, r.stdout).toBe(1);
    // The recursive tree, then "", "services" and "services/api", one level each.
    expect(gh.baseCounts()).toEqual({ "pulls/list-files": 1, "git/get-tree": 4, "git/get-blob": 4 });
    expect(readReport(r).changes).toEqual([
      expect.objectContaining({ file: "requirements.in", package: EXTRA }),
    ]);
    expect(
      gh.checkRuns[0]!.annotations.find((a) => a.title === "deploy-drift: lockfile-missing-package"),
    ).toMatchObject({ path: "services/api/requirements.in", start_line: 3 });
  });

  it("an API error while reading the base: a warning, no change checks, the run otherwise unchanged", async ({
    onTestFinished,
  }) => {
    const gh = await fakeGitHub(onTestFinished);
    gh.base.files = fixtureFiles();
    gh.base.changed = [{ filename: "requirements.in", status: "modified" }];
    gh.faults.push({ operation: "git/get-tree", status: 404, times: 1 });
    const r = await runAction({ apiUrl: gh.url, workspace: workspace({ missing: 1 }) });
    expect(r.code).toBe(1); // the lock finding of the head alone
    expect(gh.baseCounts()).toEqual({ "pulls/list-files": 1, "git/get-tree": 1 });
    const report = readReport(r);
    expect(report.changes).toBeNull();
    expect(report.findings.map((f) => f.rule)).toEqual(["lockfile-missing-package"]);
    expect(r.commands.filter((c) => c.command === "warning").map((c) => c.message)).toEqual([
      expect.stringMatching(
        /^deploy-drift could not read the pull request's base revision f95f852: HTTP 404/,
      ),
    ]);
    expect(gh.publishOps()).toHaveLength(4);
  });
});
