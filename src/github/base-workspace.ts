/**
 * A pull request's base revision read through the REST API, so that the default shallow checkout
 * (`actions/checkout` fetches one commit) is enough to compare base and head.
 *
 * 1. The changed files: `GET /repos/{owner}/{repo}/pulls/{pull_number}/files`, 100 per page. GitHub lists
 *    at most 3000; a pull request that reaches that limit is not compared (a lock change past the cut
 *    would look missing).
 * 2. When no changed file below the scanned folder can be a deployment file (only Python modules,
 *    docs, images, …), no base file can change a finding: the base is an empty workspace and nothing
 *    else is requested.
 * 3. The base tree: `GET /repos/{owner}/{repo}/git/trees/{base_sha}?recursive=1`, one request. When
 *    GitHub truncates it (over 100,000 entries or 7 MB), only the folders the comparison reads are
 *    listed, one non-recursive request per folder on their paths (at most 50).
 * 4. The base versions of the files the change rules compare, 4 requests at a time
 *    (`GET /repos/{owner}/{repo}/git/blobs/{file_sha}`, at most 200): every changed file that is not a
 *    module, document or asset (so a requirements file included under an unusual name, or a
 *    Dockerfile at a custom path, is compared with its real base version); the deployment files (the
 *    names the engine reads) of the folders holding those changes, whose unchanged Python-version
 *    statements python-version-partially-changed compares; and the scanned folder's config files,
 *    `pyproject.toml` and `.railway/railway.ts`.
 *
 * The Workspace interface is synchronous, so everything is fetched before the analysis runs. What is
 * not fetched — Python modules, above all — is "missing" in the base workspace. The change rules only
 * compare dependency lists, Python-version statements and changed paths, and only for changed files
 * (every one of which is fetched when the base has it), so a missing module cannot show up as a change.
 *
 * Reads follow the Workspace contract of src/repo/workspace.ts: the same 1 MiB per-file cap, UTF-8
 * decoding, and symbolic links (mode 120000) followed only while they stay inside the scanned folder.
 * Any failure gives no base at all (never a partial one that could invent changes).
 */
import { CONFIG_FILES } from "../config/load.js";
import { SERVICE_MARKERS } from "../facts/discover.js";
import { RAILWAY_PY, RAILWAY_TS } from "../facts/railway-ts.js";
import { isRequirementsName, LOCK_FILES } from "../facts/service.js";
import {
  basename,
  bytesResult,
  dirname,
  isSkippedDir,
  joinPath,
  listTreeFiles,
  MAX_FILE_BYTES,
  MAX_TOTAL_BYTES,
  MemoryWorkspace,
  normalizeRelPath,
  notFile,
  outsideRoot,
  type ReadResult,
  tooLarge,
  type Workspace,
  type WorkspaceGap,
} from "../repo/workspace.js";
import { type BaseApi, describeError, type GitTreeEntry } from "./client.js";

/** GitHub's own limit on `pulls/{n}/files`. */
export const MAX_PULL_FILES = 3000;
export const PULL_FILES_PER_PAGE = 100;
/** At most this many blobs are fetched; a base that needs more is not compared. */
export const MAX_BASE_BLOBS = 200;
/** Concurrent blob requests. */
export const BLOB_CONCURRENCY = 4;
/** Non-recursive tree requests allowed when the recursive tree is truncated. */
export const MAX_TREE_REQUESTS = 50;
const MAX_LINK_HOPS = 40;

/** Names the engine reads as deployment files, besides requirements files and `.railway/railway.ts`. */
const DEPLOYMENT_NAMES = new Set([
  ...SERVICE_MARKERS,
  ...LOCK_FILES,
  ...CONFIG_FILES,
  ".tool-versions",
  "mise.toml",
  ".mise.toml",
  "nixpacks.toml",
  "nixpacks.json",
  "railpack.json",
  "Dockerfile",
]);

/** Read by the engine at the scanned folder's top whatever changed: the config and railway.ts. */
const ROOT_FILES = new Set([...CONFIG_FILES, "pyproject.toml", RAILWAY_TS, RAILWAY_PY]);

/** A deployment file by name (path relative to the scanned folder). */
export function isDeploymentFile(rel: string): boolean {
  if (rel === RAILWAY_TS || rel === RAILWAY_PY) return true;
  if (DEPLOYMENT_NAMES.has(basename(rel))) return true;
  return isRequirementsName(rel, dirname(rel)) || isRequirementsName(rel, dirname(dirname(rel)));
}

/**
 * Changed files that can never be a deployment file or a dependency list: modules, docs, assets.
 * Anything else that changed is fetched, so that a requirements file included under an unusual name,
 * or a Dockerfile at a custom path, is compared with its real base version.
 */
