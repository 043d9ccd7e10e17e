import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDotenv } from "../../src/sources/dotenv.js";

describe("parseDotenv", () => {
  it("reads KEY=value, export, quotes, comments and blank values with positions", () => {
    const text = [
      "# comment",
      "",
      "PLAIN=value # trailing comment",
      "export EXPORTED=1",
      "EMPTY=",
      "BARE",
      "SINGLE='a # not a comment \\n'",
      'DOUBLE="line\\nnext"',
      '  SPACED = "x"  # c',
      'MULTI="first',
      'second"',
      "URL=https://example.com/#anchor",
    ].join("\n");
    const f = parseDotenv(".env", text);
    expect(f.diagnostics).toEqual([]);
    const by = Object.fromEntries(f.entries.map((e) => [e.key, e]));
    expect(Object.keys(by)).toEqual([
      "PLAIN",
      "EXPORTED",
      "EMPTY",
      "BARE",
      "SINGLE",
      "DOUBLE",
      "SPACED",
      "MULTI",
      "URL",
    ]);
    expect(by.PLAIN!.value).toBe("value");
    expect(by.PLAIN!.keySpan).toEqual({ file: ".env", line: 3, column: 1, endLine: 3, endColumn: 6 });
    expect(by.PLAIN!.valueSpan).toMatchObject({ line: 3, column: 7 });
    expect(by.EXPORTED!).toMatchObject({ value: "1", exported: true, keySpan: { line: 4, column: 8 } });
    expect(by.EMPTY!.value).toBe("");
    expect(by.EMPTY!.valueSpan).toBeNull();
    expect(by.BARE!.value).toBeNull();
    expect(by.SINGLE!).toMatchObject({ value: "a # not a comment \\n", quote: "single" });
    expect(by.DOUBLE!).toMatchObject({ value: "line\nnext", quote: "double" });
    expect(by.SPACED!).toMatchObject({ value: "x", keySpan: { line: 9, column: 3 } });
    expect(by.MULTI!).toMatchObject({ value: "first\nsecond", valueSpan: { line: 10, endLine: 11 } });
    expect(by.URL!.value).toBe("https://example.com/#anchor");
  });

  it("reports lines it cannot read without quoting them", () => {
    const f = parseDotenv(".env", 'GOOD=1\n=nokey\nNOEQ value\nOPEN="s3cr3t-never-shown\n');
    expect(f.entries.map((e) => e.key)).toEqual(["GOOD"]);
    expect(f.diagnostics.map((d) => [d.span.line, d.severity])).toEqual([
      [2, "warning"],
      [3, "warning"],
      [4, "warning"],
    ]);
    for (const d of f.diagnostics) expect(d.message).not.toContain("s3cr3t");
  });

  it("never throws", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary-ascii", maxLength: 120 }), (s) => {
        const f = parseDotenv(".env", s);
        for (const e of f.entries) expect(e.keySpan.line).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 200 },
    );
  });
});
