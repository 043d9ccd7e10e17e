import { type Finding, type Severity, severityRank } from "../model/finding.js";
import type { Counts } from "../model/report.js";

/**
 * Findings as line annotations, for both sinks: check-run annotations (API) and workflow-command
 * annotations (`::error file=…`). Pure: paths are made relative to the repository root by prefixing the
 * scanned folder, and annotations come errors first because every sink caps how many it shows.
 */
export interface Annotation {
  severity: Severity;
  /** Path relative to the repository root (GITHUB_WORKSPACE). */
  path: string;
  /** null when the finding has no position (e.g. a missing file): a file-level annotation. */
  startLine: number | null;
  endLine: number | null;
  startColumn: number | null;
  endColumn: number | null;
  title: string;
  /** Plain text: the evidence, the fix, and the other places involved. */
  message: string;
}

/** GitHub's per-step cap on workflow-command annotations, per type (runner: _maxCountPerIssueType). */
export const WORKFLOW_ANNOTATIONS_PER_TYPE = 10;
/** The runner truncates workflow-command messages at 4,096 characters. */
export const WORKFLOW_MESSAGE_MAX = 4096;
export const TITLE_MAX = 255;

/**
 * Joins the scanned folder (relative to the repository root) and a finding's path, resolving `.` and
 * `..` (a config file above the scanned folder is `../deploy-drift.toml` to the engine).
 */
export function repoPath(dir: string, file: string): string {
  const out: string[] = [];
  for (const seg of `${dir}/${file}`.replace(/\\/g, "/").split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") out.pop();
    else out.push(seg);
  }
  return out.length ? out.join("/") : ".";
}

export function truncate(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max - 1);
  // Do not split a surrogate pair.
  const safe = /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
  return `${safe}…`;
}

function messageOf(f: Finding, dir: string): string {
  const parts = [f.message];
  if (f.fix) parts.push(`Fix: ${f.fix}`);
  if (f.related?.length) {
    parts.push(`Also: ${f.related.map((s) => `${repoPath(dir, s.file)}:${s.line}`).join(", ")}`);
  }
  return parts.join("\n\n");
}

/** Every finding as an annotation, errors first (then the report's own order), paths from the repo root. */
export function toAnnotations(findings: readonly Finding[], dir: string): Annotation[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => severityRank(a.f.severity) - severityRank(b.f.severity) || a.i - b.i)
    .map(({ f }) => {
      const startLine = f.line !== null && f.line >= 1 ? f.line : null;
      const endLine = startLine === null ? null : Math.max(startLine, f.endLine ?? startLine);
      const startColumn = startLine !== null && f.column !== null && f.column >= 1 ? f.column : null;
      const endColumn =
        startColumn !== null && f.endColumn != null && (endLine !== startLine || f.endColumn >= startColumn)
          ? f.endColumn
          : null;
      return {
        severity: f.severity,
        path: repoPath(dir, f.file),
        startLine,
        endLine,
        startColumn,
        endColumn,
        title: truncate(`deploy-drift: ${f.rule}`, TITLE_MAX),
        message: messageOf(f, dir),
      };
    });
}

export interface WorkflowAnnotationPlan {
  /** Annotations to emit as workflow commands, errors first. */
  emit: Annotation[];
  /** Findings left out because of the per-step cap, by severity. */
  omitted: Counts;
  /** A closing notice that states what was left out, or null when nothing was. */
  overflowNotice: string | null;
}

/**
 * Chooses which annotations fit GitHub's per-step cap of ten per type. `reserved` counts annotations of
 * each type the step emits anyway (for example the `::error` of setFailed); one notice slot is kept for
 * the overflow message when anything is left out.
 */
export function planWorkflowAnnotations(
  annotations: readonly Annotation[],
  reserved: Partial<Counts> = {},
  where = "the job summary",
): WorkflowAnnotationPlan {
  const cap = (s: Severity) => Math.max(0, WORKFLOW_ANNOTATIONS_PER_TYPE - (reserved[s] ?? 0));
  const total: Counts = { error: 0, warning: 0, notice: 0 };
  for (const a of annotations) total[a.severity]++;
  const overflow = (["error", "warning", "notice"] as const).some((s) => total[s] > cap(s));
  const limit: Counts = {
    error: cap("error"),
    warning: cap("warning"),
    notice: Math.max(0, cap("notice") - (overflow ? 1 : 0)),
  };
  const taken: Counts = { error: 0, warning: 0, notice: 0 };
  const emit: Annotation[] = [];
  for (const a of annotations) {
    if (taken[a.severity] < limit[a.severity]) {
      taken[a.severity]++;
      emit.push({ ...a, message: truncate(a.message, WORKFLOW_MESSAGE_MAX - 96) });
    }
  }
  const omitted: Counts = {
    error: total.error - taken.error,
    warning: total.warning - taken.warning,
    notice: total.notice - taken.notice,
  };
  const n = omitted.error + omitted.warning + omitted.notice;
  const overflowNotice =
    n === 0
      ? null
      : `${n} more finding${n === 1 ? "" : "s"} (${omitted.error} error, ${omitted.warning} warning, ${omitted.notice} notice) not shown as annotations: GitHub shows ${WORKFLOW_ANNOTATIONS_PER_TYPE} per type per step. The full list is in ${where}.`;
  return { emit, omitted, overflowNotice };
}
