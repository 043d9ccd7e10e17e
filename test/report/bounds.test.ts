// Issue 12 items 2 and 4 (renderer part): very many findings or a deeply nested config never overflow
// the stack and never produce an unbounded report.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/analyze.js";
import type { Finding } from "../../src/model/finding.js";
import type { Report } from "../../src/model/report.js";
import { MemoryWorkspace } from "../../src/repo/workspace.js";
import { JSON_FINDINGS_MAX, renderJson } from "../../src/report/json.js";
import { LIST_MAX, PER_RULE_MAX, renderMarkdown } from "../../src/report/markdown.js";
import { renderSarif, SARIF_RESULTS_MAX } from "../../src/report/sarif.js";
import { RAILWAY_DEPTH_MAX } from "../../src/report/sections.js";
import { renderText } from "../../src/report/text.js";

const TODAY = new Date("2026-11-26T12:00:00Z");
const base = (): Report =>
  analyze(new MemoryWorkspace({ "requirements.txt": "fastapi==0.115.0\n" }, "svc"), { today: TODAY });

function many(n: number, rules = 3): Finding[] {
  return Array.from({ length: n }, (_, i) => ({
    rule: `rule-${i % rules}`,
    severity: i % 2 ? "warning" : "error",
    service: ".",
    file: "requirements.txt",
    line: i + 1,
    column: 1,
    message: `\`pkg${i}\` is wrong`,
    fix: `Fix \`pkg${i}\`.`,
  }));
}

describe("bounded renderers", () => {
  it("renders 100,000 findings in every format without a stack overflow, each output bounded", () => {
    const r = base();
    r.findings = many(100_000);
    r.counts = { error: 50_000, warning: 50_000, notice: 0 };
    r.blocking = true;
    for (const layout of ["comment", "summary"] as const) {
      const md = renderMarkdown(r, { layout });
      expect(md.length).toBeLessThan(200_000);
      expect(md).toMatch(/- … and \d+ more \(`rule-0`/);
    }
    const json = JSON.parse(renderJson(r));
    expect(json.findings).toHaveLength(JSON_FINDINGS_MAX);
    expect(json.findingsOmitted).toBe(100_000 - JSON_FINDINGS_MAX);
    const sarif = JSON.parse(renderSarif(r));
    expect(sarif.runs[0].results).toHaveLength(SARIF_RESULTS_MAX);
    expect(sarif.runs[0].properties["deployDrift/omittedResults"]).toBe(100_000 - SARIF_RESULTS_MAX);
    expect(renderText(r).split("\n").length).toBeGreaterThan(100_000);
  });

  it("lists at most PER_RULE_MAX findings of one rule and LIST_MAX in a list, then an 'N more' line", () => {
    const r = base();
    r.findings = many(50, 1).map((f) => ({ ...f, severity: "error", fix: "Same fix." }));
    r.blocking = true;
    const md = renderMarkdown(r);
    const items = md.split("\n").filter((l) => l.startsWith("  - `requirements.txt:"));
    expect(items).toHaveLength(PER_RULE_MAX);
    expect(md).toContain(
      `- … and ${50 - PER_RULE_MAX} more (\`rule-0\` listed ${PER_RULE_MAX} times at most)`,
    );
    r.findings = many(1_000, 500);
    const long = renderMarkdown(r, { layout: "summary" });
    expect(
      long.split("\n").filter((l) => l.startsWith("- ❌ `requirements.txt:")).length,
    ).toBeLessThanOrEqual(LIST_MAX);
  });

  it("a railway.toml table header with 5,000 segments, or 30: no crash; the table says how deep it stops", () => {
    for (const n of [5_000, 30]) {
      const header = Array.from({ length: n }, () => "a").join(".");
      const ws = new MemoryWorkspace(
        { "railway.toml": `[${header}]\nb = 1\n`, "requirements.txt": "fastapi==0.115.0\n" },
        "svc",
      );
      const r = analyze(ws, { today: TODAY });
      expect(() => renderMarkdown(r)).not.toThrow();
      expect(() => renderText(r)).not.toThrow();
      const rows = r.services[0]!.sections.railway;
      // The reader may refuse a file this deep (a finding); whatever it reads, the table is bounded.
      if (n === 30) {
        expect(rows).toHaveLength(1);
        expect(rows[0]!.value).toBe(`(nested deeper than ${RAILWAY_DEPTH_MAX} levels, not shown)`);
      }
    }
  });
});
