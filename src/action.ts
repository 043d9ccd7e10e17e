import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { context as githubContext } from "@actions/github";
import { analyzeRepo } from "./analyze.js";
import { type Inputs, parseInputs } from "./config/inputs.js";
import { pullRequestBase } from "./github/base.js";
import {
  CHECK_SUMMARY_MAX_BYTES,
  COMMENT_MAX_CHARS,
  chars,
  fitTiers,
  JOB_SUMMARY_MAX_BYTES,
  utf8Bytes,
} from "./github/budget.js";
import { AnnotationBatchError, type CheckRunResult, publishCheckRun } from "./github/check-run.js";
import {
  type BaseApi,
  createOctokit,
  describeError,
  type GitHubApi,
  octokitApi,
  octokitBaseApi,
  statusOf,
} from "./github/client.js";
import { type StickyResult, stickyMarker, upsertStickyComment } from "./github/comment.js";
import { type ActionContext, type RunTarget, resolveTarget } from "./github/context.js";
import { type ActionIO, coreIO } from "./github/io.js";
import { emitWorkflowAnnotations } from "./github/workflow-annotations.js";
import { type Severity, severityRank } from "./model/finding.js";
import type { Detail, Report } from "./model/report.js";
import { DiskWorkspace } from "./repo/disk.js";
import { normalizeRelPath } from "./repo/workspace.js";
import { type Annotation, toAnnotations } from "./report/annotations.js";
import { renderJson } from "./report/json.js";
import { inScope, renderMarkdown, urlPath } from "./report/markdown.js";
import { renderSarif } from "./report/sarif.js";
import { sarifOptions } from "./report/sarif-options.js";

/**
 * Annotations a run sends at most (check run or workflow commands): 300 is 6 check-run requests. The
 * rest are counted in the job summary, which carries every finding.
 */
export const MAX_ANNOTATIONS = 300;

/**
 * The action: read inputs → analyse the working directory → write the report files and outputs →
 * publish (sticky comment, check run) → fall back to workflow-command annotations where publishing was
 * not possible → job summary → fail the step when findings reach fail-on.
 *
 * Publishing never fails the run and never loses the report: every API error is logged, the job summary
 * and outputs are written regardless, and only blocking findings (or unusable inputs) fail the step.
 */

export interface RunDeps {
  io?: ActionIO;
  context?: ActionContext;
  /** Builds the API client for a token; defaults to Octokit with retry and throttling. */
  api?: (token: string, target: RunTarget) => GitHubApi;
  /** Builds the read-only client for the pull request's base revision; defaults to Octokit. */
  baseApi?: (token: string, owner: string, repo: string) => BaseApi;
  now?: () => Date;
  env?: NodeJS.ProcessEnv;
}

export interface RunOutcome {
  report: Report | null;
  comment: StickyResult | null;
  checkRun: CheckRunResult | null;
  /** Why results went to workflow-command annotations instead of the API, if they did. */
  fallback: string | null;
  workflowAnnotations: number;
  failed: boolean;
}

