/**
 * Git at the edge: the files a change touched, and a read-only Workspace over a git revision. Every
 * call runs `git` through `execFileSync` with an argument array (never a shell string). Paths are
 * relative to `dir`, which may be a subfolder of the repository; the revision's files outside `dir`
 * are invisible, exactly as the disk workspace rooted at `dir` cannot see them.
 *
 * Reads obey the Workspace contract of src/repo/workspace.ts: normalised paths only, a per-file size
 * cap and a per-run budget, UTF-8 decoding, and symbolic links (tree mode 120000) followed only while
 * their target stays inside `dir`.
 */
import { execFileSync } from "node:child_process";
import * as nodePath from "node:path";
import {
  bytesResult,
  cachedRead,
  dirname,
  listTreeFiles,
  MAX_FILE_BYTES,
  MAX_TOTAL_BYTES,
  normalizeRelPath,
  noteBudgetRefusal,
  notFile,
  overBudget,
  type ReadResult,
  tooLarge,
  type Workspace,
  type WorkspaceGap,
} from "./workspace.js";

/** A git command failed: not a repository, an unknown revision, git missing. */
export class GitError extends Error {}

const MAX_LINK_HOPS = 40;
/** As the disk workspace: at most this many files are listed. */
const LIST_BUFFER = 256 * 1024 * 1024;

/**
 * Options that keep git from running anything the repository configures: no fsmonitor hook, no
 * external diff or textconv command, no system-wide config or attributes, no global attributes file.
 * Filter drivers (`filter.<name>.clean`/`smudge`/`process`, run when git hashes a work-tree file for
 * `git diff`) are emptied one by one below, since git has no switch that turns them all off.
 */
const SAFE_CONFIG = [
  "-c",
  "core.fsmonitor=false",
  "-c",
  "diff.external=",
  "-c",
  `core.attributesFile=${process.platform === "win32" ? "NUL" : "/dev/null"}`,
];
const SAFE_ENV = {
  GIT_TERMINAL_PROMPT: "0",
  GIT_OPTIONAL_LOCKS: "0",
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_ATTR_NOSYSTEM: "1",
  GIT_EXTERNAL_DIFF: "",
  LC_ALL: "C",
};
/** Filter driver keys git would run a command for; each is set to "" (git then skips the driver). */
const FILTER_KEYS = ["clean", "smudge", "process"];

function git(dir: string, args: string[], maxBuffer = LIST_BUFFER, env: Record<string, string> = {}): Buffer {
  try {
    // Reading a repository must not run or write anything (no hook, no index lock, no filter).
    return execFileSync("git", [...SAFE_CONFIG, ...args], {
      cwd: dir,
      maxBuffer,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, ...SAFE_ENV, ...env },
    });
  } catch (e) {
    const err = e as { code?: string; stderr?: Buffer; message: string };
    if (err.code === "ENOENT") throw new GitError("git is not installed or not on PATH");
    const detail = err.stderr?.toString("utf8").trim().split("\n")[0] ?? err.message;
    throw new GitError(detail || err.message);
  }
}

/**
 * Config (through GIT_CONFIG_COUNT/KEY/VALUE, which takes any driver name) that empties every filter
 * driver the repository's config defines and marks it not required, so no filter command runs. Reading
 * the config runs nothing.
 */
function noFilterEnv(dir: string): Record<string, string> {
  let names: string[];
  try {
    names = splitZ(git(dir, ["config", "-z", "--name-only", "--get-regexp", "^filter\\."]).toString("utf8"));
  } catch {
    return {}; // no filter key at all (git config exits 1)
  }
  const drivers = new Set<string>();
  for (const n of names) {
    const m = /^filter\.(.*)\.[^.]+$/s.exec(n.trim());
    if (m) drivers.add(m[1]!);
  }
  const env: Record<string, string> = {};
  let i = 0;
  for (const d of drivers) {
    for (const k of FILTER_KEYS) {
      env[`GIT_CONFIG_KEY_${i}`] = `filter.${d}.${k}`;
      env[`GIT_CONFIG_VALUE_${i++}`] = "";
    }
    env[`GIT_CONFIG_KEY_${i}`] = `filter.${d}.required`;
    env[`GIT_CONFIG_VALUE_${i++}`] = "false";
  }
  if (i > 0) env.GIT_CONFIG_COUNT = String(i);
  return env;
}

