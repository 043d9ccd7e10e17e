import { describe, expect, it } from "vitest";
import { chars, cutTo, fitTiers, utf8Bytes } from "../../src/github/budget.js";

describe("fitTiers", () => {
  const render = (sizes: Record<string, number>) => (d: string) => `${d}:${"x".repeat(sizes[d]!)}`;
  it("returns the largest tier that fits, decoration included", () => {
    const r = fitTiers(render({ full: 100, compact: 50, summary: 10 }), 70, chars, (b) => `<m>${b}`);
    expect(r.tier).toBe("compact");
    expect(r.text.startsWith("<m>compact:")).toBe(true);
  });
  it("cuts the summary as a last resort and says so", () => {
    const r = fitTiers(render({ full: 500, compact: 400, summary: 300 }), 200, chars, (b) => `<m>${b}`);
    expect(r.tier).toBe("cut");
    expect(r.text.length).toBeLessThanOrEqual(200);
    expect(r.text).toContain("cut to fit");
    expect(r.text.startsWith("<m>summary:")).toBe(true);
  });
  it("measures bytes when asked (multi-byte text)", () => {
    const r = fitTiers((d) => (d === "full" ? "é".repeat(40) : "ok"), 60, utf8Bytes);
    expect(r.tier).toBe("compact");
  });
});

describe("cutTo", () => {
  it("never splits a surrogate pair and prefers a line end", () => {
    expect(cutTo("ab😀cd", 3, chars)).toBe("ab");
    expect(cutTo("line one\nline two\nline three", 20, chars)).toBe("line one\nline two");
  });
});
