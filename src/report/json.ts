import type { Report } from "../model/report.js";

/**
 * Findings the JSON report carries at most; beyond it, `findingsOmitted` says how many were left out
 * (errors come first, so the least severe go). `counts` always counts them all.
 */
export const JSON_FINDINGS_MAX = 10_000;

/** The JSON contract (`--format json`): see src/model/report.ts. */
export function renderJson(report: Report): string {
  if (report.findings.length <= JSON_FINDINGS_MAX) return `${JSON.stringify(report, null, 2)}\n`;
  const bounded = {
    ...report,
    findings: report.findings.slice(0, JSON_FINDINGS_MAX),
    findingsOmitted: report.findings.length - JSON_FINDINGS_MAX,
  };
  return `${JSON.stringify(bounded, null, 2)}\n`;
}
