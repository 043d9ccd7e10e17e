/**
 * Maps `.railway/railway.ts` services to the folders they build, by their root directory (a leading
 * `/` is the repository root; `.`, empty and no root directory mean the root). Several services may
 * share one root (a web service and a worker from the same code): each is a deployment of its own.
 * A service whose root cannot be known (it depends on the deploy context, or is not a static value)
 * or names a folder the repository does not have is returned as unmapped, never dropped silently.
 */
import { normalizeRelPath, type Workspace } from "../repo/workspace.js";
import {
  definiteValue,
  type RailwayTsConfig,
  type RailwayTsService,
} from "../sources/railway-iac/model/types.js";

export const RAILWAY_TS = ".railway/railway.ts";
/** The Python front end of the same model (`src/sources/railway-iac/py`). */
export const RAILWAY_PY = ".railway/railway.py";
/** Not analysed: reported once per repository so its absence is never silent. */
export const RAILWAY_GO = ".railway/railway.go";

/** True when the IaC file at `file` is the Python front end's (`.railway/railway.py`). */
export function isRailwayPy(file: string): boolean {
  return file.endsWith(".py");
}

/** The IaC file's name as messages say it: `railway.ts` or `railway.py`. */
export function iacName(file: string): string {
  return isRailwayPy(file) ? "railway.py" : "railway.ts";
}

/**
 * Where a build/deploy setting goes in a service, in the file's own syntax: `deploy: { … }` in the
 * options object of railway.ts, `deploy={…}` among the keywords of railway.py (the Python SDK takes
 * the same key names).
 */
export function iacSettingHint(file: string, key: string, section: string): string {
  return isRailwayPy(file)
    ? `Add \`"${key}"\` to \`${section}={…}\` in the service's keywords in ${file}`
    : `Add \`${key}\` under \`${section}: { … }\` in the service's options in ${file}`;
}

export interface MappedIac {
  /** Services by root, in the file's order. */
  byRoot: Map<string, RailwayTsService[]>;
  unmapped: Array<{ service: RailwayTsService; reason: string }>;
  /** Every service's root is known: the file names the deployed folders (servicesComplete too). */
  namesRoots: boolean;
}

export function mapRailwayTsServices(cfg: RailwayTsConfig, ws: Workspace): MappedIac {
  const byRoot = new Map<string, RailwayTsService[]>();
  const unmapped: MappedIac["unmapped"] = [];
  const add = (root: string, s: RailwayTsService) => {
    const list = byRoot.get(root) ?? [];
    list.push(s);
    byRoot.set(root, list);
  };
  for (const s of cfg.services) {
    if (s.rootDirectory === null) {
      add("", s);
      continue;
    }
    const dir = definiteValue(s.rootDirectory);
    if (dir === null) {
      unmapped.push({
        service: s,
        reason:
          "its root directory is not a static value (it depends on the deploy context or on code deploy-drift does not run)",
      });
      continue;
    }
    const root = normalizeRelPath(dir.replace(/^\/+/, ""));
    if (root === null) {
      unmapped.push({ service: s, reason: `its root directory \`${dir}\` leaves the repository` });
      continue;
    }
    if (root !== "" && !ws.files().some((f) => f.startsWith(`${root}/`))) {
      unmapped.push({
        service: s,
        reason: `its root directory \`${dir}\` is not a folder of this repository`,
      });
      continue;
    }
    add(root, s);
  }
  return {
    byRoot,
    unmapped,
    namesRoots: cfg.servicesComplete && unmapped.length === 0 && cfg.services.length > 0,
  };
}
