/**
 * Service discovery: every folder below the scanned root that holds deployment files is a service
 * root. A folder with only a Nixpacks config is not (railway config can point at it through
 * `nixpacksConfigPath`); its service is the one whose Python files sit beside the config. Folders that
 * hold tests, fixtures or docs are not services (a `docs/requirements.txt` for
 * Read the Docs is not a deployment), except when named explicitly.
 */

import { compareText } from "../model/order.js";
import { basename, dirname, type Workspace } from "../repo/workspace.js";
import { RAILPACK_MAIN_FILES } from "./start.js";

export const SERVICE_MARKERS = new Set([
  "requirements.txt",
  "requirements.in",
  "requirements.lock",
  "pyproject.toml",
  "Pipfile",
  "Procfile",
  "railway.json",
  "railway.toml",
  "runtime.txt",
  ".python-version",
]);

const NOT_SERVICE_DIRS = new Set([
  "test",
  "tests",
  "fixtures",
  "testdata",
  "docs",
  "doc",
  "examples",
  "example",
]);

export function discoverServices(ws: Workspace): string[] {
  const roots = new Set<string>();
  for (const f of ws.files()) {
    if (!SERVICE_MARKERS.has(basename(f))) continue;
    const dir = dirname(f);
    if (dir !== "" && dir.split("/").some((seg) => NOT_SERVICE_DIRS.has(seg.toLowerCase()))) continue;
    roots.add(dir);
  }
  // A root holding only a main file (`bot.py`) still builds: Railpack detects Python by its main files.
  if (!roots.has("") && ws.files().some((f) => RAILPACK_MAIN_FILES.includes(f))) roots.add("");
  return [...roots].sort((a, b) => (a === "" ? -1 : b === "" ? 1 : compareText(a, b)));
}
