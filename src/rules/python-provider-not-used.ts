import { BUILDER_LABEL } from "../facts/builder.js";
import { q } from "../model/quote.js";
import type { RuleContext } from "./context.js";
import { defineRule } from "./define-rule.js";

/** Programs that only a Python install provides. */
const PYTHON_PROGRAMS = new Set([
  "python",
  "python3",
  "gunicorn",
  "uvicorn",
  "hypercorn",
  "daphne",
  "celery",
  "flask",
  "fastapi",
  "pip",
  "waitress-serve",
]);

/**
 * A service with Python files whose builder does not use its Python provider (facts/provider.ts:
 * Nixpacks tries Node before Python, railpack.json `provider`, Nixpacks `providers`). The rules that
 * encode the Python provider's behaviour are skipped for it (RuleMeta.pythonBuild), and this rule
 * says so: a warning when the start command needs Python, which that build does not install; a
 * notice otherwise (a Node app with a Python helper is fine).
 */
export default defineRule<RuleContext>({
  id: "python-provider-not-used",
  defaultSeverity: "warning",
  summary: "The builder does not build this service with its Python provider",
  check: ({ svc }) => {
    const p = svc.provider;
    if (p.name === "python" || p.name === "dockerfile") return [];
    if (svc.requirementFiles.size === 0 && !svc.pyproject && !svc.pipfile) return [];
    const builder = BUILDER_LABEL[svc.builder.name];
    const start = svc.start.effective[svc.builder.name];
    const first = start?.command.trim().split(/\s+/)[0]?.replace(/^.*\//, "") ?? "";
    const needsPython = PYTHON_PROGRAMS.has(first) || /^python3(\.\d+)?$/.test(first);
    const what = p.name === "none" ? "detects no Python app" : `builds it with another provider (${p.name})`;
    return [
      {
        span: p.span,
        file: p.span?.file ?? (svc.root === "" ? "requirements.txt" : `${svc.root}/requirements.txt`),
        severity: needsPython ? "warning" : "notice",
        message: needsPython
          ? `${builder} ${what}: ${p.reason}; the start command ${q(start!.command)} needs Python, which this build does not install`
          : `${builder} ${what}: ${p.reason}; deploy-drift skips its Python build checks for this service`,
        found: p.name,
        expected: "python",
        fix:
          svc.builder.name === "nixpacks"
            ? 'If this is a Python service, set `providers = ["python"]` in nixpacks.toml (or move the Node files out of its root directory).'
            : 'If this is a Python service, set `"provider": "python"` in railpack.json, or put a Python entry file (main.py, requirements.txt, pyproject.toml) at its root.',
      },
    ];
  },
});
