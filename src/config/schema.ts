/**
 * The one schema for deploy-drift's configuration; its defaults live in defaults.ts. Sources, lowest first:
 * defaults < `[tool.deploy-drift]` in pyproject.toml or `deploy-drift.toml` / `.deploy-drift.toml`
 * (or `--config FILE`) < action inputs / CLI flags. Loaded (with zod) only when a config exists:
 * `analyzeRepo` passes it to the pure run as `parsers.configSchema`.
 */
import { z } from "zod";
import { defaultOf } from "./defaults.js";

export const SEVERITY_SETTING = z.enum(["error", "warning", "notice", "off"]);

export const ConfigSchema = z
  .object({
    "fail-on": z.enum(["error", "warning", "notice", "never"]).default(defaultOf("fail-on")),
    severity: z.record(z.string(), SEVERITY_SETTING).default(defaultOf("severity")),
    ignore: z
      .array(
        z
          .object({
            rule: z.string().min(1),
            path: z.string().optional(),
            reason: z.string().min(1, "a suppression needs a reason"),
            until: z
              .string()
              .regex(/^\d{4}-\d{2}-\d{2}$/, "use a YYYY-MM-DD date")
              .optional(),
          })
          .strict(),
      )
      .default(defaultOf("ignore")),
    "protected-paths": z.array(z.string()).default(defaultOf("protected-paths")),
    "protected-label": z.string().default(defaultOf("protected-label")),
    pinning: z.enum(["exact", "compatible", "off"]).default(defaultOf("pinning")),
    "python-version": z.string().optional(),
    services: z.array(z.string()).optional(),
    "dependency-changes": z.enum(["allow", "warn", "block"]).default(defaultOf("dependency-changes")),
    /**
     * With a base revision, what blocks (and is annotated): `nofilter` every finding, `added` only
     * findings this change introduces, `file` those and the ones in files it changes (reviewdog's names).
     */
    "filter-mode": z.enum(["nofilter", "added", "file"]).default(defaultOf("filter-mode")),
    /** Look up every exact pin on the PyPI JSON API (`--pypi` turns it on too). Off: fully offline. */
    pypi: z.boolean().default(defaultOf("pypi")),
    /** The JSON API root the look-ups use (a mirror, or a local server in tests). */
    "pypi-url": z
      .string()
      .regex(/^https?:\/\/[^/\s]+/, "use an http(s) URL such as https://pypi.org/pypi")
      .default(defaultOf("pypi-url")),
    /**
     * The day Railway stops reading railway.json / railway.toml (docs: "hard cutoff" 2026-12-01). A team
     * whose services Railway still reads (an extension granted to them) sets a later date; from this date
     * on, deploy-drift models the services without those files.
     */
    "config-as-code-cutoff": z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "use a YYYY-MM-DD date")
      .default(defaultOf("config-as-code-cutoff")),
  })
  .strict();

export type Config = z.infer<typeof ConfigSchema>;
