import * as fs from "node:fs";
import * as nodePath from "node:path";
import {
  bytesResult,
  cachedRead,
  GAP_SAMPLE,
  isSkippedDir,
  joinPath,
  MAX_FILE_BYTES,
  MAX_LISTED_FILES,
  MAX_TOTAL_BYTES,
  MAX_WALK_DEPTH,
  normalizeRelPath,
  noteBudgetRefusal,
  notFile,
  overBudget,
  type ReadResult,
  tooLarge,
  type Workspace,
  type WorkspaceGap,
} from "./workspace.js";

/** What a non-regular file is, in words, for the refusal ("a named pipe (FIFO)"). */
function specialKind(st: fs.Stats | fs.Dirent): string | null {
  if (st.isDirectory()) return "a directory";
  if (st.isFIFO()) return "a named pipe (FIFO)";
  if (st.isCharacterDevice()) return "a character device";
  if (st.isBlockDevice()) return "a block device";
  if (st.isSocket()) return "a socket";
  return null;
}

function notRegular(rel: string, what: string): ReadResult {
  return {
    kind: "refused",
    path: rel,
    reason: "not-a-file",
    detail: `${rel} is ${what}, not a regular file; it was not read`,
  };
}

/**
 * Reads files under a real directory. Every path is checked lexically (no absolute paths, no `..`
 * above the root) and then physically: the real path of the file must stay inside the real root, so
 * a symlink that points outside is refused and its target never read.
 */
export class DiskWorkspace implements Workspace {
  readonly name: string;
  private readonly realRoot: string;
  private totalBytes = 0;
  private readonly cache = new Map<string, ReadResult>();
  private fileList: string[] | undefined;
  /** From the walk: listed paths, symlinks, and whether the walk saw everything. */
  private idx: { files: Set<string>; links: Set<string>; dirs: Set<string>; complete: boolean } | undefined;
  /** Budgets hit so far (the walk's, the read budget's). */
  private readonly gapList: WorkspaceGap[] = [];

  private readonly maxFiles: number;
  private readonly maxDepth: number;

  /** `limits` lowers the walk's budgets (tests); the defaults are MAX_LISTED_FILES and MAX_WALK_DEPTH. */
  constructor(root: string, name?: string, limits: { files?: number; depth?: number } = {}) {
    this.maxFiles = limits.files ?? MAX_LISTED_FILES;
    this.maxDepth = limits.depth ?? MAX_WALK_DEPTH;
    this.realRoot = fs.realpathSync(root);
    this.name = name ?? nodePath.basename(this.realRoot);
  }

  /**
   * Answers from the walk when it can: a regular file the walk listed is inside the root (the walk
   * never enters symlinked folders), and a path the walk would have listed but did not is missing.
   * Anything else (symlinks, skipped folders, paths below a link, a truncated walk) takes the slow,
   * physical path. This keeps a 500-service monorepo from costing a realpath per probe.
   */
  private quick(rel: string): "file" | "missing" | "unknown" {
    this.files();
    const idx = this.idx!;
    if (idx.files.has(rel)) return idx.links.has(rel) || this.special.has(rel) ? "unknown" : "file";
    if (!idx.complete) return "unknown";
    const segs = rel.split("/");
    if (segs.length - 1 >= this.maxDepth || segs.slice(0, -1).some((s) => isSkippedDir(s))) return "unknown";
    for (let i = 1; i < segs.length; i++) if (idx.links.has(segs.slice(0, i).join("/"))) return "unknown";
    // A folder of that name (even an empty one) is not "missing": the slow path reports it as not a file.
    if (idx.dirs.has(rel)) return "unknown";
    return "missing";
  }

  private resolveInside(
    rel: string,
    fileExpected = true,
  ): { abs: string } | { refused: ReadResult } | { missing: true } {
    if (fileExpected) {
      const q = this.quick(rel);
      if (q === "file") return { abs: nodePath.join(this.realRoot, rel) };
      if (q === "missing") return { missing: true };
    }
    const abs = nodePath.join(this.realRoot, rel);
    let real: string;
    try {
      real = fs.realpathSync(abs);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ELOOP") return { refused: this.linkLoop(rel) };
      // A dangling link: refused when its target is outside the root, else the file is missing.
      try {
        const st = fs.lstatSync(abs);
        if (st.isSymbolicLink() && this.targetOutside(abs)) return this.linkOutside(rel);
      } catch {
        /* really missing */
      }
      return { missing: true };
    }
    if (real !== this.realRoot && !real.startsWith(this.realRoot + nodePath.sep))
      return this.linkOutside(rel);
    return { abs: real };
  }

  /** Whether a dangling link's target (lexically) leaves the root. */
  private targetOutside(abs: string): boolean {
    try {
      const target = nodePath.resolve(nodePath.dirname(abs), fs.readlinkSync(abs));
      return target !== this.realRoot && !target.startsWith(this.realRoot + nodePath.sep);
    } catch {
      return true;
    }
  }

  private linkLoop(rel: string): ReadResult {
    return {
      kind: "refused",
      path: rel,
      reason: "not-a-file",
      detail: `${rel} is a symbolic link that loops (it never reaches a file); it was not read`,
    };
  }

  private linkOutside(rel: string): { refused: ReadResult } {
    return {
      refused: {
        kind: "refused",
        path: rel,
        reason: "symlink-outside-root",
        detail: `${rel} is a symbolic link that points outside the repository; it was not followed`,
      },
    };
  }

  read(path: string): ReadResult {
    return cachedRead(this.cache, path, (rel) => this.readUncached(rel));
  }

