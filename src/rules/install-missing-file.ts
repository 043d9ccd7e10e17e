import { parseStartCommand } from "../facts/start-command/index.js";
import { q } from "../model/quote.js";
import { joinPath, normalizeRelPath } from "../repo/workspace.js";
import type { LocatedList } from "../sources/nixpacks.js";
import type { RuleContext } from "./context.js";
import { defineRule, type Emit } from "./define-rule.js";

/**
 * Build/install commands that read a file which does not exist (`pip install -r X`, `-c X`): the
 * build fails at that step. Paths are resolved against the service root, never outside it.
 */
export default defineRule<RuleContext>({
  id: "install-missing-file",
  pythonBuild: true,
  defaultSeverity: "error",
  summary: "An install command references a file that does not exist",
  check: ({ svc }) => {
    if (svc.builder.name !== "nixpacks") return [];
    const out: Emit[] = [];
    const lists: LocatedList[] = [];
    for (const plan of [svc.nixpacks, svc.railwayPlan]) {
      for (const phase of plan?.phases.values() ?? []) if (phase.lists.cmds) lists.push(phase.lists.cmds);
    }
    for (const list of lists) {
      for (const item of list.items) {
        parseStartCommand(item.value).segments.forEach((seg) => {
          const words = seg.words.map((w) => w.text);
          // Only pip installs read requirement files: `pip install`, `python -m pip install`, `uv pip install`.
          const pip = words.findIndex((w) => /(^|\/)pip3?$/.test(w));
          if (pip < 0 || words[pip + 1] !== "install") return;
          words.slice(pip + 2).forEach((w, j) => {
            const i = j + pip + 2;
            const flag = /^(-r|--requirement|-c|--constraint)$/.test(w)
              ? words[i + 1]
              : /^(?:--requirement|--constraint)=(.+)$/.exec(w)?.[1];
            if (!flag || flag.includes("$")) return;
            const rel = normalizeRelPath(flag, svc.root);
            if (rel !== null && svc.ws.isFile(rel)) return;
            out.push({
              span: item.span,
              message:
                rel === null
                  ? `${q(item.value)} reads ${q(flag)}, which is outside the repository`
                  : `${q(item.value)} installs from ${q(flag)}, but ${q(joinPath(svc.root, flag))} does not exist`,
              found: flag,
              expected: "an existing requirements file",
              fix: "Correct the path, or commit the file.",
            });
          });
        });
      }
    }
    return out;
  },
});
