/**
 * The revision a pull request is compared against, for the change rules (dependency-changed,
 * lock-not-updated, lock-changed-inconsistently, python-version-partially-changed,
 * protected-path-changed): `pull_request.base.sha`, its files, the changed files and the labels.
 *
 * - When the checkout has the base commit (`fetch-depth: 0`, or 2 for the merge commit), everything is
 *   read from git, without an API call: the merge base of the base commit and HEAD, as the CLI's
 *   `--base` does.
 * - Otherwise (the default shallow checkout) the base is read through the REST API
 *   (./base-workspace.ts). This needs only `contents: read`, which fork pull requests also have.
 * - Any failure only costs the comparison: a warning, and the run goes on without a base.
 */
import type { AnalyzeOptions } from "../analyze.js";
import { gitChangedFiles, gitWorkspace, resolveBase } from "../repo/git.js";
import { type BaseRequestCounts, readBaseFromApi } from "./base-workspace.js";
import type { BaseApi } from "./client.js";
import type { ActionContext } from "./context.js";

export type BaseMode = "auto" | "off";
export type Base = NonNullable<AnalyzeOptions["base"]>;

export type BaseSource =
  | { kind: "git"; commit: string }
  | { kind: "api"; requests: BaseRequestCounts; fetched: number; skipped: boolean }
  | { kind: "none"; reason: string };

export interface BaseResult {
  base: Base | null;
  source: BaseSource;
}

export interface BaseArgs {
  mode: BaseMode;
  ctx: ActionContext | null;
  /** Absolute path of the scanned folder in the checkout. */
  scanDir: string;
  /** The scanned folder relative to the repository root ("" for the root). */
  rel: string;
  /** The REST client for the base repository, or null without a token. */
  api: () => BaseApi | null;
  log: { info(message: string): void; warning(message: string): void };
}

interface PullRequestPayload {
  number?: unknown;
  base?: { sha?: unknown };
  head?: { sha?: unknown };
  labels?: unknown;
}

/** `pull_request.labels[].name` of the event payload. */
export function labelsOf(pr: PullRequestPayload): string[] {
  if (!Array.isArray(pr.labels)) return [];
  return pr.labels
    .map((l) => (l && typeof l === "object" ? (l as { name?: unknown }).name : undefined))
    .filter((n): n is string => typeof n === "string");
}

export async function pullRequestBase(a: BaseArgs): Promise<BaseResult> {
  const none = (reason: string): BaseResult => ({ base: null, source: { kind: "none", reason } });
  if (a.mode === "off") return none("the `base` input is `off`");
  const pr = a.ctx?.payload.pull_request as PullRequestPayload | undefined;
  const baseSha = typeof pr?.base?.sha === "string" ? pr.base.sha : "";
  if (!pr || !/^[0-9a-f]{40}$/i.test(baseSha) || typeof pr.number !== "number") {
    return none("the event has no pull request");
  }
  const labels = labelsOf(pr);
  const short = baseSha.slice(0, 7);
  const repoName = a.ctx!.repo.repo;

  // 1. git, when the checkout has the base commit.
  let commit: string | null = null;
  try {
    commit = resolveBase(a.scanDir, baseSha);
  } catch {
    // Not a git checkout, or a shallow one without the base commit: use the API.
  }
  if (commit !== null) {
    try {
      const ws = gitWorkspace(a.scanDir, commit, `${repoName}@${short}`);
      const changedFiles = gitChangedFiles(a.scanDir, commit);
      a.log.info(
        `Comparing with the pull request's base ${short} (read from git, ${changedFiles.length} changed file(s) in this folder)`,
      );
      return { base: { ws, changedFiles, labels }, source: { kind: "git", commit } };
    } catch (e) {
      a.log.info(`Reading base ${short} from git failed (${(e as Error).message}); trying the API`);
    }
  }

  // 2. The REST API.
  const api = a.api();
  if (!api) {
    const reason = "no `github-token` to read it through the API, and the checkout does not have it";
    a.log.warning(unavailable(short, reason));
    return none(reason);
  }
  const r = await readBaseFromApi(api, {
    baseSha,
    pr: pr.number,
    dir: a.rel,
    name: `${repoName}@${short}`,
  });
  const n = r.requests;
  const counts = `${n.pullFiles} pull-request files page(s), ${n.trees} tree(s), ${n.blobs} blob(s)`;
  if (!r.ok) {
    a.log.warning(unavailable(short, `${r.reason} (after ${counts})`));
    return none(r.reason);
  }
  a.log.info(
    r.contents === "skipped"
      ? `Comparing with the pull request's base ${short}: ${r.changedFiles.length} changed file(s) in this folder, none a deployment file; no base file was read (${counts})`
      : `Comparing with the pull request's base ${short} (read through the API: ${counts}; ${r.fetched} file(s) read)`,
  );
  return {
    base: { ws: r.ws, changedFiles: r.changedFiles, labels },
    source: { kind: "api", requests: n, fetched: r.fetched, skipped: r.contents === "skipped" },
  };
}

function unavailable(short: string, reason: string): string {
  return `deploy-drift could not read the pull request's base revision ${short}: ${reason}. The change checks (dependency changes, lock updates, protected paths) did not run; the other checks did. To read the base from git instead, check out with \`fetch-depth: 0\`.`;
}
