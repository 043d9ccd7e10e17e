/**
 * The malformed-file corpus: `test/fixtures/malformed/<case>/` mini repositories, each with an
 * `expected.json` listing every finding the run must produce (rule, file, line, severity; one-to-one).
 * Two cases are too big to commit and are generated into a temp copy of their folder: a 2 MiB
 * requirements.txt over the per-file cap, and a 10,000-line one (run in a child process with a hard time
 * limit, because of a known quadratic step). Every other case also goes through every renderer.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as nodePath from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { SEVERITIES, type Severity } from "../../src/model/finding.js";
import { MAX_FILE_BYTES } from "../../src/repo/workspace.js";
import { parseRequirements } from "../../src/sources/requirements/parse.js";
import {
  cleanupTempDirs,
  MARKDOWN_KINDS,
  markdownProblems,
  type Outputs,
  runAll,
  tempDir,
} from "./helpers.js";

const CORPUS = fileURLToPath(new URL("../fixtures/malformed/", import.meta.url));
const CHILD = fileURLToPath(new URL("./analyze-child.mts", import.meta.url));
/** Generous for 10,000 lines (parsing them takes about a second), including the child's start-up. */
const RUN_LIMIT_MS = 12_000;

interface Expected {
  rule: string;
  file: string;
  line: number | null;
  severity: Severity;
}

afterAll(cleanupTempDirs);

/** Files generated into a temp copy of the case folder (too large to commit). */
const GENERATED: Record<string, () => Record<string, string>> = {
  "over-cap": () => ({
    "requirements.txt": "fastapi==0.115.0\nuvicorn==0.32.0\n".padEnd(2 * 1024 * 1024, "# padding\n"),
  }),
};

/** 10,000 lines: fastapi and uvicorn, pins, comments, blank lines, one range at line 7,777. */
function tenThousandLines(): string {
  const lines = ["fastapi==0.115.0", "uvicorn==0.32.0"];
  for (let i = lines.length + 1; i <= 10_000; i++) {
    if (i === 7_777) lines.push("unpinned-package>=1.0");
    else if (i % 100 === 0) lines.push(`# section ${i / 100}`);
    else if (i % 250 === 1) lines.push("");
    else lines.push(`package-${i}==1.${i % 50}.${i % 7}`);
  }
  return `${lines.join("\n")}\n`;
}

function readExpected(dir: string): Expected[] {
  const raw = JSON.parse(fs.readFileSync(nodePath.join(dir, "expected.json"), "utf8")) as Expected[];
  expect(Array.isArray(raw)).toBe(true);
  for (const e of raw) {
    expect(typeof e.rule).toBe("string");
    expect(typeof e.file).toBe("string");
    expect(e.line === null || (Number.isInteger(e.line) && e.line > 0)).toBe(true);
    expect(SEVERITIES).toContain(e.severity);
  }
  return raw;
}

const key = (f: Expected) => `${f.severity} ${f.rule} ${f.file}:${f.line}`;

const cases = fs
  .readdirSync(CORPUS)
  .filter((n) => fs.statSync(nodePath.join(CORPUS, n)).isDirectory())
  .sort();
/** Runs in a child process with a hard time limit (see the known-bug test below). */
const SLOW = "ten-thousand-lines";

const runs = new Map<string, Promise<Outputs>>();
function runCase(name: string): Promise<Outputs> {
  let r = runs.get(name);
  if (!r) {
    let dir = nodePath.join(CORPUS, name);
    const gen = GENERATED[name];
    if (gen) {
      const copy = nodePath.join(tempDir(), name);
      fs.cpSync(dir, copy, { recursive: true });
      for (const [f, text] of Object.entries(gen())) fs.writeFileSync(nodePath.join(copy, f), text);
      dir = copy;
    }
    r = runAll(dir);
    runs.set(name, r);
  }
  return r;
}

describe("malformed corpus layout", () => {
  it("has the cases issue 7 asks for", () => {
    expect(cases).toEqual(
      expect.arrayContaining([
        "truncated-toml",
        "json-trailing-comma",
        "unterminated-string-toml",
        "unterminated-string-json",
        "nul-bytes-requirements",
        "utf16-python-version",
        "bom-crlf-requirements",
        "invalid-utf8",
        "ten-thousand-lines",
        "over-cap",
      ]),
    );
  });
});

