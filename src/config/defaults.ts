/**
 * Every default of deploy-drift's configuration, and its keys, without the schema: most
 * repositories have no config file, so a run needs only these and never loads zod. The schema
 * (schema.ts, loaded by `analyzeRepo` only when a config exists) applies the same defaults through
 * `defaultOf`; test/config/defaults.test.ts holds the two together.
 */
import type { Config } from "./schema.js";

// Typed by its literals, not by `Config`: the schema that defines `Config` reads these.
const DEFAULTS = {
  "fail-on": "error" as const,
  severity: {},
  ignore: [] as never[],
  "protected-paths": [] as string[],
  "protected-label": "deploy-drift: allow-protected",
  pinning: "exact" as const,
  "dependency-changes": "allow" as const,
  "filter-mode": "nofilter" as const,
  pypi: false,
  "pypi-url": "https://pypi.org/pypi",
  "config-as-code-cutoff": "2026-12-01",
};

/** The settings, in the schema's order (the "did you mean" list and the error for an unknown key). */
export const CONFIG_KEYS: ReadonlyArray<keyof Config> = [
  "fail-on",
  "severity",
  "ignore",
  "protected-paths",
  "protected-label",
  "pinning",
  "python-version",
  "services",
  "dependency-changes",
  "filter-mode",
  "pypi",
  "pypi-url",
  "config-as-code-cutoff",
];

/** A fresh copy: callers may mutate it. */
export function defaultConfig(): Config {
  return structuredClone(DEFAULTS);
}

/** The default of one setting, for the schema's `.default()` (a fresh copy each time). */
export function defaultOf<K extends keyof typeof DEFAULTS>(key: K): () => (typeof DEFAULTS)[K] {
  return () => structuredClone(DEFAULTS[key]);
}
