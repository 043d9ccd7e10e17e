import { q } from "../model/quote.js";
import { joinPath } from "../repo/workspace.js";
import type { RuleContext } from "./context.js";
import { defineRule, type Emit } from "./define-rule.js";

/**
 * What Railpack's pip install step can see. copyInstallFiles copies only `requirements.txt`,
 * `pyproject.toml`, `Pipfile`, `poetry.lock`, `uv.lock` and `pdm.lock` from the app root into the
 * install step, unless requirements.txt contains `file://` (installNeedsAllFiles), and the step gets
 * only the variables whose names start with PYTHON, PIP, PIPX, UV, PDM or POETRY
 * (UseSecretsWithPrefixes). https://github.com/railwayapp/railpack/blob/b5e80580/core/providers/python/python.go
 * So in a requirements.txt Railpack installs with pip:
 * - `-r other.txt` / `-c constraints.txt` name files that are not there ("Could not open
 *   requirements file");
 * - `-e .`, `.` or a local path refers to source that is not copied yet;
 * - `${GITHUB_TOKEN}` in a URL expands to nothing (the variable does not reach the step).
 */
const INSTALL_PREFIXES = ["PYTHON", "PIP", "PIPX", "UV", "PDM", "POETRY"];
const VAR_REF = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

function hiddenVars(text: string): string[] {
  return [...text.matchAll(VAR_REF)]
    .map((m) => m[1]!)
    .filter((v) => !INSTALL_PREFIXES.some((p) => v.startsWith(p)));
}

export default defineRule<RuleContext>({
  id: "railpack-install-context",
  pythonBuild: true,
  defaultSeverity: "error",
  summary: "requirements.txt needs a file or variable that Railpack's install step does not have",
  check: ({ svc }) => {
    if (svc.builder.name !== "railpack") return [];
    const req = svc.requirementFiles.get(joinPath(svc.root, "requirements.txt"));
    if (!req) return [];
    const text = svc.ws.read(req.path);
    if (text.kind === "ok" && text.text.includes("file://")) return [];
    const out: Emit[] = [];
    for (const inc of req.includes) {
      out.push({
        span: inc.span,
        message: `${q(`${inc.kind === "requirement" ? "-r" : "-c"} ${inc.path}`)} names a file Railpack's install step does not have: it copies only requirements.txt, pyproject.toml, Pipfile and the lock files, so pip stops with "Could not open requirements file"`,
        found: inc.path,
        expected: "every requirement in requirements.txt itself",
        fix: `Inline the requirements of ${q(inc.path)} into requirements.txt (for example with \`pip-compile\`), or build with a Dockerfile that copies it.`,
      });
    }
    for (const r of req.requirements) {
      const local =
        r.url !== null && /^(\.|\/|[A-Za-z0-9_-]+\/)/.test(r.url) && !/^[a-z+]+:\/\//i.test(r.url);
      if (r.editable || local) {
        out.push({
          span: r.span,
          message: `${q(r.raw)} installs from the source tree, which Railpack's install step has not copied yet (it copies only the manifest files)`,
          found: r.raw,
          expected: "packages from an index or a URL",
          fix: "Drop the local requirement from requirements.txt (the app runs from /app anyway), or refer to it as `file://` so Railpack copies the whole source first.",
        });
      }
      const vars = hiddenVars(r.raw);
      if (vars.length) {
        out.push({
          span: r.span,
          message: `${q(vars.map((v) => `\${${v}}`).join(", "))} in this requirement is empty during Railpack's install: only variables named PYTHON*, PIP*, PIPX*, UV*, PDM* or POETRY* reach that step`,
          found: vars.join(", "),
          expected: "a variable whose name starts with PIP_ (or another install prefix)",
          fix: `Rename the variable so it reaches the install step, e.g. \`PIP_${vars[0]}\` in the service's variables and \`\${PIP_${vars[0]}}\` here.`,
        });
      }
    }
    for (const o of req.options) {
      const vars = o.value ? hiddenVars(o.value) : [];
      if (!vars.length) continue;
      out.push({
        span: o.span,
        message: `\`${o.name}\` uses ${q(vars.map((v) => `\${${v}}`).join(", "))}, which is empty during Railpack's install: only PYTHON*, PIP*, PIPX*, UV*, PDM* and POETRY* variables reach that step`,
        found: vars.join(", "),
        expected: "a PIP_-prefixed variable",
        fix: "Use `PIP_INDEX_URL` / `PIP_EXTRA_INDEX_URL` service variables instead of the option, or rename the variable with a `PIP_` prefix.",
      });
    }
    return out;
  },
});
