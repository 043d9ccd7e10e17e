/**
 * The rule pages in docs/rules are part of the product: every rule has one, their metadata matches
 * the catalog, and each page's "Example that fires" is executed. The extraction convention is
 * documented at the top of docs/rules/README.md:
 * - a fenced block directly below a line `<path>:` is a file of the example; `<path> (UTF-16):` writes it
 *   as UTF-16LE with a BOM, `<path> (base):` is its content at the base revision of a pull request;
 * - a block below `<name>/<version> (PyPI):` is the PyPI JSON API's answer for that pin; the example
 *   runs as if the opt-in look-ups had received it (text that is no release answer is a failed look-up);
 * - the block directly below `deploy-drift prints:` is the rule's findings as `--format text` prints them;
 * - any other block in that section is an error, and blocks in other sections are never extracted.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { analyze } from "../../src/analyze.js";
import { type PypiLookup, parseRelease, releaseKey } from "../../src/pypi/release.js";
import { DiskWorkspace } from "../../src/repo/disk.js";
import { renderText } from "../../src/report/text.js";
import { ENGINE_RULES, RULES } from "../../src/rules/index.js";
import { ALL_PARSERS } from "../helpers/parsers.js";

const DOCS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../docs/rules");
const TODAY = new Date("2026-11-26T12:00:00Z");
const CATEGORIES = [
  "Python version",
  "Start command",
  "Lockfile",
  "Pinning",
  "Build config",
  "Railway config",
  "Platform",
  "Environment",
  "Changes",
  "Engine",
];
const SECTIONS = [
  "## What it checks",
  "## Why it matters",
  "## Example that fires",
  "## Fix",
  "## Configuration",
];
/** No repository makes a correct rule crash, so this page shows engine output but no files. */
const NO_EXAMPLE_FILES = new Set(["rule-crashed"]);

interface RuleInfo {
  id: string;
  defaultSeverity: string;
  summary: string;
}
const ALL: RuleInfo[] = [...RULES, ...ENGINE_RULES].map(({ id, defaultSeverity, summary }) => ({
  id,
  defaultSeverity,
  summary,
}));
const IDS = new Set(ALL.map((r) => r.id));

function page(id: string): string {
  return fs.readFileSync(path.join(DOCS, `${id}.md`), "utf8");
}

interface ExampleFile {
  path: string;
  content: string;
  utf16: boolean;
  /** The file as it was at the base revision (the example is then a change from base to head). */
  base: boolean;
  /** `(new)`: the file exists only at head (the change adds it). */
  added?: boolean;
}
interface Example {
  files: ExampleFile[];
  /** `<name>/<version> (PyPI):` blocks: what the look-ups answered for each pin. */
  pypi: Array<{ name: string; version: string; answer: string }>;
  /** Lines of the `deploy-drift prints:` block, or null when there is none. */
  output: string[] | null;
  errors: string[];
}

const LABEL = /^((?:[A-Za-z0-9_.-]+\/)*[A-Za-z0-9_.-]+)(?: \((UTF-16|base|new|PyPI)\))?:$/;
const OUTPUT_LABEL = "deploy-drift prints:";

