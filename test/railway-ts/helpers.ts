import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { RailwayTsConfig, RailwayTsService } from "../../src/sources/railway-iac/model/types.js";
import { parseRailwayTs } from "../../src/sources/railway-iac/ts/parse.js";

export const FIXTURES = fileURLToPath(new URL("../fixtures/railway-ts/", import.meta.url));
export const FILE = ".railway/railway.ts";

export function fixtureText(name: string): string {
  return readFileSync(join(FIXTURES, name, ".railway", "railway.ts"), "utf8");
}

export function parseFixture(name: string): RailwayTsConfig {
  return parseRailwayTs(FILE, fixtureText(name));
}

export function parseText(text: string): RailwayTsConfig {
  return parseRailwayTs(FILE, text);
}

export function serviceNamed(config: RailwayTsConfig, name: string): RailwayTsService {
  const s = config.services.find(
    (x) => x.name.provenance !== "candidates" && "value" in x.name && x.name.value === name,
  );
  if (!s) throw new Error(`no service ${name} in ${config.services.length} services`);
  return s;
}

export function envNamed(service: RailwayTsService, name: string) {
  const e = service.env.find((x) => x.name === name);
  if (!e) throw new Error(`no env ${name}`);
  return e;
}
