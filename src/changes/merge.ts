/**
 * One finding per root cause. A base-vs-head comparison often re-reports, as a change, what a
 * per-service rule already reports at the same place: a requirement added without its lock entry is
 * `lockfile-missing-package` (the lock lacks it), `lock-not-updated` (the lock did not change) and
 * `dependency-changed` (it was added). They become one finding, the per-service one, whose message
 * says both; the change stays a row of the dependency table. Pure.
 */
import { type Finding, severityRank } from "../model/finding.js";

/** [kept rule, rules it absorbs at the same file and line, what the absorbed finding adds]. */
const ABSORBS: Array<{ keep: RegExp; absorb: string[]; note: (f: Finding) => string }> = [
  {
    keep: /^lockfile-(missing-package|version-mismatch|extras-mismatch|extra-package)$/,
    absorb: ["lock-not-updated", "lock-changed-inconsistently", "dependency-changed"],
    note: (f) =>
      f.rule === "lock-not-updated"
        ? "changed in this pull request without its lock"
        : f.rule === "lock-changed-inconsistently"
          ? "changed in this pull request; the lock changed too but still disagrees"
          : "changed in this pull request",
  },
  {
    keep: /^python-version-mismatch$/,
    absorb: ["python-version-partially-changed"],
    note: () => "changed in this pull request in only some of the files",
  },
];

export function mergeRootCauses(findings: readonly Finding[]): Finding[] {
  const at = (f: Finding) => `${f.service}\0${f.file}\0${f.line ?? ""}`;
  const keepers = new Map<string, Finding[]>();
  const put = (k: string, f: Finding) => keepers.set(k, [...(keepers.get(k) ?? []), f]);
  for (const f of findings) {
    if (!ABSORBS.some((a) => a.keep.test(f.rule))) continue;
    put(at(f), f);
    // A lock line that disagrees with a requirement names the requirement's line as related.
    for (const r of f.related ?? []) put(`${f.service}\0${r.file}\0${r.line}`, f);
  }
  const notes = new Map<Finding, string[]>();
  const out: Finding[] = [];
  for (const f of findings) {
    // Only into a finding at least as severe: a policy that blocks on a change keeps its own finding.
    const host = (keepers.get(at(f)) ?? []).find(
      (k) =>
        severityRank(k.severity) <= severityRank(f.severity) &&
        ABSORBS.some((a) => a.keep.test(k.rule) && a.absorb.includes(f.rule)),
    );
    if (!host || f.line === null) {
      out.push(f);
      continue;
    }
    const rule = ABSORBS.find((a) => a.keep.test(host.rule))!;
    const list = notes.get(host) ?? [];
    const note = rule.note(f);
    if (!list.includes(note) && !(f.rule === "dependency-changed" && list.length)) list.push(note);
    notes.set(host, list);
  }
  return out.map((f) => {
    const n = notes.get(f);
    if (!n?.length) return f;
    // "changed in this pull request" alone is implied by the more specific notes.
    const specific = n.filter((x) => x !== "changed in this pull request");
    return { ...f, message: `${f.message} (${(specific.length ? specific : n).join("; ")})` };
  });
}