/** Extracts the files and the printed output of a page's "Example that fires" section. */
function extractExample(markdown: string): Example {
  const lines = markdown.split("\n");
  const errors: string[] = [];
  const files: ExampleFile[] = [];
  const pypi: Example["pypi"] = [];
  let output: string[] | null = null;
  const start = lines.indexOf("## Example that fires");
  if (start < 0) return { files, pypi, output, errors: ["no `## Example that fires` section"] };
  let end = lines.findIndex((l, i) => i > start && l.startsWith("## "));
  if (end < 0) end = lines.length;
  for (let i = start + 1; i < end; i++) {
    const open = /^(`{3,}|~{3,})/.exec(lines[i] ?? "");
    if (!open) continue;
    const fence = open[1] ?? "```";
    let close = i + 1;
    while (close < end && (lines[close] ?? "").trim() !== fence) close++;
    if (close >= end) {
      errors.push(`line ${i + 1}: code block is not closed inside the section`);
      break;
    }
    const body = lines.slice(i + 1, close);
    const above = lines[i - 1] ?? "";
    const label = LABEL.exec(above);
    if (above === OUTPUT_LABEL) {
      if (output !== null) errors.push(`line ${i + 1}: a second \`${OUTPUT_LABEL}\` block`);
      output = body.filter((l) => l.trim() !== "");
    } else if (label?.[1] && label[2] === "PyPI") {
      const [name, version, ...rest] = label[1].split("/");
      if (!name || !version || rest.length > 0)
        errors.push(`line ${i}: a PyPI answer is labelled \`<name>/<version> (PyPI):\``);
      else pypi.push({ name, version, answer: body.join("\n") });
    } else if (label?.[1]) {
      const p = label[1];
      if (p.split("/").some((seg) => seg === "." || seg === ".."))
        errors.push(`line ${i}: \`${p}\` must not contain \`.\` or \`..\` segments`);
      else if (files.some((f) => f.path === p && f.base === (label[2] === "base")))
        errors.push(`line ${i}: \`${above}\` is given twice`);
      else
        files.push({
          path: p,
          content: body.length ? `${body.join("\n")}\n` : "",
          utf16: label[2] === "UTF-16",
          base: label[2] === "base",
          added: label[2] === "new",
        });
    } else {
      errors.push(
        `line ${i + 1}: code block has neither a \`<path>:\` line nor \`${OUTPUT_LABEL}\` directly above it`,
      );
    }
    i = close;
  }
  return { files, pypi, output, errors };
}

/** The look-up results an example's `(PyPI)` blocks stand for; undefined when it has none (offline). */
function pypiOf(example: Example): Map<string, PypiLookup> | undefined {
  if (example.pypi.length === 0) return undefined;
  const parse = (text: string) => {
    try {
      return parseRelease(JSON.parse(text));
    } catch {
      return null;
    }
  };
  return new Map(
    example.pypi.map(({ name, version, answer }) => [
      releaseKey(name, version),
      parse(answer) ?? { error: answer.trim() },
    ]),
  );
}

const tmpDirs: string[] = [];
afterAll(() => {
  for (const d of tmpDirs) fs.rmSync(d, { recursive: true, force: true });
});

function writeFiles(id: string, files: ExampleFile[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `deploy-drift-doc-${id}-`));
  tmpDirs.push(dir);
  for (const f of files) {
    const target = path.join(dir, ...f.path.split("/"));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(
      target,
      f.utf16 ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(f.content, "utf16le")]) : f.content,
    );
  }
  return dir;
}

/**
 * Writes the example's head revision, and its base revision when some files are marked `(base)`: the
 * base is the head with those files replaced. Changed files are the ones whose content differs.
 */
function writeExample(
  id: string,
  files: ExampleFile[],
): { head: string; base?: { dir: string; changed: string[] } } {
  const headFiles = files.filter((f) => !f.base);
  const baseOnly = files.filter((f) => f.base);
  const head = writeFiles(id, headFiles);
  if (baseOnly.length === 0 && !files.some((f) => f.added)) return { head };
  const baseFiles = [
    ...headFiles.filter((h) => !h.added && !baseOnly.some((b) => b.path === h.path)),
    ...baseOnly,
  ];
  const changed = [...new Set(files.map((f) => f.path))].filter((p) => {
    const h = headFiles.find((f) => f.path === p);
    const b = baseFiles.find((f) => f.path === p);
    return h?.content !== b?.content || h?.utf16 !== b?.utf16;
  });
  return { head, base: { dir: writeFiles(`${id}-base`, baseFiles), changed: changed.sort() } };
}

/** The finding lines of one rule in `--format text` output: the finding and its `fix:` line. */
function ruleLines(text: string, id: string): string[] {
  const lines = text.split("\n");
  const out: string[] = [];
  lines.forEach((l, i) => {
    if (l.includes(` [${id}] `)) out.push(l, lines[i + 1] ?? "");
  });
  return out;
}

describe("rule pages match the catalog", () => {
  it("has a page for every rule in RULES and ENGINE_RULES", () => {
    const missing = ALL.filter((r) => !fs.existsSync(path.join(DOCS, `${r.id}.md`))).map((r) => r.id);
    expect(missing).toEqual([]);
  });

  it("has no page for an id that is not a rule", () => {
    const pages = fs
      .readdirSync(DOCS)
      .filter((f) => f.endsWith(".md") && f !== "README.md")
      .map((f) => f.slice(0, -3));
    expect(pages.filter((p) => !IDS.has(p))).toEqual([]);
  });

  it("lists every rule in docs/rules/README.md with its page, severity and summary", () => {
    const readme = fs.readFileSync(path.join(DOCS, "README.md"), "utf8");
    const rows = new Map<string, string[]>();
    for (const line of readme.split("\n")) {
      const m = /^\| \[([a-z0-9-]+)\]\(([^)]+)\) \|(.*)\|$/.exec(line);
      if (m?.[1]) {
        expect(m[2]).toBe(`${m[1]}.md`);
        rows.set(
          m[1],
          (m[3] ?? "").split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\\|/g, "|")),
        );
      }
    }
    for (const r of ALL) {
      expect(rows.has(r.id), `${r.id} is not listed in README.md`).toBe(true);
      const [severity, category, summary] = rows.get(r.id) ?? [];
      expect(severity, r.id).toBe(r.defaultSeverity);
      expect(CATEGORIES, r.id).toContain(category);
      expect(category, r.id).toBe(/\*\*Category:\*\* (.+)$/m.exec(page(r.id))?.[1]);
      expect(summary, r.id).toBe(r.summary);
    }
    expect([...rows.keys()].filter((id) => !IDS.has(id))).toEqual([]);
  });

  describe.each(ALL)("$id", (rule) => {
    const text = () => page(rule.id);

    it("starts with `# <id>`, states the default severity, a category and the summary", () => {
      const lines = text().split("\n");
      expect(lines[0]).toBe(`# ${rule.id}`);
      const meta = /^\*\*Default severity:\*\* (error|warning|notice) · \*\*Category:\*\* (.+)$/.exec(
        lines[2] ?? "",
      );
      expect(meta, "line 3 must be the severity/category line").not.toBeNull();
      expect(meta?.[1]).toBe(rule.defaultSeverity);
      expect(CATEGORIES).toContain(meta?.[2]);
      expect((lines[4] ?? "").replace(/\.$/, "")).toBe(rule.summary);
    });

    it("has exactly the standard sections, in order", () => {
      const headings = text()
        .split("\n")
        .filter((l) => l.startsWith("## "));
      expect(headings).toEqual(SECTIONS);
    });
  });
});

