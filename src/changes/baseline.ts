/**
 * New vs existing (with a base revision): a head finding is `new` when the base revision has no
 * finding of the same rule, file and message; otherwise it was already on the base branch, `touched`
 * when this change modifies its file, else `existing`. `filter-mode` (like reviewdog's) chooses which
 * findings block and are annotated: `nofilter` all, `added` only new ones, `file` new ones and those in
 * files the change touched. Pure.
 */
import type { Finding } from "../model/finding.js";
import { GAP_RULE } from "../repo/gaps.js";

export const FILTER_MODES = ["nofilter", "added", "file"] as const;
export type FilterMode = (typeof FILTER_MODES)[number];

/** The rules of the comparison itself: about the change, so always new. */
const CHANGE_RULES = new Set([
  "dependency-changed",
  "lock-not-updated",
  "lock-changed-inconsistently",
  "python-version-partially-changed",
  "protected-path-changed",
  "railway-migration-incomplete",
]);

export function markBaseline(
  head: readonly Finding[],
  base: readonly Finding[],
  changedFiles: readonly string[],
): Finding[] {
  const key = (f: Finding) => `${f.rule}\0${f.file}\0${f.message}`;
  const before = new Map<string, number>();
  for (const f of base) before.set(key(f), (before.get(key(f)) ?? 0) + 1);
  const changed = new Set(changedFiles);
  return head.map((f) => {
    const k = key(f);
    // A budget the run hit (repo/gaps.ts: files not listed or not read) always counts: what was not
    // read may hold this change's problems, so it is never filtered out as "existing".
    const gap = f.rule === GAP_RULE && f.file === "." && f.line === null;
    const n = CHANGE_RULES.has(f.rule) || gap ? 0 : (before.get(k) ?? 0);
    if (n === 0) return { ...f, baseline: "new" };
    before.set(k, n - 1);
    return { ...f, baseline: changed.has(f.file) ? "touched" : "existing" };
  });
}

/** Does this finding count (block, annotate) under `mode`? Findings without a baseline always do. */
export function inScope(f: Finding, mode: FilterMode | undefined): boolean {
  if (!mode || mode === "nofilter" || !f.baseline) return true;
  if (mode === "added") return f.baseline === "new";
  return f.baseline !== "existing";
}
