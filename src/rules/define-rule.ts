import type { Finding, Severity } from "../model/finding.js";
import { redactCredentials as r } from "../model/redact.js";
import type { Span } from "../model/span.js";

/** What a rule check reports; the engine adds rule id, service and the configured severity. */
export interface Emit {
  /** Primary location; null when the problem has no position (e.g. a missing file). */
  span: Span | null;
  /** When there is no span, the file the finding is about. */
  file?: string;
  message: string;
  found?: string;
  expected?: string;
  fix: string;
  /** Overrides the rule's default severity for this finding (e.g. patch vs minor mismatch). */
  severity?: Severity;
  related?: Span[];
  snippet?: Finding["snippet"];
}

export interface RuleMeta {
  /** Stable kebab-case id; never renamed or reused. */
  id: string;
  defaultSeverity: Severity;
  /** One line: what the rule flags. */
  summary: string;
  /**
   * The rule encodes what the builder's Python provider does (venv, install, Python version): the
   * engine runs it only when the model chose that provider (facts/provider.ts) or a Dockerfile.
   */
  pythonBuild?: boolean;
}

export interface Rule<Ctx> extends RuleMeta {
  check(ctx: Ctx): Emit[];
}

export function defineRule<Ctx>(rule: Rule<Ctx>): Rule<Ctx> {
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(rule.id))
    throw new Error(`rule id must be kebab-case: ${rule.id}`);
  return rule;
}

/**
 * Builds the finding a rule emitted. Every text is redacted here (model/redact.ts): credentials
 * quoted from the repository (URL userinfo, `API_KEY=…` in a command) never reach any output.
 */
export function toFinding(rule: RuleMeta, service: string, e: Emit, severity: Severity): Finding {
  const f: Finding = {
    rule: rule.id,
    severity: e.severity && severity === rule.defaultSeverity ? e.severity : severity,
    service,
    file: e.span?.file ?? e.file ?? ".",
    line: e.span?.line ?? null,
    column: e.span?.column ?? null,
    message: r(e.message),
    fix: r(e.fix),
  };
  if (e.span?.endLine !== undefined) f.endLine = e.span.endLine;
  if (e.span?.endColumn !== undefined) f.endColumn = e.span.endColumn;
  if (e.found !== undefined) f.found = r(e.found);
  if (e.expected !== undefined) f.expected = r(e.expected);
  if (e.related?.length) f.related = e.related;
  if (e.snippet) f.snippet = { ...e.snippet, text: r(e.snippet.text) };
  return f;
}
