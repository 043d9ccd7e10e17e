/**
 * Base vs head: what a change did to the dependencies, and the policy findings about it. Pure: both
 * revisions arrive as the per-service facts `analyzeDetailed` computed for them, plus the list of
 * changed files (relative to the scanned root) and the pull request's labels.
 *
 * Rules (metadata in ENGINE_RULES, src/rules/index.ts):
 * - `dependency-changed`: one finding per change, severity from `dependency-changes`.
 * - `lock-not-updated`: a requirements file or pyproject dependency list changed, its lock did not.
 * - `lock-changed-inconsistently`: both changed, but the lock still disagrees about that package. A
 *   lock that changed alone and now disagrees is reported by the lockfile-* rules at the lock line.
 * - `python-version-partially-changed`: see ./python.ts.
 * - `protected-path-changed`: see ./protected.ts.
 * - `railway-migration-incomplete`: see ./migration.ts.
 */

import type { Config } from "../config/schema.js";
import type { LockPair } from "../facts/locks.js";
import type { DependencyChange } from "../model/change.js";
import type { Finding, Severity } from "../model/finding.js";
import { compareText } from "../model/order.js";
import { q } from "../model/quote.js";
import { satisfies } from "../python/pep440.js";
import { dirname, joinPath } from "../repo/workspace.js";
import { collectDepFiles, type DepFile, PYPROJECT_LOCKS } from "./deps.js";
import { diffDepFile, type EntryChange } from "./diff.js";
import { migrationFindings } from "./migration.js";
import { protectedPathFindings } from "./protected.js";
import { pythonPartialFindings } from "./python.js";
import { type ChangeRuleId, changeSeverity, type RevisionFacts } from "./severity.js";

export type { ChangeRuleId, RevisionFacts };

export interface CompareOptions {
  /** Labels on the pull request (`--label` on the CLI). */
  labels: readonly string[];
}

export interface Comparison {
  changes: DependencyChange[];
  findings: Finding[];
}

export function compareRevisions(
  base: RevisionFacts,
  head: RevisionFacts,
  changedFiles: readonly string[],
  config: Config,
  opts: CompareOptions,
): Comparison {
  const changed = new Set(changedFiles);
  const baseFiles = collectDepFiles(base.services);
  const headFiles = collectDepFiles(head.services);
  const entryChanges: EntryChange[] = [];
  const paths = [...new Set([...baseFiles.keys(), ...headFiles.keys()])].filter((f) => changed.has(f)).sort();
  for (const f of paths) entryChanges.push(...diffDepFile(baseFiles.get(f), headFiles.get(f)));
  const changes = entryChanges.map((c) => c.change);
  changes.sort((a, b) => compareText(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0));

  const findings: Finding[] = [];
  const policy = config["dependency-changes"];
  const depSeverity =
    policy === "allow"
      ? null
      : changeSeverity(config, "dependency-changed", policy === "block" ? "error" : "warning");
  if (depSeverity) for (const c of entryChanges) findings.push(dependencyChanged(c, depSeverity, policy));

  findings.push(...lockFindings(entryChanges, base, head, headFiles, baseFiles, changed, config));
  findings.push(...pythonPartialFindings(base, head, changed, config));
  findings.push(...protectedPathFindings(changedFiles, head, config, opts.labels));
  findings.push(...migrationFindings(base, head, config));
  return { changes, findings };
}

function arrow(c: DependencyChange): string {
  return `${c.from ?? "(none)"} → ${c.to ?? "(none)"}`;
}

/** Where a change points: the head line, or the file alone for a removal (its line is gone). */
function at(c: EntryChange): { line: number | null; column: number | null } {
  return c.head ? { line: c.head.span.line, column: c.head.span.column } : { line: null, column: null };
}

function describe(c: DependencyChange): string {
  switch (c.change) {
    case "added":
      return `${q(c.package)} was added (${q(c.to)})`;
    case "removed":
      return `${q(c.package)} was removed (was ${q(c.from)}, line ${c.line} in the base revision)`;
    default:
      return `${q(c.package)} was ${c.change} (${q(arrow(c))})`;
  }
}

function dependencyChanged(
  c: EntryChange,
  severity: Severity,
  policy: Config["dependency-changes"],
): Finding {
  const ch = c.change;
  return {
    rule: "dependency-changed",
    severity,
    service: ch.service,
    file: ch.file,
    ...at(c),
    message: `${describe(ch)} in ${ch.file}`,
    ...(ch.from !== null ? { found: ch.from } : {}),
    ...(ch.to !== null ? { expected: ch.to } : {}),
    fix:
      policy === "block"
        ? 'Dependency changes need a maintainer\'s review under `dependency-changes = "block"`: review the change, then suppress this finding with an `ignore` entry or relax the policy.'
        : 'Review the change; set `dependency-changes = "allow"` to stop listing changes as findings.',
  };
}

interface PairLike {
  requirements: string;
  lock: string;
  /** Requirement-side files: the entry file and what it includes with `-r`. */
  sources: Set<string>;
  head: LockPair | null;
}

