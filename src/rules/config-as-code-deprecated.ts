import type { RuleContext } from "./context.js";
import { defineRule } from "./define-rule.js";

/**
 * "Config as Code is deprecated. Prefer Infrastructure as Code (`.railway/railway.ts`)… Existing
 * files keep working for legacy services until 2026-12-01" (Railway docs 5dc40e7b, 2026-08-21;
 * railway-nixpacks.md §3.1). Warning before the cut-off, error from that date.
 */
export const CONFIG_AS_CODE_CUTOFF = "2026-12-01";

export default defineRule<RuleContext>({
  id: "config-as-code-deprecated",
  defaultSeverity: "warning",
  summary: "railway.json / railway.toml stop being read on 2026-12-01",
  check: ({ svc, today }) => {
    const r = svc.railway;
    if (!r) return [];
    const after = today >= CONFIG_AS_CODE_CUTOFF;
    return [
      {
        span: { file: r.file, line: 1, column: 1 },
        severity: after ? "error" : "warning",
        message: after
          ? `Railway stopped reading ${r.file} on ${CONFIG_AS_CODE_CUTOFF}; its settings no longer apply`
          : `Railway stops reading ${r.file} on ${CONFIG_AS_CODE_CUTOFF}; after that its settings no longer apply`,
        found: r.file,
        expected: ".railway/railway.ts",
        fix: "Run `railway config migrate` to write `.railway/railway.ts`, review it, and remove the old file in the same PR.",
      },
    ];
  },
});