describe.each(cases.filter((c) => c !== SLOW))("%s", (name) => {
  const dir = nodePath.join(CORPUS, name);

  it("produces exactly the findings in expected.json", async () => {
    const expected = readExpected(dir).map(key).sort();
    const run = await runCase(name);
    expect(run.report.findings.map(key).sort()).toEqual(expected);
  });

  it("renders every output without a crash, and the markdown stays inert", async () => {
    const run = await runCase(name);
    for (const kind of MARKDOWN_KINDS)
      expect(markdownProblems(run.out[kind]!, ["https://github.com/o/r/actions/runs/1"])).toEqual([]);
    expect(() => JSON.parse(run.out.json!)).not.toThrow();
    expect(() => JSON.parse(run.out.sarif!)).not.toThrow();
    expect(run.commands.length).toBeGreaterThanOrEqual(Math.min(1, run.report.findings.length));
  });
});

describe("specific malformed cases", () => {
  it("BOM + CRLF requirements parse into clean pins (no \\r, no BOM in names)", async () => {
    const run = await runCase("bom-crlf-requirements");
    expect(run.report.findings).toEqual([]);
    const pkgs = run.report.services[0]!.sections.categories.flatMap((c) => c.packages);
    expect(pkgs.sort()).toEqual(["fastapi", "uvicorn"]);
  });

  it("a 10,000-line requirements.txt: the parser reads every pin, with its line", () => {
    const started = Date.now();
    const parsed = parseRequirements("requirements.txt", tenThousandLines());
    expect(Date.now() - started).toBeLessThan(10_000);
    const pins = parsed.requirements.filter((r) => r.pinned !== null);
    // 10,000 lines - 100 comments - 39 blanks - 1 range = 9,860 pins.
    expect(pins).toHaveLength(9_860);
    expect(pins.at(-1)!.span.line).toBe(9_999);
    expect(parsed.requirements.find((r) => r.name === "unpinned-package")!.span.line).toBe(7_777);
    expect(parsed.diagnostics).toEqual([]);
  });

  // Was quadratic (duplicate and lock matching scanned arrays per requirement); now indexed by name.
  // The run happens in a child process killed after RUN_LIMIT_MS, so a regression cannot hang CI.
  it(
    `a 10,000-line requirements.txt: the whole pipeline finishes within ${RUN_LIMIT_MS / 1000} s with the expected findings`,
    () => {
      const copy = nodePath.join(tempDir(), SLOW);
      fs.cpSync(nodePath.join(CORPUS, SLOW), copy, { recursive: true });
      fs.writeFileSync(nodePath.join(copy, "requirements.txt"), tenThousandLines());
      const child = spawnSync(process.execPath, ["--import", "tsx", CHILD, copy], {
        encoding: "utf8",
        timeout: RUN_LIMIT_MS,
        killSignal: "SIGKILL",
      });
      expect(child.error, "the run was killed at the time limit").toBeUndefined();
      expect(child.status, child.stderr).toBe(0);
      const out = JSON.parse(child.stdout) as { findings: Expected[]; packages: number };
      expect(out.findings.map(key).sort()).toEqual(readExpected(nodePath.join(CORPUS, SLOW)).map(key).sort());
      expect(out.packages).toBe(9_861);
    },
    RUN_LIMIT_MS + 5_000,
  );

  // pip splits a requirements file with str.splitlines() (pip/_internal/req/req_file.py, preprocess),
  // so "\r" alone ends a line, as it does in parseRequirements.
  it("a CR-only requirements.txt is read line by line, as pip reads it", () => {
    const parsed = parseRequirements("requirements.txt", "flask==3.0.0\rdjango==5.0.1\r");
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.requirements.map((r) => r.name)).toEqual(["flask", "django"]);
  });

  it("a 2 MiB file is refused by size, and its content is not parsed", async () => {
    const run = await runCase("over-cap");
    const f = run.report.findings.find((x) => x.rule === "unreadable-file")!;
    expect(f.message).toContain(`over the ${MAX_FILE_BYTES}-byte limit`);
    expect(run.report.services[0]!.sections.categories).toEqual([]);
  });
});