export async function run(deps: RunDeps = {}): Promise<RunOutcome> {
  const io = deps.io ?? coreIO();
  const outcome: RunOutcome = {
    report: null,
    comment: null,
    checkRun: null,
    fallback: null,
    workflowAnnotations: 0,
    failed: false,
  };
  const fail = (message: string) => {
    outcome.failed = true;
    io.setFailed(message);
  };
  try {
    await runInner(deps, io, outcome, fail);
  } catch (e) {
    // Last resort: a bug in the action itself. The report, if any, was already written out.
    fail(`deploy-drift failed unexpectedly: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  }
  return outcome;
}

async function runInner(
  deps: RunDeps,
  io: ActionIO,
  outcome: RunOutcome,
  fail: (message: string) => void,
): Promise<void> {
  const env = deps.env ?? process.env;
  const now = deps.now ?? (() => new Date());
  const startedAt = now();

  const parsed = parseInputs((name) => io.getInput(name));
  if (!parsed.ok) {
    for (const e of parsed.errors) io.error(e, { title: "deploy-drift: invalid input" });
    fail(`deploy-drift: invalid input (${parsed.errors.length}); see the errors above`);
    return;
  }
  const inputs = parsed.inputs;
  // Before anything could print it: the token is masked in every later log line.
  if (inputs["github-token"]) io.setSecret(inputs["github-token"]);

  const root = env.GITHUB_WORKSPACE || process.cwd();
  const rel = normalizeRelPath(inputs["working-directory"]);
  if (rel === null) {
    fail(
      `deploy-drift: working-directory \`${inputs["working-directory"]}\` must be a path inside the repository`,
    );
    return;
  }
  const dir = rel === "" ? "." : rel;
  let config: { file: string; text: string } | undefined;
  if (inputs.config) {
    // Relative to the repository root, like the CLI run from the checkout; it may sit outside
    // working-directory (one config for a monorepo) but not outside the repository.
    const configRel = normalizeRelPath(inputs.config);
    if (configRel === null || configRel === "") {
      fail(`deploy-drift: config \`${inputs.config}\` must be a file inside the repository`);
      return;
    }
    // Read through the workspace: a config that is a symlink out of the repository is refused.
    const read = new DiskWorkspace(root).read(configRel);
    if (read.kind !== "ok") {
      fail(
        `deploy-drift: cannot read config \`${configRel}\`: ${read.kind === "missing" ? "no such file" : read.detail}`,
      );
      return;
    }
    config = { file: path.posix.relative(rel, configRel), text: read.text };
  }
  let warnings = 0;
  const warn = (message: string) => {
    warnings++;
    io.warning(message);
  };
  const ctx = deps.context ?? actionsContext();
  const scanDir = path.join(root, rel);

  const { base } = await pullRequestBase({
    mode: inputs.base,
    ctx,
    scanDir,
    rel,
    api: () => {
      const token = inputs["github-token"];
      if (!token || !ctx) return null;
      return deps.baseApi
        ? deps.baseApi(token, ctx.repo.owner, ctx.repo.repo)
        : octokitBaseApi(createOctokit(token, io), ctx.repo.owner, ctx.repo.repo);
    },
    log: { info: (m) => io.info(m), warning: warn },
  });

  const options = {
    ...(config ? { config } : {}),
    // Input (only when set) > the config's fail-on / filter-mode > their defaults.
    ...(inputs["fail-on"] ? { failOn: inputs["fail-on"] } : {}),
    ...(inputs["filter-mode"] ? { filterMode: inputs["filter-mode"] } : {}),
    today: startedAt,
    // The repository's config comes from the pull request's head, so it neither enables the PyPI
    // look-ups nor chooses the index: the workflow's `pypi` input does, against pypi.org.
    pypiLookups: { enabled: inputs.pypi, client: { baseUrl: "https://pypi.org/pypi" } },
  };
  let report: Report;
  try {
    try {
      report = await analyzeRepo(new DiskWorkspace(scanDir), { ...options, ...(base ? { base } : {}) });
    } catch (e) {
      if (!base) throw e;
      // The comparison must never cost the rest of the report.
      warn(
        `deploy-drift could not compare with the pull request's base revision (${e instanceof Error ? e.message : String(e)}); the change checks did not run`,
      );
      report = await analyzeRepo(new DiskWorkspace(scanDir), options);
    }
  } catch (e) {
    fail(`deploy-drift could not analyse \`${dir}\`: ${e instanceof Error ? e.message : String(e)}`);
    return;
  }
  outcome.report = report;
  io.info(
    `deploy-drift ${report.tool.version}: ${report.counts.error} error(s), ${report.counts.warning} warning(s), ${report.counts.notice} notice(s) in ${dir}`,
  );

  // Outputs, report files and the job summary first: the publishing below is the slow, fallible part,
  // and whatever happens to it (a stall, a cancelled job) the report is already out.
  writeFilesAndOutputs(io, warn, env, report, dir);
  await writeJobSummary(io, report, []);

  // Under filter-mode, findings already on the base branch are listed but not annotated.
  const all = toAnnotations(
    report.findings.filter((f) => inScope(report, f)),
    dir,
  );
  // Errors come first: the cap drops notices and warnings before errors.
  const annotations = all.slice(0, MAX_ANNOTATIONS);
  const target = ctx ? resolveTarget(ctx, { pr: inputs["pull-request"] }) : null;
  const notes: string[] = [];
  if (inputs.annotations && all.length > annotations.length)
    notes.push(
      `${all.length - annotations.length} more finding(s) are not annotated (at most ${MAX_ANNOTATIONS} annotations per run); every finding is in the report above.`,
    );
  const job = env.GITHUB_JOB ?? "";
  const runKey = ctx ? `${ctx.runId}.${ctx.runAttempt}` : "";

  const published = await publish({
    deps,
    io,
    inputs,
    report,
    dir,
    target,
    annotations,
    startedAt,
    now,
    job,
    externalId: `deploy-drift:${runKey}:${job}:${dir}:${inputs["comment-key"]}`,
  });
  outcome.comment = published.comment;
  outcome.checkRun = published.checkRun;
  outcome.fallback = published.fallback;
  for (const w of published.warnings) warn(w);
  notes.push(...published.notes);

  if (inputs.annotations && published.unannotated.length > 0) {
    const r = emitWorkflowAnnotations(io, published.unannotated, {
      error: report.blocking ? 1 : 0,
      warning: warnings,
    });
    outcome.workflowAnnotations = r.emitted;
  }

  await appendSummaryNotes(io, notes);

  if (report.blocking) fail(blockingMessage(report));
}

