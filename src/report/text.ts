/**
 * Plain-text report for terminals and logs (ruff-like): one line per finding with its fix below, then
 * each service's key facts and a closing line. Repository text goes through `terminal()`, and no line
 * starts with `::` or contains `##[`, so nothing printed in a workflow step is a workflow command. Pure.
 */
import type { Report } from "../model/report.js";
import { terminal } from "./escape.js";
import { isBlocking } from "./markdown.js";

export function renderText(report: Report, opts: { color?: boolean } = {}): string {
  const c = (code: string, s: string) => (opts.color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const label = {
    error: c("1;31", "error"),
    warning: c("1;33", "warning"),
    notice: c("1;36", "notice"),
  } as const;
  const out: string[] = [];
  for (const f of report.findings) {
    const where = f.line ? `${f.file}:${f.line}${f.column ? `:${f.column}` : ""}` : f.file;
    const origin = f.baseline ? ` (${f.baseline === "new" ? "new" : "already on the base branch"})` : "";
    out.push(`${c("1", terminal(where))}: ${label[f.severity]} [${f.rule}] ${terminal(f.message)}${origin}`);
    out.push(`  ${c("32", "fix:")} ${terminal(f.fix)}`);
  }
  if (out.length) out.push("");
  for (const s of report.services) {
    out.push(
      `${c("1", `service ${terminal(s.root)}`)} (from ${terminal(s.origin)}): builder ${s.builder.name}, python ${terminal(s.pythonVersion ?? "builder default")}, lockfile ${s.lockfileInSync === null ? "none" : s.lockfileInSync ? "in sync" : "OUT OF SYNC"}`,
    );
    out.push(`  start: ${terminal(s.sections.start.effective.command ?? "(none)")}`);
    out.push(`         from ${terminal(s.sections.start.effective.from)}`);
  }
  out.push("");
  const { error, warning, notice } = report.counts;
  const total = error + warning + notice;
  const blocking = report.findings.filter((f) => isBlocking(report, f)).length;
  if (total === 0) out.push(c("1;32", "deploy-drift: no drift found"));
  else
    out.push(
      `deploy-drift: ${[
        error ? c("31", `${error} error${error === 1 ? "" : "s"}`) : "",
        warning ? c("33", `${warning} warning${warning === 1 ? "" : "s"}`) : "",
        notice ? c("36", `${notice} notice${notice === 1 ? "" : "s"}`) : "",
      ]
        .filter(Boolean)
        .join(
          ", ",
        )}${report.blocking || blocking ? c("1;31", ` — blocking (fail-on: ${report.failOn})`) : " — nothing blocking"}`,
    );
  out.push(
    c(
      "2",
      `deploy-drift ${terminal(report.tool.version)} · ${terminal(report.root)} · run date ${report.runDate}`,
    ),
  );
  return `${out.map(noCommand).join("\n")}\n`;
}

/** A line the runner would take for a workflow command (`::cmd::`, or the old `##[cmd]`) is defused. */
export function noCommand(line: string): string {
  const l = line.replace(/##\[/g, "#\u200b#[");
  return /^\s*::/.test(l) ? `./${l.trimStart()}` : l;
}
