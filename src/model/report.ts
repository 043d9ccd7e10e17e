import type { Finding, Severity } from "./finding.js";

/** Rendering detail tiers, largest first. The action falls back tier by tier to fit size limits. */
export type Detail = "full" | "compact" | "summary";

export interface Counts {
  error: number;
  warning: number;
  notice: number;
}

/**
 * The JSON contract (`--format json`). Other tools build on it: add fields, never rename or remove.
 * `findings` are sorted (errors first, then file, line, column, rule) and deduplicated.
 */
export interface Report {
  schemaVersion: 1;
  tool: { name: "deploy-drift"; version: string };
  /** Display name of the scanned root. */
  root: string;
  /** Date the run treats as "today" (YYYY-MM-DD); drives end-of-life and deprecation rules. */
  runDate: string;
  services: ServiceReport[];
  findings: Finding[];
  counts: Counts;
  /** Severity at or above which the run fails; "never" disables. */
  failOn: Severity | "never";
  blocking: boolean;
}

export interface ServiceReport {
  /** Repo-relative root of the service ("." for the scanned root). */
  root: string;
  name: string;
  /** The builder Railway will use, and why. */
  builder: { name: BuilderName; reason: string };
  /** Python version the selected builder will install, or null when it cannot be known from the repo. */
  pythonVersion: string | null;
  /** null when there is no lock to compare. */
  lockfileInSync: boolean | null;
  /** Section tables, pre-computed for renderers (pure data, no markdown). */
  sections: Sections;
}

export type BuilderName = "railpack" | "nixpacks" | "dockerfile";

export interface Sections {
  python: {
    sources: Array<{
      file: string;
      line: number | null;
      raw: string;
      version: string | null;
      format: string;
      status: string;
    }>;
    builders: Array<{ builder: string; version: string; from: string; selected: boolean }>;
  };
  start: {
    candidates: Array<{ source: string; file: string; line: number | null; command: string; status: string }>;
    effective: { command: string | null; from: string };
  };
  lock: Array<{
    requirements: string;
    lock: string;
    kind: "mirror" | "compiled";
    requirementsCount: number;
    lockCount: number;
    missingInLock: string[];
    extraInLock: string[];
    mismatched: string[];
    inSync: boolean;
  }>;
  categories: Array<{ category: string; count: number; packages: string[] }>;
  build: Array<{ item: string; value: string; file: string; line: number | null; status: string }>;
  railway: Array<{ key: string; value: string; file: string; line: number | null; status: string }>;
  checklist: Array<{ group: string; item: string; ok: boolean; rule?: string }>;
}

export function emptyCounts(): Counts {
  return { error: 0, warning: 0, notice: 0 };
}
