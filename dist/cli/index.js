#!/usr/bin/env node
/**
 * deploy-drift's CLI launcher: the package's `bin`, copied as is to dist/cli/index.js by
 * scripts/build.mjs. It runs the CLI bundle (dist/cli/app/index.cjs, built from src/bin.cjs) and
 * keeps V8's compiled code for it between runs, so that a repeated run (pre-commit, an editor, a
 * script) does not parse and compile half a megabyte of JavaScript again: that is most of a run's
 * cost beyond starting Node.
 *
 * The bundle's files are compiled through `vm.Script` with `cachedData`, and the code V8 compiled
 * during a completed run (the functions the analysis used included) is written back when there was
 * none or V8 rejected it (another Node version or V8 flags). Node's own compile cache
 * (`module.enableCompileCache`, Node >= 22.1, the fallback here) keeps only what was compiled when
 * a module was loaded: on Node 24 a repeated run took 198 ms with it and 167 ms with this.
 *
 * The folder is the user's own: $DEPLOY_DRIFT_CACHE_DIR, else $XDG_CACHE_HOME/deploy-drift, else
 * ~/.cache/deploy-drift; never a shared temporary folder, since code read from it is run.
 * NODE_DISABLE_COMPILE_CACHE=1 (Node's switch) turns it off. Any failure to read or write the
 * cache only costs time: the run goes on uncached. Nothing here reads the analysed repository.
 */
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const Module = require("node:module");

const APP = path.join(__dirname, "app");

function cacheDir() {
  const env = process.env;
  if (env.NODE_DISABLE_COMPILE_CACHE) return null;
  if (env.DEPLOY_DRIFT_CACHE_DIR) return path.resolve(env.DEPLOY_DRIFT_CACHE_DIR);
  const base =
    env.XDG_CACHE_HOME ||
    (process.platform === "win32" ? env.LOCALAPPDATA : env.HOME && path.join(env.HOME, ".cache"));
  return base ? path.join(base, "deploy-drift") : null;
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
  return (code === 0 || code === 1) && !light;
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
    // The name holds what makes compiled code reusable: this file's content (size and modification
    // time, checked before V8's own checks) and the Node that compiled it.
    const name = `${prefix}${path.basename(filename)}-${st.size}-${Math.trunc(st.mtimeMs)}-${process.version}-${process.arch}.v8`;
    const file = path.join(dir, name);
    let cachedData;
    try {
      cachedData = fs.readFileSync(file);
    } catch {}
    const wrapper = `(function (exports, require, module, __filename, __dirname) { ${content}\n});`;
    const script = new vm.Script(wrapper, { filename, cachedData });
    if (!cachedData || script.cachedDataRejected) pending.push({ script, name, file });
    const fn = script.runInThisContext({ displayErrors: true });
    return fn.call(this.exports, this.exports, Module.createRequire(filename), this, filename, APP);
  };
  process.once("exit", () => {
    if (pending.length === 0 || !completedRun()) return;
    try {
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
      const names = new Set(pending.map((p) => p.name));
      for (const p of pending) {
        const tmp = `${p.file}.${process.pid}.tmp`;
        fs.writeFileSync(tmp, p.script.createCachedData(), { mode: 0o600 });
        fs.renameSync(tmp, p.file);
      }
      // Caches of this install's earlier bundles (another version, another Node) are dead weight.
      for (const old of fs.readdirSync(dir)) {
        if (old.startsWith(prefix) && !names.has(old) && !old.endsWith(".tmp")) {
          const base = old.slice(prefix.length).split("-")[0];
          if (pending.some((p) => p.name.slice(prefix.length).split("-")[0] === base))
            fs.rmSync(path.join(dir, old), { force: true });
        }
      }
    } catch {}
  });
}

const dir = cacheDir();
if (dir) {
  try {
    if (typeof Module.prototype._compile === "function") cacheByHand(dir);
    else if (typeof Module.enableCompileCache === "function") Module.enableCompileCache(dir);
  } catch {}
}
require("./app/index.cjs");
