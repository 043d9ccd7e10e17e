/**
 * New vs existing findings (changes/baseline.ts). Issue 12: a truncated run must never look clean, so
 * a budget finding on the repository (`unreadable-file` at `.`) stays in scope under every filter mode,
 * even when the base revision hit the same budget.
 */
import { describe, expect, it } from "vitest";
import { inScope, markBaseline } from "../../src/changes/baseline.js";
import type { Finding } from "../../src/model/finding.js";

const finding = (over: Partial<Finding>): Finding => ({
  rule: "requirement-not-pinned",
  severity: "error",
  service: ".",
  file: "requirements.txt",
  line: 3,
  column: 1,
  message: "m",
  fix: "f",
  ...over,
});

describe("markBaseline", () => {
  it("a finding the base revision had is existing in an untouched file, and filtered out", () => {
    const [f] = markBaseline([finding({})], [finding({ line: 2 })], []);
    expect(f!.baseline).toBe("existing");
    expect(inScope(f!, "added")).toBe(false);
    expect(inScope(f!, "file")).toBe(false);
  });

  it("a budget the run hit is new under every filter mode, even if the base hit it too", () => {
    const gap = finding({ rule: "unreadable-file", file: ".", line: null, column: null, message: "budget" });
    const [f] = markBaseline([gap], [gap], []);
    expect(f!.baseline).toBe("new");
    expect(inScope(f!, "added")).toBe(true);
    expect(inScope(f!, "file")).toBe(true);
  });

  it("an unreadable file at a path is compared like any finding", () => {
    const u = finding({ rule: "unreadable-file", file: ".python-version", line: 1 });
    expect(markBaseline([u], [u], [])[0]!.baseline).toBe("existing");
  });
});
