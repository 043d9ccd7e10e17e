import { railpackPackageManager } from "../facts/plans.js";
import { joinPath } from "../repo/workspace.js";
import type { RuleContext } from "./context.js";
import { defineRule } from "./define-rule.js";

/**
 * Railpack's Python provider picks its installer with an if/else chain (requirements.txt, then
 * pyproject.toml with uv.lock, poetry.lock or pdm.lock, then Pipfile) and has no branch for a
 * pyproject.toml alone: its install step is empty, so none of `[project].dependencies` is installed
 * and the app fails at its first import. (Nixpacks runs `pip install .` for the same repository.)
 * https://github.com/railwayapp/railpack/blob/b5e80580/core/providers/python/python.go (Plan).
 * A build command set in railway.ts may install them itself: then this is unknown and not reported.
 */
export default defineRule<RuleContext>({
  id: "railpack-installs-nothing",
  pythonBuild: true,
  defaultSeverity: "error",
  summary: "Railpack installs nothing for a pyproject.toml without a lock file or requirements.txt",
  check: ({ svc }) => {
    if (svc.builder.name !== "railpack" || !svc.pyproject) return [];
    const has = (f: string) => svc.ws.isFile(joinPath(svc.root, f));
    if (railpackPackageManager(has) !== "none") return [];
    if (svc.railwayTs?.buildCommand) return [];
    const deps = svc.pyproject.dependencies.length + svc.pyproject.poetryDependencies.length;
    if (deps === 0) return [];
    const first = svc.pyproject.dependencies[0] ?? svc.pyproject.poetryDependencies[0]!;
    return [
      {
        span: first.span,
        message: `pyproject.toml declares ${deps} dependenc${deps === 1 ? "y" : "ies"}, but with no uv.lock, poetry.lock, pdm.lock or requirements.txt Railpack's install step is empty: none of them is installed`,
        found: "pyproject.toml without a lock file",
        expected: "a lock file Railpack installs from (uv.lock, poetry.lock, pdm.lock) or requirements.txt",
        fix: "Commit the lock file of your package manager (`uv lock`, `poetry lock`, `pdm lock`), or export a requirements.txt (`uv export --no-hashes -o requirements.txt`).",
      },
    ];
  },
});
