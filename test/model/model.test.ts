/**
 * The deployment model on real-shaped repositories (test/fixtures/model/<case>/): which services
 * exist, which builder and config apply, and the exact findings that follow. Each case's
 * `expected.json` lists every error and warning the run raises (rule, file, line, column, severity;
 * `message` is a substring the message must contain), and optionally the services
 * (`services`: root, name, builder, Python version, origin). Notices are checked only when listed
 * (`notices: true`).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/analyze.js";
import { DiskWorkspace } from "../../src/repo/disk.js";
import { ALL_PARSERS } from "../helpers/parsers.js";

const DIR = fileURLToPath(new URL("../fixtures/model/", import.meta.url));

interface ExpectedFinding {
  rule: string;
  file: string;
  line: number | null;
  column?: number | null;
  severity: "error" | "warning" | "notice";
  message?: string;
}
interface Expected {
  today: string;
  notices?: boolean;
  findings: ExpectedFinding[];
  services?: Array<{
    root: string;
    name?: string;
    builder?: string;
    python?: string | null;
    origin?: string;
  }>;
}

const cases = readdirSync(DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

describe("the deployment model", () => {
  it.each(cases)("%s", (name) => {
    const dir = join(DIR, name);
    const exp = JSON.parse(readFileSync(join(dir, "expected.json"), "utf8")) as Expected;
    const report = analyze(new DiskWorkspace(dir), {
      today: new Date(`${exp.today}T12:00:00Z`),
      parsers: ALL_PARSERS,
    });
    const shown = report.findings.filter((f) => exp.notices || f.severity !== "notice");
    const key = (f: { rule: string; file: string; line: number | null; severity: string }) =>
      `${f.severity} ${f.rule} ${f.file}:${f.line}`;
    expect(shown.map(key).sort(), JSON.stringify(shown, null, 1).slice(0, 4000)).toEqual(
      exp.findings.map(key).sort(),
    );
    for (const e of exp.findings) {
      const f = shown.find((x) => key(x) === key(e))!;
      if (e.column !== undefined) expect(f.column, key(e)).toBe(e.column);
      if (e.message) expect(f.message, key(e)).toContain(e.message);
    }
    if (exp.services) {
      const got = report.services.map((s) => ({
        root: s.root,
        ...(exp.services!.some((x) => x.name !== undefined) ? { name: s.name } : {}),
        ...(exp.services!.some((x) => x.builder !== undefined) ? { builder: s.builder.name } : {}),
        ...(exp.services!.some((x) => x.python !== undefined) ? { python: s.pythonVersion } : {}),
        ...(exp.services!.some((x) => x.origin !== undefined) ? { origin: s.origin } : {}),
      }));
      expect(got).toEqual(
        exp.services.map((s) => ({
          root: s.root,
          ...(s.name !== undefined ? { name: s.name } : {}),
          ...(s.builder !== undefined ? { builder: s.builder } : {}),
          ...(s.python !== undefined ? { python: s.python } : {}),
          ...(s.origin !== undefined ? { origin: s.origin } : {}),
        })),
      );
    }
  });
});
