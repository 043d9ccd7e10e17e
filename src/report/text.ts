/** Plain-text report for terminals: findings first, then each service's key facts. Pure. */
import type { Report } from "../model/report.js";
import { terminal } from "./escape.js";

export function renderText(report: Report, opts: { color?: boolean } = {}): string {
  const c = (code: string, s: string) => (opts.color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const label = { error: c("31", "error"), warning: c("33", "warning"), notice: c("36", "notice") } as const;
  const out: string[] = [];
  out.push(`deploy-drift ${report.tool.version} — ${terminal(report.root)} (run date ${report.runDate})`, "");
  for (const s of report.services) {
    out.push(
      `service ${terminal(s.root)}: builder ${s.builder.name}, python ${s.pythonVersion ?? "builder default"}, lockfile ${s.lockfileInSync === null ? "none" : s.lockfileInSync ? "in sync" : "OUT OF SYNC"}`,
    );
    out.push(`  start: ${terminal(s.sections.start.effective.command ?? "(none)")}`);
    out.push(`         from ${terminal(s.sections.start.effective.from)}`);
  }
  out.push("");
  for (const f of report.findings) {
    const where = f.line ? `${f.file}:${f.line}${f.column ? `:${f.column}` : ""}` : f.file;
    out.push(`${terminal(where)}: ${label[f.severity]} [${f.rule}] ${terminal(f.message)}`);
    out.push(`  fix: ${terminal(f.fix)}`);
  }
  const { error, warning, notice } = report.counts;
  out.push(
    "",
    `${error} error(s), ${warning} warning(s), ${notice} notice(s)${report.blocking ? ` — blocking (fail-on: ${report.failOn})` : ""}`,
  );
  return `${out.join("\n")}\n`;
}
