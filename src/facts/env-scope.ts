/**
 * Which of a service's files can make an environment variable required when it deploys:
 *
 * - {@link imageFilter}: for a Dockerfile build, the repository files the final image holds. Docker
 *   puts in an image only what `COPY`/`ADD` bring from the build context (the service root on
 *   Railway, https://docs.railway.com/guides/dockerfiles), minus what `.dockerignore` excludes
 *   (https://docs.docker.com/build/concepts/context/#dockerignore-files); a `COPY --from=<stage>`
 *   brings what that stage copied. A file outside every copy is not deployed, so its reads cannot
 *   make the service fail.
 * - {@link scriptsRun}: the shell scripts the start / pre-deploy commands run (`sh start.sh`,
 *   `./entrypoint.sh`, `. ./env.sh`, `bash -c '…'`), and the scripts those run in turn.
 * - {@link shellReads}: what such a script reads, with POSIX parameter expansion deciding required
 *   or optional (https://pubs.opengroup.org/onlinepubs/9799919799/utilities/V3_chap02.html#tag_19_06_02).
 */
import * as posix from "node:path/posix";
import { normalizeRelPath, type Workspace } from "../repo/workspace.js";
import type { Dockerfile, Instruction } from "../sources/dockerfile.js";
import { copyWords } from "./docker-workdir.js";
import { parseStartCommand } from "./start-command/index.js";

// ---------------------------------------------------------------------------------------------
// Files in the image

/**
 * A predicate on repository paths (under `root`): is the file in the final image? Null when that
 * cannot be known (a variable in a COPY source or `--from`, a COPY that cannot be read): then
 * every file counts, as without a Dockerfile.
 */
export const MAX_COPY_SOURCES = 200;
const MAX_IGNORE_PATTERNS = 500;

