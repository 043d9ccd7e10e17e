import { getOctokit } from "@actions/github";
import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";

/**
 * The GitHub REST calls the action makes, bound to one repository. Publishing code depends on this
 * interface only, so unit tests inject a fake; `octokitApi` adapts a real Octokit (used by the action and
 * exercised end to end against a local fake API).
 */
export interface IssueComment {
  id: number;
  body?: string | null;
  user: { login: string; type: string } | null;
  performed_via_github_app?: { slug?: string } | null;
  created_at: string;
  html_url: string;
}

export interface CheckAnnotationBody {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: "notice" | "warning" | "failure";
  message: string;
  title?: string;
}

export interface CheckOutputBody {
  title: string;
  summary: string;
  annotations?: CheckAnnotationBody[];
}

export type Conclusion = "success" | "failure" | "neutral";

export interface CheckRunCreateBody {
  name: string;
  head_sha: string;
  /** This run's own id for the check run: how a create that may have happened is found again. */
  external_id?: string;
  status: "completed";
  conclusion: Conclusion;
  started_at: string;
  completed_at: string;
  details_url?: string;
  output: CheckOutputBody;
}

export interface CheckRunUpdateBody {
  output: CheckOutputBody;
}

export interface GitHubApi {
  /** Every comment on the issue or PR, oldest first, across all pages. */
  listIssueComments(issue: number): Promise<IssueComment[]>;
  createIssueComment(issue: number, body: string): Promise<IssueComment>;
  updateIssueComment(id: number, body: string): Promise<IssueComment>;
  deleteIssueComment(id: number): Promise<void>;
  /** Creates the check run, once: never retried by the client (a retry could duplicate it). */
  createCheckRun(body: CheckRunCreateBody): Promise<{ id: number; html_url: string | null }>;
  /** The check run on `headSha` named `name` whose external_id is `externalId`, or null. */
  findCheckRun(
    headSha: string,
    name: string,
    externalId: string,
  ): Promise<{ id: number; html_url: string | null } | null>;
  updateCheckRun(id: number, body: CheckRunUpdateBody): Promise<void>;
}

/** One entry of `GET /repos/{owner}/{repo}/git/trees/{tree_sha}`; `path` is relative to that tree. */
export interface GitTreeEntry {
  path: string;
  /** 100644, 100755, 120000 (symbolic link), 040000 (tree), 160000 (submodule). */
  mode: string;
  type: string;
  sha: string;
  /** Blob size in bytes (blobs only). */
  size?: number;
}

export interface GitTree {
  tree: GitTreeEntry[];
  /** True when GitHub cut the listing short (over 100,000 entries or 7 MB). */
  truncated: boolean;
}

/** One entry of `GET /repos/{owner}/{repo}/pulls/{pull_number}/files`. */
export interface PullFile {
  filename: string;
  status: string;
  previous_filename?: string;
}

/**
 * The read-only calls that fetch a pull request's base revision (src/github/base-workspace.ts). They need
 * `contents: read` only, which fork pull requests' tokens also have.
 */
export interface BaseApi {
  /** `recursive` lists the whole tree below `treeSha` (a tree or commit SHA) in one response. */
  getTree(treeSha: string, recursive: boolean): Promise<GitTree>;
  /** The blob as GitHub returns it: `content` in `encoding` (base64, possibly with line breaks). */
  getBlob(sha: string): Promise<{ content: string; encoding: string }>;
  /** One page (1-based) of at most `perPage` (≤ 100) changed files. */
  listPullFiles(pr: number, page: number, perPage: number): Promise<PullFile[]>;
}

/** HTTP status of a failed request (Octokit's RequestError), or undefined for other errors. */
export function statusOf(e: unknown): number | undefined {
  const s = (e as { status?: unknown } | null)?.status;
  return typeof s === "number" ? s : undefined;
}

export function describeError(e: unknown): string {
  const status = statusOf(e);
  const msg = e instanceof Error ? e.message : String(e);
  return status === undefined ? msg : `HTTP ${status}: ${msg}`;
}

export interface ClientLog {
  info(message: string): void;
  warning(message: string): void;
}

/**
 * Retry and throttling policy.
 * - plugin-retry: 5xx and network errors (surfaced as 500) are retried; 4xx are not (its default
 *   doNotRetry list: 400, 401, 403, 404, 410, 422, 451). Two retries after 1 s and 4 s, (n+1)² × base:
 *   a single transient 502 costs one second, and a real outage fails within ~5 s, never blocking a CI run
 *   for long. The base is fixed, not read from the environment, so tests run the shipped behaviour.
 * - plugin-throttling: writes are serialised (1 s apart, 3 s for notification-triggering routes such as
 *   creating a comment). A primary or secondary rate limit is waited out once when the wait is at most
 *   two minutes; otherwise the request fails and publishing falls back.
 */
export const RETRY_OPTIONS = { retries: 2, retryAfterBaseValue: 1000 } as const;
const MAX_RATE_LIMIT_WAIT_S = 120;
/**
 * Every request is aborted after this long (a stalled connection once held a job for 15 minutes); the
 * abort surfaces as a network error, which plugin-retry retries at most RETRY_OPTIONS.retries times.
 */
export const REQUEST_TIMEOUT_MS = 30_000;

