/**
 * The one schema for deploy-drift's configuration. Every default lives here. Sources, lowest first:
 * defaults < `[tool.deploy-drift]` in pyproject.toml or `deploy-drift.toml` / `.deploy-drift.toml`
 * (or `--config FILE`) < action inputs / CLI flags.
 */
import { z } from "zod";

export const SEVERITY_SETTING = z.enum(["error", "warning", "notice", "off"]);

export const ConfigSchema = z
  .object({
    "fail-on": z.enum(["error", "warning", "notice", "never"]).default("error"),
    severity: z.record(z.string(), SEVERITY_SETTING).default({}),
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
      .default([]),
    "protected-paths": z.array(z.string()).default([]),
    "protected-label": z.string().default("deploy-drift: allow-protected"),
    pinning: z.enum(["exact", "compatible", "off"]).default("exact"),
    "python-version": z.string().optional(),
    services: z.array(z.string()).optional(),
    "dependency-changes": z.enum(["allow", "warn", "block"]).default("warn"),
    /** Look up every exact pin on the PyPI JSON API (`--pypi` turns it on too). Off: fully offline. */
    pypi: z.boolean().default(false),
    /** The JSON API root the look-ups use (a mirror, or a local server in tests). */
    "pypi-url": z
      .string()
      .regex(/^https?:\/\/[^/\s]+/, "use an http(s) URL such as https://pypi.org/pypi")
      .default("https://pypi.org/pypi"),
  })
  .strict();

export type Config = z.infer<typeof ConfigSchema>;

export const CONFIG_KEYS = Object.keys(ConfigSchema.shape);

export function defaultConfig(): Config {
  return ConfigSchema.parse({});
}