function pairsOf(base: RevisionFacts, head: RevisionFacts): PairLike[] {
  const byKey = new Map<string, PairLike>();
  const add = (p: LockPair, isHead: boolean) => {
    const key = `${p.requirements}\0${p.lock}`;
    let cur = byKey.get(key);
    if (!cur) {
      cur = { requirements: p.requirements, lock: p.lock, sources: new Set([p.requirements]), head: null };
      byKey.set(key, cur);
    }
    for (const r of p.declared) cur.sources.add(r.span.file);
    if (isHead) cur.head = p;
  };
  for (const svc of base.services) for (const p of svc.lockPairs) add(p, false);
  for (const svc of head.services) for (const p of svc.lockPairs) add(p, true);
  return [...byKey.values()].sort(
    (a, b) => compareText(a.requirements, b.requirements) || compareText(a.lock, b.lock),
  );
}

/** Why the head pair still disagrees about `normalized`, or null when it agrees. */
function pairDisagreement(pair: LockPair, c: EntryChange): string | null {
  const name = (c.head ?? c.base)!.normalized;
  if (c.head) {
    if (pair.diff.missingInLock.some((r) => r.normalized === name)) return `${pair.lock} has no entry for it`;
    const mm = pair.diff.versionMismatch.find((m) => m.req.normalized === name);
    if (mm) return mm.reason;
    const ex = pair.diff.extrasMismatch.find((m) => m.req.normalized === name);
    if (ex) return `${pair.lock} has ${q(ex.lock.raw)} without the extras of ${q(ex.req.raw)}`;
    return null;
  }
  const extra = pair.diff.extraInLock.find((l) => l.normalized === name);
  return extra ? `${pair.lock} still has ${q(extra.raw)}` : null;
}

function lockFindings(
  entryChanges: EntryChange[],
  base: RevisionFacts,
  head: RevisionFacts,
  headFiles: Map<string, DepFile>,
  baseFiles: Map<string, DepFile>,
  changed: Set<string>,
  config: Config,
): Finding[] {
  const notUpdated = changeSeverity(config, "lock-not-updated");
  const inconsistent = changeSeverity(config, "lock-changed-inconsistently");
  const out: Finding[] = [];
  const pairs = pairsOf(base, head);
  const emit = (
    rule: ChangeRuleId,
    severity: Severity,
    c: EntryChange,
    message: string,
    fix: string,
    lock: string,
  ) => {
    out.push({
      rule,
      severity,
      service: c.change.service,
      file: c.change.file,
      ...at(c),
      message,
      found: `${c.change.file} changed`,
      expected: `${lock} changed to match`,
      fix,
    });
  };

  for (const c of entryChanges) {
    const ch = c.change;
    const kind = (headFiles.get(ch.file) ?? baseFiles.get(ch.file))!.kind;
    if (kind === "requirements") {
      for (const pair of pairs) {
        if (!pair.sources.has(ch.file)) continue;
        if (!changed.has(pair.lock)) {
          if (notUpdated)
            emit(
              "lock-not-updated",
              notUpdated,
              c,
              `${describe(ch)} in ${ch.file}, but its lock ${pair.lock} was not updated`,
              pair.head?.command
                ? `Regenerate ${pair.lock} with its header's command, ${q(pair.head.command)}, and commit it with this change.`
                : `Regenerate ${pair.lock} from ${pair.requirements} (e.g. \`uv pip compile ${pair.requirements} -o ${pair.lock}\`) and commit it with this change.`,
              pair.lock,
            );
        } else if (inconsistent && pair.head) {
          const why = pairDisagreement(pair.head, c);
          if (why)
            emit(
              "lock-changed-inconsistently",
              inconsistent,
              c,
              `${describe(ch)} in ${ch.file}; ${pair.lock} changed too but does not match: ${why}`,
              `Regenerate ${pair.lock} from ${pair.requirements} instead of editing it by hand, and commit both.`,
              pair.lock,
            );
        }
      }
    } else if (kind === "pyproject") {
      const dir = dirname(ch.file);
      const locks = PYPROJECT_LOCKS.map((n) => joinPath(dir, n)).filter(
        (l) => headFiles.has(l) || baseFiles.has(l),
      );
      if (locks.length === 0) continue;
      const touched = locks.filter((l) => changed.has(l));
      if (touched.length === 0) {
        if (notUpdated)
          emit(
            "lock-not-updated",
            notUpdated,
            c,
            `${describe(ch)} in ${ch.file}, but its lock ${locks.join(", ")} was not updated`,
            `Run the project's lock command (\`uv lock\`, \`poetry lock\` or \`pdm lock\`) and commit ${locks.join(", ")} with this change.`,
            locks.join(", "),
          );
        continue;
      }
      if (!inconsistent || !c.head) continue;
      for (const l of touched) {
        const lockFile = headFiles.get(l);
        if (!lockFile) continue;
        const entry = lockFile.entries.find((e) => e.normalized === c.head!.normalized);
        let why: string | null = null;
        if (!entry) why = `${l} has no entry for it`;
        else if (entry.pinned && c.head.url === null && c.head.specifier !== "") {
          // Poetry's `^`/`~` specifiers are not PEP 440: satisfies() returns null and nothing is claimed.
          if (satisfies(entry.pinned, c.head.specifier) === false)
            why = `${l} locks ${q(entry.pinned)}, which does not satisfy ${q(c.head.specifier)}`;
        }
        if (why)
          emit(
            "lock-changed-inconsistently",
            inconsistent,
            c,
            `${describe(ch)} in ${ch.file}; ${l} changed too but does not match: ${why}`,
            `Regenerate ${l} with the project's lock command instead of editing it by hand, and commit both.`,
            l,
          );
      }
    }
  }
  return out;
}
