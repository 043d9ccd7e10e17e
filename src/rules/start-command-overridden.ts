import { q } from "../model/quote.js";
import type { RuleContext } from "./context.js";
import { defineRule, type Emit } from "./define-rule.js";

/**
 * Several files set a start command and only one runs: railway `deploy.startCommand` >
 * `build.nixpacksPlan` > nixpacks.toml `[start].cmd` > Procfile (railway-nixpacks.md §1.4, §2, §3.4).
 * An overridden command that differs is dead configuration that misleads readers — the seed report
 * called two different commands "perfect alignment".
 */
export default defineRule<RuleContext>({
  id: "start-command-overridden",
  defaultSeverity: "warning",
  summary: "A start command is overridden by another that differs",
  check: ({ svc }) => {
    const eff = svc.start.selected;
    if (!eff) return [];
    const out: Emit[] = [];
    for (const c of svc.start.candidates) {
      if (c === eff || !c.file || c.kind === "railway-env-start" || !c.readBy.includes(svc.builder.name))
        continue;
      if (normalize(c.command) === normalize(eff.command)) continue;
      out.push({
        span: c.span,
        message: `${c.label} is ${q(c.command)}, but ${eff.label} overrides it with ${q(eff.command)}`,
        found: c.command,
        expected: eff.command,
        fix: `Keep one start command: delete ${c.label}, or make it identical to ${eff.label}.`,
        ...(eff.span ? { related: [eff.span] } : {}),
      });
    }
    return out;
  },
});

export function normalize(cmd: string): string {
  return cmd.trim().replace(/\s+/g, " ");
}
