/**
 * Issue 7, output safety: repository text that tries to inject markup into the PR comment, the job
 * summary and the check run. The hostile repo is a real directory read by DiskWorkspace; every markdown
 * tier is read back the way GitHub reads it (table cells split like cmark-gfm, code spans like
 * CommonMark) and must hold no raw HTML, no live @mention or #reference, no foreign link, no broken
 * table.
 */
import * as fs from "node:fs";
import * as nodePath from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { code, inline, text } from "../../src/report/escape.js";
import { RULE_DOCS_BASE } from "../../src/report/markdown.js";
import {
  activeText,
  cleanupTempDirs,
  MARKDOWN_KINDS,
  markdownProblems,
  type Outputs,
  proseLines,
  runAll,
  tableCells,
  tempDir,
  writeRepo,
} from "./helpers.js";

/** The start command from the issue: HTML, a mention, a backtick, a pipe and a javascript: link. */
const HOSTILE =
  "uvicorn app.main:app --host 0.0.0.0 --port $PORT <script>alert(1)</script> @someone ` | x](javascript:alert(1)) #12";
/** Backtick runs of every length, for the code-span fence. */
const TICKS = "gunicorn app.main:app -b 0.0.0.0:$PORT --name a`b``c```d````e <img src=x onerror=alert(1)>";
const SUMMARY_URL = "https://github.com/o/r/actions/runs/1";

let dir: string;
let run: Outputs;

beforeAll(async () => {
  // The scanned folder's own name is repository-controlled too (it becomes report.root).
  dir = nodePath.join(tempDir(), "svc <b>@someone | #1 `x` <img src=x>");
  fs.mkdirSync(dir);
  writeRepo(dir, {
    "railway.json": JSON.stringify(
      {
        build: { builder: "NIXPACKS" },
        deploy: {
          startCommand: HOSTILE,
          restartPolicyType: "<script>alert(1)</script>@someone\u001b]0;pwned\u0007\u001b[2J",
          "<img src=x>@someone|": 1,
        },
      },
      null,
      2,
    ),
    Procfile: `web: ${TICKS}\nworker: python -m app.worker @someone <b>x</b> \u001b]0;pwned\u0007 \u001b[2J\n`,
    "nixpacks.toml": `[start]\ncmd = "python -m app.main --title '](javascript:alert(1))' @someone"\n[phases.setup]\nnixPkgs = ["python311", "<script>x</script>"]\n`,
    "requirements.txt":
      "fastapi==0.110.0\nuvicorn>=0.30 # @someone <script>\n<script>alert(1)</script>\nflask @ javascript:alert(1)\n-r <b>@someone</b>.txt\n",
    ".python-version": "3.11 <script>@someone</script>\n",
    "runtime.txt": "python-3.10.](javascript:alert(1))\n",
    "app/__init__.py": "",
    "app/main.py":
      'import os\nfrom fastapi import FastAPI\napp = FastAPI()\nKEY = os.environ["SECRET_<script>"]\nX = os.getenv("A@someone")\n',
    ".env.example": "A_B=<script>alert(1)</script>\n",
  });
  run = await runAll(dir);
});

afterAll(cleanupTempDirs);

