import { collectDepFiles, PYPROJECT_LOCKS } from "../changes/deps.js";
import { q } from "../model/quote.js";
import { satisfies } from "../python/pep440.js";
import { joinPath } from "../repo/workspace.js";
import type { RuleContext } from "./context.js";
import { defineRule, type Emit } from "./define-rule.js";

/**
 * A pyproject-managed service (no requirements.txt, so builders install from pyproject + its lock:
 * Nixpacks poetry.lock > pdm.lock > uv.lock, Railpack uv > poetry > pdm — railway-nixpacks.md §1.3,
 * §4) whose lock lacks a main dependency or pins a version the dependency excludes. Railpack's
 * `uv sync --locked` fails on a stale uv.lock; Nixpacks' `uv sync --frozen` installs the stale lock
 * without checking. Dependencies under environment markers are not checked (markers are not evaluated).
 */
export default defineRule<RuleContext>({
  id: "pyproject-lock-stale",
  pythonBuild: true,
  defaultSeverity: "error",
  summary: "pyproject.toml dependencies and their lock file disagree",
  check: ({ svc }) => {
    if (!svc.pyproject || svc.ws.isFile(joinPath(svc.root, "requirements.txt"))) return [];
    const files = collectDepFiles([svc]);
    const pyproject = files.get(joinPath(svc.root, "pyproject.toml"));
    const lockName = (
      svc.builder.name === "nixpacks" ? ["poetry.lock", "pdm.lock", "uv.lock"] : PYPROJECT_LOCKS
    ).find((n) => files.has(joinPath(svc.root, n)));
    if (!pyproject || !lockName) return [];
    const lock = files.get(joinPath(svc.root, lockName))!;
    const locked = new Map(lock.entries.map((e) => [e.normalized, e]));
    const out: Emit[] = [];
    for (const dep of pyproject.entries) {
      // Main dependencies only (groups and extras are installed on request), no markers, no URLs.
      if (!dep.key.startsWith("|") || !dep.key.endsWith("|") || dep.url !== null) continue;
      const l = locked.get(dep.normalized);
      if (!l) {
        out.push({
          span: dep.span,
          message: `${q(dep.label)} is a dependency in pyproject.toml but ${lock.file} has no entry for it`,
          found: "absent from the lock",
          expected: dep.wants,
          fix: `Re-lock (${q(lockName === "uv.lock" ? "uv lock" : lockName === "poetry.lock" ? "poetry lock" : "pdm lock")}) and commit ${lock.file}.`,
          related: [lock.entries[0]?.span ?? { file: lock.file, line: 1, column: 1 }],
        });
        continue;
      }
      if (!dep.specifier) continue;
      const versions = l.wants.split(", ").filter(Boolean);
      const fits = versions.map((v) => satisfies(v, dep.specifier));
      if (fits.some((f) => f === null || f === true)) continue;
      out.push({
        span: dep.span,
        message: `pyproject.toml asks for \`${dep.label}${dep.specifier}\` but ${lock.file} locks it at ${versions.map((v) => `${q(v)}`).join(", ")}`,
        found: versions.join(", "),
        expected: dep.specifier,
        fix: `Re-lock and commit ${lock.file}.`,
        related: [l.span],
      });
    }
    return out;
  },
});
