import { q } from "../model/quote.js";
import type { RuleContext } from "./context.js";
import { defineRule, type Emit } from "./define-rule.js";

/**
 * railway.json `build.nixpacksPlan` reaches Nixpacks as a JSON plan, above nixpacks.toml in the merge
 * order (inferred from nixpacks PR #647 and Railway's docs using `"..."` in it; railway-nixpacks.md
 * §3.4). A list there without `"..."` replaces nixpacks.toml's list for that phase, and a start
 * command there overrides the file's.
 */
export default defineRule<RuleContext>({
  id: "nixpacks-plan-overrides-file",
  defaultSeverity: "warning",
  summary: "railway.json build.nixpacksPlan replaces lists from nixpacks.toml",
  check: ({ svc }) => {
    const plan = svc.railwayPlan;
    const file = svc.nixpacks;
    if (!plan || !file || svc.builder.name !== "nixpacks") return [];
    const out: Emit[] = [];
    for (const [name, phase] of plan.phases) {
      const filePhase = file.phases.get(name);
      if (!filePhase) continue;
      for (const [key, list] of Object.entries(phase.lists)) {
        const fileList = filePhase.lists[key as keyof typeof filePhase.lists];
        if (!list || list.extends || !fileList) continue;
        const kept = new Set(list.items.map((i) => i.value));
        const dropped = fileList.items.map((i) => i.value).filter((v) => v !== "..." && !kept.has(v));
        if (dropped.length === 0) continue;
        out.push({
          span: list.span,
          message: `\`build.nixpacksPlan.phases.${name}.${key}\` in ${plan.doc.file} replaces \`phases.${name}.${key}\` of ${file.doc.file}, dropping ${dropped.map((d) => `${q(d)}`).join(", ")}`,
          found: list.items.map((i) => i.value).join(", "),
          expected: fileList.items.map((i) => i.value).join(", "),
          fix: `Keep the list in one place: delete \`build.nixpacksPlan\` and rely on ${file.doc.file}, or add \`"..."\` to extend it.`,
          related: [fileList.span],
        });
      }
    }
    return out;
  },
});
