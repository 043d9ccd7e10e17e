/**
 * The only way the engine reads repository files. Paths are repo-relative POSIX paths; anything that
 * would leave the scanned root (absolute paths, `..`, symlinks pointing outside) is refused, never
 * read. File size is capped. Both implementations (disk, memory) obey the same contract so the core
 * is testable without a file system.
 */
export const MAX_FILE_BYTES = 1024 * 1024;
export const MAX_TOTAL_BYTES = 64 * 1024 * 1024;
/** Files a workspace lists at most; past it the listing stops and says so (`gaps()`). */
export const MAX_LISTED_FILES = 100_000;
/** Folder depth a disk walk enters at most; deeper folders are not listed, and `gaps()` says so. */
export const MAX_WALK_DEPTH = 32;

/**
 * A budget a workspace hit: part of the repository was not listed or not read. A run with a gap
 * cannot claim to be clean, so analyze turns each gap into a blocking finding.
 */
export interface WorkspaceGap {
  kind: "file-count" | "depth" | "read-budget";
  /** The limit that was reached (files, folder levels, bytes). */
  limit: number;
  /** The first paths (a few) that were not listed or not read, repo-relative. */
  paths: string[];
  /** How many paths were left out, when known (a truncated listing does not count the rest). */
  count: number | null;
}

/** Keeps the first few paths of a gap. */
export const GAP_SAMPLE = 5;

/** Records a path refused by the per-run read budget in `gaps` (one "read-budget" gap). */
/**
 * The files of a listed tree (a git revision, GitHub's tree API): every blob, skipping vendored and
 * VCS folders, sorted, at most MAX_LISTED_FILES; a longer listing is recorded in `gaps` (file-count).
 */
export function listTreeFiles(entries: Iterable<[string, { type: string }]>, gaps: WorkspaceGap[]): string[] {
  const all = [...entries]
    .filter(([p, e]) => e.type === "blob" && !dirname(p).split("/").some(isSkippedDir))
    .map(([p]) => p)
    .sort();
  if (all.length > MAX_LISTED_FILES)
    gaps.push({
      kind: "file-count",
      limit: MAX_LISTED_FILES,
      paths: all.slice(MAX_LISTED_FILES, MAX_LISTED_FILES + GAP_SAMPLE),
      count: all.length - MAX_LISTED_FILES,
    });
  return all.slice(0, MAX_LISTED_FILES);
}

export function noteBudgetRefusal(gaps: WorkspaceGap[], rel: string): void {
  let g = gaps.find((x) => x.kind === "read-budget");
  if (!g) {
    g = { kind: "read-budget", limit: MAX_TOTAL_BYTES, paths: [], count: 0 };
    gaps.push(g);
  }
  if (g.paths.length < GAP_SAMPLE) g.paths.push(rel);
  g.count = (g.count ?? 0) + 1;
}

/** The refusal a workspace gives once the per-run read budget is spent. */
export function overBudget(rel: string): ReadResult {
  return {
    kind: "refused",
    path: rel,
    reason: "budget",
    detail: `${rel} was not read: the run already read ${MAX_TOTAL_BYTES} bytes, its per-run read budget`,
  };
}

export type ReadResult =
  | { kind: "ok"; path: string; text: string; bytes: number }
  | { kind: "missing"; path: string }
  | { kind: "refused"; path: string; reason: RefusalReason; detail: string };

export type RefusalReason =
  | "outside-root"
  | "symlink-outside-root"
  | "too-large"
  | "binary"
  | "encoding"
  | "not-a-file"
  | "budget";

export interface Workspace {
  /** Human-readable name of the root, for reports. */
  readonly name: string;
  read(path: string): ReadResult;
  /** True when `path` exists inside the root as a regular file (symlinks inside the root count). */
  isFile(path: string): boolean;
  isDir(path: string): boolean;
  /** Every file below the root (skipping vendored and VCS folders), sorted, repo-relative. */
  files(): string[];
  /**
   * What was not listed or read because a budget ran out (file count, depth, per-run bytes), so far.
   * Empty when everything was seen. Optional: a workspace without budgets has no gaps.
   */
  gaps?(): WorkspaceGap[];
}

const SKIP_DIRS = new Set([
  ".git",
  "node_modules",
  ".venv",
  "venv",
  "__pycache__",
  ".tox",
  ".nox",
  ".mypy_cache",
  ".pytest_cache",
  ".ruff_cache",
  "site-packages",
  ".deploy-drift-cache",
]);

export function isSkippedDir(name: string): boolean {
  return SKIP_DIRS.has(name);
}

/**
 * Normalises a repo-relative path: POSIX separators, no `.` segments, `..` resolved lexically.
 * Returns null when the path is absolute or climbs above the root.
 */
export function normalizeRelPath(p: string, base = ""): string | null {
  if (p.includes("\0")) return null;
  const raw = p.replace(/\\/g, "/");
  if (raw.startsWith("/") || /^[A-Za-z]:\//.test(raw)) return null;
  const out: string[] = base ? base.split("/").filter((s) => s && s !== ".") : [];
  for (const seg of raw.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") {
      if (out.length === 0) return null;
      out.pop();
    } else out.push(seg);
  }
  return out.join("/");
}

export function joinPath(dir: string, name: string): string {
  return dir === "" || dir === "." ? name : `${dir}/${name}`;
}