export function imageFilter(ws: Workspace, root: string, df: Dockerfile): ((file: string) => boolean) | null {
  const stages: Array<{ name: string | null; base: string; ins: Instruction[] }> = [];
  for (const ins of df.instructions) {
    if (ins.keyword === "FROM") {
      const words = ins.args.split(/\s+/).filter((w) => !w.startsWith("--"));
      const as = words.length >= 3 && words[1]!.toLowerCase() === "as" ? words[2]!.toLowerCase() : null;
      stages.push({ name: as, base: (words[0] ?? "").toLowerCase(), ins: [] });
    } else stages.at(-1)?.ins.push(ins);
  }
  if (stages.length === 0) return null;
  const sources: RegExp[] = [];
  const stageOf = (ref: string, before: number): number | null => {
    const r = ref.toLowerCase();
    if (/^\d+$/.test(r)) return Number(r) < before ? Number(r) : null;
    for (let i = before - 1; i >= 0; i--) if (stages[i]!.name === r) return i;
    return null;
  };
  const seen = new Set<number>();
  // Collects the context paths a stage (and what it builds on) copies; false: unknown.
  const collect = (i: number): boolean => {
    if (seen.has(i)) return true;
    seen.add(i);
    const st = stages[i]!;
    if (st.base.includes("$")) return false;
    const parent = stageOf(st.base, i);
    if (parent !== null && !collect(parent)) return false;
    for (const ins of st.ins) {
      if (ins.keyword !== "COPY" && ins.keyword !== "ADD") continue;
      const words = copyWords(ins);
      if (!words) return false;
      const from = words.flags.find((f) => f.startsWith("--from="))?.slice("--from=".length);
      if (from !== undefined) {
        if (from.includes("$")) return false;
        const s = stageOf(from, i);
        // Another image (`--from=ghcr.io/astral-sh/uv`) brings nothing of the repository.
        if (s !== null && !collect(s)) return false;
        continue;
      }
      for (const src of words.paths.slice(0, -1)) {
        if (/^[a-z]+:\/\//i.test(src) || src.startsWith("git@")) continue;
        if (src.includes("$") || src.startsWith("<<")) return false;
        const rel = posix.normalize(src.replace(/^\/+/, "")).replace(/\/+$/, "");
        if (rel.startsWith("..")) continue;
        sources.push(dockerGlob(rel === "." ? "**" : rel));
      }
    }
    return true;
  };
  // A Dockerfile with thousands of copies is not a normal one: unknown rather than slow.
  if (!collect(stages.length - 1) || sources.length > MAX_COPY_SOURCES) return null;
  const ignore = dockerignore(ws, root);
  if (ignore === undefined) return null;
  return (file: string) => {
    const rel = root === "" ? file : file.startsWith(`${root}/`) ? file.slice(root.length + 1) : null;
    if (rel === null) return false;
    if (ignore?.(rel)) return false;
    return sources.some((re) => re.test(rel));
  };
}

/**
 * A COPY source or `.dockerignore` pattern as a regular expression on context-relative paths:
 * anchored at the context root (unlike `.gitignore`), `*` and `?` within a segment, `**` any depth;
 * a pattern that names a folder covers everything under it.
 */
function dockerGlob(pattern: string): RegExp {
  let re = "";
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === "*" && pattern[i + 1] === "*") {
      re += ".*";
      i++;
      if (pattern[i + 1] === "/") i++;
    } else if (ch === "*") re += "[^/]*";
    else if (ch === "?") re += "[^/]";
    else re += ch.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${re}(?:/.*)?$`);
}

/**
 * `.dockerignore` at the context root: last matching pattern wins, `!` re-includes. Null: no file;
 * undefined: too many patterns to follow (the image's contents are then unknown).
 */
function dockerignore(ws: Workspace, root: string): ((rel: string) => boolean) | null | undefined {
  const r = ws.read(root === "" ? ".dockerignore" : `${root}/.dockerignore`);
  if (r.kind !== "ok") return null;
  const rules: Array<{ re: RegExp; negate: boolean }> = [];
  for (const raw of r.text.split(/\r?\n/)) {
    let line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const negate = line.startsWith("!");
    if (negate) line = line.slice(1).trim();
    line = posix.normalize(line.replace(/^\/+/, "")).replace(/\/+$/, "");
    if (line === "." || line === "") continue;
    rules.push({ re: dockerGlob(line), negate });
    if (rules.length > MAX_IGNORE_PATTERNS) return undefined; // unknown
  }
  return (rel) => {
    let out = false;
    for (const x of rules) if (x.re.test(rel)) out = !x.negate;
    return out;
  };
}

// ---------------------------------------------------------------------------------------------
// Scripts the commands run

const SHELLS = new Set(["sh", "bash", "dash", "zsh", "ash", "ksh"]);
const PASS_THROUGH = new Set(["exec", "env", "nohup", "time", "sudo", "command", "dumb-init", "tini", "--"]);
export const MAX_SCRIPTS = 20;

/**
 * Scripts (repository paths) that the given commands run, resolved from `cwd` (the folder the
 * service runs in, tried in order), followed into the scripts they run (depth-limited). Only `.sh`/`.bash` files
 * and files that start with a `sh`/`bash` shebang are followed.
 */
export function scriptsRun(
  ws: Workspace,
  cwds: ReadonlyArray<string | null>,
  commands: readonly string[],
): string[] {
  const dirs = [...new Set(cwds.filter((d): d is string => d !== null))];
  if (dirs.length === 0) return [];
  const out: string[] = [];
  const queue: Array<{ cmd: string; from: string | null; depth: number }> = commands.map((cmd) => ({
    cmd,
    from: null,
    depth: 0,
  }));
  while (queue.length > 0 && out.length < MAX_SCRIPTS) {
    const { cmd, from, depth } = queue.shift()!;
    for (const target of scriptTargets(cmd)) {
      const candidates = dirs.map((d) => normalizeRelPath(target, d));
      if (from !== null) candidates.push(normalizeRelPath(target, posix.dirname(from)));
      const file = candidates.find((c): c is string => c !== null && ws.isFile(c));
      if (!file || out.includes(file)) continue;
      const r = ws.read(file);
      if (r.kind !== "ok") continue;
      const isShell = /\.(sh|bash)$/i.test(file) || /^#!\s*\S*\b(env\s+)?(ba|da|a|k|z)?sh\b/.test(r.text);
      if (!isShell) continue;
      out.push(file);
      if (depth >= 3) continue;
      for (const line of logicalLines(r.text)) queue.push({ cmd: line.text, from: file, depth: depth + 1 });
    }
  }
  return out;
}

/** The script paths one command line runs. */
function scriptTargets(cmd: string): string[] {
  if (!/[./]|sh\b/.test(cmd)) return [];
  const out: string[] = [];
  for (const seg of parseStartCommand(cmd).segments) {
    const w = seg.words.map((x) => x.text);
    let i = 0;
    while (i < w.length && (/^[A-Za-z_][A-Za-z0-9_]*=/.test(w[i]!) || PASS_THROUGH.has(w[i]!))) i++;
    const head = w[i];
    if (head === undefined) continue;
    let target: string | undefined;
    if (SHELLS.has(posix.basename(head))) {
      let k = i + 1;
      while (k < w.length && /^[-+]/.test(w[k]!) && !/^-[A-Za-z]*c/.test(w[k]!)) k++;
      target = w[k] !== undefined && !/^-[A-Za-z]*c/.test(w[k]!) ? w[k] : undefined;
    } else if (head === "." || head === "source") target = w[i + 1];
    else if (/\.(sh|bash)$/i.test(head) || head.startsWith("./")) target = head;
    if (target && !target.includes("$")) out.push(target);
  }
  return out;
}

/** Physical lines with `\` continuations joined; each keeps its first line number. */
function logicalLines(
  text: string,
): Array<{ text: string; line: number; at: (offset: number) => { line: number; column: number } }> {
  const out: ReturnType<typeof logicalLines> = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const start = i;
    // Joined in one go (a 1 MiB chain of `\\` lines stays linear).
    const parts = [lines[i]!.replace(/\r$/, "")];
    while (parts[parts.length - 1]!.endsWith("\\") && i + 1 < lines.length) {
      parts[parts.length - 1] = parts[parts.length - 1]!.slice(0, -1);
      parts.push(lines[++i]!.replace(/\r$/, ""));
    }
    const t = parts.join("");
    // Start offset of each physical part in the joined text; a binary search maps an offset back.
    const starts: number[] = [];
    let sum = 0;
    for (const p of parts) {
      starts.push(sum);
      sum += p.length;
    }
    const at = (offset: number) => {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= offset) lo = mid;
        else hi = mid - 1;
      }
      return { line: start + 1 + lo, column: offset - starts[lo]! + 1 };
    };
    if (!/^\s*#/.test(t)) out.push({ text: t, line: start + 1, at });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Reads in a script

export interface ShellRead {
  name: string;
  /**
   * required: `${VAR:?msg}` / `${VAR?msg}`, or `$VAR` while `set -u` is on (the shell exits on an
   * unset variable); optional: `${VAR:-d}`, `${VAR-d}`, `${VAR:=d}`, `${VAR=d}`, `${VAR:+x}`.
   */
  required: boolean;
  /** The default of `:-`/`-`/`:=`/`=` (as written), or null. */
  default: string | null;
  line: number;
  column: number;
  endColumn: number;
}

/**
 * Reads of UPPER_CASE variables in a POSIX shell script. A plain `$VAR` without `set -u` expands to
 * an empty string when unset: whether the service then fails cannot be known, so it is not a read
 * here (the caller keeps it as a reference, so a documented variable it names is never "unused").
 * Names the script assigns first (`VAR=…`, `export VAR=…`, `read VAR`, `for VAR in`) are its own.
 * Text in single quotes is not expanded. After a `source`/`.` of a file, plain `$VAR` is never
 * required: the sourced file may set it.
 */
export function shellReads(text: string): ShellRead[] {
  const out: ShellRead[] = [];
  const assigned = new Set<string>();
  let nounset = /^#!.*\s-[A-Za-z]*u/.test(text.split("\n", 1)[0] ?? "");
  let sourced = false;
  for (const { text: raw, at } of logicalLines(text)) {
    const code = stripSingleQuotesAndComments(raw);
    const set = /(?:^|[;&|]\s*)set\s+([^;&|]*)/.exec(code.trimStart());
    if (set) {
      const flags = set[1]!.trim().split(/\s+/);
      flags.forEach((f, k) => {
        if ((f === "-o" || f === "+o") && flags[k + 1] === "nounset") nounset = f === "-o";
        else if (/^[-+][A-Za-z]+$/.test(f) && f.includes("u")) nounset = f.startsWith("-");
      });
    }
    if (/(?:^|[;&|]\s*)(?:source|\.)\s+\S/.test(code)) sourced = true;
    for (const m of code.matchAll(
      /\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-=?+])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
    )) {
      const name = m[1] ?? m[4]!;
      if (!/^[A-Z_][A-Z0-9_]*$/.test(name) || assigned.has(name)) continue;
      const op = m[2];
      const p = at(m.index!);
      const base = { name, line: p.line, column: p.column, endColumn: p.column + m[0].length };
      if (op?.endsWith("?")) out.push({ ...base, required: true, default: null });
      else if (op?.endsWith("+")) out.push({ ...base, required: false, default: null });
      else if (op) {
        out.push({ ...base, required: false, default: m[3] ?? "" });
        if (op.endsWith("=")) assigned.add(name);
      } else if (nounset && !sourced) out.push({ ...base, required: true, default: null });
    }
    // Assignments take effect after this line's expansions.
    for (const m of code.matchAll(
      /(?:^\s*|[;&|(]\s*|\b(?:export|local|readonly|declare(?:\s+-\w+)*)\s+)([A-Za-z_][A-Za-z0-9_]*)=/g,
    ))
      assigned.add(m[1]!);
    for (const m of code.matchAll(
      /\b(?:read(?:\s+-\w+)*|for)\s+([A-Za-z_][A-Za-z0-9_]*(?:\s+[A-Za-z_][A-Za-z0-9_]*)*)/g,
    ))
      for (const n of m[1]!.split(/\s+/)) if (n !== "in") assigned.add(n);
  }
  return out;
}

/** Blanks single-quoted text and a trailing `# comment`, keeping columns. */
function stripSingleQuotesAndComments(line: string): string {
  let out = "";
  let q: '"' | "'" | null = null;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (q === "'") {
      out += ch === "'" ? ch : " ";
      if (ch === "'") q = null;
      continue;
    }
    if (ch === "\\" && i + 1 < line.length) {
      out += "  ";
      i++;
      continue;
    }
    if (q === null && ch === "#" && (i === 0 || /\s/.test(line[i - 1]!))) break;
    if (ch === "'" && q === null) q = "'";
    else if (ch === '"') q = q === '"' ? null : '"';
    out += ch;
  }
  return out;
}
