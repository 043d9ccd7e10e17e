"use strict";
exports.id = 800;
exports.ids = [800];
exports.modules = {

/***/ 8800:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GitError: () => (/* binding */ GitError),
/* harmony export */   gitChangedFiles: () => (/* binding */ gitChangedFiles),
/* harmony export */   gitWorkspace: () => (/* binding */ gitWorkspace),
/* harmony export */   resolveBase: () => (/* binding */ resolveBase)
/* harmony export */ });
/* unused harmony exports assertGitRepo, resolveCommit */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _workspace_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6433);
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



/** A git command failed: not a repository, an unknown revision, git missing. */
class GitError extends Error {
}
const MAX_LINK_HOPS = 40;
/** As the disk workspace: at most this many files are listed. */
const MAX_FILES = 20_000;
const LIST_BUFFER = 256 * 1024 * 1024;
function git(dir, args, maxBuffer = LIST_BUFFER) {
    try {
        // No fsmonitor hook, no index lock: reading a repository must not run or write anything.
        return (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFileSync)("git", ["-c", "core.fsmonitor=false", ...args], {
            cwd: dir,
            maxBuffer,
            stdio: ["ignore", "pipe", "pipe"],
            env: { ...process.env, GIT_TERMINAL_PROMPT: "0", GIT_OPTIONAL_LOCKS: "0", LC_ALL: "C" },
        });
    }
    catch (e) {
        const err = e;
        if (err.code === "ENOENT")
            throw new GitError("git is not installed or not on PATH");
        const detail = err.stderr?.toString("utf8").trim().split("\n")[0] ?? err.message;
        throw new GitError(detail || err.message);
    }
}
function gitText(dir, args) {
    return git(dir, args).toString("utf8");
}
/** Throws GitError unless `dir` is inside a git work tree. */
function assertGitRepo(dir) {
    let inside;
    try {
        inside = gitText(dir, ["rev-parse", "--is-inside-work-tree"]).trim();
    }
    catch (e) {
        throw new GitError(`${dir} is not inside a git repository (${e.message})`);
    }
    if (inside !== "true")
        throw new GitError(`${dir} is not inside a git work tree`);
}
/** The commit `ref` names, as a full object id; GitError when it names none. */
function resolveCommit(dir, ref) {
    if (ref.startsWith("-"))
        throw new GitError(`\`${ref}\` is not a git revision`);
    try {
        return gitText(dir, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]).trim();
    }
    catch {
        throw new GitError(`\`${ref}\` is not a known git revision`);
    }
}
/**
 * The commit a change is compared against: the merge base of `ref` and HEAD (what a pull request
 * compares), or `ref` itself when the two histories share none.
 */
function resolveBase(dir, ref) {
    assertGitRepo(dir);
    const commit = resolveCommit(dir, ref);
    try {
        return gitText(dir, ["merge-base", commit, "HEAD"]).trim() || commit;
    }
    catch {
        return commit;
    }
}
function splitZ(out) {
    return out.split("\0").filter((s) => s !== "");
}
/**
 * Files below `dir` that differ between `baseRef` and the working tree (tracked changes, additions,
 * deletions; renames as a deletion plus an addition), plus untracked files git does not ignore.
 * Sorted, relative to `dir`.
 */
