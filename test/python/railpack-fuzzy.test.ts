// Railpack's resolveToFuzzyVersion (core/resolver/version.go @ b5e80580), as deploy-drift models it.
import { describe, expect, it } from "vitest";
import { railpackFuzzyVersion } from "../../src/python/versions.js";

describe("railpackFuzzyVersion", () => {
  it.each([
    ["3.12", { major: 3, minor: 12, patch: null }, false],
    ["3.12.7", { major: 3, minor: 12, patch: 7 }, false],
    ["3.11.x", { major: 3, minor: 11, patch: null }, true],
    ["~3.11", { major: 3, minor: 11, patch: null }, true],
    ["v3.11", { major: 3, minor: 11, patch: null }, true],
  ])("%s is a fixed line", (raw, version, noted) => {
    const r = railpackFuzzyVersion(raw);
    expect(r.version).toEqual(version);
    expect(r.note !== null).toBe(noted);
  });
  it.each([">=3.11", ">= 3.11", "^3.11", ">=3.11 <3.13", "latest", "*", ""])("%s floats", (raw) => {
    const r = railpackFuzzyVersion(raw);
    expect(r.version).toBeNull();
    expect(r.note).toMatch(/newest Python/);
  });
  it("says what a range becomes", () => {
    expect(railpackFuzzyVersion(">=3.11").note).toContain("into `3`");
  });
});
