import { q } from "../model/quote.js";
import type { RuleContext } from "./context.js";
import { defineRule } from "./define-rule.js";

/**
 * Railway deprecated Nixpacks and made Railpack the default (docs 06878d14, 2025-09-16; references
 * removed 2026-03-07). Names what changes when the service moves to Railpack (railway-nixpacks.md §4,
 * "Contradictions and gotchas").
 */
export default defineRule<RuleContext>({
  id: "nixpacks-deprecated",
  pythonBuild: true,
  defaultSeverity: "warning",
  summary: "The service builds with the deprecated Nixpacks builder",
  check: ({ svc }) => {
    if (svc.builder.name !== "nixpacks" || !svc.builder.span) return [];
    const changes: string[] = [];
    const rp = svc.python.railpack;
    const np = svc.python.nixpacks;
    if (rp.version !== np.version) {
      changes.push(
        `Python becomes ${q(rp.version)} (${rp.isDefault ? "Railpack's default" : `exact, from ${rp.from}`}) instead of ${q(np.version ?? "nix python3")}`,
      );
    }
    if (svc.nixpacks) changes.push(`${q(svc.nixpacks.doc.file)} is ignored`);
    if (svc.railway?.nixpacksPlanPath) changes.push("`build.nixpacksPlan` is ignored");
    const cmds = svc.start.candidates.filter((c) => c.command.includes("/opt/venv"));
    if (cmds.length)
      changes.push("the venv moves from `/opt/venv` to `/app/.venv`, so `/opt/venv/bin/...` paths break");
    return [
      {
        span: svc.builder.span,
        message: `This service builds with Nixpacks, which Railway deprecated; under Railpack: ${changes.length ? changes.join("; ") : "no differences detected in this repository"}`,
        found: "NIXPACKS",
        expected: "RAILPACK",
        fix: "Switch `builder` to `RAILPACK` in a PR of its own after pinning `.python-version` and moving Nixpacks-only settings to railpack.json.",
      },
    ];
  },
});
