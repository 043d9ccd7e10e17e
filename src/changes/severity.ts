import type { Config } from "../config/schema.js";
import type { ServiceFacts } from "../facts/service.js";
import type { Severity } from "../model/finding.js";
import { ENGINE_RULES } from "../rules/index.js";

/** The rules a base-vs-head comparison reports; their metadata lives in ENGINE_RULES. */
export type ChangeRuleId =
  | "dependency-changed"
  | "lock-not-updated"
  | "lock-changed-inconsistently"
  | "python-version-partially-changed"
  | "protected-path-changed"
  | "railway-migration-incomplete"
  | "iac-not-applied";

/** A revision as `analyzeDetailed` describes it. */
export interface RevisionFacts {
  services: readonly ServiceFacts[];
}

/**
 * The severity of a change rule: the `severity` setting for it, else `fallback`, else the rule's
 * default. null when it is set to "off".
 */
export function changeSeverity(config: Config, id: ChangeRuleId, fallback?: Severity): Severity | null {
  const set = config.severity[id];
  if (set === "off") return null;
  if (set) return set;
  return fallback ?? ENGINE_RULES.find((r) => r.id === id)?.defaultSeverity ?? "error";
}