const NOT_DEPLOYMENT =
  /\.(py|pyi|pyx|pxd|ipynb|md|rst|adoc|html?|css|scss|js|jsx|mjs|cjs|ts|tsx|png|jpe?g|gif|svg|ico|webp|pdf|csv|sql)$/i;

function worthFetching(rel: string): boolean {
  if (isDeploymentFile(rel)) return true;
  const name = basename(rel);
  if (name === ".gitignore" || name.startsWith(".env")) return false;
  return !NOT_DEPLOYMENT.test(name);
}

export interface BaseRequest {
  /** `pull_request.base.sha`. */
  baseSha: string;
  /** `pull_request.number`. */
  pr: number;
  /** The scanned folder, relative to the repository root ("" for the root). */
  dir: string;
  /** Name of the base workspace in reports. */
  name: string;
}

/** Requests made to read the base, by endpoint. */
export interface BaseRequestCounts {
  pullFiles: number;
  trees: number;
  blobs: number;
}

export type BaseRead =
  | {
      ok: true;
      ws: Workspace;
      /** Changed files below `dir`, relative to it (renames contribute both names). */
      changedFiles: string[];
      /** "skipped": no changed file could matter, the base is empty. */
      contents: "fetched" | "skipped";
      fetched: number;
      requests: BaseRequestCounts;
    }
  | { ok: false; reason: string; requests: BaseRequestCounts };

class Unavailable extends Error {}

interface Entry {
  mode: string;
  type: string;
  sha: string;
  size: number | null;
}

/** Reads the base revision of a pull request through `api`. Never throws: failures give `ok: false`. */
export async function readBaseFromApi(api: BaseApi, req: BaseRequest): Promise<BaseRead> {
  const requests: BaseRequestCounts = { pullFiles: 0, trees: 0, blobs: 0 };
  try {
    return await read(api, req, requests);
  } catch (e) {
    const reason = e instanceof Unavailable ? e.message : describeError(e);
    return { ok: false, reason, requests };
  }
}

async function read(api: BaseApi, req: BaseRequest, requests: BaseRequestCounts): Promise<BaseRead> {
  const dir = normalizeRelPath(req.dir) ?? "";
  const below = (repoPath: string): string | null => {
    const n = normalizeRelPath(repoPath);
    if (n === null || n === "") return null;
    if (dir === "") return n;
    return n.startsWith(`${dir}/`) ? n.slice(dir.length + 1) : null;
  };

  // 1. Changed files.
  const changedRepo = new Set<string>();
  for (let page = 1; ; page++) {
    requests.pullFiles++;
    const files = await api.listPullFiles(req.pr, page, PULL_FILES_PER_PAGE);
    for (const f of files) {
      changedRepo.add(f.filename);
      if (f.previous_filename) changedRepo.add(f.previous_filename);
    }
    if (page * PULL_FILES_PER_PAGE >= MAX_PULL_FILES && files.length === PULL_FILES_PER_PAGE) {
      throw new Unavailable(
        `the pull request changes ${MAX_PULL_FILES} files or more, and GitHub lists only the first ${MAX_PULL_FILES}`,
      );
    }
    if (files.length < PULL_FILES_PER_PAGE) break;
  }
  const changedFiles = [...changedRepo]
    .map(below)
    .filter((p): p is string => p !== null)
    .sort();
  const relevant = changedFiles.filter(worthFetching);
  if (relevant.length === 0) {
    return {
      ok: true,
      ws: new MemoryWorkspace({}, req.name),
      changedFiles,
      contents: "skipped",
      fetched: 0,
      requests,
    };
  }

  // 2. The base tree below `dir`: all of it, or the folders that matter when it is too large.
  const folders = serviceFolders(relevant);
  const tree = await listTree(api, req.baseSha, dir, folders, requests);

  // 3. What to fetch: the changed files, the deployment files of the folders they are in, the
  //    repository-wide files (config, railway.ts); then the targets of symbolic links among them.
  const changedSet = new Set(relevant);
  const wanted = [...tree.entries.keys()].filter((p) => {
    if (tree.entries.get(p)!.type !== "blob" || dirname(p).split("/").some(isSkippedDir)) return false;
    if (changedSet.has(p)) return true;
    if (!isDeploymentFile(p)) return false;
    if (ROOT_FILES.has(p)) return true;
    const d = dirname(p);
    return folders.has(d) || (basename(d).toLowerCase() === "requirements" && folders.has(dirname(d)));
  });

  const contents = new Map<string, Uint8Array>();
  let totalBytes = 0;
  let queue = wanted;
  for (let round = 0; queue.length > 0 && round <= MAX_LINK_HOPS; round++) {
    const batch = queue.filter((p) => {
      const e = tree.entries.get(p);
      return e !== undefined && !contents.has(p) && (e.size === null || e.size <= MAX_FILE_BYTES);
    });
    if (contents.size + batch.length > MAX_BASE_BLOBS) {
      throw new Unavailable(
        `the base revision has more than ${MAX_BASE_BLOBS} deployment files to read through the API`,
      );
    }
    await mapLimit(batch, BLOB_CONCURRENCY, async (p) => {
      const e = tree.entries.get(p)!;
      requests.blobs++;
      const bytes = decodeBlob(p, await api.getBlob(e.sha));
      totalBytes += bytes.length;
      if (totalBytes > MAX_TOTAL_BYTES) {
        throw new Unavailable(`the base revision's deployment files exceed ${MAX_TOTAL_BYTES} bytes`);
      }
      contents.set(p, bytes);
    });
    // Links among them: fetch what they point to (inside `dir` only; the workspace refuses the rest).
    const next = new Set<string>();
    for (const p of batch) {
      if (tree.entries.get(p)?.mode !== LINK) continue;
      const target = linkTarget(p, contents.get(p)!);
      if (target !== null && tree.entries.get(target)?.type === "blob" && !contents.has(target))
        next.add(target);
    }
    queue = [...next];
  }

  return {
    ok: true,
    ws: new BaseTreeWorkspace(req.name, tree.entries, tree.dirs, contents),
    changedFiles,
    contents: "fetched",
    fetched: contents.size,
    requests,
  };
}

