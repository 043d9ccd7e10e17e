/**
 * Attaches `.railway/railway.ts` services to the service roots deploy-drift found, by their root
 * directory (a leading `/` is the repository root; `.` and empty mean the root).
 */
import { normalizeRelPath } from "../repo/workspace.js";
import { definiteValue, type RailwayTsConfig, type RailwayTsService } from "../sources/railway-ts/types.js";

export const RAILWAY_TS = ".railway/railway.ts";

export function mapRailwayTsServices(cfg: RailwayTsConfig, roots: string[]): Map<string, RailwayTsService> {
  const out = new Map<string, RailwayTsService>();
  const unrooted: RailwayTsService[] = [];
  for (const s of cfg.services) {
    if (s.rootDirectory === null) {
      unrooted.push(s);
      continue;
    }
    const dir = definiteValue(s.rootDirectory);
    if (dir === null) continue;
    const root = normalizeRelPath(dir.replace(/^\/+/, ""));
    if (root !== null && roots.includes(root) && !out.has(root)) out.set(root, s);
  }
  // A single service without a root directory builds the repository root.
  if (unrooted.length === 1 && roots.includes("") && !out.has("")) out.set("", unrooted[0]!);
  return out;
}