function gitText(dir: string, args: string[]): string {
  return git(dir, args).toString("utf8");
}

/** Throws GitError unless `dir` is inside a git work tree. */
export function assertGitRepo(dir: string): void {
  let inside: string;
  try {
    inside = gitText(dir, ["rev-parse", "--is-inside-work-tree"]).trim();
  } catch (e) {
    throw new GitError(`${dir} is not inside a git repository (${(e as Error).message})`);
  }
  if (inside !== "true") throw new GitError(`${dir} is not inside a git work tree`);
}

/** The commit `ref` names, as a full object id; GitError when it names none. */
export function resolveCommit(dir: string, ref: string): string {
  if (ref.startsWith("-")) throw new GitError(`\`${ref}\` is not a git revision`);
  try {
    return gitText(dir, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]).trim();
  } catch {
    throw new GitError(`\`${ref}\` is not a known git revision`);
  }
}

/**
 * The commit a change is compared against: the merge base of `ref` and HEAD (what a pull request
 * compares), or `ref` itself when the two histories share none.
 */
export function resolveBase(dir: string, ref: string): string {
  assertGitRepo(dir);
  const commit = resolveCommit(dir, ref);
  try {
    return gitText(dir, ["merge-base", commit, "HEAD"]).trim() || commit;
  } catch {
    return commit;
  }
}

function splitZ(out: string): string[] {
  return out.split("\0").filter((s) => s !== "");
}

/**
 * Files below `dir` that differ between `baseRef` and the working tree (tracked changes, additions,
 * deletions; renames as a deletion plus an addition), plus untracked files git does not ignore.
 * Sorted, relative to `dir`.
 */
export function gitChangedFiles(dir: string, baseRef: string): string[] {
  const commit = resolveCommit(dir, baseRef);
  // Comparing with the work tree makes git hash changed files, through any filter driver: emptied.
  const noFilters = noFilterEnv(dir);
  const diff = ["diff", "--name-only", "-z", "--no-renames", "--no-ext-diff", "--no-textconv", "--relative"];
  const tracked = splitZ(git(dir, [...diff, commit, "--", "."], LIST_BUFFER, noFilters).toString("utf8"));
  const untracked = splitZ(
    git(
      dir,
      ["ls-files", "--others", "--exclude-standard", "-z", "--", "."],
      LIST_BUFFER,
      noFilters,
    ).toString("utf8"),
  );
  const out = new Set<string>();
  for (const p of [...tracked, ...untracked]) {
    const n = normalizeRelPath(p);
    if (n) out.add(n);
  }
  return [...out].sort();
}

interface TreeEntry {
  mode: string;
  type: string;
  oid: string;
  /** Blob size in bytes; null for non-blobs. */
  size: number | null;
}

/** A read-only Workspace over the tree of `ref`, rooted at `dir` (a folder of the work tree). */
export function gitWorkspace(dir: string, ref: string, name?: string): Workspace {
  const commit = resolveCommit(dir, ref);
  return new GitWorkspace(dir, commit, name ?? `${nodePath.basename(nodePath.resolve(dir))}@${ref}`);
}

class GitWorkspace implements Workspace {
  private readonly entries = new Map<string, TreeEntry>();
  private readonly dirs = new Set<string>([""]);
  private readonly cache = new Map<string, ReadResult>();
  private totalBytes = 0;
  private readonly gapList: WorkspaceGap[] = [];
  private fileList: string[] | undefined;

