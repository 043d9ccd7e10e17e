import { NIXPACKS_SPEC } from "../sources/nixpacks.js";
import { validate } from "../sources/schema.js";
import type { RuleContext } from "./context.js";
import { defineRule, type Emit } from "./define-rule.js";
import { unknownKeyEmit, wrongTypeEmit } from "./schema-emits.js";

/**
 * Nixpacks' plan structs have no `deny_unknown_fields` (nixpacks src/nixpacks/plan/mod.rs, phase.rs),
 * so a misspelt key is silently ignored. Also checks the plan inside railway.json `build.nixpacksPlan`.
 */
export default defineRule<RuleContext>({
  id: "nixpacks-unknown-key",
  defaultSeverity: "warning",
  summary: "A Nixpacks config key Nixpacks does not know (silently ignored)",
  check: ({ svc }) => {
    const out: Emit[] = [];
    const mistakes = { startCommand: "cmd", command: "cmd", nixpkgs: "nixPkgs", apt: "aptPkgs" };
    const live = svc.builder.name === "nixpacks";
    if (svc.nixpacks?.doc.value) {
      for (const i of validate(svc.nixpacks.doc, NIXPACKS_SPEC, [], mistakes))
        out.push(...toEmit(i, svc.nixpacks.doc.file, live));
    }
    if (svc.railway?.nixpacksPlanPath && svc.railwayPlan) {
      const spec = NIXPACKS_SPEC;
      const plan = svc.railway.nixpacksPlanPath;
      const value = svc.railwayPlan.doc.value;
      if (value) {
        for (const i of validate(svc.railway.doc, spec, plan, mistakes))
          out.push(...toEmit(i, svc.railway.file, live));
      }
    }
    return out;
  },
});

/** `live`: Nixpacks builds this service; otherwise a plan it cannot parse is dead config (a warning). */
function toEmit(i: ReturnType<typeof validate>[number], file: string, live: boolean): Emit[] {
  const where = ` in ${file}`;
  if (i.kind === "unknown-key")
    return [
      unknownKeyEmit(i, {
        where,
        what: "a Nixpacks key",
        effect: "Nixpacks silently ignores it",
        fix: "Remove it, or move it where Nixpacks reads it.",
      }),
    ];
  if (i.kind === "wrong-type")
    return [wrongTypeEmit(i, { where, fails: "Nixpacks fails to parse the plan", live, tool: "Nixpacks" })];
  return [];
}
