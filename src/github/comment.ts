import type { CommentMode } from "../config/inputs.js";
import { compareText } from "../model/order.js";
import { type GitHubApi, type IssueComment, statusOf } from "./client.js";

/**
 * The sticky PR comment: exactly one per (workflow, working-directory), found by a hidden marker *and*
 * the author being the token's own bot identity, updated in place. Comments from people are never
 * touched, even when they quote the marker.
 */

/** The login GITHUB_TOKEN comments as. GET /user is not available to installation tokens. */
export const ACTIONS_BOT = "github-actions[bot]";

const enc = (s: string) => encodeURIComponent(s).replace(/-/g, "%2D");

/** `<!-- deploy-drift:sticky workflow=<workflow> dir=<working-directory> -->`, values URI-encoded. */
export function stickyMarker(workflow: string, dir: string): string {
  return `<!-- deploy-drift:sticky workflow=${enc(workflow)} dir=${enc(dir)} -->`;
}

/**
 * Ours when it carries the exact marker and was written by a bot that is the token's identity:
 * `github-actions[bot]` for GITHUB_TOKEN, or `<app-slug>[bot]` for a GitHub App installation token
 * (`performed_via_github_app` names the app). A personal access token comments as a person and is
 * therefore never recognised: with a PAT every run would add a comment, so use GITHUB_TOKEN or an App.
 */
export function isOwnComment(c: IssueComment, marker: string): boolean {
  if (!c.body?.includes(marker)) return false;
  const user = c.user;
  if (user?.type !== "Bot") return false;
  if (user.login === ACTIONS_BOT) return true;
  const slug = c.performed_via_github_app?.slug;
  return typeof slug === "string" && user.login === `${slug}[bot]`;
}

export interface StickyOptions {
  issue: number;
  marker: string;
  /** Full body, marker included. */
  body: string;
  mode: CommentMode;
  /** True when the report has no findings: `on-findings` then creates nothing. */
  clean: boolean;
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
  const own = (await api.listIssueComments(o.issue)).filter((c) => isOwnComment(c, o.marker)).sort(byAge);
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
  // Reconcile: a concurrent run may have created its own comment between our list and our create.
  const after = (await api.listIssueComments(o.issue)).filter((c) => isOwnComment(c, o.marker)).sort(byAge);
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