export function dirname(p: string): string {
  const i = p.lastIndexOf("/");
  return i < 0 ? "" : p.slice(0, i);
}

export function basename(p: string): string {
  const i = p.lastIndexOf("/");
  return i < 0 ? p : p.slice(i + 1);
}

/** Decodes file bytes: strips a UTF-8 BOM, refuses NUL bytes, UTF-16 and invalid UTF-8. */
export function decodeText(
  path: string,
  bytes: Uint8Array,
): { kind: "ok"; text: string } | { kind: "refused"; reason: RefusalReason; detail: string } {
  if (
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
  ) {
    return {
      kind: "refused",
      reason: "encoding",
      detail: `${path} is UTF-16 encoded; builders expect UTF-8`,
    };
  }
  if (bytes.includes(0)) {
    return { kind: "refused", reason: "binary", detail: `${path} contains NUL bytes (binary file)` };
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { kind: "refused", reason: "encoding", detail: `${path} is not valid UTF-8` };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { kind: "ok", text };
}

/** An in-memory workspace for tests and for base-revision contents. */
export class MemoryWorkspace implements Workspace {
  private readonly map = new Map<string, string | { symlinkTo: string }>();
  constructor(
    files: Record<string, string | { symlinkTo: string }>,
    readonly name = "memory",
  ) {
    for (const [k, v] of Object.entries(files)) {
      const n = normalizeRelPath(k);
      if (n) this.map.set(n, v);
    }
  }
  read(path: string): ReadResult {
    const n = normalizeRelPath(path);
    if (n === null)
      return { kind: "refused", path, reason: "outside-root", detail: `${path} is outside the repository` };
    const v = this.map.get(n);
    if (v === undefined) return this.isDir(n) ? notFile(n) : { kind: "missing", path: n };
    if (typeof v !== "string") {
      const target = normalizeRelPath(v.symlinkTo, dirname(n));
      if (target === null || v.symlinkTo.startsWith("/")) {
        return {
          kind: "refused",
          path: n,
          reason: "symlink-outside-root",
          detail: `${n} is a symbolic link that points outside the repository`,
        };
      }
      return this.read(target);
    }
    const bytes = Buffer.byteLength(v);
    if (bytes > MAX_FILE_BYTES) return tooLarge(n, bytes);
    const d = decodeText(n, Buffer.from(v, "utf8"));
    if (d.kind === "refused") return { kind: "refused", path: n, reason: d.reason, detail: d.detail };
    return { kind: "ok", path: n, text: d.text, bytes };
  }
  isFile(path: string): boolean {
    const n = normalizeRelPath(path);
    return n !== null && this.map.has(n);
  }
  isDir(path: string): boolean {
    const n = normalizeRelPath(path);
    if (n === null) return false;
    if (n === "") return true;
    for (const k of this.map.keys()) if (k.startsWith(`${n}/`)) return true;
    return false;
  }
  files(): string[] {
    return [...this.map.keys()]
      .filter(
        (k) =>
          !k
            .split("/")
            .slice(0, -1)
            .some((seg) => SKIP_DIRS.has(seg)),
      )
      .sort();
  }
}

export function notFile(path: string): ReadResult {
  return { kind: "refused", path, reason: "not-a-file", detail: `${path} is a directory, not a file` };
}

export function tooLarge(path: string, bytes: number): ReadResult {
  return {
    kind: "refused",
    path,
    reason: "too-large",
    detail: `${path} is ${bytes} bytes, over the ${MAX_FILE_BYTES}-byte limit; it was not read`,
  };
}

/**
 * The files below `dir` in a sorted file list: they form one contiguous run (every path with the
 * prefix `dir/` sorts together), found by binary search instead of a scan of the whole list.
 */
export function filesUnder(sorted: readonly string[], dir: string): string[] {
  if (dir === "") return [...sorted];
  const prefix = `${dir}/`;
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < prefix) lo = mid + 1;
    else hi = mid;
  }
  const out: string[] = [];
  for (let i = lo; i < sorted.length && sorted[i]!.startsWith(prefix); i++) out.push(sorted[i]!);
  return out;
}

/** The refusal every Workspace gives for an absolute path or one that climbs above the root. */
export function outsideRoot(path: string): ReadResult {
  return {
    kind: "refused",
    path,
    reason: "outside-root",
    detail: `${path} is outside the repository; not read`,
  };
}

/** File bytes as a ReadResult: the size cap, then decodeText (NUL, UTF-16, invalid UTF-8, BOM). */
export function bytesResult(rel: string, bytes: Uint8Array): ReadResult {
  if (bytes.length > MAX_FILE_BYTES) return tooLarge(rel, bytes.length);
  const d = decodeText(rel, bytes);
  if (d.kind === "refused") return { kind: "refused", path: rel, reason: d.reason, detail: d.detail };
  return { kind: "ok", path: rel, text: d.text, bytes: bytes.length };
}

/** `read()` shared by Workspace implementations: normalise, refuse what leaves the root, cache. */
export function cachedRead(
  cache: Map<string, ReadResult>,
  path: string,
  readUncached: (rel: string) => ReadResult,
): ReadResult {
  const rel = normalizeRelPath(path);
  if (rel === null) return outsideRoot(path);
  const hit = cache.get(rel);
  if (hit) return hit;
  const r = readUncached(rel);
  cache.set(rel, r);
  return r;
}
