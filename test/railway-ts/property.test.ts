import { readdirSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Span } from "../../src/model/span.js";
import type { RailwayTsConfig } from "../../src/sources/railway-iac/model/types.js";
import { parseRailwayTs } from "../../src/sources/railway-iac/ts/parse.js";
import { FILE, FIXTURES, fixtureText } from "./helpers.js";

const fixtures = readdirSync(FIXTURES).map(fixtureText);

/** Tokens that steer random input towards the constructs the evaluator handles. */
const TOKENS = [
  "const",
  "let",
  "x",
  "a",
  "ctx",
  "service",
  "project",
  "defineRailway",
  "preserve",
  "github",
  "ref",
  "(",
  ")",
  "{",
  "}",
  "[",
  "]",
  ",",
  ":",
  ";",
  "=",
  "=>",
  "?",
  "...",
  ".",
  "+",
  "*",
  "!",
  "&&",
  "??",
  '"s"',
  "'t'",
  "`",
  "${",
  "${{",
  "}}",
  "1",
  "0",
  "env",
  "start",
  "build",
  "deploy",
  "as const",
  "export default",
  "return",
  "if",
  "import",
  'from "railway/iac"',
  "\n",
  " ",
  "//",
  "/*",
  "*/",
] as const;

function spansOk(text: string, spans: Span[]): boolean {
  const lines = text.split("\n").length;
  return spans.every((s) => s.file === FILE && s.line >= 1 && s.column >= 1 && s.line <= lines);
}

function allSpans(c: RailwayTsConfig): Span[] {
  const out: Span[] = c.diagnostics.map((d) => d.span);
  for (const s of c.services) {
    out.push(s.span, s.name.span, ...s.env.flatMap((e) => [e.span, e.nameSpan]));
    if (s.startCommand) out.push(s.startCommand.span);
  }
  return out;
}

const run = (text: string) => {
  const c = parseRailwayTs(FILE, text);
  expect(Array.isArray(c.services)).toBe(true);
  expect(spansOk(text, allSpans(c))).toBe(true);
};

describe("parseRailwayTs never throws", () => {
  it("a syntax error Babel locates with `index: NaN` (found by the property below) still has its line and column", () => {
    for (const [text, line, column] of [
      ["arguments\u0000", 1, 10],
      ["const a = 1;\r\narguments\u0000", 2, 10],
    ] as const) {
      const c = parseRailwayTs(FILE, text);
      expect(c.diagnostics.map((d) => [d.severity, d.span.line, d.span.column])).toEqual([
        ["error", line, column],
      ]);
    }
  });

  it("on arbitrary strings", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 400 }), run), { numRuns: 300 });
  });

  it("on token soup", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TOKENS), { maxLength: 120 }), (ts) => run(ts.join(" "))),
      { numRuns: 400 },
    );
  });

  it("on mutated fixtures (deletions, insertions, truncations)", () => {
    const mutation = fc.record({
      file: fc.nat({ max: fixtures.length - 1 }),
      at: fc.nat(),
      del: fc.nat({ max: 40 }),
      insert: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 8 })),
      truncate: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (ms) => {
        let text = fixtures[ms[0]!.file]!;
        for (const m of ms) {
          const at = m.at % (text.length + 1);
          text = m.truncate ? text.slice(0, at) : text.slice(0, at) + m.insert + text.slice(at + m.del);
        }
        run(text);
      }),
      { numRuns: 400 },
    );
  });

  it("on pathological nesting and self-reference", () => {
    run(`${"(".repeat(5000)}1${")".repeat(5000)}`);
    run(`const a = ${"[".repeat(3000)}${"]".repeat(3000)};`);
    run(`const a = ${"{a:".repeat(2000)}1${"}".repeat(2000)};\nexport default a;`);
    run("const f = (x) => f(x) + f(x);\nexport default f(1);");
    run(
      'const xs = ["a","b","c","d"];\nconst f = (n) => n > 0 ? [...f(n-1), ...f(n-1)] : xs;\nexport default f(40);',
    );
    run(`const a = \`${"${`".repeat(500)}${"`}".repeat(500)}\`;`);
  });
});
