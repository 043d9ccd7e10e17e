/**
 * A small positional schema check for configuration documents: unknown keys (with did-you-mean),
 * wrong types and enum values, each reported at the offending key or value. Builders' own schemas are
 * transcribed in the source modules that use this (nixpacks.ts, railway.ts) with their citations.
 */
import type { Span } from "../model/span.js";
import { type ConfigDoc, formatPath, getPath, isRecord, type Path } from "./doc.js";

export type FieldSpec =
  | { type: "string"; enum?: readonly string[]; caseInsensitive?: boolean }
  | { type: "number" | "integer" | "boolean" | "any" }
  | { type: "string[]" }
  | { type: "string|string[]" }
  | {
      type: "object";
      fields: Record<string, FieldSpec>;
      aliases?: Record<string, string>;
      /** Keys match whatever their case, as Go's encoding/json matches struct fields. */
      caseInsensitive?: boolean;
    }
  | { type: "map"; of: FieldSpec };

export type SchemaIssue =
  | { kind: "unknown-key"; path: Path; key: string; span: Span; suggestion: string | null }
  | { kind: "wrong-type"; path: Path; span: Span; expected: string; found: string }
  | { kind: "bad-enum"; path: Path; span: Span; value: string; allowed: readonly string[] }
  | { kind: "enum-case"; path: Path; span: Span; value: string; canonical: string };

export function typeName(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (v instanceof Date) return "date";
  return typeof v === "object" ? "object" : typeof v;
}

export function validate(
  doc: ConfigDoc,
  spec: FieldSpec,
  start: Path = [],
  knownMistakes: Record<string, string> = {},
): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  const visit = (value: unknown, s: FieldSpec, path: Path) => {
    const span = () => doc.valueSpan(path) ?? doc.spanFor(path);
    switch (s.type) {
      case "any":
        return;
      case "string": {
        if (typeof value !== "string") {
          issues.push({ kind: "wrong-type", path, span: span(), expected: "string", found: typeName(value) });
          return;
        }
        if (s.enum && !s.enum.includes(value)) {
          const canonical = s.enum.find((e) => e.toLowerCase() === value.toLowerCase());
          if (canonical && s.caseInsensitive) return;
          if (canonical) issues.push({ kind: "enum-case", path, span: span(), value, canonical });
          else issues.push({ kind: "bad-enum", path, span: span(), value, allowed: s.enum });
        }
        return;
      }
      case "number":
      case "integer":
        if (typeof value !== "number" || (s.type === "integer" && !Number.isInteger(value))) {
          issues.push({ kind: "wrong-type", path, span: span(), expected: s.type, found: typeName(value) });
        }
        return;
      case "boolean":
        if (typeof value !== "boolean") {
          issues.push({
            kind: "wrong-type",
            path,
            span: span(),
            expected: "boolean",
            found: typeName(value),
          });
        }
        return;
      case "string[]":
      case "string|string[]":
        if (s.type === "string|string[]" && typeof value === "string") return;
        if (!Array.isArray(value)) {
          issues.push({
            kind: "wrong-type",
            path,
            span: span(),
            expected: s.type.replace("|", " or "),
            found: typeName(value),
          });
          return;
        }
        value.forEach((item, i) => {
          if (typeof item !== "string") {
            const p = [...path, i];
            issues.push({
              kind: "wrong-type",
              path: p,
              span: doc.valueSpan(p) ?? span(),
              expected: "string",
              found: typeName(item),
            });
          }
        });
        return;
      case "map":
        if (!isRecord(value)) {
          issues.push({
            kind: "wrong-type",
            path,
            span: span(),
            expected: "table/object",
            found: typeName(value),
          });
          return;
        }
        for (const [k, v] of Object.entries(value)) visit(v, s.of, [...path, k]);
        return;
      case "object": {
        if (!isRecord(value)) {
          issues.push({
            kind: "wrong-type",
            path,
            span: span(),
            expected: "table/object",
            found: typeName(value),
          });
          return;
        }
        for (const [k, v] of Object.entries(value)) {
          const target = s.fields[k]
            ? k
            : (s.aliases?.[k] ??
              (s.caseInsensitive
                ? Object.keys(s.fields).find((f) => f.toLowerCase() === k.toLowerCase())
                : undefined));
          const field = target ? s.fields[target] : undefined;
          if (!field) {
            const p = [...path, k];
            issues.push({
              kind: "unknown-key",
              path: p,
              key: k,
              span: doc.keySpan(p) ?? doc.spanFor(p),
              suggestion: knownMistakes[k] ?? didYouMean(k, Object.keys(s.fields)),
            });
            continue;
          }
          visit(v, field, [...path, k]);
        }
        return;
      }
    }
  };
  visit(getPath(doc.value, start), spec, start);
  return issues;
}

export function describePath(path: Path): string {
  return formatPath(path);
}

/** Closest candidate by edit distance (case-insensitive), if close enough to be a plausible typo. */
export function didYouMean(word: string, candidates: readonly string[]): string | null {
  const w = word.toLowerCase();
  let best: string | null = null;
  let bestD = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    const cl = c.toLowerCase();
    const d =
      cl === w
        ? 0
        : cl.startsWith(w) || w.startsWith(cl)
          ? Math.abs(cl.length - w.length) * 0.5
          : levenshtein(w, cl);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  const limit = Math.max(2, Math.floor(word.length / 3));
  return best !== null && bestD <= limit ? best : null;
}

export function levenshtein(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}
