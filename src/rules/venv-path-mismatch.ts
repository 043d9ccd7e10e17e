import { q } from "../model/quote.js";
import type { RuleContext } from "./context.js";
import { defineRule, type Emit } from "./define-rule.js";

/**
 * Under Nixpacks the start command may rely on `/opt/venv` only if the install phase creates it: the
 * provider's install does (`python -m venv --copies /opt/venv`, python.rs), but `[phases.install]
 * cmds` without `"..."` replace it (merge.rs; railway-nixpacks.md §1.3, §2).
 */
/** Install commands whose effect deploy-drift cannot follow: a script or a make target. */
const UNFOLLOWED = /(?:^|&&\s*|;\s*)(?:(?:ba)?sh\s+\S+|\.\/\S+|make\b|source\s+\S+)/;

export default defineRule<RuleContext>({
  id: "venv-path-mismatch",
  pythonBuild: true,
  defaultSeverity: "error",
  summary: "The start command uses a venv the install phase does not create",
  check: ({ svc }) => {
    if (svc.builder.name !== "nixpacks") return [];
    const install =
      svc.railwayPlan?.phases.get("install")?.lists.cmds ?? svc.nixpacks?.phases.get("install")?.lists.cmds;
    if (!install || install.extends) return [];
    // A script or Makefile the install runs may create the venv: deploy-drift does not read it, so
    // whether the venv exists is unknown, not an error.
    if (install.items.some((i) => UNFOLLOWED.test(i.value.trim()))) return [];
    const creates = install.items.map((i) => i.value).filter((c) => /\b(venv|virtualenv)\b/.test(c));
    const out: Emit[] = [];
    for (const a of svc.commands) {
      const inv = a.parsed.server;
      const exe = inv ? (inv.interpreter ?? inv.executable) : null;
      const m = exe ? /^(\/[^\s]*?)\/bin\/[^/]+$/.exec(exe.text) : null;
      if (!exe || !m) continue;
      const venv = m[1]!;
      if (creates.some((c) => c.includes(venv))) continue;
      out.push({
        span: a.spanOf(exe),
        message: `${a.candidate.label} runs ${q(exe.text)}, but the install commands (which replace the provider's) never create ${q(venv)}`,
        found: exe.text,
        expected: creates.length
          ? `a venv created by: ${creates.join("; ")}`
          : `an install step that creates ${venv}`,
        fix: `Create the venv in \`[phases.install] cmds\` (\`python -m venv ${venv}\`), or add \`"..."\` to keep the provider's install.`,
        related: [install.span],
      });
    }
    return out;
  },
});
