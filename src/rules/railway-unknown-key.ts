import { q } from "../model/quote.js";
import { RAILWAY_KNOWN_MISTAKES, RAILWAY_SPEC } from "../sources/railway.js";
import { validate } from "../sources/schema.js";
import type { RuleContext } from "./context.js";
import { defineRule } from "./define-rule.js";
import { unknownKeyEmit } from "./schema-emits.js";

/**
 * A key Railway does not know. Railway's schema is not public; the key list is rebuilt from its docs,
 * CLI and GraphQL schema (railway-nixpacks.md §3.2) — `nixpacksPath`, for one, appears in none of
 * them (§3.3). Unknown keys are warnings: a key we do not know may still be accepted.
 */
export default defineRule<RuleContext>({
  id: "railway-unknown-key",
  defaultSeverity: "warning",
  summary: "railway.json / railway.toml has a key Railway does not know",
  check: ({ svc }) => {
    const r = svc.railway;
    if (!r?.doc.value) return [];
    return validate(r.doc, RAILWAY_SPEC, [], RAILWAY_KNOWN_MISTAKES).flatMap((i) =>
      i.kind === "unknown-key"
        ? [
            unknownKeyEmit(i, {
              where: "",
              what: "a Railway config key",
              effect: "Railway ignores it",
              fix: `Remove ${q(i.key)}; see Railway's config-as-code reference for valid keys.`,
              rename: (key, s) =>
                `Rename ${q(key)} to ${q(s)}${s === "nixpacksConfigPath" ? " (a path to the Nixpacks config file, e.g. `nixpacks.toml`)" : ""}, or remove it.`,
            }),
          ]
        : [],
    );
  },
});
