/**
 * What the action needs to know about the workflow run, derived once from @actions/github's context
 * (or an injected plain object in tests): where to publish, which commit, and whether the token can
 * write at all.
 */

/** The subset of @actions/github's `Context` the action reads. Plain data, so tests can build it. */
export interface ActionContext {
  eventName: string;
  sha: string;
  workflow: string;
  actor: string;
  runId: number;
  runAttempt: number;
  serverUrl: string;
  repo: { owner: string; repo: string };
  // biome-ignore lint/suspicious/noExplicitAny: webhook payloads are untyped JSON
  payload: Record<string, any>;
}

/** Events whose payload carries `pull_request` and whose token is read-only for fork PRs. */
const PR_EVENTS = new Set(["pull_request", "pull_request_review", "pull_request_review_comment"]);
/** Events that run in the base repository's context with a write token, even for fork PRs. */
const PRIVILEGED_EVENTS = new Set(["pull_request_target", "workflow_run"]);

export const DEPENDABOT = "dependabot[bot]";

export interface RunTarget {
  owner: string;
  repo: string;
  /** Pull request number, or null for push, workflow_dispatch, schedule, …: no comment then. */
  pr: number | null;
  /** Commit the check run belongs to: the PR head, not the merge commit in GITHUB_SHA. */
  headSha: string;
  workflow: string;
  /** Link to this run; its page shows the job summary. */
  runUrl: string;
  /** Where the repository's files are shown at headSha: `…/owner/repo/blob/<sha>/`. */
  blobUrl: string;
  /** Why the token is known to be read-only, or null when it may write. */
  readOnly: string | null;
}

export function resolveTarget(ctx: ActionContext, override: { pr?: number | undefined } = {}): RunTarget {
  const pr = ctx.payload.pull_request as
    | {
        number?: number;
        head?: { sha?: string; repo?: { full_name?: string } | null };
        base?: { repo?: { full_name?: string } };
      }
    | undefined;
  // workflow_run: the triggering run's commit and, for same-repository PRs, its pull request.
  const wr = ctx.payload.workflow_run as
    | { head_sha?: string; pull_requests?: Array<{ number?: number }> }
    | undefined;
  const number =
    override.pr ??
    (typeof pr?.number === "number" ? pr.number : null) ??
    (typeof wr?.pull_requests?.[0]?.number === "number" ? wr.pull_requests[0].number : null);
  const headSha =
    typeof pr?.head?.sha === "string" && pr.head.sha
      ? pr.head.sha
      : typeof wr?.head_sha === "string" && wr.head_sha
        ? wr.head_sha
        : ctx.sha;
  const runUrl =
    `${ctx.serverUrl.replace(/\/+$/, "")}/${ctx.repo.owner}/${ctx.repo.repo}/actions/runs/${ctx.runId}` +
    (ctx.runAttempt > 1 ? `/attempts/${ctx.runAttempt}` : "");
  return {
    owner: ctx.repo.owner,
    repo: ctx.repo.repo,
    pr: number,
    headSha,
    workflow: ctx.workflow,
    runUrl,
    blobUrl: `${ctx.serverUrl.replace(/\/+$/, "")}/${ctx.repo.owner}/${ctx.repo.repo}/blob/${headSha}/`,
    readOnly: readOnlyReason(ctx, pr),
  };
}

function readOnlyReason(
  ctx: ActionContext,
  pr:
    | { head?: { repo?: { full_name?: string } | null }; base?: { repo?: { full_name?: string } } }
    | undefined,
): string | null {
  if (PRIVILEGED_EVENTS.has(ctx.eventName)) return null;
  if (ctx.actor === DEPENDABOT) {
    return "the run was triggered by Dependabot, whose GITHUB_TOKEN is read-only";
  }
  if (pr && PR_EVENTS.has(ctx.eventName)) {
    const base = pr.base?.repo?.full_name ?? `${ctx.repo.owner}/${ctx.repo.repo}`;
    const head = pr.head?.repo?.full_name;
    if (head === undefined || head !== base) {
      return `the pull request comes from a fork (${head ?? "a deleted repository"}), whose GITHUB_TOKEN is read-only`;
    }
  }
  return null;
}