describe("the examples in the rule pages fire their rule", () => {
  it.each(ALL.map((r) => r.id))("%s", (id) => {
    const example = extractExample(page(id));
    expect(example.errors).toEqual([]);
    expect(example.output, `${id}: no \`${OUTPUT_LABEL}\` block`).not.toBeNull();
    if (NO_EXAMPLE_FILES.has(id)) {
      expect(example.files).toEqual([]);
      return;
    }
    expect(example.files.length, `${id}: no example files`).toBeGreaterThan(0);

    const { head, base } = writeExample(id, example.files);
    const pypi = pypiOf(example);
    const report = analyze(new DiskWorkspace(head), {
      parsers: ALL_PARSERS,
      today: TODAY,
      ...(pypi ? { pypi } : {}),
      ...(base ? { base: { ws: new DiskWorkspace(base.dir), changedFiles: base.changed } } : {}),
    });
    const fired = report.findings.filter((f) => f.rule === id);
    expect(
      fired.length,
      `${id} did not fire; findings: ${report.findings.map((f) => f.rule).join(", ")}`,
    ).toBeGreaterThan(0);
    // What the page shows is what the CLI prints for this rule on these files, no more and no less.
    expect(example.output).toEqual(ruleLines(renderText(report), id));
  });

  it("only engine rules may lack example files", () => {
    const engine = new Set<string>(ENGINE_RULES.map((r) => r.id));
    for (const id of NO_EXAMPLE_FILES) expect(engine.has(id), id).toBe(true);
  });
});

describe("extractExample", () => {
  const doc = (body: string) =>
    `# x\n\n## Example that fires\n\n${body}\n## Fix\n\nFix:\n\`\`\`\nnot a file\n\`\`\`\n`;

  it("reads labelled files, the UTF-16 marker and the output block", () => {
    const ex = extractExample(
      doc(
        "app/main.py:\n```python\napp = 1\n```\n\n.python-version (UTF-16):\n```\n3.12\n```\n\nempty.py:\n```\n```\n\nempty.py (base):\n```\nx\n```\n\ndeploy-drift prints:\n```text\na: error [x] m\n  fix: f\n```\n",
      ),
    );
    expect(ex.errors).toEqual([]);
    expect(ex.files).toEqual([
      { path: "app/main.py", content: "app = 1\n", utf16: false, base: false, added: false },
      { path: ".python-version", content: "3.12\n", utf16: true, base: false, added: false },
      { path: "empty.py", content: "", utf16: false, base: false, added: false },
      { path: "empty.py", content: "x\n", utf16: false, base: true, added: false },
    ]);
    expect(ex.output).toEqual(["a: error [x] m", "  fix: f"]);
  });

  it("reads PyPI answers labelled `<name>/<version> (PyPI):`, which are no files", () => {
    const ex = extractExample(
      doc('asyncpg/0.29.0 (PyPI):\n```json\n{"info": {}}\n```\n\na/b/c (PyPI):\n```\n{}\n```\n'),
    );
    expect(ex.pypi).toEqual([{ name: "asyncpg", version: "0.29.0", answer: '{"info": {}}' }]);
    expect(ex.files).toEqual([]);
    expect(ex.errors).toHaveLength(1);
  });

  it("rejects unlabelled blocks, unknown markers and paths that climb out", () => {
    expect(extractExample(doc("Some prose:\n```\nx\n```\n")).errors).toHaveLength(1);
    expect(extractExample(doc("a.txt (latin-1):\n```\nx\n```\n")).errors).toHaveLength(1);
    expect(extractExample(doc("../a.txt:\n```\nx\n```\n")).errors).toHaveLength(1);
    expect(extractExample(doc("a.txt:\n\n```\nx\n```\n")).errors).toHaveLength(1);
  });
});
