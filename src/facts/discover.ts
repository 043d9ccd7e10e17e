/**
 * Service discovery: which folders Railway may deploy. A folder that holds deployment files
 * (requirements, pyproject, Procfile, railway config, a Python version file) is a plausible service
 * root; `.railway/railway.ts` / `railway.py` services name theirs explicitly (analyze.ts maps them).
 *
 * Folders no deployment builds are not services, and each is reported once (`folder-not-deployed`)
 * instead of being analysed line by line:
 * - tool and environment folders: hidden folders (`.github/`, `.claude/`, `.venv/`), `node_modules/`,
 *   virtualenvs (a `pyvenv.cfg`, or `venv/`, `env/`, `virtualenv/`), `site-packages/`;
 * - copies of a project (`project 2/`, `api copy/`, `api (1)/`, `backup/`, `old/`);
 * - tests, fixtures, docs, examples and scripts (a `docs/requirements.txt` for Read the Docs is not a
 *   deployment), unless the configuration's `services` names them.
 * A folder with only a Nixpacks config is not a root either (`nixpacksConfigPath` can point at it).
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
  "samples",
  "scripts",
]);
const TOOL_DIRS = new Set(["node_modules", "venv", "env", "virtualenv", "site-packages", "__pycache__"]);
const COPY_DIR = /^(.+ \d+|.+ copy|.+ \(\d+\)|backup|backups|old|archive|archived|deprecated)$/i;

export interface SkippedFolder {
  /** The folder (repo-relative), the top-most one that is skipped. */
  dir: string;
  /** A deployment file inside it, for the finding's location. */
  file: string;
  reason: string;
}

export interface Discovered {
  roots: string[];
  skipped: SkippedFolder[];
}

/** Why a folder (a path of segments) is not a deployment, or null when it may be one. */
function skipReason(ws: Workspace, segs: string[]): { depth: number; reason: string } | null {
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i]!;
    const lower = seg.toLowerCase();
    const dir = segs.slice(0, i + 1).join("/");
    if (seg.startsWith(".") && seg !== ".railway")
      return { depth: i, reason: `\`${seg}/\` is a tool or environment folder, not a deployment` };
    if (TOOL_DIRS.has(lower) || ws.isFile(`${dir}/pyvenv.cfg`))
      return { depth: i, reason: `\`${seg}/\` is a virtualenv or package folder, not a deployment` };
    if (COPY_DIR.test(seg))
      return {
        depth: i,
        reason: `\`${seg}/\` looks like a copy or an archive of a project, not a deployment`,
      };
    if (NOT_SERVICE_DIRS.has(lower))
      return {
        depth: i,
        reason: `\`${seg}/\` holds tests, docs, examples or scripts, which Railway does not deploy`,
      };
  }
  return null;
}

export function discoverServices(ws: Workspace): Discovered {
  const roots = new Set<string>();
  const skipped = new Map<string, SkippedFolder>();
  for (const f of ws.files()) {
    if (!SERVICE_MARKERS.has(basename(f))) continue;
    const dir = dirname(f);
    const why = dir === "" ? null : skipReason(ws, dir.split("/"));
    if (why) {
      const top = dir
        .split("/")
        .slice(0, why.depth + 1)
        .join("/");
      if (!skipped.has(top)) skipped.set(top, { dir: top, file: f, reason: why.reason });
      continue;
    }
    roots.add(dir);
  }
  // A root holding only a main file (`bot.py`) still builds: Railpack detects Python by its main files.
  if (!roots.has("") && ws.files().some((f) => RAILPACK_MAIN_FILES.includes(f))) roots.add("");
  return {
    roots: [...roots].sort((a, b) => (a === "" ? -1 : b === "" ? 1 : compareText(a, b))),
    skipped: [...skipped.values()].sort((a, b) => compareText(a.dir, b.dir)),
  };
}
