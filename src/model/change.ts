/**
 * One dependency that differs between a base revision and the head: a row of the report's
 * "Dependency changes" table (`--base REF` on the CLI, the pull request's base in the action).
 */
export type ChangeKind = "added" | "removed" | "upgraded" | "downgraded" | "changed";

export interface DependencyChange {
  /** Service root ("." for the scanned root). */
  service: string;
  /** Repo-relative file the dependency is declared in (requirements file, lock or pyproject.toml). */
  file: string;
  /** 1-based line in the head revision; for a removal, the line in the base revision. */
  line: number | null;
  /** Name as written (with `; marker` or ` (group)` when that distinguishes entries). */
  package: string;
  change: ChangeKind;
  /** Pinned version, or the specifier / URL when not pinned; null for an addition. */
  from: string | null;
  /** Pinned version, or the specifier / URL when not pinned; null for a removal. */
  to: string | null;
}
