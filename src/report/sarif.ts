import { createHash } from "node:crypto";
import type { Finding, Severity } from "../model/finding.js";
import type { Report } from "../model/report.js";
import type { Span } from "../model/span.js";
import { repoPath } from "./annotations.js";

/**
 * SARIF 2.1.0 for GitHub code scanning (`github/codeql-action/upload-sarif`). Pure: returns the log as
 * an object; `renderSarif` serialises it. Paths are relative to the repository root (`pathPrefix` is the
 * scanned folder) and resolved against `%SRCROOT%`, which code scanning maps to the checkout.
 */

export interface SarifRuleMeta {
  id: string;
  summary: string;
  defaultSeverity: Severity;
}

export interface SarifOptions {
  /** Folder the report was produced for, relative to the repository root ("." by default). */
  pathPrefix?: string;
  /** Rule metadata for `tool.driver.rules`; rules seen only in findings get an id-only entry. */
  rules?: readonly SarifRuleMeta[];
  /** Documentation link per rule, e.g. to docs/rules/<id>.md. */
  helpUri?: (ruleId: string) => string | undefined;
  informationUri?: string;
}

type SarifLevel = "error" | "warning" | "note";

const LEVEL: Record<Severity, SarifLevel> = { error: "error", warning: "warning", notice: "note" };

export interface SarifRegion {
  startLine: number;
  startColumn?: number;
  endLine?: number;
  endColumn?: number;
}

export interface SarifLocation {
  physicalLocation: {
    artifactLocation: { uri: string; uriBaseId: "%SRCROOT%" };
    region?: SarifRegion;
  };
  message?: { text: string };
}

export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: SarifLevel;
  message: { text: string };
  locations: SarifLocation[];
  relatedLocations?: SarifLocation[];
  partialFingerprints: Record<string, string>;
  properties: { service: string; fix: string; found?: string; expected?: string };
}

export interface SarifLog {
  $schema: string;
  version: "2.1.0";
  runs: Array<{
    tool: {
      driver: {
        name: string;
        version: string;
        semanticVersion: string;
        informationUri?: string;
        rules: Array<{
          id: string;
          name: string;
          shortDescription: { text: string };
          defaultConfiguration: { level: SarifLevel };
          helpUri?: string;
        }>;
      };
    };
    columnKind: "utf16CodeUnits";
    originalUriBaseIds: Record<string, { description: { text: string } }>;
    results: SarifResult[];
    /** Set when results were left out to keep the log bounded (SARIF_RESULTS_MAX). */
    properties?: { "deployDrift/omittedResults": number };
  }>;
}

/**
 * Results a log carries at most (GitHub code scanning keeps 25,000 per run; a log this size stays a
 * few MB). Errors come first in the report's order, so what is left out is the least severe.
 */
export const SARIF_RESULTS_MAX = 5_000;

/** Percent-encodes each path segment so the value is a valid relative URI reference. */
function toUri(path: string): string {
  return path
    .split("/")
    .map((seg) => encodeURIComponent(seg))
    .join("/");
}

function regionOf(
  line: number | null,
  column: number | null,
  endLine?: number | null,
  endColumn?: number | null,
) {
  if (line === null || line < 1) return undefined;
  const r: SarifRegion = { startLine: line };
  if (column !== null && column >= 1) r.startColumn = column;
  if (endLine != null && endLine >= line) r.endLine = endLine;
  if (endColumn != null && r.startColumn !== undefined) r.endColumn = endColumn;
  return r;
}

function location(prefix: string, file: string, region: SarifRegion | undefined): SarifLocation {
  const loc: SarifLocation = {
    physicalLocation: { artifactLocation: { uri: toUri(repoPath(prefix, file)), uriBaseId: "%SRCROOT%" } },
  };
  if (region) loc.physicalLocation.region = region;
  return loc;
}

function relatedLocation(prefix: string, s: Span): SarifLocation {
  return location(prefix, s.file, regionOf(s.line, s.column, s.endLine, s.endColumn));
}

function fingerprint(prefix: string, f: Finding): string {
  return createHash("sha256")
    .update([f.rule, repoPath(prefix, f.file), f.message].join("\u0000"))
    .digest("hex")
    .slice(0, 32);
}

function kebabToPascal(id: string): string {
  return id
    .split("-")
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join("");
}

export function toSarif(report: Report, opts: SarifOptions = {}): SarifLog {
  const prefix = opts.pathPrefix ?? ".";
  const meta = new Map((opts.rules ?? []).map((r) => [r.id, r]));
  const ruleIds = [...new Set([...meta.keys(), ...report.findings.map((f) => f.rule)])].sort();
  const index = new Map(ruleIds.map((id, i) => [id, i]));
  const firstOf = new Map<string, Report["findings"][number]>();
  for (const f of report.findings) if (!firstOf.has(f.rule)) firstOf.set(f.rule, f);
  const rules = ruleIds.map((id) => {
    const m = meta.get(id);
    const fromFinding = firstOf.get(id);
    const rule: SarifLog["runs"][number]["tool"]["driver"]["rules"][number] = {
      id,
      name: kebabToPascal(id),
      shortDescription: { text: m?.summary ?? id },
      defaultConfiguration: { level: LEVEL[m?.defaultSeverity ?? fromFinding?.severity ?? "warning"] },
    };
    const help = opts.helpUri?.(id);
    if (help) rule.helpUri = help;
    return rule;
  });
  const results = report.findings.slice(0, SARIF_RESULTS_MAX).map((f): SarifResult => {
    const r: SarifResult = {
      ruleId: f.rule,
      ruleIndex: index.get(f.rule)!,
      level: LEVEL[f.severity],
      message: { text: f.fix ? `${f.message}\nFix: ${f.fix}` : f.message },
      locations: [location(prefix, f.file, regionOf(f.line, f.column, f.endLine, f.endColumn))],
      partialFingerprints: { "deployDrift/v1": fingerprint(prefix, f) },
      properties: { service: repoPath(prefix, f.service), fix: f.fix },
    };
    if (f.found !== undefined) r.properties.found = f.found;
    if (f.expected !== undefined) r.properties.expected = f.expected;
    if (f.related?.length) r.relatedLocations = f.related.map((s) => relatedLocation(prefix, s));
    return r;
  });
  const driver: SarifLog["runs"][number]["tool"]["driver"] = {
    name: report.tool.name,
    version: report.tool.version,
    semanticVersion: report.tool.version,
    rules,
  };
  if (opts.informationUri) driver.informationUri = opts.informationUri;
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: { driver },
        columnKind: "utf16CodeUnits",
        originalUriBaseIds: { "%SRCROOT%": { description: { text: "The repository root" } } },
        results,
        ...(report.findings.length > SARIF_RESULTS_MAX
          ? { properties: { "deployDrift/omittedResults": report.findings.length - SARIF_RESULTS_MAX } }
          : {}),
      },
    ],
  };
}

/** The SARIF log as JSON text (what `--format sarif` prints). */
export function renderSarif(report: Report, opts: SarifOptions = {}): string {
  return `${JSON.stringify(toSarif(report, opts), null, 2)}\n`;
}
