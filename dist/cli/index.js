#!/usr/bin/env node
/**
 * deploy-drift's CLI launcher: the package's `bin`, copied to dist/cli/index.js by
 * scripts/build.mjs with BUNDLE_ID filled in (a hash of the CLI bundle's files). It runs the CLI
 * bundle (dist/cli/app/index.cjs, built from src/bin.cjs) and keeps V8's compiled code for it
 * between runs, so that a repeated run (pre-commit, an editor, a script) does not parse and compile
 * half a megabyte of JavaScript again: that is most of a run's cost beyond starting Node.
 *
 * The bundle's files are compiled through `vm.Script` with `cachedData`, and the code V8 compiled
 * during a completed run (the functions the analysis used included) is written back when there was
 * none or V8 rejected it (another V8 or other flags). V8 checks a cache against the source's length
 * only, so the file name carries what identifies the code: the bundle's hash, the file's size and
 * modification time, the Node version and the architecture. Node's own compile cache
 * (`module.enableCompileCache`) keeps only what was compiled when a module was loaded (on Node 24
 * a repeated run took 198 ms with it, 167 ms with this); it is used only where the loader hook
 * this needs is missing.
 *
 * The folder is the user's own: $DEPLOY_DRIFT_CACHE_DIR, else $XDG_CACHE_HOME/deploy-drift, else
 * ~/.cache/deploy-drift (%LOCALAPPDATA%\deploy-drift on Windows); relative $XDG_CACHE_HOME or
 * $HOME are ignored, and on POSIX a folder that another user owns or others can write is not used,
 * since code read from it is run. NODE_DISABLE_COMPILE_CACHE (Node's switch, any value) turns it
 * off. Any failure to read or write the cache only costs time: the run goes on uncached. Nothing
 * here reads the analysed repository.
 */
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const Module = require("node:module");

const APP = path.join(__dirname, "app");
// Replaced by scripts/build.mjs; left as is (running src/ directly), the cache stays off.
const BUNDLE_ID = "74f85cdac35f236f";
// Set by src/bin.cjs when main() has returned: a crash leaves nothing worth keeping.
const COMPLETED = Symbol.for("deploy-drift.cli.completed");

function cacheDir() {
  const env = process.env;
  if (env.NODE_DISABLE_COMPILE_CACHE || !/^[0-9a-f]{16}$/.test(BUNDLE_ID)) return null;
  if (env.DEPLOY_DRIFT_CACHE_DIR) return path.resolve(env.DEPLOY_DRIFT_CACHE_DIR);
  const abs = (p) => (p && path.isAbsolute(p) ? p : null);
  const base =
    abs(env.XDG_CACHE_HOME) ||
    (process.platform === "win32" ? abs(env.LOCALAPPDATA) : abs(env.HOME) && path.join(env.HOME, ".cache"));
  return base ? path.join(base, "deploy-drift") : null;
}

/** On POSIX, a folder someone else could have written code into is not read. */
function trusted(dir) {
  if (typeof process.getuid !== "function") return true;
  try {
    const st = fs.statSync(dir);
    return st.isDirectory() && st.uid === process.getuid() && (st.mode & 0o022) === 0;
  } catch {
    return true; // not there yet: created 0700 when the cache is written
  }
}

/** FNV-1a of a short string (the bundle's folder): caches of different installs do not collide. */
function shortHash(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

/** A run whose compiled code is worth keeping: a completed analysis, not --help or a usage error. */
function completedRun() {
  const code = process.exitCode ?? 0;
  const light = process.argv.slice(2).some((a) => /^(-h|--help|-v|--version)$/.test(a));
  return globalThis[COMPLETED] === true && (code === 0 || code === 1) && !light;
}

function cacheByHand(dir) {
  const vm = require("node:vm");
  const compile = Module.prototype._compile;
  const prefix = `${shortHash(APP)}-`;
  const pending = [];
  Module.prototype._compile = function compileCached(content, filename) {
    // biome-ignore lint/complexity/noArguments: pass on whatever this Node's loader passes.
    if (path.dirname(filename) !== APP) return compile.apply(this, arguments);
    const st = fs.statSync(filename);
    const base = `${prefix}${path.basename(filename)}-`;
    const name = `${base}${BUNDLE_ID}-${st.size}-${Math.trunc(st.mtimeMs)}-${process.version}-${process.arch}.v8`;
    const file = path.join(dir, name);
    let cachedData;
    try {
      cachedData = fs.readFileSync(file);
    } catch {}
    const wrapper = `(function (exports, require, module, __filename, __dirname) { ${content}\n});`;
    const script = new vm.Script(wrapper, { filename, cachedData });
    if (!cachedData || script.cachedDataRejected) pending.push({ script, name, file, base });
    const fn = script.runInThisContext({ displayErrors: true });
    return fn.call(this.exports, this.exports, Module.createRequire(filename), this, filename, APP);
  };
  process.once("exit", () => {
    if (pending.length === 0 || !completedRun()) return;
    try {
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
      if (!trusted(dir)) return;
      for (const p of pending) {
        const tmp = `${p.file}.${process.pid}.tmp`;
        fs.writeFileSync(tmp, p.script.createCachedData(), { mode: 0o600 });
        fs.renameSync(tmp, p.file);
      }
      // Caches of this install's earlier bundles are dead weight; those of the current bundle under
      // another Node stay (switching Node versions should not rewrite them every run).
      for (const old of fs.readdirSync(dir)) {
        const p = pending.find((q) => old.startsWith(q.base));
        if (p && !old.startsWith(`${p.base}${BUNDLE_ID}-`) && !old.endsWith(".tmp"))
          fs.rmSync(path.join(dir, old), { force: true });
      }
    } catch {}
  });
}

const dir = cacheDir();
if (dir && trusted(dir)) {
  try {
    if (typeof Module.prototype._compile === "function") cacheByHand(dir);
    else if (typeof Module.enableCompileCache === "function") Module.enableCompileCache(dir);
  } catch {}
}
require("./app/index.cjs");