function gitChangedFiles(dir, baseRef) {
    const commit = resolveCommit(dir, baseRef);
    const tracked = splitZ(gitText(dir, ["diff", "--name-only", "-z", "--no-renames", "--relative", commit, "--", "."]));
    const untracked = splitZ(gitText(dir, ["ls-files", "--others", "--exclude-standard", "-z", "--", "."]));
    const out = new Set();
    for (const p of [...tracked, ...untracked]) {
        const n = (0,_workspace_js__WEBPACK_IMPORTED_MODULE_2__/* .normalizeRelPath */ .Km)(p);
        if (n)
            out.add(n);
    }
    return [...out].sort();
}
/** A read-only Workspace over the tree of `ref`, rooted at `dir` (a folder of the work tree). */
function gitWorkspace(dir, ref, name) {
    const commit = resolveCommit(dir, ref);
    return new GitWorkspace(dir, commit, name ?? `${node_path__WEBPACK_IMPORTED_MODULE_1__.basename(node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(dir))}@${ref}`);
}
class GitWorkspace {
    dir;
    name;
    entries = new Map();
    dirs = new Set([""]);
    cache = new Map();
    totalBytes = 0;
    fileList;
    constructor(dir, commit, name) {
        this.dir = dir;
        this.name = name;
        // Without --full-tree, ls-tree lists only the current folder's subtree, relative to it.
        const out = gitText(dir, ["ls-tree", "-r", "-z", "-l", commit]);
        for (const rec of splitZ(out)) {
            const tab = rec.indexOf("\t");
            if (tab < 0)
                continue;
            const [mode, type, oid, size] = rec.slice(0, tab).split(/\s+/);
            const p = (0,_workspace_js__WEBPACK_IMPORTED_MODULE_2__/* .normalizeRelPath */ .Km)(rec.slice(tab + 1));
            if (!p || !mode || !type || !oid)
                continue;
            this.entries.set(p, { mode, type, oid, size: size && /^\d+$/.test(size) ? Number(size) : null });
            for (let d = (0,_workspace_js__WEBPACK_IMPORTED_MODULE_2__/* .dirname */ .pD)(p); d !== "" && !this.dirs.has(d); d = (0,_workspace_js__WEBPACK_IMPORTED_MODULE_2__/* .dirname */ .pD)(d))
                this.dirs.add(d);
        }
    }
    /**
     * Follows symbolic links in every component of `rel`. Returns the final path (which may not exist),
     * or "outside" when a link leaves the root (or links loop).
     */
    resolve(rel) {
        let parts = rel === "" ? [] : rel.split("/");
        let hops = 0;
        for (let i = 0; i < parts.length; i++) {
            const prefix = parts.slice(0, i + 1).join("/");
            const e = this.entries.get(prefix);
            if (e?.mode !== "120000")
                continue;
            if (++hops > MAX_LINK_HOPS)
                return "outside";
            const target = this.blob(e.oid).toString("utf8");
            if (target.startsWith("/") || /^[A-Za-z]:[\\/]/.test(target))
                return "outside";
            const t = (0,_workspace_js__WEBPACK_IMPORTED_MODULE_2__/* .normalizeRelPath */ .Km)(target, (0,_workspace_js__WEBPACK_IMPORTED_MODULE_2__/* .dirname */ .pD)(prefix));
            if (t === null)
                return "outside";
            parts = [...(t === "" ? [] : t.split("/")), ...parts.slice(i + 1)];
            i = -1;
        }
        return parts.join("/");
    }
    blob(oid) {
        return git(this.dir, ["cat-file", "blob", oid], _workspace_js__WEBPACK_IMPORTED_MODULE_2__/* .MAX_FILE_BYTES */ .gZ + 1);
    }
    read(path) {
        return (0,_workspace_js__WEBPACK_IMPORTED_MODULE_2__/* .cachedRead */ .FH)(this.cache, path, (rel) => this.readUncached(rel));
    }
    readUncached(rel) {
        const real = this.resolve(rel);
        if (real === "outside") {
            return {
                kind: "refused",
                path: rel,
                reason: "symlink-outside-root",
                detail: `${rel} is a symbolic link that points outside the repository; it was not followed`,
            };
        }
        const e = this.entries.get(real);
        if (!e)
            return this.dirs.has(real) ? (0,_workspace_js__WEBPACK_IMPORTED_MODULE_2__/* .notFile */ .st)(rel) : { kind: "missing", path: rel };
        if (e.type !== "blob")
            return (0,_workspace_js__WEBPACK_IMPORTED_MODULE_2__/* .notFile */ .st)(rel);
        if (e.size !== null && e.size > _workspace_js__WEBPACK_IMPORTED_MODULE_2__/* .MAX_FILE_BYTES */ .gZ)
            return (0,_workspace_js__WEBPACK_IMPORTED_MODULE_2__/* .tooLarge */ .g$)(rel, e.size);
        if (this.totalBytes + (e.size ?? 0) > _workspace_js__WEBPACK_IMPORTED_MODULE_2__/* .MAX_TOTAL_BYTES */ .gx) {
            return {
                kind: "refused",
                path: rel,
                reason: "budget",
                detail: `reading ${rel} would exceed the per-run read budget`,
            };
        }
        let bytes;
        try {
            bytes = this.blob(e.oid);
        }
        catch (err) {
            return {
                kind: "refused",
                path: rel,
                reason: "not-a-file",
                detail: `${rel} could not be read from git (${err.message})`,
            };
        }
        this.totalBytes += Math.min(bytes.length, _workspace_js__WEBPACK_IMPORTED_MODULE_2__/* .MAX_FILE_BYTES */ .gZ + 1);
        return (0,_workspace_js__WEBPACK_IMPORTED_MODULE_2__/* .bytesResult */ .RI)(rel, bytes);
    }
    isFile(path) {
        const rel = (0,_workspace_js__WEBPACK_IMPORTED_MODULE_2__/* .normalizeRelPath */ .Km)(path);
        if (rel === null)
            return false;
        const real = this.resolve(rel);
        return real !== "outside" && this.entries.get(real)?.type === "blob";
    }
    isDir(path) {
        const rel = (0,_workspace_js__WEBPACK_IMPORTED_MODULE_2__/* .normalizeRelPath */ .Km)(path);
        if (rel === null)
            return false;
        const real = this.resolve(rel);
        return real !== "outside" && this.dirs.has(real);
    }
    /** Blobs and links of the revision below the root, skipping vendored and VCS folders; sorted. */
    files() {
        if (this.fileList)
            return this.fileList;
        this.fileList = [...this.entries.entries()]
            .filter(([p, e]) => e.type === "blob" && !(0,_workspace_js__WEBPACK_IMPORTED_MODULE_2__/* .dirname */ .pD)(p).split("/").some(_workspace_js__WEBPACK_IMPORTED_MODULE_2__/* .isSkippedDir */ .qB))
            .map(([p]) => p)
            .sort()
            .slice(0, MAX_FILES);
        return this.fileList;
    }
}


/***/ })

};
;