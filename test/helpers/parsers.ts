// Tests run the synchronous `analyze` on repositories that may hold a configuration, railway.ts or
// workflows; real runs load the schema and these parsers lazily through `analyzeRepo`.
import type { OptionalParsers } from "../../src/analyze.js";
import { ConfigSchema } from "../../src/config/schema.js";
import { parseRailwayPy } from "../../src/sources/railway-iac/py/parse.js";
import { parseRailwayTs } from "../../src/sources/railway-iac/ts/parse.js";
import { parseWorkflow } from "../../src/sources/workflows/parse.js";

export const ALL_PARSERS: OptionalParsers = {
  configSchema: ConfigSchema,
  railwayTs: parseRailwayTs,
  railwayPy: parseRailwayPy,
  workflow: parseWorkflow,
};
