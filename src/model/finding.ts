import { compareText } from "./order.js";
import type { Span } from "./span.js";

export const SEVERITIES = ["error", "warning", "notice"] as const;
export type Severity = (typeof SEVERITIES)[number];

export function severityRank(s: Severity): number {
  return s === "error" ? 0 : s === "warning" ? 1 : 2;
}

/**
 * A problem found in the repository. `message` states the evidence (found vs expected, values in
 * backticks); `fix` states the action. `file`/`line`/`column` are the primary location; `related`
 * lists the other places that disagree.
 */
export interface Finding {
  rule: string;
  severity: Severity;
  /** Service root the finding belongs to, repo-relative ("." for the scanned root). */
  service: string;
  file: string;
  line: number | null;
  column: number | null;
  endLine?: number | null;
  endColumn?: number | null;
  message: string;
  found?: string;
  expected?: string;
  fix: string;
  related?: Span[];
  /** Text the fix can be pasted from (e.g. the railway.ts a `config-as-code-deprecated` service migrates to). */
  snippet?: { title: string; language: string; text: string };
  /**
   * With a base revision only: `new` (not on the base branch), `touched` (on the base branch, in a
   * file this change modifies) or `existing` (on the base branch, in an untouched file).
   */
  baseline?: "new" | "touched" | "existing";
}

/** A problem a parser met in user content. Parsers return these; they never throw. */
export interface Diagnostic {
  /** A stable code for diagnostics a dedicated rule reports (e.g. `railway-ts-template-reference`). */
  code?: string;
  message: string;
  span: Span;
  fix?: string;
  /** "error" unless the parser knows the builder tolerates it. */
  severity?: Severity;
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    severityRank(a.severity) - severityRank(b.severity) ||
    compareText(a.file, b.file) ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    compareText(a.rule, b.rule) ||
    compareText(a.message, b.message)
  );
}
