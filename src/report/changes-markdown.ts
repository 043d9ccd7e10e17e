/**
 * The "Dependency changes" block: what a change did to dependencies and protected files. Rendered
 * only when the run had a base revision (`report.changes` is not null). The policy findings about it
 * (locks kept in step, protected paths) are in the report's finding lists, once. Pure.
 */
import type { DependencyChange } from "../model/change.js";
import type { Report } from "../model/report.js";
import { code } from "./escape.js";
import type { Block } from "./markdown.js";

const CHANGE = {
  added: "➕ added",
  removed: "➖ removed",
  upgraded: "⬆️ upgraded",
  downgraded: "⬇️ downgraded",
  changed: "🔁 changed",
} as const;

export function changesBlock(report: Report, max: number): Block | null {
  if (report.changes === null) return null;
  const changes = report.changes;
  const body: string[] = [""];
  if (changes.length === 0) body.push("No dependency changed. ✅", "");
  else {
    body.push("| Package | Change | From → To | File:line |", "|---|---|---|---|");
    let i = 0;
    for (const c of changes) {
      if (i++ >= max) break;
      body.push(`| ${code(c.package)} | ${CHANGE[c.change]} | ${fromTo(c)} | ${where(c)} |`);
    }
    if (changes.length > max) body.push(`| … ${changes.length - max} more | | | |`);
    body.push("");
  }
  const touched = report.findings.filter((f) => f.rule === "protected-path-changed").length;
  body.push(
    touched
      ? `**Protected files:** ${touched} changed (listed above).`
      : "**Protected files:** no changed file matches `protected-paths`.",
    "",
  );
  return {
    title: "Dependency changes",
    status: changes.length === 0 ? "✅ none" : `${changes.length} change${changes.length === 1 ? "" : "s"}`,
    body,
  };
}

function fromTo(c: DependencyChange): string {
  const v = (s: string | null) => (s === null ? "—" : code(s));
  return `${v(c.from)} → ${v(c.to)}`;
}

function where(c: DependencyChange): string {
  if (c.line === null) return code(c.file);
  return c.change === "removed" ? `${code(c.file)} (was line ${c.line})` : code(`${c.file}:${c.line}`);
}