/** `fetch` with a per-request deadline covering the response headers and body. */
export function timedFetch(ms: number, base: typeof fetch = fetch): typeof fetch {
  return async (input, init) => {
    const ctl = new AbortController();
    const timer = setTimeout(() => ctl.abort(new Error(`request timed out after ${ms} ms`)), ms);
    const outer = init?.signal;
    if (outer) {
      if (outer.aborted) ctl.abort(outer.reason);
      else outer.addEventListener("abort", () => ctl.abort(outer.reason), { once: true });
    }
    try {
      const res = await base(input, { ...init, signal: ctl.signal });
      // Read the body under the same deadline, then hand back a complete response.
      const body = await res.arrayBuffer();
      const out = new Response(res.status === 204 || res.status === 304 ? null : body, {
        status: res.status,
        statusText: res.statusText,
        headers: res.headers,
      });
      // A constructed Response has no URL; Octokit reads it (errors, pagination).
      Object.defineProperty(out, "url", { value: res.url });
      return out;
    } finally {
      clearTimeout(timer);
    }
  };
}

/** A failure after which the request may or may not have taken effect: no status, or a 5xx. */
export function isAmbiguous(e: unknown): boolean {
  const s = statusOf(e);
  return s === undefined || s >= 500;
}

export type Octokit = ReturnType<typeof getOctokit>;

export function createOctokit(
  token: string,
  log: ClientLog,
  opts: { timeoutMs?: number; fetch?: typeof fetch; baseUrl?: string } = {},
): Octokit {
  const onLimit =
    (kind: string) =>
    (retryAfter: number, options: { method?: string; url?: string }, _o: unknown, retryCount: number) => {
      const what = `${options.method ?? ""} ${options.url ?? ""}`.trim();
      if (retryCount < 1 && retryAfter <= MAX_RATE_LIMIT_WAIT_S) {
        log.info(`GitHub ${kind} rate limit on ${what}; retrying after ${retryAfter} s`);
        return true;
      }
      log.warning(`GitHub ${kind} rate limit on ${what}; giving up (retry after ${retryAfter} s)`);
      return false;
    };
  return getOctokit(
    token,
    {
      ...(opts.baseUrl ? { baseUrl: opts.baseUrl } : {}),
      retry: { ...RETRY_OPTIONS },
      request: { fetch: timedFetch(opts.timeoutMs ?? REQUEST_TIMEOUT_MS, opts.fetch) },
      throttle: { onRateLimit: onLimit("primary"), onSecondaryRateLimit: onLimit("secondary") },
    },
    retry,
    throttling,
  );
}

export function octokitApi(octokit: Octokit, owner: string, repo: string): GitHubApi {
  const rest = octokit.rest;
  return {
    async listIssueComments(issue) {
      const out: IssueComment[] = [];
      for await (const page of octokit.paginate.iterator(rest.issues.listComments, {
        owner,
        repo,
        issue_number: issue,
        per_page: 100,
      })) {
        out.push(...(page.data as IssueComment[]));
      }
      return out;
    },
    async createIssueComment(issue, body) {
      const r = await rest.issues.createComment({ owner, repo, issue_number: issue, body });
      return r.data as IssueComment;
    },
    async updateIssueComment(id, body) {
      const r = await rest.issues.updateComment({ owner, repo, comment_id: id, body });
      return r.data as IssueComment;
    },
    async deleteIssueComment(id) {
      await rest.issues.deleteComment({ owner, repo, comment_id: id });
    },
    async createCheckRun(body) {
      // No automatic retry: after a 5xx the run may exist; publishCheckRun looks it up first.
      const r = await rest.checks.create({ owner, repo, ...body, request: { retries: 0 } });
      return { id: r.data.id, html_url: r.data.html_url ?? null };
    },
    async findCheckRun(headSha, name, externalId) {
      let pages = 0;
      for await (const page of octokit.paginate.iterator(rest.checks.listForRef, {
        owner,
        repo,
        ref: headSha,
        check_name: name,
        filter: "all",
        per_page: 100,
      })) {
        const hit = page.data.find((c) => c.external_id === externalId);
        if (hit) return { id: hit.id, html_url: hit.html_url ?? null };
        if (++pages >= 5) break;
      }
      return null;
    },
    async updateCheckRun(id, body) {
      await rest.checks.update({ owner, repo, check_run_id: id, ...body });
    },
  };
}

export function octokitBaseApi(octokit: Octokit, owner: string, repo: string): BaseApi {
  const git = octokit.rest.git;
  return {
    async getTree(treeSha, recursive) {
      const r = await git.getTree({
        owner,
        repo,
        tree_sha: treeSha,
        ...(recursive ? { recursive: "1" } : {}),
      });
      return { tree: r.data.tree as GitTreeEntry[], truncated: r.data.truncated };
    },
    async getBlob(sha) {
      const r = await git.getBlob({ owner, repo, file_sha: sha });
      return { content: r.data.content, encoding: r.data.encoding };
    },
    async listPullFiles(pr, page, perPage) {
      const r = await octokit.rest.pulls.listFiles({ owner, repo, pull_number: pr, per_page: perPage, page });
      return r.data.map((f) => ({
        filename: f.filename,
        status: f.status,
        ...(f.previous_filename ? { previous_filename: f.previous_filename } : {}),
      }));
    },
  };
}
