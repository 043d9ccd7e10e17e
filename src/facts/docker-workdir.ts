/**
 * Where a Dockerfile's container runs its command, as a folder of the repository: the final stage's
 * WORKDIR, traced back through the COPY/ADD that put it there. Docker runs CMD, and Railway runs
 * `deploy.startCommand` in place of CMD, in the image's working directory (Dockerfile reference,
 * WORKDIR: "for any RUN, CMD, ENTRYPOINT, COPY and ADD instructions that follow it"); Railway builds
 * with the service's root folder as the context. Null when it cannot be known for sure: no WORKDIR
 * (the base image decides), a variable in it, or no copy of a repository folder that covers it
 * (say, `COPY --from=builder`). Rules then skip what depends on it rather than guess.
 */
import * as posix from "node:path/posix";
import { normalizeRelPath, type Workspace } from "../repo/workspace.js";
import type { Dockerfile, Instruction } from "../sources/dockerfile.js";

export function dockerWorkdir(ws: Workspace, root: string, df: Dockerfile): string | null {
  let wd: string | null = null;
  const copies: Array<{ src: string; dest: string }> = [];
  for (const ins of df.finalStage) {
    if (ins.keyword === "WORKDIR") {
      const p = unquote(ins.args);
      wd = p.includes("$") ? null : posix.resolve(wd ?? "/", p);
      if (wd === null) return null;
    } else if (ins.keyword === "COPY" || ins.keyword === "ADD") {
      const words = copyWords(ins);
      if (!words || words.flags.some((f) => f.startsWith("--from"))) continue;
      const dest = words.paths.at(-1)!;
      if (dest.includes("$")) continue;
      const destAbs = posix.resolve(wd ?? "/", dest);
      for (const src of words.paths.slice(0, -1)) {
        if (/[$*?[]/.test(src)) continue;
        const rel = normalizeRelPath(src.replace(/^\/+/, ""), root);
        // A folder's contents land in dest (Dockerfile reference, COPY: "the directory itself is not
        // copied, only its contents").
        if (rel !== null && (rel === root || ws.isDir(rel))) copies.push({ src: rel, dest: destAbs });
      }
    }
  }
  if (wd === null) return null;
  for (const c of [...copies].reverse()) {
    if (wd === c.dest || wd.startsWith(c.dest === "/" ? "/" : `${c.dest}/`)) {
      return normalizeRelPath(posix.relative(c.dest, wd), c.src);
    }
  }
  return null;
}

function unquote(s: string): string {
  const t = s.trim();
  return /^(["']).*\1$/.test(t) ? t.slice(1, -1) : t;
}

/** COPY/ADD words: leading --flags, then sources and the destination (shell or JSON form). */
export function copyWords(ins: Instruction): { flags: string[]; paths: string[] } | null {
  let rest = ins.args.trim();
  const flags: string[] = [];
  for (let m = /^(--\S+)\s+/.exec(rest); m; m = /^(--\S+)\s+/.exec(rest)) {
    flags.push(m[1]!);
    rest = rest.slice(m[0].length);
  }
  let paths: string[];
  if (rest.startsWith("[")) {
    try {
      const arr = JSON.parse(rest) as unknown;
      if (!Array.isArray(arr) || !arr.every((x) => typeof x === "string")) return null;
      paths = arr as string[];
    } catch {
      return null;
    }
  } else paths = rest.split(/\s+/).filter(Boolean);
  return paths.length >= 2 ? { flags, paths } : null;
}