const LINK = "120000";

function decodeBlob(path: string, blob: { content: string; encoding: string }): Uint8Array {
  if (blob.encoding === "base64") return Buffer.from(blob.content.replace(/\s+/g, ""), "base64");
  if (blob.encoding === "utf-8" || blob.encoding === "utf8") return Buffer.from(blob.content, "utf8");
  throw new Unavailable(`${path}: unexpected blob encoding \`${blob.encoding}\``);
}

/** A link's target relative to the root, or null when it leaves it (absolute, or `..` above the root). */
function linkTarget(link: string, bytes: Uint8Array): string | null {
  const target = Buffer.from(bytes).toString("utf8");
  if (target.startsWith("/") || /^[A-Za-z]:[\\/]/.test(target)) return null;
  return normalizeRelPath(target, dirname(link));
}

interface ListedTree {
  /** Paths relative to `dir`. */
  entries: Map<string, Entry>;
  dirs: Set<string>;
}

async function listTree(
  api: BaseApi,
  baseSha: string,
  dir: string,
  folders: ReadonlySet<string>,
  requests: BaseRequestCounts,
): Promise<ListedTree> {
  const out: ListedTree = { entries: new Map(), dirs: new Set([""]) };
  const add = (repoPath: string, e: GitTreeEntry) => {
    const n = normalizeRelPath(repoPath);
    if (n === null || n === "") return;
    let rel: string;
    if (dir === "") rel = n;
    else if (n.startsWith(`${dir}/`)) rel = n.slice(dir.length + 1);
    else return;
    if (e.type === "tree") out.dirs.add(rel);
    else out.entries.set(rel, { mode: e.mode, type: e.type, sha: e.sha, size: e.size ?? null });
    for (let d = dirname(rel); d !== "" && !out.dirs.has(d); d = dirname(d)) out.dirs.add(d);
  };

  requests.trees++;
  const full = await api.getTree(baseSha, true);
  if (!full.truncated) {
    for (const e of full.tree) add(e.path, e);
    return out;
  }

  // Truncated: list, one level each, only the folders whose files the comparison reads — the scanned
  // folder, `.railway`, the folders of the changed files and their `requirements/` folders.
  const wanted = new Set<string>(["", dirname(RAILWAY_TS)]);
  for (const f of folders) {
    wanted.add(f);
    wanted.add(joinPath(f, "requirements"));
  }
  const listed = new Map<string, GitTreeEntry[] | null>();
  const listFolder = async (repoDir: string): Promise<GitTreeEntry[] | null> => {
    if (listed.has(repoDir)) return listed.get(repoDir)!;
    let sha: string | null = baseSha;
    if (repoDir !== "") {
      const parent = await listFolder(dirname(repoDir));
      sha = parent?.find((e) => e.path === basename(repoDir) && e.type === "tree")?.sha ?? null;
    }
    let entries: GitTreeEntry[] | null = null;
    if (sha !== null) {
      if (requests.trees > MAX_TREE_REQUESTS) {
        throw new Unavailable(
          `the base tree is too large for one request, and listing the folders the comparison reads needs more than ${MAX_TREE_REQUESTS} more`,
        );
      }
      requests.trees++;
      entries = (await api.getTree(sha, false)).tree;
    }
    listed.set(repoDir, entries);
    return entries;
  };
  for (const f of [...wanted].sort()) await listFolder(f === "" ? dir : joinPath(dir, f));
  // Every listed folder, the ones on the way included (`add` keeps what is below `dir`).
  for (const [repoDir, entries] of listed) for (const e of entries ?? []) add(joinPath(repoDir, e.path), e);
  return out;
}

