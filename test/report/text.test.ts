// Issue 12 item 7 and the bidi part of item 10: what `--format text` prints in a workflow step is never a
// workflow command, and bidi controls are shown, not obeyed, in text and markdown.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/analyze.js";
import type { Report } from "../../src/model/report.js";
import { MemoryWorkspace } from "../../src/repo/workspace.js";
import { inline, oneLine, terminal } from "../../src/report/escape.js";
import { renderMarkdown } from "../../src/report/markdown.js";
import { renderText } from "../../src/report/text.js";

const TODAY = new Date("2026-11-26T12:00:00Z");
const BIDI = /[\u202a-\u202e\u2066-\u2069]/;

function report(files: Record<string, string>, name = "svc"): Report {
  return analyze(new MemoryWorkspace(files, name), { today: TODAY });
}

describe("text output is not a workflow command", () => {
  it("a startCommand holding \\n::error:: stays on its line, shown as \\n", () => {
    const r = report({
      "railway.json": JSON.stringify({
        build: { builder: "RAILPACK" },
        deploy: { startCommand: "gunicorn app:app\n::error::X\n::add-mask::y\n::stop-commands::z" },
      }),
      "requirements.txt": "gunicorn==23.0.0\n",
      "app.py": "app = object()\n",
    });
    const out = renderText(r);
    expect(out).toContain("gunicorn app:app\\n::error::X");
    for (const line of out.split("\n")) expect(line.trimStart().startsWith("::"), line).toBe(false);
  });

  it("a file name or value starting with :: or holding ##[ is defused", () => {
    const r = report({ "requirements.txt": "flask==3.0\n" });
    r.findings = [
      {
        rule: "x",
        severity: "error",
        service: ".",
        file: "::error::pwned",
        line: null,
        column: null,
        message: "##[error]old-style",
        fix: "\r::warning::y",
      },
    ];
    const lines = renderText(r).split("\n");
    for (const l of lines) {
      expect(l.trimStart().startsWith("::"), l).toBe(false);
      expect(l, l).not.toContain("##[");
    }
    expect(lines[0]).toMatch(/^\.\/::error::pwned: error/);
  });

  it("terminal() keeps no line break and shows bidi controls", () => {
    expect(terminal("a\nb\r\nc\u2028d\u0085e")).not.toMatch(/[\n\r\u2028\u0085]/);
    expect(terminal("x\u202Ey")).toBe("x<U+202E>y");
  });
});

describe("bidi controls (Trojan Source) are shown everywhere", () => {
  it("in markdown and text renderings of a value holding U+202E and U+2066", () => {
    const r = report({
      "railway.json": JSON.stringify({
        build: { builder: "RAILPACK" },
        deploy: { startCommand: "uvicorn app:app\u202E --port 80\u2066" },
      }),
      "requirements.txt": "uvicorn==0.32.0\n",
      "app.py": "app = object()\n",
    });
    for (const out of [
      renderMarkdown(r),
      renderMarkdown(r, { layout: "summary" }),
      renderMarkdown(r, { detail: "compact" }),
      renderText(r),
    ]) {
      expect(out).not.toMatch(BIDI);
      expect(out).toContain("<U+202E>");
    }
    expect(oneLine("\u202A\u202B\u202C\u202D\u2067\u2068\u2069")).not.toMatch(BIDI);
    expect(inline("`a\u202Eb` c\u202Ed")).not.toMatch(BIDI);
  });
});
