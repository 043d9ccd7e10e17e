import type { Finding, Severity } from "../model/finding.js";
import { severityRank } from "../model/finding.js";
import { q } from "../model/quote.js";
import { type Emit, type RuleMeta, toFinding } from "./define-rule.js";

/**
 * Findings one rule lists for one service at most (issue 12 item 4). A real repository stays far
 * below it; a generated one (a million unpinned requirement lines) would otherwise cost time and
 * memory in every later step and renderer. Beyond it, one finding of the same rule says how many were
 * left out and their worst severity, so the cut is never silent and blocking is kept.
 */
export const MAX_FINDINGS_PER_RULE = 1000;

/** The rule's findings for one service: all of them, or the first (worst first) plus one "N more". */
export function cappedFindings(
  rule: RuleMeta,
  service: string,
  emits: Emit[],
  severity: Severity,
): Finding[] {
  const all = emits.map((e) => toFinding(rule, service, e, severity));
  if (all.length <= MAX_FINDINGS_PER_RULE) return all;
  // Stable: within a severity the rule's own order (file, then line) is kept.
  const ordered = all
    .map((f, i) => ({ f, i }))
    .sort((a, b) => severityRank(a.f.severity) - severityRank(b.f.severity) || a.i - b.i)
    .map((x) => x.f);
  const kept = ordered.slice(0, MAX_FINDINGS_PER_RULE);
  const rest = ordered.slice(MAX_FINDINGS_PER_RULE);
  const worst = rest[0]!.severity;
  const files = [...new Set(rest.map((f) => f.file))];
  const where = files.length === 1 ? ` in ${q(files[0]!)}` : ` in ${files.length} files`;
  kept.push({
    rule: rule.id,
    severity: worst,
    service,
    file: files.length === 1 ? files[0]! : service,
    line: null,
    column: null,
    message: `${rest.length} more \`${rule.id}\` findings${where} are not listed: deploy-drift lists at most ${MAX_FINDINGS_PER_RULE} per rule and service (worst left out: ${worst})`,
    fix: `Fix the listed ones, or set the rule's severity in the deploy-drift config, and run deploy-drift again to see the rest.`,
  });
  return kept;
}