/** @actions/github's context as plain data; null when the repository cannot be determined. */
function actionsContext(): ActionContext | null {
  let repo: { owner: string; repo: string };
  try {
    repo = githubContext.repo;
  } catch {
    return null;
  }
  return {
    eventName: githubContext.eventName,
    sha: githubContext.sha,
    workflow: githubContext.workflow,
    actor: githubContext.actor,
    runId: githubContext.runId,
    runAttempt: githubContext.runAttempt,
    serverUrl: githubContext.serverUrl,
    repo,
    payload: githubContext.payload,
  };
}

interface PublishArgs {
  deps: RunDeps;
  io: ActionIO;
  inputs: Inputs;
  report: Report;
  dir: string;
  target: RunTarget | null;
  annotations: Annotation[];
  startedAt: Date;
  now: () => Date;
  /** GITHUB_JOB: part of the sticky marker. */
  job: string;
  /** The check run's external_id: this run, attempt, job, folder and comment-key. */
  externalId: string;
}

interface Published {
  comment: StickyResult | null;
  checkRun: CheckRunResult | null;
  fallback: string | null;
  /** Annotations no check run carries: these go out as workflow commands. */
  unannotated: Annotation[];
  warnings: string[];
  /** Lines for the job summary about where the results went. */
  notes: string[];
}

async function publish(a: PublishArgs): Promise<Published> {
  const { io, inputs, report, target } = a;
  const out: Published = {
    comment: null,
    checkRun: null,
    fallback: null,
    unannotated: a.annotations,
    warnings: [],
    notes: [],
  };
  const wantComment = inputs.comment !== "never" && target?.pr != null;
  const wantCheck = inputs["check-run"] !== "" && target !== null;
  if (!target) {
    out.notes.push(
      "The repository could not be determined (GITHUB_REPOSITORY unset): nothing was published.",
    );
    return out;
  }
  if (target.pr === null && inputs.comment !== "never") {
    io.info("No pull request in this event: the comment is skipped.");
  }
  if (!wantComment && !wantCheck) return out;

  const readOnly = (reason: string) => {
    out.fallback = reason;
    out.warnings.push(
      `deploy-drift cannot write to this repository: ${reason}. Findings are shown as annotations and in the job summary instead.`,
    );
    out.notes.push(
      `Results were not published through the GitHub API: ${reason}. The findings are above and in the step's annotations. For comments on fork pull requests, see the \`workflow_run\` recipe in the deploy-drift README.`,
    );
  };

  if (!inputs["github-token"]) {
    out.fallback = "no github-token";
    out.notes.push("No `github-token` was given: the comment and check run were not published.");
    return out;
  }
  if (target.readOnly) {
    readOnly(target.readOnly);
    return out;
  }

  let api: GitHubApi;
  try {
    api = a.deps.api
      ? a.deps.api(inputs["github-token"], target)
      : octokitApi(createOctokit(inputs["github-token"], io), target.owner, target.repo);
  } catch (e) {
    out.fallback = "client";
    out.warnings.push(`deploy-drift could not create the GitHub client: ${describeError(e)}`);
    return out;
  }

  // Finding locations link to the file at the PR head (paths are relative to the analysed folder).
  const blobUrl = `${target.blobUrl}${a.dir === "." ? "" : `${urlPath(a.dir)}/`}`;
  const render = (detail: Detail) => renderMarkdown(report, { detail, summaryUrl: target.runUrl, blobUrl });

  if (wantComment && target.pr !== null) {
    const marker = stickyMarker(target.workflow, a.dir, a.job, inputs["comment-key"]);
    const body = fitTiers(render, COMMENT_MAX_CHARS, chars, (b) => `${marker}\n${b}`);
    try {
      out.comment = await upsertStickyComment(api, {
        issue: target.pr,
        marker,
        body: body.text,
        mode: inputs.comment,
        clean: report.findings.length === 0,
      });
      if (out.comment.kind !== "skipped") {
        io.info(`Comment ${out.comment.kind} (${body.tier} report): ${out.comment.url}`);
        if (out.comment.deleted.length)
          io.info(`Removed duplicate comments: ${out.comment.deleted.join(", ")}`);
      } else io.info(`Comment skipped: ${out.comment.reason}`);
    } catch (e) {
      // The comment and the check run are independent: a failure here is reported on its own, and
      // the check run (a different permission, `checks: write`) is still attempted.
      const why =
        statusOf(e) === 403
          ? `the token may not comment on pull requests (\`pull-requests: write\`), or a rate limit refused it (${describeError(e)})`
          : describeError(e);
      out.warnings.push(`deploy-drift could not update the pull request comment: ${why}`);
      out.notes.push(`The pull request comment could not be updated: ${why}.`);
      if (!wantCheck) out.fallback = "comment";
    }
  }

  if (wantCheck) {
    const link = `\n\n[Workflow run and job summary](${target.runUrl})\n`;
    const summary = fitTiers(render, CHECK_SUMMARY_MAX_BYTES, utf8Bytes, (b) => `${b}${link}`);
    const annotations = inputs.annotations ? a.annotations : [];
    try {
      out.checkRun = await publishCheckRun(api, {
        name: inputs["check-run"],
        headSha: target.headSha,
        report,
        annotations,
        summary: summary.text,
        startedAt: a.startedAt,
        completedAt: a.now(),
        externalId: a.externalId,
      });
      out.unannotated = [];
      io.info(
        `Check run "${inputs["check-run"]}" ${out.checkRun.conclusion} on ${target.headSha} with ${out.checkRun.annotationsSent} annotation(s)${out.checkRun.url ? `: ${out.checkRun.url}` : ""}`,
      );
    } catch (e) {
      if (e instanceof AnnotationBatchError) {
        out.checkRun = { ...e.progress, annotationsSent: e.progress.sent };
        out.unannotated = annotations.slice(e.progress.sent);
        out.warnings.push(
          `deploy-drift sent ${e.progress.sent} of ${annotations.length} annotations to the check run; the rest follow as workflow annotations (${describeError(e.failure)})`,
        );
      } else if (statusOf(e) === 403) {
        out.fallback = "check-run";
        const why = `the token may not create check runs (\`checks: write\`), or a rate limit refused it (${describeError(e)})`;
        out.warnings.push(`deploy-drift could not create the check run: ${why}`);
        out.notes.push(
          `The check run could not be created: ${why}. The findings are shown as annotations instead.`,
        );
      } else {
        out.fallback = "check-run";
        out.warnings.push(`deploy-drift could not create the check run: ${describeError(e)}`);
        out.notes.push("The check run could not be created; findings are shown as annotations instead.");
      }
    }
  }
  return out;
}

