import { q } from "../model/quote.js";
import type { RuleContext } from "./context.js";
import { defineRule, type Emit } from "./define-rule.js";

/**
 * Interpreter paths in a start command must exist in the image the builder produces:
 * - Nixpacks puts the venv at `/opt/venv` (python.rs VENV_LOCATION) and first on PATH;
 *   Railpack at `/app/.venv` (VENV_PATH) — railway-nixpacks.md §1.3, §4;
 * - `pythonX.Y` exists only when the installed Python is X.Y.
 */
export default defineRule<RuleContext>({
  id: "start-command-interpreter",
  pythonBuild: true,
  defaultSeverity: "error",
  summary: "The start command names an interpreter or venv the build does not create",
  check: ({ svc }) => {
    if (svc.builder.name === "dockerfile") return [];
    const out: Emit[] = [];
    const eff = svc.python.selected;
    const venv = svc.builder.name === "nixpacks" ? "/opt/venv" : "/app/.venv";
    const otherVenv = svc.builder.name === "nixpacks" ? "/app/.venv" : "/opt/venv";
    for (const a of svc.commands) {
      const inv = a.parsed.server;
      if (!inv) continue;
      const exe = inv.interpreter ?? inv.executable;
      if (exe.text.startsWith(`${otherVenv}/`)) {
        out.push({
          span: a.spanOf(exe),
          message: `${a.candidate.label} runs ${q(exe.text)}, but ${svc.builder.name === "nixpacks" ? "Nixpacks" : "Railpack"} creates its venv at ${q(venv)}`,
          found: exe.text,
          expected: exe.text.replace(otherVenv, venv),
          fix: `Use the bare command (${q(exe.text.split("/").pop())}), which resolves through PATH in either builder.`,
        });
        continue;
      }
      const m = /(?:^|\/)python(\d)\.(\d+)$/.exec(exe.text);
      if (
        m &&
        eff.parsed &&
        !eff.isDefault &&
        (Number(m[1]) !== eff.parsed.major || Number(m[2]) !== eff.parsed.minor)
      ) {
        out.push({
          span: a.spanOf(exe),
          message: `${a.candidate.label} runs ${q(exe.text)}, but the build installs Python ${q(eff.version)} (${eff.from}), so \`python${m[1]}.${m[2]}\` does not exist`,
          found: exe.text,
          expected: `python${eff.parsed.major}.${eff.parsed.minor}`,
          fix: "Use `python` (the venv's interpreter) instead of a versioned name.",
          ...(eff.span ? { related: [eff.span] } : {}),
        });
      }
    }
    return out;
  },
});
