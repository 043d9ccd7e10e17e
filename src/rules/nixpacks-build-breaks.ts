import { q } from "../model/quote.js";
import type { LocatedList } from "../sources/nixpacks.js";
import type { RuleContext } from "./context.js";
import { defineRule, type Emit } from "./define-rule.js";

/**
 * Nixpacks configurations that break the build, each at its line:
 * - `pip` / `pip3` in `nixPkgs`: not nixpkgs attributes (the Python package set is
 *   `python3Packages.pip`), so the Nix expression fails with `error: undefined variable 'pip'`
 *   (Nixpacks writes nixPkgs verbatim into its generated nix file,
 *   https://github.com/railwayapp/nixpacks/blob/f51d7fd5/src/nixpacks/nix/mod.rs).
 * - `pip install` / `python -m pip install` in replaced install (or build) commands before any venv
 *   exists: the provider's install, which creates `/opt/venv` (`python -m venv --copies /opt/venv &&
 *   . /opt/venv/bin/activate`, https://github.com/railwayapp/nixpacks/blob/f51d7fd5/src/providers/python.rs),
 *   is gone, and the Nix Python has no pip module (`No module named pip`) or refuses to install into
 *   the Nix store (`externally-managed-environment`, PEP 668).
 * - installs in `[phases.setup] cmds`: the setup phase runs before the source is copied (the
 *   generated Dockerfile copies `.` first in the install phase), so `requirements.txt` is not there.
 * - `[variables] PYTHON_VERSION`: Nixpacks reads `NIXPACKS_PYTHON_VERSION`
 *   (get_config_variable prefixes `NIXPACKS_`,
 *   https://github.com/railwayapp/nixpacks/blob/f51d7fd5/src/nixpacks/environment.rs).
 * A command deploy-drift cannot follow (`bash build.sh`, `make`) ends the venv check: what runs
 * after it is unknown, never an error.
 */
const PIP_INSTALL = /^(?:pip3?|python(?:3(?:\.\d+)?)?\s+-m\s+pip)\s+install\b/;
const CREATES_VENV =
  /(?:\bpython(?:3(?:\.\d+)?)?\s+-m\s+(?:venv|virtualenv)\b|\bvirtualenv\s|\buv\s+(?:venv|sync)\b|\bpoetry\s+install\b|\bpipenv\s+install\b|\bpdm\s+install\b)/;
const UNFOLLOWED = /^(?:(?:ba)?sh\s+\S+|\.\/\S+|make\b|source\s+\S+|\.\s+\S+)/;
const PROJECT_INSTALL =
  /\b(?:pip3?\s+install\s+(?:-r\s|\.|-e\s)|poetry\s+install|uv\s+sync|pipenv\s+install|pdm\s+install)/;

/** The `&&` / `;` segments of a command, trimmed, with a leading `cd DIR` dropped. */
function segments(cmd: string): string[] {
  return cmd
    .split(/&&|;|\|\|/)
    .map((s) => s.trim())
    .filter((s) => s && !/^cd\s/.test(s));
}

export default defineRule<RuleContext>({
  id: "nixpacks-build-breaks",
  pythonBuild: true,
  defaultSeverity: "error",
  summary:
    "A Nixpacks setting that makes the build fail (bare pip, installs before the source, wrong variable)",
  check: ({ svc }) => {
    if (svc.builder.name !== "nixpacks") return [];
    const out: Emit[] = [];
    const plans = [svc.nixpacks, svc.railwayPlan].filter((p) => p !== null);
    for (const plan of plans) {
      for (const item of plan.phases.get("setup")?.lists.nixPkgs?.items ?? []) {
        if (item.value !== "pip" && item.value !== "pip3") continue;
        out.push({
          span: item.span,
          message: `${q(item.value)} in \`nixPkgs\` is not a nixpkgs attribute, so the Nix build fails with \`error: undefined variable '${item.value}'\``,
          found: item.value,
          expected: "no pip package: the Python provider's venv has pip",
          fix: `Remove ${q(item.value)}; the provider's venv at \`/opt/venv\` brings pip (or use \`python3Packages.pip\`).`,
        });
      }
      for (const item of plan.phases.get("setup")?.lists.cmds?.items ?? []) {
        if (!PROJECT_INSTALL.test(item.value)) continue;
        out.push({
          span: item.span,
          message: `\`[phases.setup] cmds\` runs ${q(item.value)}, but the setup phase runs before the source is copied, so the project's files are not there yet`,
          found: item.value,
          expected: "installs in `[phases.install]`",
          fix: 'Move the command to `[phases.install] cmds` (keep `"..."` to run the provider\'s install too).',
        });
      }
      const pv = plan.variables.get("PYTHON_VERSION");
      if (pv && !plan.variables.has("NIXPACKS_PYTHON_VERSION")) {
        const eff = svc.python.nixpacks;
        out.push({
          span: pv.span,
          message: `\`[variables] PYTHON_VERSION = ${q(pv.value)}\` is not read: Nixpacks reads \`NIXPACKS_PYTHON_VERSION\`, so it installs Python ${q(eff.version ?? "(its default)")} (${eff.from})`,
          found: "PYTHON_VERSION",
          expected: "NIXPACKS_PYTHON_VERSION",
          fix: `Rename the variable to \`NIXPACKS_PYTHON_VERSION\`, or pin the version in \`.python-version\`.`,
          ...(eff.version !== null && pv.value.trim().startsWith(eff.version)
            ? { severity: "notice" as const }
            : {}),
        });
      }
    }
    // Commands in the order the build runs them; a kept provider install ("...") creates the venv.
    const phaseCmds = (name: string): LocatedList | null =>
      svc.railwayPlan?.phases.get(name)?.lists.cmds ?? svc.nixpacks?.phases.get(name)?.lists.cmds ?? null;
    const install = phaseCmds("install");
    if (!install || install.extends) return out;
    let venv = false;
    scan: for (const list of [install, phaseCmds("build")]) {
      for (const item of list?.items ?? []) {
        for (const seg of segments(item.value)) {
          // Once a venv exists, nothing below can be a bare-pip install.
          if (venv) break scan;
          if (UNFOLLOWED.test(seg) && !/\/activate$/.test(seg)) {
            // What the script does is unknown: said once, never an error.
            out.push({
              span: item.span,
              severity: "notice",
              message: `The install runs ${q(seg)}, which deploy-drift does not read: whether it creates a venv and installs the requirements is unknown, so the install and venv checks stop here`,
              found: seg,
              expected: "commands deploy-drift can follow",
              fix: "Nothing to fix if the script creates the venv (`python -m venv --copies /opt/venv`) before installing.",
            });
            break scan;
          }
          if (CREATES_VENV.test(seg)) {
            venv = true;
            continue;
          }
          if (!PIP_INSTALL.test(seg)) continue;
          out.push({
            span: item.span,
            message: `${q(seg)} runs on the Nix Python with no venv: these install commands replace the provider's, which created \`/opt/venv\`, and the Nix Python has no pip to install with (\`No module named pip\` / \`externally-managed-environment\`)`,
            found: seg,
            expected: "a venv created first",
            fix: 'Start with `python -m venv --copies /opt/venv && . /opt/venv/bin/activate && …`, or put `"..."` first in the list to keep the provider\'s install.',
            related: [install.span],
          });
          break scan;
        }
      }
    }
    return out;
  },
});
