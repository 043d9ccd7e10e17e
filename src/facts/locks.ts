/**
 * Which requirements files are locks of which: `X.txt` ↔ `X.lock` (a mirror or a compiled lock) and
 * `X.in` → `X.txt` (pip-compile's convention). The requirement side includes what `X` pulls in with
 * `-r` (constraints from `-c` are not requirements).
 */
import { basename, dirname, joinPath } from "../repo/workspace.js";
import type { RequirementsGraph } from "../sources/requirements/load.js";
import type { Requirement, RequirementsFile } from "../sources/requirements/parse.js";
import { compareLock, type LockDiff } from "./lock.js";

export interface LockPair {
  /** The requirements entry file (e.g. requirements.txt or requirements.in). */
  requirements: string;
  /** The lock file (e.g. requirements.lock or requirements.txt). */
  lock: string;
  /** Top-level requirements: the entry file plus its `-r` includes. */
  declared: Requirement[];
  locked: Requirement[];
  diff: LockDiff;
  /** The command the lock's pip-compile / uv header names, or null. */
  command: string | null;
}

/** Requirements reachable from `entry` through `-r` edges (not `-c`). */
export function declaredRequirements(entry: string, graph: RequirementsGraph): Requirement[] {
  const byPath = new Map(graph.files.map((f) => [f.path, f]));
  const out: Requirement[] = [];
  const seen = new Set<string>();
  const visit = (p: string) => {
    if (seen.has(p)) return;
    seen.add(p);
    out.push(...(byPath.get(p)?.requirements ?? []));
    for (const e of graph.edges) if (e.from === p && e.kind === "requirement") visit(e.to);
  };
  visit(entry);
  return out;
}

export function pairLocks(graphs: Map<string, RequirementsGraph>): LockPair[] {
  const pairs: LockPair[] = [];
  const entries = [...graphs.keys()].sort();
  for (const entry of entries) {
    const name = basename(entry);
    const dir = dirname(entry);
    const m = /^(.*)\.(txt|in)$/i.exec(name);
    if (!m) continue;
    const lockName = m[2]!.toLowerCase() === "txt" ? `${m[1]}.lock` : `${m[1]}.txt`;
    const lockPath = joinPath(dir, lockName);
    const lockGraph = graphs.get(lockPath);
    const lockFile: RequirementsFile | undefined = lockGraph?.files.find((f) => f.path === lockPath);
    if (!lockGraph || !lockFile) continue;
    const declared = declaredRequirements(entry, graphs.get(entry)!);
    const locked = declaredRequirements(lockPath, lockGraph);
    const compiled = lockFile.compiled || m[2]!.toLowerCase() === "in";
    pairs.push({
      requirements: entry,
      lock: lockPath,
      declared,
      locked,
      diff: compareLock(declared, locked, compiled),
      command: lockFile.command ?? null,
    });
  }
  return pairs;
}
