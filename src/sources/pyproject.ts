/**
 * pyproject.toml: `requires-python` (PEP 621 `[project]`, or Poetry's `[tool.poetry.dependencies]
 * python`), and the dependency lists (PEP 621 `dependencies`, Poetry `[tool.poetry.dependencies]`,
 * `[dependency-groups]`), each with positions. Builders install from it when there is no
 * requirements.txt (Nixpacks/Railpack package-manager order, railway-nixpacks.md §1.3, §4).
 */
import type { Located } from "../model/span.js";
import { type ConfigDoc, getPath, isRecord } from "./doc.js";
import { readString } from "./nixpacks.js";

export interface Pyproject {
  doc: ConfigDoc;
  /** As written, converted to PEP 440 when it is a Poetry constraint (`^3.11` → `>=3.11,<4.0`). */
  requiresPython: (Located<string> & { pep440: string; origin: "project" | "poetry" }) | null;
  /** PEP 508 strings of `[project].dependencies`, with positions. */
  dependencies: Array<Located<string>>;
  /** Poetry dependency names (excluding python) with their constraint text. */
  poetryDependencies: Array<Located<{ name: string; constraint: string }>>;
  managers: Array<"poetry" | "uv" | "pdm" | "setuptools" | "hatch">;
}

export function readPyproject(doc: ConfigDoc): Pyproject {
  const out: Pyproject = {
    doc,
    requiresPython: null,
    dependencies: [],
    poetryDependencies: [],
    managers: [],
  };
  if (!isRecord(doc.value)) return out;
  const project = readString(doc, ["project", "requires-python"]);
  const poetry = readString(doc, ["tool", "poetry", "dependencies", "python"]);
  if (project) out.requiresPython = { ...project, pep440: project.value, origin: "project" };
  else if (poetry) out.requiresPython = { ...poetry, pep440: poetryToPep440(poetry.value), origin: "poetry" };
  const deps = getPath(doc.value, ["project", "dependencies"]);
  if (Array.isArray(deps)) {
    deps.forEach((d, i) => {
      if (typeof d === "string")
        out.dependencies.push({
          value: d,
          span: doc.valueSpan(["project", "dependencies", i]) ?? doc.spanFor(["project", "dependencies"]),
        });
    });
  }
  const pdeps = getPath(doc.value, ["tool", "poetry", "dependencies"]);
  if (isRecord(pdeps)) {
    for (const [name, v] of Object.entries(pdeps)) {
      if (name.toLowerCase() === "python") continue;
      const constraint =
        typeof v === "string" ? v : isRecord(v) && typeof v.version === "string" ? v.version : "*";
      const p = ["tool", "poetry", "dependencies", name];
      out.poetryDependencies.push({ value: { name, constraint }, span: doc.keySpan(p) ?? doc.spanFor(p) });
    }
  }
  const tool = getPath(doc.value, ["tool"]);
  if (isRecord(tool)) {
    for (const m of ["poetry", "uv", "pdm", "hatch"] as const)
      if (tool[m] !== undefined) out.managers.push(m);
    if (tool.setuptools !== undefined) out.managers.push("setuptools");
  }
  return out;
}

/**
 * Poetry version constraints (python-poetry docs, "Dependency specification"): `^X.Y` →
 * `>=X.Y,<(X+1).0` (for X=0: `<0.(Y+1)`), `~X.Y` → `>=X.Y,<X.(Y+1)`, `X.Y.*` stays, `||` alternatives
 * are not PEP 440 and are returned unchanged (callers then skip the check).
 */
export function poetryToPep440(c: string): string {
  return c
    .split(",")
    .map((part) => {
      const t = part.trim();
      const caret = /^\^\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(t);
      if (caret) {
        const [maj, min = "0", pat = "0"] = [caret[1]!, caret[2], caret[3]];
        const upper =
          maj !== "0"
            ? `${Number(maj) + 1}.0`
            : min !== "0"
              ? `0.${Number(min) + 1}`
              : `0.0.${Number(pat) + 1}`;
        return `>=${maj}.${min}${caret[3] ? `.${pat}` : ""},<${upper}`;
      }
      const tilde = /^~\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(t);
      if (tilde) {
        const maj = tilde[1]!;
        const min = tilde[2];
        return min === undefined
          ? `>=${maj},<${Number(maj) + 1}`
          : `>=${maj}.${min}${tilde[3] ? `.${tilde[3]}` : ""},<${maj}.${Number(min) + 1}`;
      }
      if (/^\d/.test(t)) return `==${t}`;
      return t;
    })
    .join(",");
}
