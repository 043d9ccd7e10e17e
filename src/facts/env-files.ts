/**
 * Which files of a service folder the env scan reads, and how: documentation (`.env.example` & co.)
 * and committed `.env` files by name, the examples that document a dotenv file, nested service
 * folders, skipped/vendored/test paths, settings-first ordering, and `.gitignore`d files.
 */

import { globToRegExp } from "../config/glob.js";
import { basename, dirname, isSkippedDir, joinPath, type Workspace } from "../repo/workspace.js";
import { SERVICE_MARKERS } from "./discover.js";
import type { EnvDeclaration } from "./env.js";

/** Documentation files, in the service folder. */
export const DOC_FILE =
  /^(\.env(\.[\w-]+)*\.(example|sample|template|dist|defaults)|(example|sample|template)\.env|\.?env(ironment)?[._-](example|sample|template)(\.txt)?)$/i;
/** Any other `.env`-format file: `.env`, `.env.production`, `prod.env` ... */
export const ENV_FILE = /^(\.env(\..+)?|.+\.env)$/i;

const SKIP_SEGMENTS = new Set([
  "test",
  "tests",
  "testing",
  "migrations",
  "fixtures",
  "docs",
  "doc",
  "examples",
  "example",
  "env",
  ".env",
  "virtualenv",
  "site-packages",
  "node_modules",
  "__pycache__",
]);

/**
 * The examples/templates that document a dotenv file: beside it, `<name>.example` (`.sample`,
 * `.template`, `.dist`, `.defaults`); for `.env` also the other generic names (`example.env`,
 * `env.example`, `.env-example`, `environment.example` ...).
 */
export function examplesOf(all: readonly string[], target: string): string[] {
  const dir = dirname(target);
  const name = basename(target);
  const beside = new RegExp(
    `^${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}[._-](example|sample|template|dist|defaults)(\\.txt)?$`,
    "i",
  );
  return all.filter((f) => {
    if (dirname(f) !== dir) return false;
    const b = basename(f);
    if (beside.test(b)) return true;
    return (
      name.toLowerCase() === ".env" &&
      DOC_FILE.test(b) &&
      !/^\.env\.[\w-]+\.(example|sample|template|dist|defaults)$/i.test(b)
    );
  });
}

/** `# NAME=…` lines in an example file document optional variables. */
export function commentedDeclarations(file: string, text: string): EnvDeclaration[] {
  const out: EnvDeclaration[] = [];
  text.split("\n").forEach((line, i) => {
    const m = /^(\s*#\s*(?:export\s+)?)([A-Z_][A-Z0-9_]*)=/.exec(line);
    if (m) {
      const col = m[1]!.length + 1;
      out.push({
        name: m[2]!,
        span: { file, line: i + 1, column: col, endLine: i + 1, endColumn: col + m[2]!.length },
        optional: true,
        source: "env-example",
      });
    }
  });
  return out;
}

export function nestedServiceDirs(files: readonly string[], root: string): string[] {
  const dirs = new Set<string>();
  for (const f of files) {
    const d = dirname(f);
    if (d !== root && SERVICE_MARKERS.has(basename(f))) dirs.add(d);
  }
  return [...dirs];
}

export function isUnderSkipped(file: string, root: string): boolean {
  const rel = root === "" ? file : file.slice(root.length + 1);
  return rel
    .split("/")
    .slice(0, -1)
    .some((s) => SKIP_SEGMENTS.has(s.toLowerCase()) || isSkippedDir(s) || /^\.?venv/.test(s));
}

/** Virtualenvs, site-packages, node_modules: not the project's own files. */
export function isVendored(file: string, root: string): boolean {
  const rel = root === "" ? file : file.slice(root.length + 1);
  return rel
    .split("/")
    .slice(0, -1)
    .some((s) => isSkippedDir(s) || /^\.?venv|^virtualenv$|^site-packages$|^node_modules$/i.test(s));
}

/** A test module or a file under a test folder. */
export function isTestPath(file: string, root: string): boolean {
  const rel = root === "" ? file : file.slice(root.length + 1);
  return (
    isTestFile(file) ||
    rel
      .split("/")
      .slice(0, -1)
      .some((d) => /^(tests?|testing|fixtures?|spec)$/i.test(d))
  );
}

export function isTestFile(file: string): boolean {
  const b = basename(file);
  return /^test_.*\.py$|_tests?\.py$|^conftest\.py$|^setup\.py$/.test(b);
}

export function priority(file: string): number {
  return /(^|\/)(settings|config|conf|configuration|env)(\/|\.py$)|settings[^/]*\.py$/.test(file) ? 0 : 1;
}

/**
 * True when a `.gitignore` between the repository root and the file ignores it: such a file exists
 * in a local checkout but is not committed. Supports the common patterns (names, `*` globs,
 * leading `/`, `!` negation); a file we cannot decide about counts as committed.
 */
export function gitIgnored(ws: Workspace, file: string): boolean {
  const parts = file.split("/");
  let ignored = false;
  for (let n = 0; n < parts.length; n++) {
    const dir = parts.slice(0, n).join("/");
    const r = ws.read(joinPath(dir, ".gitignore"));
    if (r.kind !== "ok") continue;
    const rel = parts.slice(n).join("/");
    for (const raw of r.text.split(/\r?\n/)) {
      let line = raw.trim();
      if (line === "" || line.startsWith("#")) continue;
      const negate = line.startsWith("!");
      if (negate) line = line.slice(1);
      if (line.endsWith("/")) continue; // directory patterns: folders, not this file
      const anchored = line.startsWith("/");
      const glob = anchored ? line.slice(1) : line;
      // A leading `/` anchors the pattern to this folder; globToRegExp already anchors globs with a `/`.
      if (globToRegExp(glob).test(rel) && (!anchored || glob.includes("/") || !rel.includes("/"))) {
        ignored = !negate;
      }
    }
  }
  return ignored;
}
