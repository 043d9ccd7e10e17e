/**
 * railpack.json (schema https://schema.railpack.com; railwayapp/railpack@b5e80580 core/config): the
 * keys deploy-drift reads — `packages.python` (applied after the provider, so it overrides every
 * version file: applyPackagesFromConfig in Generate()), `deploy.startCommand`, `buildAptPackages`,
 * `deploy.aptPackages`, `provider`.
 */
import type { Located } from "../model/span.js";
import { type ConfigDoc, isRecord } from "./doc.js";
import { type LocatedList, readList, readString } from "./nixpacks.js";
import type { FieldSpec } from "./schema.js";

const STRINGS: FieldSpec = { type: "string[]" };
const STRING_MAP: FieldSpec = { type: "map", of: { type: "string" } };
// Layers and commands take several shapes (and the "..." spread); only their place is checked.
const ANY: FieldSpec = { type: "any" };

/**
 * Railpack's config struct (railwayapp/railpack core/config/config.go Config, DeployConfig,
 * StepConfig; core/plan/step.go Step; docs/src/content/docs/config/file.mdx). The file is read with
 * encoding/json after hujson's Standardize (core.go readConfigJSON): unknown keys are ignored, keys
 * match whatever their case, and a value of the wrong type fails the build. Newer Railpacks also
 * take a table per provider (`python`, `node`, ...: core/providers/<name>/config); those are
 * accepted as they are.
 */
const PROVIDERS = [
  "cmake",
  "cpp",
  "deno",
  "dotnet",
  "elixir",
  "flutter",
  "gleam",
  "golang",
  "java",
  "meson",
  "node",
  "php",
  "python",
  "ros",
  "ruby",
  "rust",
  "shell",
  "staticfile",
  "zig",
];
export const RAILPACK_SPEC: FieldSpec = {
  type: "object",
  caseInsensitive: true,
  fields: {
    $schema: { type: "string" },
    provider: { type: "string" },
    buildAptPackages: STRINGS,
    packages: STRING_MAP,
    caches: {
      type: "map",
      of: {
        type: "object",
        caseInsensitive: true,
        fields: { directory: { type: "string" }, type: { type: "string" } },
      },
    },
    secrets: STRINGS,
    steps: {
      type: "map",
      of: {
        type: "object",
        caseInsensitive: true,
        fields: {
          name: { type: "string" },
          inputs: ANY,
          commands: ANY,
          secrets: STRINGS,
          assets: STRING_MAP,
          variables: STRING_MAP,
          caches: STRINGS,
          deployOutputs: ANY,
        },
      },
    },
    deploy: {
      type: "object",
      caseInsensitive: true,
      fields: {
        aptPackages: STRINGS,
        base: ANY,
        inputs: ANY,
        startCommand: { type: "string" },
        variables: STRING_MAP,
        paths: STRINGS,
      },
    },
    ...Object.fromEntries(PROVIDERS.map((p) => [p, ANY])),
  },
};

export interface RailpackConfig {
  doc: ConfigDoc;
  python: Located<string> | null;
  startCommand: Located<string> | null;
  buildAptPackages: LocatedList | null;
  deployAptPackages: LocatedList | null;
  provider: Located<string> | null;
}

export function readRailpack(doc: ConfigDoc): RailpackConfig {
  // Go's encoding/json matches keys whatever their case: find the spelling the file uses.
  const at = (...path: string[]): string[] => {
    const out: string[] = [];
    let node: unknown = doc.value;
    for (const key of path) {
      const actual = isRecord(node)
        ? key in node
          ? key
          : (Object.keys(node).find((k) => k.toLowerCase() === key.toLowerCase()) ?? key)
        : key;
      out.push(actual);
      node = isRecord(node) ? node[actual] : undefined;
    }
    return out;
  };
  return {
    doc,
    python: readString(doc, at("packages", "python")),
    startCommand: readString(doc, at("deploy", "startCommand")),
    buildAptPackages: readList(doc, at("buildAptPackages")),
    deployAptPackages: readList(doc, at("deploy", "aptPackages")),
    provider: readString(doc, at("provider")),
  };
}
