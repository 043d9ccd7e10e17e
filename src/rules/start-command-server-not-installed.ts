import { q } from "../model/quote.js";
import type { RuleContext } from "./context.js";
import { defineRule, type Emit } from "./define-rule.js";

/**
 * The server the start command runs must be a declared dependency: builders install only what the
 * requirements list into the venv (Nixpacks `/opt/venv`, Railpack `/app/.venv`). Checked only when
 * requirements.txt is what the builder installs (requirements.txt wins in both builders).
 */
const PACKAGES: Record<string, string[]> = {
  uvicorn: ["uvicorn"],
  gunicorn: ["gunicorn"],
  hypercorn: ["hypercorn"],
  daphne: ["daphne", "channels"],
  granian: ["granian"],
  "fastapi-cli": ["fastapi-cli"],
  flask: ["flask"],
};
/** Packages that bring a server with an extra (fastapi[standard] → uvicorn, fastapi-cli). */
const VIA_EXTRA: Record<string, string[]> = {
  uvicorn: ["fastapi[standard]"],
  "fastapi-cli": ["fastapi[standard]"],
};

export default defineRule<RuleContext>({
  id: "start-command-server-not-installed",
  defaultSeverity: "error",
  summary: "The server the start command runs is not a dependency",
  check: ({ svc }) => {
    if (svc.requirements.length === 0 || svc.builder.name === "dockerfile") return [];
    const declared = new Set<string>();
    for (const f of svc.requirements) {
      for (const r of f.requirements) {
        declared.add(r.normalized);
        for (const e of r.extras) declared.add(`${r.normalized}[${e}]`);
      }
    }
    // A compiled lock installed instead would list transitives too; pairs tell us.
    for (const p of svc.lockPairs) for (const r of p.locked) declared.add(r.normalized);
    const out: Emit[] = [];
    for (const a of svc.commands) {
      const inv = a.parsed.server;
      const pkgs = inv ? PACKAGES[inv.kind] : undefined;
      if (!inv || !pkgs) continue;
      if (pkgs.some((p) => declared.has(p)) || (VIA_EXTRA[inv.kind] ?? []).some((p) => declared.has(p)))
        continue;
      out.push({
        span: a.spanOf(inv.interpreter ? inv.module : inv.executable),
        message: `${a.candidate.label} runs ${inv.kind}, but no requirements file the builder installs declares ${q(pkgs[0])}`,
        found: "not declared",
        expected: pkgs[0]!,
        fix: `Add \`${pkgs[0]}==<version>\` to requirements.txt (and its lock).`,
      });
    }
    return out;
  },
});
