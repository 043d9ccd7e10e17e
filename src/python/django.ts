/**
 * Django's `WSGI_APPLICATION` setting, read from settings modules with the Python parser (never
 * imported). Nixpacks and Railpack both derive their default gunicorn target from it (nixpacks
 * python.rs get_django_app_name; railpack python.go, `WSGI_APPLICATION` regex — railway-nixpacks.md
 * §1.4, §4).
 */
import { filesUnder, type Workspace } from "../repo/workspace.js";
import { children, parsePython, stringLiteralValue, topLevelStatements } from "./parse.js";

/** The value of a top-level `WSGI_APPLICATION = "..."` assignment, or null. */
export function wsgiApplication(source: string): string | null {
  try {
    return readWsgiApplication(source);
  } catch {
    // A parser defect: the setting is not known (the default target stays undecided).
    return null;
  }
}

function readWsgiApplication(source: string): string | null {
  const py = parsePython(source);
  for (const stmt of topLevelStatements(py)) {
    if (stmt.name !== "AssignStatement") continue;
    const kids = children(stmt);
    const target = kids[0];
    const value = kids[kids.length - 1];
    if (
      target?.name === "VariableName" &&
      py.text(target) === "WSGI_APPLICATION" &&
      value &&
      value !== target
    ) {
      return stringLiteralValue(py, value);
    }
  }
  return null;
}

/** `mysite.wsgi.application` from the service's settings modules (`settings.py`, `settings/*.py`). */
export function findWsgiApplication(ws: Workspace, root: string): string | null {
  const candidates = filesUnder(ws.files(), root).filter((f) => {
    const rel = root === "" ? f : f.slice(root.length + 1);
    const depth = rel.split("/").length;
    return depth <= 4 && /(^|\/)settings(\.py|\/[^/]+\.py)$/.test(rel);
  });
  for (const f of candidates) {
    const r = ws.read(f);
    if (r.kind !== "ok") continue;
    const v = wsgiApplication(r.text);
    if (v) return v;
  }
  return null;
}
