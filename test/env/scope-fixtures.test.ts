/**
 * Mini repositories for issue 14's scope items (test/fixtures/env-scope/<case>/): each `expected.json`
 * lists every env-* and committed-secret finding the case must produce, with its position; the
 * `*-silent` cases list none. Read from disk through DiskWorkspace, as the CLI does.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/analyze.js";
import { DiskWorkspace } from "../../src/repo/disk.js";
import { ALL_PARSERS } from "../helpers/parsers.js";

const ROOT = fileURLToPath(new URL("../fixtures/env-scope/", import.meta.url));
const TODAY = new Date("2026-12-01T12:00:00Z");

describe("env scope fixtures", () => {
  const cases = readdirSync(ROOT).sort();
  it("has a firing and a silent case for each item", () => {
    for (const stem of ["env-file-parent", "docker-outside-image", "start-script"]) {
      expect(cases).toContain(`${stem}-fires`);
      expect(cases).toContain(`${stem}-silent`);
    }
  });
  for (const name of cases) {
    it(name, () => {
      const dir = join(ROOT, name);
      const expected = JSON.parse(readFileSync(join(dir, "expected.json"), "utf8")) as unknown[];
      if (name.endsWith("-silent")) expect(expected).toEqual([]);
      else expect(expected.length).toBeGreaterThan(0);
      const got = analyze(new DiskWorkspace(dir), { today: TODAY, parsers: ALL_PARSERS })
        .findings.filter((f) => f.rule.startsWith("env-") || f.rule === "committed-secret")
        .map((f) => ({ rule: f.rule, file: f.file, line: f.line, column: f.column, severity: f.severity }));
      expect(got).toEqual(expected);
    });
  }
});