describe("a start command holding <script>, @someone, a backtick, | and ](javascript:…)", () => {
  it("produces findings that quote the hostile values (so the test exercises the escaping)", () => {
    const md = run.out["markdown-full"]!;
    expect(md).toContain("<script>alert(1)</script>");
    expect(md).toContain("@someone");
    expect(md).toContain("javascript:");
    expect(run.report.findings.length).toBeGreaterThan(3);
  });

  it.each(MARKDOWN_KINDS)("renders inert in the %s markdown", (kind) => {
    const md = run.out[kind]!;
    expect(markdownProblems(md, [SUMMARY_URL])).toEqual([]);
  });

  it("keeps every <script occurrence inside a code span", () => {
    for (const kind of MARKDOWN_KINDS) {
      for (const line of proseLines(run.out[kind]!)) {
        const parts = line.startsWith("|") ? tableCells(line) : [line];
        for (const p of parts) expect(activeText(p).active).not.toMatch(/<script/i);
      }
    }
  });

  it("breaks every @someone outside code spans with a zero-width space", () => {
    for (const kind of MARKDOWN_KINDS) {
      const md = run.out[kind]!;
      for (const line of proseLines(md)) {
        const parts = line.startsWith("|") ? tableCells(line) : [line];
        for (const p of parts) {
          const { active } = activeText(p);
          for (const m of active.matchAll(/@/g)) expect(active[m.index + 1]).toBe("\u200b");
        }
      }
    }
  });

  it("shows the start command verbatim inside one code span in the table (pipe escaped)", () => {
    const row = run.out["markdown-full"]!.split("\n").find((l) => l.startsWith("| railway.json deploy"));
    expect(row).toBeDefined();
    const cells = tableCells(row!);
    expect(cells).toHaveLength(3);
    expect(activeText(cells[1]!.trim()).code).toEqual([HOSTILE]);
  });

  it("fences a value holding backtick runs of 1 to 4 with a longer run", () => {
    const md = run.out["markdown-full"]!;
    expect(md).toContain(`\`\`\`\`\`${TICKS}\`\`\`\`\``);
    const line = md.split("\n").find((l) => l.includes("a`b``c```d````e"))!;
    const parts = line.startsWith("|") ? tableCells(line) : [line];
    expect(parts.some((p) => activeText(p).code.includes(TICKS))).toBe(true);
  });

  it("keeps table rows at their header's column count in every tier", () => {
    for (const kind of MARKDOWN_KINDS) {
      expect(markdownProblems(run.out[kind]!, [SUMMARY_URL]).filter((p) => p.startsWith("table"))).toEqual(
        [],
      );
    }
  });

  it("prints no terminal control characters in text output", () => {
    // The escape sequences reach the text report through a finding, neutralised.
    expect(run.out.text).toContain("\ufffd]0;pwned\ufffd\ufffd[2J");
    expect(run.out.text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });
});

describe("escape functions on adversarial values", () => {
  const values = [
    HOSTILE,
    TICKS,
    "`",
    "``",
    " ` ",
    "a\\|b",
    "a\\",
    "\\`x`",
    "| a | b |",
    "<!-- x -->",
    "[x](javascript:alert(1))",
    "![img](https://evil/x.png)",
    "<https://evil>",
    "https://evil.example/x www.evil.example",
    "owner/repo#12 GH-12 @org/team",
    "line1\nline2\r\n## heading",
    "\u0000\u001b[31mred",
    "&lt;script&gt; &#60;script&#62;",
    "*bold* _em_ ~~del~~",
  ];

  it.each(values)("text() of %j is inert in a table cell", (v) => {
    expect(markdownProblems(`| a | b |\n|---|---|\n| ${text(v)} | x |`)).toEqual([]);
  });
  it.each(values)("code() of %j is one code span holding the value", (v) => {
    const cells = tableCells(`| ${code(v)} | x |`);
    expect(cells).toHaveLength(2);
    const { active, code: spans } = activeText(cells[0]!.trim());
    expect(active).toBe("␣");
    // CommonMark strips one leading and trailing space when both are present; line breaks become spaces.
    const shown = spans[0]!.replace(/^ (.*) $/, "$1");
    expect(shown).toBe(
      v.replace(/\r\n|\r|\n/g, " ").replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "\ufffd"),
    );
  });
  it.each(values)("inline() of %j is inert in a table cell", (v) => {
    expect(markdownProblems(`| a | b |\n|---|---|\n| ${inline(`found \`${v}\` in ${v}`)} | x |`)).toEqual([]);
  });
});

describe("the markdown checker itself", () => {
  it.each([
    ["raw HTML", "x <script>alert(1)</script>"],
    ["raw HTML in a cell", "| a | b |\n|---|---|\n| <img src=x> | y |"],
    ["a mention", "hi @someone"],
    ["a reference", "see #12"],
    ["a cross-repo reference", "see o/r#12"],
    ["a javascript: link", "[x](javascript:alert(1))"],
    ["a foreign link", "[x](https://evil.example)"],
    ["an autolink", "<https://evil.example>"],
    ["a bare URL", "go to https://evil.example"],
    ["a broken table", "| a | b |\n|---|---|\n| x | y | z |"],
  ])("flags %s", (_, md) => {
    expect(markdownProblems(md)).not.toEqual([]);
  });
  it("splits cells like cmark-gfm: a pipe right after any backslash stays in the cell", () => {
    expect(tableCells("| a\\| b | c\\\\| d |")).toEqual([" a| b ", " c\\| d "]);
  });
  it("passes code spans, escapes and the renderer's own links", () => {
    expect(
      markdownProblems(
        `| a | b |\n|---|---|\n| \`<script> @x #1 [y](javascript:z) \\|\` | \\<b\\> @\u200bx #\u200b1 \\[y\\]\\(z\\) |\n[r](${RULE_DOCS_BASE}x.md) <br> <sub>s</sub>`,
      ),
    ).toEqual([]);
  });
});
