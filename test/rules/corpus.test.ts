/**
 * The rule corpus: for every rule in the catalog, a mini repository where it fires
 * (`test/fixtures/rules/<rule>/fires/`, with `expected.json`) and a near-miss variant, fixed the right
 * way, where it must stay silent (`silent/`). Fixtures are read from disk through DiskWorkspace, the
 * same reader the CLI and the action use.
 *
 * The corpus runs offline. Rules that need the PyPI look-ups get their data from the case folder: a
 * `pypi.json` there (pin → recorded answer in test/fixtures/pypi, or `{ "error" }`) is passed as
 * `opts.pypi`, as if the look-ups had answered so.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/analyze.js";
import { type Finding, SEVERITIES, type Severity } from "../../src/model/finding.js";
import type { Report } from "../../src/model/report.js";
import { DiskWorkspace } from "../../src/repo/disk.js";
import { RULES } from "../../src/rules/index.js";
import { ALL_PARSERS } from "../helpers/parsers.js";
import { loadPypiJson } from "../pypi/index.js";

const CORPUS = fileURLToPath(new URL("../fixtures/rules/", import.meta.url));
const TODAY = new Date("2026-11-26T12:00:00Z");

/** Further `fires` cases that run on another date (folder name under the rule's folder). */
const EXTRA_FIRES: Record<string, Array<{ name: string; today: Date }>> = {
  // From the cut-off (2026-12-01) on, Railway no longer reads the file: the warning becomes an error.
  "config-as-code-deprecated": [{ name: "fires-after-cutoff", today: new Date("2026-12-02T12:00:00Z") }],
};

interface Expected {
  rule: string;
  file: string;
  /** null for findings without a position (e.g. a file that should exist). */
  line: number | null;
  severity: Severity;
  column?: number;
}

const RULE_IDS = RULES.map((r) => r.id);

function caseDir(rule: string, name: string): string {
  return join(CORPUS, rule, name);
}

const reports = new Map<string, Report>();
function run(dir: string, today: Date = TODAY): Report {
  const key = `${dir}@${today.toISOString()}`;
  let report = reports.get(key);
  if (!report) {
    const pypi = loadPypiJson(dir); // the PyPI hook: see the header comment
    report = analyze(new DiskWorkspace(dir), {
      today,
      parsers: ALL_PARSERS,
      ...(pypi ? { pypi } : {}),
    });
    reports.set(key, report);
  }
  return report;
}

function readExpected(dir: string, rule: string): Expected[] {
  const raw: unknown = JSON.parse(readFileSync(join(dir, "expected.json"), "utf8"));
  expect(Array.isArray(raw), `${dir}/expected.json must be an array`).toBe(true);
  const entries = raw as Expected[];
  expect(entries.length, `${dir}/expected.json lists no finding`).toBeGreaterThan(0);
  for (const e of entries) {
    expect(e.rule, `${dir}/expected.json names another rule`).toBe(rule);
    expect(typeof e.file).toBe("string");
    expect(e.line === null || (Number.isInteger(e.line) && e.line > 0), `bad line ${e.line}`).toBe(true);
    expect(SEVERITIES).toContain(e.severity);
    if (e.column !== undefined) expect(Number.isInteger(e.column) && e.column > 0).toBe(true);
  }
  return entries;
}

function matches(e: Expected, f: Finding): boolean {
  return (
    f.rule === e.rule &&
    f.file === e.file &&
    f.line === e.line &&
    f.severity === e.severity &&
    (e.column === undefined || f.column === e.column)
  );
}

const show = (f: Finding) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.message}`;
const showExpected = (e: Expected) =>
  `${e.file}:${e.line}${e.column === undefined ? "" : `:${e.column}`} ${e.severity}`;

/** One-to-one: each expected entry takes one finding; entries with a column choose first. */
function compare(expected: Expected[], found: Finding[]): { missing: string[]; unexpected: string[] } {
  const left = [...found];
  const missing: string[] = [];
  const ordered = [...expected].sort(
    (a, b) => Number(b.column !== undefined) - Number(a.column !== undefined),
  );
  for (const e of ordered) {
    const i = left.findIndex((f) => matches(e, f));
    if (i < 0) missing.push(showExpected(e));
    else left.splice(i, 1);
  }
  return { missing, unexpected: left.map(show) };
}

function expectFires(rule: string, dir: string, today: Date = TODAY): void {
  const expected = readExpected(dir, rule);
  const found = run(dir, today).findings.filter((f) => f.rule === rule);
  expect(compare(expected, found), `findings of ${rule} in ${dir}`).toEqual({ missing: [], unexpected: [] });
}

describe("rule corpus layout", () => {
  it("has a folder only for rules in the catalog", () => {
    const folders = readdirSync(CORPUS).filter((n) => statSync(join(CORPUS, n)).isDirectory());
    expect(folders.filter((n) => !RULE_IDS.includes(n))).toEqual([]);
  });
});

describe.each(RULE_IDS)("%s", (rule) => {
  it("has a fires/ case with expected.json and a silent/ case", () => {
    expect(existsSync(caseDir(rule, "fires")), `missing ${caseDir(rule, "fires")}`).toBe(true);
    expect(existsSync(join(caseDir(rule, "fires"), "expected.json"))).toBe(true);
    expect(existsSync(caseDir(rule, "silent")), `missing ${caseDir(rule, "silent")}`).toBe(true);
  });

  it("fires exactly where expected.json says", () => {
    expectFires(rule, caseDir(rule, "fires"));
  });

  it("stays silent on the fixed variant", () => {
    const found = run(caseDir(rule, "silent")).findings.filter((f) => f.rule === rule);
    expect(found.map(show)).toEqual([]);
  });

  const extra = EXTRA_FIRES[rule] ?? [];
  if (extra.length > 0) {
    it.each(extra)("fires as expected in $name", ({ name, today }) => {
      expectFires(rule, caseDir(rule, name), today);
    });
  }
});

/** Every case folder of the corpus, with the date it runs on. */
function allCases(): Array<{ name: string; dir: string; today: Date }> {
  const out: Array<{ name: string; dir: string; today: Date }> = [];
  for (const rule of readdirSync(CORPUS).sort()) {
    const ruleDir = join(CORPUS, rule);
    if (!statSync(ruleDir).isDirectory()) continue;
    for (const name of readdirSync(ruleDir).sort()) {
      const dir = join(ruleDir, name);
      if (!statSync(dir).isDirectory()) continue;
      const today = EXTRA_FIRES[rule]?.find((c) => c.name === name)?.today ?? TODAY;
      out.push({ name: `${rule}/${name}`, dir, today });
    }
  }
  return out;
}

describe("no rule crashes on the corpus", () => {
  it.each(allCases())("$name", ({ dir, today }) => {
    const crashed = run(dir, today).findings.filter((f) => f.rule === "rule-crashed");
    expect(crashed.map(show)).toEqual([]);
  });
});
