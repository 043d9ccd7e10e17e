/**
 * `python-version-partially-changed`: a change moved the Python version in some of the files that
 * state it but left others behind. Reported at each file left behind whose version now disagrees
 * with a changed one, naming the files that changed. Sources are those of src/facts/python.ts plus
 * the Dockerfile's final `FROM python:X.Y`.
 */

import type { Config } from "../config/schema.js";
import type { ServiceFacts } from "../facts/service.js";
import type { Finding } from "../model/finding.js";
import { q } from "../model/quote.js";
import type { Span } from "../model/span.js";
import { formatVersion, type PyVersion } from "../python/versions.js";
import { changeSeverity, type RevisionFacts } from "./severity.js";

interface VersionStatement {
  key: string;
  file: string;
  span: Span;
  raw: string;
  version: PyVersion | null;
}

function statements(svc: ServiceFacts): VersionStatement[] {
  const out: VersionStatement[] = [];
  const seen = new Map<string, number>();
  const push = (kind: string, s: Omit<VersionStatement, "key">) => {
    const base = `${kind}|${s.file}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.push({ key: `${base}|${n}`, ...s });
  };
  for (const s of svc.python.sources)
    push(s.kind, { file: s.file, span: s.span, raw: s.raw, version: s.version });
  const from = svc.dockerfileParsed?.finalFrom;
  if (svc.dockerfileParsed && from)
    push("Dockerfile", {
      file: svc.dockerfileParsed.file,
      span: from.span,
      raw: from.image,
      version: from.python,
    });
  return out;
}

function shown(s: VersionStatement): string {
  return s.version ? formatVersion(s.version) : s.raw;
}

/** Same major.minor, and the same patch when both state one. */
function agrees(a: PyVersion, b: PyVersion): boolean {
  return (
    a.major === b.major &&
    a.minor === b.minor &&
    (a.patch === null || b.patch === null || a.patch === b.patch)
  );
}

export function pythonPartialFindings(
  base: RevisionFacts,
  head: RevisionFacts,
  changed: ReadonlySet<string>,
  config: Config,
): Finding[] {
  const severity = changeSeverity(config, "python-version-partially-changed");
  if (!severity) return [];
  const out: Finding[] = [];
  for (const svc of head.services) {
    const before = base.services.find((b) => b.root === svc.root);
    if (!before) continue;
    const old = new Map(statements(before).map((s) => [s.key, s]));
    const moved: Array<{ from: VersionStatement; to: VersionStatement }> = [];
    const stayed: VersionStatement[] = [];
    for (const s of statements(svc)) {
      const b = old.get(s.key);
      if (!b) continue;
      if (changed.has(s.file) && shown(b) !== shown(s)) moved.push({ from: b, to: s });
      else if (shown(b) === shown(s)) stayed.push(s);
    }
    if (moved.length === 0) continue;
    for (const s of stayed) {
      if (!s.version) continue;
      const behind = moved.filter((m) => m.to.version && !agrees(s.version!, m.to.version));
      if (behind.length === 0) continue;
      const names = behind.map((m) => `${m.to.file} (${q(shown(m.from))} → ${q(shown(m.to))})`).join(", ");
      out.push({
        rule: "python-version-partially-changed",
        severity,
        service: svc.display,
        file: s.span.file,
        line: s.span.line,
        column: s.span.column,
        message: `This change moved the Python version in ${names}, but ${s.file} still says ${q(s.raw)}`,
        found: shown(s),
        expected: behind.map((m) => shown(m.to)).join(", "),
        fix: `Update ${s.file} to the new version as well (or revert the change), so every file names the same Python.`,
        related: behind.map((m) => m.to.span),
      });
    }
  }
  return out;
}
