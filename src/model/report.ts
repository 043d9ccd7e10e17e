import type { DependencyChange } from "./change.js";
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
  /** Dependency changes against the base revision (`--base REF`, a pull request); null without a base. */
  changes: DependencyChange[] | null;
  /**
   * What blocks and is annotated when the run had a base revision (`filter-mode`): `nofilter` every
   * finding, `added` only findings new in this change, `file` new ones and those in files it changed.
   */
  filterMode?: "nofilter" | "added" | "file";
}

export interface ServiceReport {
  /** Repo-relative root of the service ("." for the scanned root). */
  root: string;
  name: string;
  /** Where the deployment came from: a railway.ts / railway.py service, a config file, a folder. */
  origin: string;
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
  };
  /** What each builder would do with the service; `selected` marks the one Railway uses. */
  plans: BuilderPlan[];
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
  /** Environment variables the code reads, split as the hand-made audit does. */
  env: {
    required: EnvRow[];
    optional: EnvRow[];
    /** Declaration files compared (`.env.example` ..., `.railway/railway.ts`). */
    documentation: string[];
    /** Python files read to find the variables. */
    scannedFiles: number;
  };
  checklist: Array<{ group: string; item: string; ok: boolean; rule?: string }>;
}

export interface EnvRow {
  name: string;
  /** Where the code reads it (the first required read for required variables). */
  file: string;
  line: number | null;
  /** How it is read: `Settings.database_url (pydantic-settings)`, `os.getenv` ... */
  via: string;
  /** Display form of the default; secret-looking values are replaced by their length. null: required. */
  default: string | null;
  /** Declaration files that list it (`.env.example:3`); empty when none. */
  documentedIn: string[];
  /** "railway" for variables Railway sets itself (`PORT`, `RAILWAY_*`). */
  providedBy: "railway" | null;
}

export function emptyCounts(): Counts {
  return { error: 0, warning: 0, notice: 0 };
}

/** What one builder would do with a service (the "What each builder will do" table). */
export interface BuilderPlan {
  builder: BuilderName | "heroku";
  selected: boolean;
  python: string;
  pythonFrom: string;
  packageManager: string;
  install: string;
  installFrom: string;
  venv: string;
  start: string | null;
  startFrom: string;
}