function writeFilesAndOutputs(
  io: ActionIO,
  warn: (message: string) => void,
  env: NodeJS.ProcessEnv,
  report: Report,
  dir: string,
): void {
  let jsonPath = "";
  let sarifPath = "";
  try {
    const outDir = fs.mkdtempSync(path.join(env.RUNNER_TEMP || os.tmpdir(), "deploy-drift-"));
    jsonPath = path.join(outDir, "report.json");
    fs.writeFileSync(jsonPath, renderJson(report));
    sarifPath = path.join(outDir, "report.sarif");
    fs.writeFileSync(sarifPath, renderSarif(report, sarifOptions(dir)));
  } catch (e) {
    warn(`deploy-drift could not write the report files: ${e instanceof Error ? e.message : String(e)}`);
  }
  const service = report.services.find((s) => s.root === ".") ?? report.services[0];
  const locks = report.services.map((s) => s.lockfileInSync).filter((v): v is boolean => v !== null);
  const outputs: Record<string, string> = {
    errors: String(report.counts.error),
    warnings: String(report.counts.warning),
    notices: String(report.counts.notice),
    blocking: String(report.blocking),
    "report-json": jsonPath,
    sarif: sarifPath,
    "python-version": service?.pythonVersion ?? "",
    "lockfile-in-sync": locks.length === 0 ? "" : String(locks.every(Boolean)),
  };
  for (const [k, v] of Object.entries(outputs)) io.setOutput(k, v);
}

/** Where the results went (publishing notes), appended to the job summary written before publishing. */
async function appendSummaryNotes(io: ActionIO, notes: string[]): Promise<void> {
  if (notes.length === 0) return;
  try {
    await io.writeSummary(`\n\n${notes.map((n) => `> ${n}`).join("\n>\n")}\n`);
  } catch (e) {
    io.warning(`deploy-drift could not write the job summary: ${e instanceof Error ? e.message : String(e)}`);
  }
}

async function writeJobSummary(io: ActionIO, report: Report, notes: string[]): Promise<void> {
  const tail = notes.length ? `\n\n${notes.map((n) => `> ${n}`).join("\n>\n")}\n` : "";
  const fitted = fitTiers(
    (detail) => renderMarkdown(report, { detail, layout: "summary" }),
    JOB_SUMMARY_MAX_BYTES,
    utf8Bytes,
    (b) => `${b}${tail}`,
  );
  try {
    await io.writeSummary(fitted.text);
  } catch (e) {
    io.warning(`deploy-drift could not write the job summary: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function blockingMessage(report: Report): string {
  const failOn = report.failOn as Severity;
  const n = report.findings.filter((f) => severityRank(f.severity) <= severityRank(failOn)).length;
  return `deploy-drift: ${n} finding${n === 1 ? "" : "s"} at or above fail-on \`${failOn}\` (${report.counts.error} error, ${report.counts.warning} warning, ${report.counts.notice} notice). See the job summary.`;
}