/** The folders that hold the changed files, and the service folder of a changed `requirements/x.txt`. */
function serviceFolders(changed: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const p of changed) {
    const d = dirname(p);
    out.add(d);
    if (basename(d).toLowerCase() === "requirements") out.add(dirname(d));
  }
  return out;
}

/** Runs `fn` over `items`, at most `limit` at a time; the first failure stops new calls and rejects. */
async function mapLimit<T>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const item = items[next++]!;
      try {
        await fn(item);
      } catch (e) {
        failed = true;
        throw e;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * The base revision as a Workspace: the listed tree (paths relative to the scanned folder) and the
 * fetched blobs. A file that was not fetched reads as missing; a file over the size cap is refused
 * without being fetched, as on disk.
 */
export class BaseTreeWorkspace implements Workspace {
  private fileList: string[] | undefined;
  private readonly gapList: WorkspaceGap[] = [];

  constructor(
    readonly name: string,
    private readonly entries: ReadonlyMap<string, Entry>,
    private readonly dirs: ReadonlySet<string>,
    private readonly contents: ReadonlyMap<string, Uint8Array>,
  ) {}

  /**
   * Follows links in every component of `rel`: the final path, "outside" when a link leaves the root
   * (or links loop), or "unknown" when a link on the way was not fetched.
   */
  private resolve(rel: string): string | "outside" | "unknown" {
    let parts = rel === "" ? [] : rel.split("/");
    let hops = 0;
    for (let i = 0; i < parts.length; i++) {
      const prefix = parts.slice(0, i + 1).join("/");
      const e = this.entries.get(prefix);
      if (e?.mode !== LINK) continue;
      if (++hops > MAX_LINK_HOPS) return "outside";
      const bytes = this.contents.get(prefix);
      if (!bytes) return "unknown";
      const t = linkTarget(prefix, bytes);
      if (t === null) return "outside";
      parts = [...(t === "" ? [] : t.split("/")), ...parts.slice(i + 1)];
      i = -1;
    }
    return parts.join("/");
  }

  read(path: string): ReadResult {
    const rel = normalizeRelPath(path);
    if (rel === null) return outsideRoot(path);
    const real = this.resolve(rel);
    if (real === "outside") {
      return {
        kind: "refused",
        path: rel,
        reason: "symlink-outside-root",
        detail: `${rel} is a symbolic link that points outside the repository; it was not followed`,
      };
    }
    if (real === "unknown") return { kind: "missing", path: rel };
    const e = this.entries.get(real);
    if (!e) return this.dirs.has(real) ? notFile(rel) : { kind: "missing", path: rel };
    if (e.type !== "blob") return notFile(rel);
    if (e.size !== null && e.size > MAX_FILE_BYTES) return tooLarge(rel, e.size);
    const bytes = this.contents.get(real);
    if (!bytes) return { kind: "missing", path: rel };
    return bytesResult(rel, bytes);
  }

  /** True for fetched files and for files over the size cap (which exist but are refused). */
  isFile(path: string): boolean {
    const rel = normalizeRelPath(path);
    if (rel === null) return false;
    const real = this.resolve(rel);
    if (real === "outside" || real === "unknown") return false;
    const e = this.entries.get(real);
    if (e?.type !== "blob") return false;
    return this.contents.has(real) || (e.size !== null && e.size > MAX_FILE_BYTES);
  }

  isDir(path: string): boolean {
    const rel = normalizeRelPath(path);
    if (rel === null) return false;
    const real = this.resolve(rel);
    return real !== "outside" && real !== "unknown" && this.dirs.has(real);
  }

  /** Every blob and link of the listed tree (fetched or not), skipping vendored and VCS folders; sorted. */
  files(): string[] {
    this.fileList ??= listTreeFiles(this.entries.entries(), this.gapList);
    return this.fileList;
  }

  /** Budgets hit so far: the listing's file count and the per-run read budget. */
  gaps(): WorkspaceGap[] {
    this.files();
    return this.gapList.map((g) => ({ ...g, paths: [...g.paths] }));
  }
}
