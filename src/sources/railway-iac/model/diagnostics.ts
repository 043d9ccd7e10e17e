/**
 * What both IaC front ends (railway.ts, railway.py) do with their diagnostics: the report order, and
 * the finding for an evaluator that failed on a file. Kept out of parse.ts so the Python front end
 * does not load the TypeScript parser.
 */
import type { Diagnostic } from "../../../model/finding.js";
import type { RailwayTsConfig } from "./types.js";

/** Sorted by position, duplicates (a helper evaluated twice) removed. */
export function finishDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const key = `${d.span.line}:${d.span.column}:${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  return out.sort((a, b) => a.span.line - b.span.line || a.span.column - b.span.column);
}

/** The evaluator threw on this file (a deploy-drift bug): a warning at the file, and nothing read. */
export function evaluationFailed(file: string, e: unknown, diagnostics: Diagnostic[]): RailwayTsConfig {
  diagnostics.push({
    message: `deploy-drift could not evaluate ${file} statically (${e instanceof Error ? e.message : String(e)}); its settings are not checked`,
    span: { file, line: 1, column: 1 },
    fix: "Report this to deploy-drift with the file attached.",
    severity: "warning",
  });
  return {
    services: [],
    partial: null,
    servicesComplete: false,
    diagnostics: finishDiagnostics(diagnostics),
  };
}
