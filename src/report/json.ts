import type { Report } from "../model/report.js";

/** The JSON contract (`--format json`): see src/model/report.ts. */
export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
