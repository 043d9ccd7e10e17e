import { describe, expect, it } from "vitest";
import { renderSarif, toSarif } from "../../src/report/sarif.js";
import { finding, makeReport } from "./helpers.js";

describe("SARIF", () => {
  const report = makeReport([
    finding(0, "error", { related: [{ file: ".python-version", line: 1, column: 1, endColumn: 5 }] }),
    finding(1, "notice", {
      rule: "lockfile-out-of-sync",
      file: "req dir/requirements.txt",
      line: null,
      column: null,
    }),
  ]);

  it("is SARIF 2.1.0 with one run, rules and results", () => {
    const log = toSarif(report, {
      pathPrefix: "services/api",
      rules: [
        { id: "python-version-mismatch", summary: "Python versions disagree", defaultSeverity: "error" },
      ],
      helpUri: (id) => `https://example.test/docs/rules/${id}.md`,
    });
    expect(log.version).toBe("2.1.0");
    const run = log.runs[0]!;
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual([
      "lockfile-out-of-sync",
      "python-version-mismatch",
    ]);
    expect(run.tool.driver.rules[1]).toMatchObject({
      shortDescription: { text: "Python versions disagree" },
      defaultConfiguration: { level: "error" },
      helpUri: "https://example.test/docs/rules/python-version-mismatch.md",
    });
    const [r0, r1] = run.results;
    expect(r0).toMatchObject({
      ruleId: "python-version-mismatch",
      ruleIndex: 1,
      level: "error",
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: "services/api/runtime.txt", uriBaseId: "%SRCROOT%" },
            region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 12 },
          },
        },
      ],
      relatedLocations: [{ physicalLocation: { artifactLocation: { uri: "services/api/.python-version" } } }],
    });
    expect(r0!.message.text).toContain("Fix: Pick one version");
    // No position: a file-level result without a region, never a guessed line. Paths are URI-encoded.
    expect(r1).toMatchObject({ ruleIndex: 0, level: "note" });
    expect(r1!.locations[0]!.physicalLocation).toEqual({
      artifactLocation: { uri: "services/api/req%20dir/requirements.txt", uriBaseId: "%SRCROOT%" },
    });
  });

  it("has stable fingerprints and renders as JSON", () => {
    const a = toSarif(report).runs[0]!.results[0]!.partialFingerprints;
    const b = toSarif(report).runs[0]!.results[0]!.partialFingerprints;
    expect(a).toEqual(b);
    expect(JSON.parse(renderSarif(report)).runs[0].results).toHaveLength(2);
  });
});
