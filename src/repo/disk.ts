import * as fs from "node:fs";
import * as nodePath from "node:path";
import {
  bytesResult,
  cachedRead,
  filesUnder,
  isSkippedDir,
  joinPath,
  MAX_FILE_BYTES,
  MAX_TOTAL_BYTES,
  normalizeRelPath,
  notFile,
  type ReadResult,
  tooLarge,
  type Workspace,
} from "./workspace.js";

const MAX_FILES = 20_000;
const MAX_DEPTH = 12;

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
  /** From the walk: regular files, symlinks, and whether the walk saw everything. */
  private idx: { files: Set<string>; links: Set<string>; complete: boolean } | undefined;

  constructor(root: string, name?: string) {
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
    if (idx.files.has(rel)) return idx.links.has(rel) ? "unknown" : "file";
    if (!idx.complete) return "unknown";
    const segs = rel.split("/");
    if (segs.length - 1 >= MAX_DEPTH || segs.slice(0, -1).some((s) => isSkippedDir(s))) return "unknown";
    for (let i = 1; i < segs.length; i++) if (idx.links.has(segs.slice(0, i).join("/"))) return "unknown";
    // A folder of that name is not "missing": the slow path reports it as not a file.
    if (filesUnder(this.fileList!, rel).length > 0) return "unknown";
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
    } catch {
      // A dangling link is reported as missing only if it is not a link pointing out.
      try {
        const st = fs.lstatSync(abs);
        if (st.isSymbolicLink()) return this.linkOutside(rel);
      } catch {
        /* really missing */
      }
      return { missing: true };
    }
    if (real !== this.realRoot && !real.startsWith(this.realRoot + nodePath.sep))
      return this.linkOutside(rel);
    return { abs: real };
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
    // One open (non-blocking, so a FIFO cannot stall the run), fstat, sized reads: no second path
    // lookup per file, which matters at thousands of files.
    let fd: number;
    try {
      fd = fs.openSync(res.abs, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
    } catch {
      return { kind: "missing", path: rel };
    }
    try {
      const st = fs.fstatSync(fd);
      if (!st.isFile()) return notFile(rel);
      if (st.size > MAX_FILE_BYTES) return tooLarge(rel, st.size);
      if (this.totalBytes + st.size > MAX_TOTAL_BYTES) {
        return {
          kind: "refused",
          path: rel,
          reason: "budget",
          detail: `reading ${rel} would exceed the per-run read budget`,
        };
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

  /** Lists files without following symlinked directories. Symlinked files are listed (reads are checked). */
  files(): string[] {
    if (this.fileList) return this.fileList;
    const out: string[] = [];
    const links = new Set<string>();
    let complete = true;
    const walk = (dirRel: string, depth: number) => {
      if (depth > MAX_DEPTH || out.length >= MAX_FILES) {
        complete = false;
        return;
      }
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(nodePath.join(this.realRoot, dirRel), { withFileTypes: true });
      } catch {
        return;
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const e of entries) {
        if (out.length >= MAX_FILES) {
          complete = false;
          return;
        }
        const rel = joinPath(dirRel, e.name);
        if (e.isSymbolicLink()) links.add(rel);
        if (e.isDirectory()) {
          if (!isSkippedDir(e.name)) walk(rel, depth + 1);
        } else if (e.isFile() || e.isSymbolicLink()) {
          out.push(rel);
        }
      }
    };
    walk("", 0);
    this.fileList = out.sort();
    this.idx = { files: new Set(out), links, complete };
    return this.fileList;
  }
}
