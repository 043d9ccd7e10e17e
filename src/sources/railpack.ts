/**
 * railpack.json (schema https://schema.railpack.com; railwayapp/railpack@b5e80580 core/config): the
 * keys deploy-drift reads — `packages.python` (applied after the provider, so it overrides every
 * version file: applyPackagesFromConfig in Generate()), `deploy.startCommand`, `buildAptPackages`,
 * `deploy.aptPackages`, `provider`.
 */
import type { Located } from "../model/span.js";
import type { ConfigDoc } from "./doc.js";
import { type LocatedList, readList, readString } from "./nixpacks.js";

export interface RailpackConfig {
  doc: ConfigDoc;
  python: Located<string> | null;
  startCommand: Located<string> | null;
  buildAptPackages: LocatedList | null;
  deployAptPackages: LocatedList | null;
  provider: Located<string> | null;
}

export function readRailpack(doc: ConfigDoc): RailpackConfig {
  return {
    doc,
    python: readString(doc, ["packages", "python"]),
    startCommand: readString(doc, ["deploy", "startCommand"]),
    buildAptPackages: readList(doc, ["buildAptPackages"]),
    deployAptPackages: readList(doc, ["deploy", "aptPackages"]),
    provider: readString(doc, ["provider"]),
  };
}
