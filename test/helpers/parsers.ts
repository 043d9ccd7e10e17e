// Tests run the synchronous `analyze` on repositories that may hold railway.ts or workflows; real
// runs load these parsers lazily through `analyzeRepo`.
import type { OptionalParsers } from "../../src/analyze.js";
import { parseRailwayTs } from "../../src/sources/railway-ts/parse.js";
import { parseWorkflow } from "../../src/sources/workflows/parse.js";

export const ALL_PARSERS: OptionalParsers = { railwayTs: parseRailwayTs, workflow: parseWorkflow };
