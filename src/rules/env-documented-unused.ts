import { declares, isReadByTooling } from "../facts/env-names.js";
import { q } from "../model/quote.js";
import type { RuleContext } from "./context.js";
import { defineRule, type Emit } from "./define-rule.js";

/**
 * A variable `.env.example` (or railway.ts) declares that no code of the service reads: a stale
 * entry that makes people set values nothing uses. Silent when the scan cannot be complete (file cap
 * reached, code that hands the whole `os.environ` on, or a settings library deploy-drift does not
 * model), for variables builders and well-known SDKs read themselves (`WEB_CONCURRENCY`,
 * `SENTRY_DSN`, `NIXPACKS_*` ...), and for `$NAME` used in a start command.
 */
export default defineRule<RuleContext>({
  id: "env-documented-unused",
  defaultSeverity: "notice",
  summary: "A documented environment variable is read by no code",
  check: ({ svc }) => {
    const env = svc.env;
    if (env.scan.files.length === 0 || env.scan.truncated || env.opaque.length > 0) return [];
    const commands = svc.start.candidates.map((c) => c.command).join("\n");
    const out: Emit[] = [];
    const seen = new Set<string>();
    for (const d of env.declarations) {
      // railway.json declares nothing; a Dockerfile ENV is often for tooling (PYTHONUNBUFFERED ...).
      if (d.source === "railway.json" || d.source === "dockerfile") continue;
      const key = `${d.source}:${d.name.toUpperCase()}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (env.variables.some((v) => declares(d, v)) || isReadByTooling(d.name)) continue;
      if (new RegExp(`\\$\\{?${d.name.replace(/[.-]/g, "\\$&")}\\b`).test(commands)) continue;
      // Read by a script the service runs, or through a helper wrapper: never advise deleting it.
      if (env.references.some((r) => r.name.toUpperCase() === d.name.toUpperCase())) continue;
      out.push({
        span: d.span,
        message: `${q(d.name)} is declared in ${d.span.file} but none of the ${env.scan.files.length} Python file${env.scan.files.length === 1 ? "" : "s"} of the service reads it`,
        found: d.name,
        expected: "a variable the code reads",
        fix: `Remove ${q(d.name)} from ${q(d.span.file)} if it is stale, or read it in the settings.`,
      });
    }
    return out;
  },
});
