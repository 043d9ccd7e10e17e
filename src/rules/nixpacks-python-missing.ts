import { q } from "../model/quote.js";
import type { RuleContext } from "./context.js";
import { defineRule } from "./define-rule.js";

/**
 * After merging provider → nixpacks.toml → `build.nixpacksPlan` (railway-nixpacks.md §2, §3.4), the
 * setup phase's `nixPkgs` holds no Python interpreter: a list without `"..."` dropped it.
 */
export default defineRule<RuleContext>({
  id: "nixpacks-python-missing",
  pythonBuild: true,
  defaultSeverity: "error",
  summary: "The merged Nixpacks setup phase installs no Python",
  check: ({ svc }) => {
    if (svc.builder.name !== "nixpacks" || svc.python.nixPkgs.interpreters.length > 0) return [];
    const list =
      svc.railwayPlan?.phases.get("setup")?.lists.nixPkgs ?? svc.nixpacks?.phases.get("setup")?.lists.nixPkgs;
    if (!list) return [];
    return [
      {
        span: list.span,
        message: `The setup phase's \`nixPkgs\` ends up as ${svc.python.nixPkgs.items.map((i) => `${q(i.value)}`).join(", ") || "an empty list"}, with no Python interpreter`,
        found: svc.python.nixPkgs.items.map((i) => i.value).join(", "),
        expected: 'a Python package such as `python311`, or `"..."`',
        fix: 'Add `"..."` to the list (keeps the provider\'s Python) or list the Python package explicitly.',
      },
    ];
  },
});
