/**
 * Dependency changes between two revisions of one dependency list. Pinned versions are ordered by
 * PEP 440 (https://peps.python.org/pep-0440/#summary-of-permitted-suffixes-and-relative-ordering);
 * anything else that differs (specifier, URL, extras, a pin added or dropped) is "changed".
 */
import type { DependencyChange } from "../model/change.js";
import { compareVersions, versionsEqual } from "../python/pep440.js";
import type { DepEntry, DepFile } from "./deps.js";

export interface EntryChange {
  change: DependencyChange;
  /** The entry in the head revision (null for a removal). */
  head: DepEntry | null;
  base: DepEntry | null;
}

export function diffDepFile(base: DepFile | undefined, head: DepFile | undefined): EntryChange[] {
  const file = (head ?? base)!.file;
  const service = (head ?? base)!.service;
  const before = new Map((base?.entries ?? []).map((e) => [e.key, e]));
  const after = new Map((head?.entries ?? []).map((e) => [e.key, e]));
  const out: EntryChange[] = [];
  for (const h of head?.entries ?? []) {
    const b = before.get(h.key);
    if (!b) {
      out.push({
        change: {
          service,
          file,
          line: h.span.line,
          package: h.label,
          change: "added",
          from: null,
          to: shown(h),
        },
        head: h,
        base: null,
      });
      continue;
    }
    if (b.signature === h.signature) continue;
    let kind: DependencyChange["change"] = "changed";
    if (b.pinned !== null && h.pinned !== null && !versionsEqual(b.pinned, h.pinned)) {
      kind = compareVersions(h.pinned, b.pinned) > 0 ? "upgraded" : "downgraded";
    }
    let from = shown(b);
    let to = shown(h);
    if (kind === "changed" && from === to) {
      // Only extras or the way the specifier is written differ: show the signatures.
      from = b.signature.replace(/\|+$/, "");
      to = h.signature.replace(/\|+$/, "");
    }
    out.push({
      change: { service, file, line: h.span.line, package: h.label, change: kind, from, to },
      head: h,
      base: b,
    });
  }
  for (const b of base?.entries ?? []) {
    if (after.has(b.key)) continue;
    out.push({
      change: {
        service,
        file,
        line: b.span.line,
        package: b.label,
        change: "removed",
        from: shown(b),
        to: null,
      },
      head: null,
      base: b,
    });
  }
  return out;
}

function shown(e: DepEntry): string {
  return e.pinned ?? e.wants;
}
