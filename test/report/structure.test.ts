// The comment, the clean comment and the job summary as a reader sees them: rendered by micromark with
// its GFM extensions (the CommonMark + GFM spec GitHub's cmark-gfm follows), then checked for structure.
import { micromark } from "micromark";
import { gfm, gfmHtml } from "micromark-extension-gfm";
import { beforeAll, describe, expect, it } from "vitest";
import { analyzeRepo } from "../../src/analyze.js";
import type { Report } from "../../src/model/report.js";
import { DiskWorkspace } from "../../src/repo/disk.js";
import { renderMarkdown } from "../../src/report/markdown.js";

const html = (md: string) =>
  micromark(md, { allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] });

/** Tags micromark generates from markdown, plus the four raw tags the renderer may write. */
const GENERATED = new Set([
  "p",
  "ul",
  "ol",
  "li",
  "a",
  "code",
  "strong",
  "em",
  "del",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "table",
  "thead",
  "tbody",
  "tr",
  "th",
  "td",
  "pre",
  "blockquote",
  "hr",
]);
const RAW_ALLOWED = new Set(["details", "summary", "sub", "br"]);

function tags(h: string): string[] {
  return [...h.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)/g)].map((m) => m[1]!.toLowerCase());
}

function tables(h: string): Array<{ header: number; rows: number[] }> {
  return [...h.matchAll(/<table>([\s\S]*?)<\/table>/g)].map((m) => {
    const rows = [...m[1]!.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map(
      (r) => [...r[1]!.matchAll(/<t[hd][ >]/g)].length,
    );
    return { header: rows[0]!, rows: rows.slice(1) };
  });
}

/** Block-level structure outside `<details>`: what a reader sees before opening anything. */
function outsideDetails(h: string): string {
  return h.replace(/<details>[\s\S]*?<\/details>/g, "");
}

let maya: Report;
let clean: Report;
beforeAll(async () => {
  maya = await analyzeRepo(new DiskWorkspace("examples/maya-backend"), {
    today: new Date("2026-11-26T12:00:00Z"),
  });
  clean = await analyzeRepo(new DiskWorkspace("test/fixtures/github/repo-clean"), {
    today: new Date("2026-11-26T12:00:00Z"),
  });
});

function commonStructure(h: string) {
  // No raw HTML beyond details/summary/sub/br, and no task-list checkboxes (anyone could tick them).
  const unknown = tags(h).filter((t) => !GENERATED.has(t) && !RAW_ALLOWED.has(t));
  expect(unknown).toEqual([]);
  expect(h).not.toContain("<input");
  // Every table fits the 780 px column: at most four columns, every row as wide as the header.
  for (const t of tables(h)) {
    expect(t.header).toBeLessThanOrEqual(4);
    for (const r of t.rows) expect(r).toBe(t.header);
  }
}

describe("the PR comment (examples/maya-backend)", () => {
  it("opens with the verdict, then what blocks, each root cause once with its location and fix", () => {
    const md = renderMarkdown(maya);
    const h = html(md);
    commonStructure(h);
    // The verdict is the first block.
    expect(h.startsWith("<p>❌ <strong>deploy-drift: ")).toBe(true);
    expect(h.slice(0, h.indexOf("</p>"))).toContain("block this merge");
    // The blocking list comes before any table or details block.
    const fix = h.indexOf("Fix before merging");
    expect(fix).toBeGreaterThan(0);
    expect(fix).toBeLessThan(h.indexOf("<details>"));
    expect(fix).toBeLessThan(h.indexOf("<table>"));
    // The five requirements missing from one lock are one item: one fix, five places.
    const list = h.slice(fix, h.indexOf("</ul>", fix));
    expect(list.match(/<strong>Fix:<\/strong>/g)).toHaveLength(1);
    for (const line of [16, 20, 38, 39, 44])
      expect(list).toContain(`<code>requirements.txt:${line}:1</code>`);
    // Every finding appears once (no second copy in a Findings table).
    for (const f of maya.findings) {
      const where = `${f.file}:${f.line}${f.column ? `:${f.column}` : ""}`;
      expect(h.split(`<code>${where}</code>`).length - 1, where).toBe(1);
    }
  });

  it("folds every table into <details> with a one-line status, and collapses warnings beyond a handful", () => {
    const h = html(renderMarkdown(maya));
    expect(outsideDetails(h)).not.toContain("<table>");
    const summaries = [...h.matchAll(/<summary>([^<]*)<\/summary>/g)].map((m) => m[1]!);
    for (const title of [
      "Python versions · ",
      "What each builder will do · ",
      "Start command · ",
      "Requirements vs lock · ❌ out of sync",
      "Dependency categories · ",
      "Build configuration · ",
      "Railway configuration · ",
      "Environment variables · ",
      "Verification checklist · ",
    ])
      expect(
        summaries.some((s) => s.startsWith(title)),
        title,
      ).toBe(true);
    // 8 warnings: 5 shown, 3 folded.
    expect(summaries).toContain("3 more warnings");
  });

  it("renders the checklist as separate groups of ✅/❌ items, never merged into one list", () => {
    const h = html(renderMarkdown(maya));
    const start = h.indexOf("<summary>Verification checklist");
    const part = h.slice(start, h.indexOf("</details>", start));
    for (const g of ["Build", "Runtime", "Dependencies", "Environment", "Platform"])
      expect(part).toContain(`<p><strong>${g}</strong></p>\n<ul>`);
    // A group heading never joins the previous item.
    expect(part).not.toMatch(/<li>[^<]*<strong>/);
    expect(part.match(/<ul>/g)!.length).toBe(5);
    for (const li of part.match(/<li>[^<]*/g)!) expect(li).toMatch(/^<li>(✅|❌) /);
  });
});

describe("a clean pull request", () => {
  it("gets a short green comment, counts without ❌, tables still in <details>", () => {
    const md = renderMarkdown(clean);
    const h = html(md);
    commonStructure(h);
    expect(h.startsWith("<p>✅ <strong>deploy-drift: no drift found</strong>")).toBe(true);
    expect(md).not.toContain("❌ 0");
    // Outside the folded blocks: the verdict and the footer only.
    const visible = outsideDetails(h).replace(/\s+/g, " ").trim();
    expect(visible.match(/<p>/g)).toHaveLength(2);
    expect(visible).not.toContain("<table>");
  });
});

describe("the job summary", () => {
  it("is the full report: verdict first, every list open, the tables shown", () => {
    const md = renderMarkdown(maya, { layout: "summary" });
    const h = html(md);
    commonStructure(h);
    expect(h.startsWith("<p>❌ <strong>deploy-drift: ")).toBe(true);
    // Nothing folded but paste-ready snippets: every table is open.
    expect(tables(outsideDetails(h)).length).toBeGreaterThanOrEqual(8);
    expect(h).not.toContain("more warnings</summary>");
    for (const f of maya.findings) expect(md).toContain(f.file);
    expect(h.indexOf("Fix before merging")).toBeLessThan(h.indexOf("<table>"));
  });
});
