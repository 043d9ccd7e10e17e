// Finding locations link to the file at the PR head; repository paths cannot break out of the link.
import { describe, expect, it } from "vitest";
import type { Report } from "../../src/model/report.js";
import { renderMarkdown, urlPath } from "../../src/report/markdown.js";

const BLOB = "https://github.com/o/r/blob/0123456789abcdef0123456789abcdef01234567/";

function report(file: string): Report {
  return {
    schemaVersion: 1,
    tool: { name: "deploy-drift", version: "0.1.0" },
    root: "r",
    runDate: "2026-12-01",
    services: [],
    findings: [
      {
        rule: "lockfile-missing-package",
        severity: "error",
        service: ".",
        file,
        line: 7,
        column: 1,
        message: "`x==1` in requirements.txt is missing from requirements.lock",
        fix: "Regenerate the lock.",
      },
    ],
    counts: { error: 1, warning: 0, notice: 0 },
    failOn: "error",
    blocking: true,
    changes: null,
  } as Report;
}

describe("finding location links", () => {
  it("links the location to its line at the head commit", () => {
    const md = renderMarkdown(report("api/requirements.txt"), { blobUrl: BLOB });
    expect(md).toContain(`[\`api/requirements.txt:7:1\`](${BLOB}api/requirements.txt#L7)`);
  });
  it("percent-encodes every character a link could break on", () => {
    expect(urlPath("a b/x)(y'!*.txt")).toBe("a%20b/x%29%28y%27%21%2A.txt");
    const md = renderMarkdown(report("evil)](javascript:alert(1))/requirements.txt"), { blobUrl: BLOB });
    // Outside code spans (where markdown does nothing with it), no link target but the blob URL.
    const live = md.replace(/`[^`]*`/g, "");
    expect(live).not.toContain("javascript:");
    expect(md).toContain(`${BLOB}evil%29%5D%28javascript%3Aalert%281%29%29/requirements.txt#L7)`);
  });
  it("keeps a plain code span without a blob URL (CLI, job summary)", () => {
    expect(renderMarkdown(report("requirements.txt"))).toContain("`requirements.txt:7:1` ");
  });
});
