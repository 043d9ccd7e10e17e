import type { CommentMode } from "../config/inputs.js";
import { compareText } from "../model/order.js";
import { type GitHubApi, type IssueComment, statusOf } from "./client.js";

/**
 * The sticky PR comment: exactly one per (workflow, job, working-directory, comment-key), found by a
 * hidden marker *and* the author being the token's own bot identity, updated in place. Comments from
 * people, and from other Apps, are never touched, even when they quote the marker.
 */

/** The login GITHUB_TOKEN comments as. GET /user is not available to installation tokens. */
export const ACTIONS_BOT = "github-actions[bot]";

const enc = (s: string) => encodeURIComponent(s).replace(/-/g, "%2D");

/**
 * `<!-- deploy-drift:sticky workflow=<workflow> job=<job> dir=<working-directory> key=<comment-key> -->`,
 * values URI-encoded. The job (GITHUB_JOB) and the `comment-key` input keep jobs of one workflow, and
 * matrix jobs of one job, from overwriting each other's comment; `job` and `key` are left out when empty.
 */
export function stickyMarker(workflow: string, dir: string, job = "", key = ""): string {
  const parts = [`workflow=${enc(workflow)}`];
  if (job) parts.push(`job=${enc(job)}`);
  parts.push(`dir=${enc(dir)}`);
  if (key) parts.push(`key=${enc(key)}`);
  return `<!-- deploy-drift:sticky ${parts.join(" ")} -->`;
}

/**
 * Ours when it carries the exact marker on its own first line and was written by the bot that is the
 * token's identity (`identity`: `github-actions[bot]` for GITHUB_TOKEN; for a GitHub App token, the
 * login of a comment this run created). Another App's comment carrying the marker is not ours, nor is
 * a person's: a personal access token comments as a person and is therefore never recognised.
 */
export function isOwnComment(c: IssueComment, marker: string, identity: string = ACTIONS_BOT): boolean {
  if (c.body?.split("\n", 1)[0] !== marker) return false;
  const user = c.user;
  return user?.type === "Bot" && user.login === identity;
}

export interface StickyOptions {
  issue: number;
  marker: string;
  /** Full body, marker included. */
  body: string;
  mode: CommentMode;
  /** True when the report has no findings: `on-findings` then creates nothing. */
  clean: boolean;
  /** The token's bot login, when known; default `github-actions[bot]` (GITHUB_TOKEN). */
  identity?: string;
}

export type StickyResult =
  | { kind: "skipped"; reason: string }
  | {
      kind: "created" | "updated" | "unchanged";
      id: number;
      url: string;
      /** Duplicate own comments removed (left over from racing runs). */
      deleted: number[];
    };

const byAge = (a: IssueComment, b: IssueComment) => compareText(a.created_at, b.created_at) || a.id - b.id;

/** Deletes comments, ignoring those already gone (a racing run may have deleted them first). */
async function deleteAll(api: GitHubApi, comments: IssueComment[]): Promise<number[]> {
  const deleted: number[] = [];
  for (const c of comments) {
    try {
      await api.deleteIssueComment(c.id);
      deleted.push(c.id);
    } catch (e) {
      if (statusOf(e) !== 404) throw e;
    }
  }
  return deleted;
}

/**
 * Creates or updates the sticky comment with as few requests as possible:
 * - existing comment: list, then update only if the body changed (2 requests, or 1);
 * - no comment: list, create, list again to reconcile a race with a concurrent run (3 requests).
 * When several own comments exist (two runs raced), the oldest is kept and the others are deleted.
 * Errors propagate; the caller decides how to fall back.
 */
export async function upsertStickyComment(api: GitHubApi, o: StickyOptions): Promise<StickyResult> {
  if (o.mode === "never") return { kind: "skipped", reason: "comment: never" };
  const identity = o.identity ?? ACTIONS_BOT;
  const own = (await api.listIssueComments(o.issue))
    .filter((c) => isOwnComment(c, o.marker, identity))
    .sort(byAge);
  const [oldest, ...dupes] = own;
  if (oldest) {
    let kind: "updated" | "unchanged" = "unchanged";
    let kept = oldest;
    if (oldest.body !== o.body) {
      kept = await api.updateIssueComment(oldest.id, o.body);
      kind = "updated";
    }
    const deleted = await deleteAll(api, dupes);
    return { kind, id: kept.id, url: kept.html_url, deleted };
  }
  if (o.mode === "on-findings" && o.clean) {
    return { kind: "skipped", reason: "no findings and no earlier comment (comment: on-findings)" };
  }
  const created = await api.createIssueComment(o.issue, o.body);
  // Reconcile: a concurrent run may have created its own comment between our list and our create. The
  // created comment's author is the token's identity: an App token's earlier comments are found here.
  const me = created.user?.type === "Bot" ? created.user.login : identity;
  const after = (await api.listIssueComments(o.issue))
    .filter((c) => c.id === created.id || isOwnComment(c, o.marker, me))
    .sort(byAge);
  const keeper = after[0] ?? created;
  if (keeper.id === created.id) {
    const deleted = await deleteAll(
      api,
      after.filter((c) => c.id !== created.id),
    );
    return { kind: "created", id: created.id, url: created.html_url, deleted };
  }
  // Another run's comment is older: it stays, carrying this run's (newer) body; ours goes.
  const kept = keeper.body === o.body ? keeper : await api.updateIssueComment(keeper.id, o.body);
  const deleted = await deleteAll(
    api,
    after.filter((c) => c.id !== keeper.id),
  );
  if (!after.some((c) => c.id === created.id)) deleted.push(...(await deleteAll(api, [created])));
  return { kind: "updated", id: kept.id, url: kept.html_url, deleted };
}
