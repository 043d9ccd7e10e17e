import { NIXPACKS_INSTALL, nixpacksPackageManager } from "../facts/plans.js";
import { q } from "../model/quote.js";
import { isNixPythonInterpreter } from "../python/versions.js";
import { joinPath } from "../repo/workspace.js";
import type { LocatedList } from "../sources/nixpacks.js";
import type { RuleContext } from "./context.js";
import { defineRule, type Emit } from "./define-rule.js";

/**
 * In Nixpacks a later list replaces the earlier one unless it contains `"..."` (merge.rs,
 * utils.rs fill_auto_in_vec; railway-nixpacks.md §2). So a `nixPkgs`/`nixLibs` list in nixpacks.toml
 * without `"..."` drops what the Python provider adds (python.rs setup(): the Python package and
 * `gcc`; nixLibs `zlib` and `stdenv.cc.cc.lib`), and `[phases.install] cmds` replace the provider's
 * venv + pip install. Named items that were dropped are listed.
 */
export default defineRule<RuleContext>({
  id: "nixpacks-list-replaced",
  pythonBuild: true,
  defaultSeverity: "warning",
  summary: 'A nixpacks.toml list without "..." replaces the Python provider\'s defaults',
  check: ({ svc }) => {
    if (svc.builder.name !== "nixpacks" || !svc.nixpacks) return [];
    const out: Emit[] = [];
    const file = svc.nixpacks.doc.file;
    const provider = providerDefaults(svc);
    const setup = svc.nixpacks.phases.get("setup");
    const install = svc.nixpacks.phases.get("install");
    const check = (list: LocatedList | undefined, key: string, defaults: string[], severity?: "notice") => {
      if (!list || list.extends) return;
      const kept = new Set(list.items.map((i) => i.value));
      // A list that names its own Python interpreter has not lost the provider's one.
      const hasPython = list.items.some((i) => isNixPythonInterpreter(i.value));
      const dropped = defaults.filter((d) => !kept.has(d) && !(hasPython && isNixPythonInterpreter(d)));
      if (dropped.length === 0) return;
      out.push({
        span: list.span,
        ...(severity ? { severity } : {}),
        message: `${q(key)} in ${file} has no \`"..."\`, so it replaces the Python provider's list and drops ${dropped.map((d) => `${q(d)}`).join(", ")}`,
        found: list.items.map((i) => i.value).join(", "),
        expected: `"...", ${list.items.map((i) => i.value).join(", ")}`,
        fix: `Add \`"..."\` to the list to extend the provider's defaults instead of replacing them.`,
      });
    };
    check(setup?.lists.nixPkgs, "phases.setup.nixPkgs", provider.nixPkgs);
    check(setup?.lists.nixLibs, "phases.setup.nixLibs", ["zlib", "stdenv.cc.cc.lib"]);
    if (provider.install) check(install?.lists.cmds, "phases.install.cmds", [provider.install], "notice");
    return out;
  },
});

/** What the Nixpacks Python provider itself puts in the lists this rule guards (python.rs setup(), install()). */
export function providerDefaults(svc: RuleContext["svc"]): { nixPkgs: string[]; install: string | null } {
  const pm = nixpacksPackageManager((f) => svc.ws.isFile(joinPath(svc.root, f)));
  return {
    nixPkgs: [svc.python.nixPkgs.providerPython, "gcc"],
    install: pm === "pip" ? NIXPACKS_INSTALL.pip : null,
  };
}