  constructor(
    private readonly dir: string,
    commit: string,
    readonly name: string,
  ) {
    // Without --full-tree, ls-tree lists only the current folder's subtree, relative to it.
    const out = gitText(dir, ["ls-tree", "-r", "-z", "-l", commit]);
    for (const rec of splitZ(out)) {
      const tab = rec.indexOf("\t");
      if (tab < 0) continue;
      const [mode, type, oid, size] = rec.slice(0, tab).split(/\s+/);
      const p = normalizeRelPath(rec.slice(tab + 1));
      if (!p || !mode || !type || !oid) continue;
      this.entries.set(p, { mode, type, oid, size: size && /^\d+$/.test(size) ? Number(size) : null });
      for (let d = dirname(p); d !== "" && !this.dirs.has(d); d = dirname(d)) this.dirs.add(d);
    }
  }

  /**
   * Follows symbolic links in every component of `rel`. Returns the final path (which may not exist),
   * or "outside" when a link leaves the root (or links loop: a loop is refused, never followed for ever).
   */
  private resolve(rel: string): string | "outside" | "loop" {
    let parts = rel === "" ? [] : rel.split("/");
    let hops = 0;
    for (let i = 0; i < parts.length; i++) {
      const prefix = parts.slice(0, i + 1).join("/");
      const e = this.entries.get(prefix);
      if (e?.mode !== "120000") continue;
      if (++hops > MAX_LINK_HOPS) return "loop";
      const target = this.blob(e.oid).toString("utf8");
      if (target.startsWith("/") || /^[A-Za-z]:[\\/]/.test(target)) return "outside";
      const t = normalizeRelPath(target, dirname(prefix));
      if (t === null) return "outside";
      parts = [...(t === "" ? [] : t.split("/")), ...parts.slice(i + 1)];
      i = -1;
    }
    return parts.join("/");
  }

  private blob(oid: string): Buffer {
    return git(this.dir, ["cat-file", "blob", oid], MAX_FILE_BYTES + 1);
  }

  read(path: string): ReadResult {
    return cachedRead(this.cache, path, (rel) => this.readUncached(rel));
  }

  private readUncached(rel: string): ReadResult {
    const real = this.resolve(rel);
    if (real === "loop") {
      return {
        kind: "refused",
        path: rel,
        reason: "not-a-file",
        detail: `${rel} is a symbolic link that loops (it never reaches a file); it was not read`,
      };
    }
    if (real === "outside") {
      return {
        kind: "refused",
        path: rel,
        reason: "symlink-outside-root",
        detail: `${rel} is a symbolic link that points outside the repository; it was not followed`,
      };
    }
    const e = this.entries.get(real);
    if (!e) return this.dirs.has(real) ? notFile(rel) : { kind: "missing", path: rel };
    if (e.type !== "blob") return notFile(rel);
    if (e.size !== null && e.size > MAX_FILE_BYTES) return tooLarge(rel, e.size);
    if (this.totalBytes + (e.size ?? 0) > MAX_TOTAL_BYTES) {
      noteBudgetRefusal(this.gapList, rel);
      return overBudget(rel);
    }
    let bytes: Buffer;
    try {
      bytes = this.blob(e.oid);
    } catch (err) {
      return {
        kind: "refused",
        path: rel,
        reason: "not-a-file",
        detail: `${rel} could not be read from git (${(err as Error).message})`,
      };
    }
    this.totalBytes += Math.min(bytes.length, MAX_FILE_BYTES + 1);
    return bytesResult(rel, bytes);
  }

  isFile(path: string): boolean {
    const rel = normalizeRelPath(path);
    if (rel === null) return false;
    const real = this.resolve(rel);
    return real !== "outside" && real !== "loop" && this.entries.get(real)?.type === "blob";
  }

  isDir(path: string): boolean {
    const rel = normalizeRelPath(path);
    if (rel === null) return false;
    const real = this.resolve(rel);
    return real !== "outside" && real !== "loop" && this.dirs.has(real);
  }

  /** Blobs and links of the revision below the root, skipping vendored and VCS folders; sorted. */
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
