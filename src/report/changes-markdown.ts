/**
 * The "Dependency Policy Compliance" section: what a change did to dependencies and protected files.
 * Rendered only when the run had a base revision (`report.changes` is not null). Pure.
 */
import type { DependencyChange } from "../model/change.js";
import type { Detail, Report } from "../model/report.js";
import { code, inline } from "./escape.js";

const CHANGE = {
  added: "➕ added",
  removed: "➖ removed",
  upgraded: "⬆️ upgraded",
  downgraded: "⬇️ downgraded",
  changed: "🔁 changed",
} as const;

const ICON = { error: "❌", warning: "⚠️", notice: "ℹ️" } as const;

/** Rows shown in the compact tier; the full tier shows every change. */
const COMPACT_ROWS = 30;

export function renderChangesSection(report: Report, detail: Detail = "full"): string[] {
  if (report.changes === null) return [];
  const out: string[] = ["### Dependency Policy Compliance", "", "#### Dependency changes", ""];
  const changes = report.changes;
  if (changes.length === 0) out.push("No dependency changed. ✅", "");
  else {
    const shown = detail === "full" ? changes : changes.slice(0, COMPACT_ROWS);
    out.push("| Package | Change | From → To | File:line |", "|---|---|---|---|");
    for (const c of shown)
      out.push(`| ${code(c.package)} | ${CHANGE[c.change]} | ${fromTo(c)} | ${where(c)} |`);
    if (shown.length < changes.length) out.push(`| … | ${changes.length - shown.length} more | | |`);
    out.push("");
  }
  const blockers = report.findings.filter(
    (f) =>
      f.rule === "lock-not-updated" ||
      f.rule === "lock-changed-inconsistently" ||
      f.rule === "python-version-partially-changed",
  );
  if (blockers.length) {
    out.push("**Kept in step?**", "");
    for (const f of blockers) out.push(`- ${ICON[f.severity]} ${loc(f.file, f.line)} ${inline(f.message)}`);
    out.push("");
  }
  out.push("#### Protected files", "");
  const touched = report.findings.filter((f) => f.rule === "protected-path-changed");
  if (touched.length === 0) out.push("No changed file matches `protected-paths`.", "");
  else {
    for (const f of touched) out.push(`- ${ICON[f.severity]} ${code(f.file)} — ${inline(f.message)}`);
    out.push("");
  }
  return out;
}

function fromTo(c: DependencyChange): string {
  const v = (s: string | null) => (s === null ? "—" : code(s));
  return `${v(c.from)} → ${v(c.to)}`;
}

function where(c: DependencyChange): string {
  if (c.line === null) return code(c.file);
  return c.change === "removed" ? `${code(c.file)} (was line ${c.line})` : code(`${c.file}:${c.line}`);
}

function loc(file: string, line: number | null): string {
  return line ? code(`${file}:${line}`) : code(file);
}