  private readUncached(rel: string): ReadResult {
    const res = this.resolveInside(rel);
    if ("missing" in res) return { kind: "missing", path: rel };
    if ("refused" in res) return res.refused;
    // A path the walk did not list as a regular file is stat'ed before it is opened: a device or a
    // FIFO is refused without an open (opening a device can have effects of its own).
    if (!this.idx!.files.has(rel) || this.idx!.links.has(rel) || this.special.has(rel)) {
      try {
        const what = specialKind(fs.statSync(res.abs));
        if (what) return notRegular(rel, what);
      } catch {
        return { kind: "missing", path: rel };
      }
    }
    // One open (non-blocking, so a FIFO swapped in after the check cannot stall the run), fstat,
    // sized reads: no second path lookup per file, which matters at thousands of files.
    let fd: number;
    try {
      fd = fs.openSync(res.abs, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
    } catch {
      return { kind: "missing", path: rel };
    }
    try {
      const st = fs.fstatSync(fd);
      if (!st.isFile()) {
        const what = specialKind(st);
        return what ? notRegular(rel, what) : notFile(rel);
      }
      if (st.size > MAX_FILE_BYTES) return tooLarge(rel, st.size);
      if (this.totalBytes + st.size > MAX_TOTAL_BYTES) {
        noteBudgetRefusal(this.gapList, rel);
        return overBudget(rel);
      }
      const bytes = Buffer.alloc(st.size);
      let got = 0;
      while (got < bytes.length) {
        const n = fs.readSync(fd, bytes, got, bytes.length - got, got);
        if (n === 0) break;
        got += n;
      }
      this.totalBytes += got;
      return bytesResult(rel, bytes.subarray(0, got));
    } catch (e) {
      return {
        kind: "refused",
        path: rel,
        reason: "not-a-file",
        detail: `${rel} could not be read (${(e as Error).message})`,
      };
    } finally {
      fs.closeSync(fd);
    }
  }

  isFile(path: string): boolean {
    const rel = normalizeRelPath(path);
    if (rel === null) return false;
    const q = this.quick(rel);
    if (q !== "unknown") return q === "file"; // the walk saw it as a regular file (Dirent), or not at all
    const res = this.resolveInside(rel);
    if (!("abs" in res)) return false;
    try {
      return fs.statSync(res.abs).isFile();
    } catch {
      return false;
    }
  }

  isDir(path: string): boolean {
    const rel = normalizeRelPath(path);
    if (rel === null) return false;
    const res = this.resolveInside(rel, false);
    if (!("abs" in res)) return false;
    try {
      return fs.statSync(res.abs).isDirectory();
    } catch {
      return false;
    }
  }

  /** Budgets hit so far: the walk's (file count, depth) and the per-run read budget. */
  gaps(): WorkspaceGap[] {
    this.files();
    return this.gapList.map((g) => ({ ...g, paths: [...g.paths] }));
  }

  /** Special files (FIFOs, devices, sockets) the walk listed: reads refuse them without an open. */
  private readonly special = new Set<string>();

  /**
   * Lists files without following symlinked directories: regular files, symlinks, and special files
   * (FIFOs, devices, sockets), so a special file at a deployment path is reported, not taken for
   * absent. Iterative, in sorted order. Past MAX_WALK_DEPTH levels or MAX_LISTED_FILES files the
   * walk stops listing and records a gap (`gaps()`), which analyze reports as a blocking finding.
   */
  files(): string[] {
    if (this.fileList) return this.fileList;
    const out: string[] = [];
    const links = new Set<string>();
    const dirs = new Set<string>();
    const tooDeep: string[] = [];
    let deepCount = 0;
    let truncatedAt: string | null = null;
    const byName = (a: fs.Dirent, b: fs.Dirent) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    // A stack of folders to list, pushed in reverse order so they pop in sorted order.
    const stack: Array<{ rel: string; depth: number }> = [{ rel: "", depth: 0 }];
    walk: while (stack.length > 0) {
      const { rel: dirRel, depth } = stack.pop()!;
      if (depth > this.maxDepth) {
        deepCount++;
        if (tooDeep.length < GAP_SAMPLE) tooDeep.push(`${dirRel}/`);
        continue;
      }
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(nodePath.join(this.realRoot, dirRel), { withFileTypes: true });
      } catch {
        continue;
      }
      entries.sort(byName);
      const subdirs: Array<{ rel: string; depth: number }> = [];
      for (const e of entries) {
        const rel = joinPath(dirRel, e.name);
        if (e.isDirectory()) {
          dirs.add(rel);
          if (!isSkippedDir(e.name)) subdirs.push({ rel, depth: depth + 1 });
          continue;
        }
        if (out.length >= this.maxFiles) {
          truncatedAt = rel;
          break walk;
        }
        if (e.isSymbolicLink()) links.add(rel);
        else if (!e.isFile()) this.special.add(rel);
        out.push(rel);
      }
      for (let i = subdirs.length - 1; i >= 0; i--) stack.push(subdirs[i]!);
    }
    if (truncatedAt !== null) {
      const rest = [
        truncatedAt,
        ...stack
          .slice(-GAP_SAMPLE + 1)
          .reverse()
          .map((d) => `${d.rel}/`),
      ];
      this.gapList.push({ kind: "file-count", limit: this.maxFiles, paths: rest, count: null });
    }
    if (deepCount > 0)
      this.gapList.push({ kind: "depth", limit: this.maxDepth, paths: tooDeep, count: deepCount });
    this.fileList = out.sort();
    this.idx = { files: new Set(out), links, dirs, complete: truncatedAt === null && deepCount === 0 };
    return this.fileList;
  }
}
