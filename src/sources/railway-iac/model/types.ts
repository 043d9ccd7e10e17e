/**
 * What deploy-drift reads from `.railway/railway.ts` (Railway infrastructure as code, `railway/iac`
 * of npm `railway@3.x`). The file is never executed: every value is the result of a static
 * evaluation and says how it was obtained (railway-iac.md §3.3 "value plus provenance", §5.3).
 */
import type { Diagnostic } from "../../../model/finding.js";
import type { Span } from "../../../model/span.js";

/**
 * A value and how it was obtained.
 * - `literal`: written inline in the service's options.
 * - `constant`: followed through a `const`, a spread of one, or an inlined helper; `span` is where
 *   the value is written, `usedAt` where the service uses it.
 * - `candidates`: one of several values (a ternary on `ctx`, `process.env`, …, whose branches all
 *   resolve); `span` is the whole expression.
 * - `ctx`: depends on the deploy context (`ctx.environment`, `ctx.randomString`, …).
 * - `unknown`: anything else (imports, `process.env`, calls that are not inlined). Never guessed.
 */
export type Valued<T> =
  | { provenance: "literal" | "constant"; value: T; span: Span; usedAt?: Span }
  | { provenance: "candidates"; values: Array<{ value: T; span: Span }>; span: Span }
  | { provenance: "ctx" | "unknown"; span: Span; note: string };

/** The value when it is definitely known (literal or constant), else null. */
export function definiteValue<T>(v: Valued<T> | null | undefined): T | null {
  if (!v) return null;
  return v.provenance === "literal" || v.provenance === "constant" ? v.value : null;
}

/** Every value the field can take when known (one for literal/constant, several for candidates). */
export function possibleValues<T>(v: Valued<T> | null | undefined): T[] | null {
  if (!v) return null;
  if (v.provenance === "literal" || v.provenance === "constant") return [v.value];
  if (v.provenance === "candidates") return v.values.map((c) => c.value);
  return null;
}

export type EnvKind = "literal" | "described" | "preserve" | "reference" | "unknown";

/** Target of `svc.env.NAME`, `ref(svc, "NAME")` or `ctx.shared.NAME`. */
export interface EnvReference {
  /** `service` / `database` for resource references, `shared` for `ctx.shared.NAME`. */
  targetKind: "service" | "database" | "shared";
  /** Resource name (`"Postgres"`), null when it could not be resolved; null for shared. */
  target: string | null;
  variable: string;
}

export interface EnvDeclaration {
  name: string;
  /** Where the key is written (for `Object.fromEntries(KEYS.map(…))`: the string in KEYS). */
  nameSpan: Span;
  /**
   * - `literal`: a string (`value` set; may be candidates when ctx-dependent);
   * - `described`: a `{ description, isOptional, value?, defaultValue? }` variable config;
   * - `preserve`: `preserve()`, the value stored in Railway is kept and unknown here;
   * - `reference`: another resource's variable or a shared variable (`reference` set);
   * - `unknown`: anything else (`value` says why).
   */
  kind: EnvKind;
  /** `isOptional` when written as a boolean; null when not stated or not a boolean. */
  optional: boolean | null;
  description?: string;
  /** The string value (`literal`), the `value`/`defaultValue` of a described variable, or why it is unknown. */
  value?: Valued<string>;
  reference?: EnvReference;
  /** The whole value expression. */
  span: Span;
}

/** A `// <key> from CaC: <value>` comment left by `railway config migrate` (railway-iac.md §4.2). */
export interface MigratedComment {
  key: string;
  /** The text after the colon, as written (JSON-ish). */
  text: string;
  span: Span;
}

export interface RailwayTsService {
  /** `service()` or `fn()` (functions are used for cron jobs). */
  kind: "service" | "function";
  name: Valued<string>;
  /** The `service(…)` / `fn(…)` call. */
  span: Span;
  /** `source.rootDirectory ?? root ?? rootDirectory`, as written (a leading `/` is not removed). */
  rootDirectory: Valued<string> | null;
  /** `build.builder`; there is no shorthand (railway-iac.md §2.5). */
  builder: Valued<string> | null;
  /** `build` as a string, or `build.buildCommand`. */
  buildCommand: Valued<string> | null;
  dockerfilePath: Valued<string> | null;
  nixpacksConfigPath: Valued<string> | null;
  watchPatterns: Valued<string[]> | null;
  /** `start ?? startCommand ?? run.command ?? deploy.startCommand`. */
  startCommand: Valued<string> | null;
  healthcheckPath: Valued<string> | null;
  healthcheckTimeout: Valued<number> | null;
  /** Always an array, as the SDK normalises it. */
  preDeployCommand: Valued<string[]> | null;
  restartPolicyType: Valued<string> | null;
  restartPolicyMaxRetries: Valued<number> | null;
  cronSchedule: Valued<string> | null;
  /** `{...variables, ...env}` (env wins), in source order. */
  env: EnvDeclaration[];
  /** False when some variables could not be listed (a spread or helper that did not resolve). */
  envComplete: boolean;
  /** `// builder from CaC: …` comments inside the service call. */
  migratedComments: MigratedComment[];
}

export interface RailwayTsConfig {
  services: RailwayTsService[];
  /** `export const partial = "…"` (also `PARTIAL`, `Partial`). */
  partial: Valued<string> | null;
  /** False when the project's resources could not be fully resolved: more services may exist. */
  servicesComplete: boolean;
  diagnostics: Diagnostic[];
}
