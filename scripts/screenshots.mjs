// `npm run screenshots`: the PR comment (examples/maya-backend), a clean PR's comment and the job summary,
// rendered the way a reviewer sees them: CommonMark + GFM (micromark, the spec GitHub's cmark-gfm follows),
// GitHub's stylesheet (github-markdown-css, light), a 780 px comment column, headless Chromium (Debian's
// `chromium`). Writes PNGs and measurements.json to screenshots/ (git-ignored) and prints the numbers:
// where the blocking list starts, each page's height, and any table wider than the column.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { micromark } from "micromark";
import { gfm, gfmHtml } from "micromark-extension-gfm";
import { analyzeRepo } from "../src/analyze.ts";
import { DiskWorkspace } from "../src/repo/disk.ts";
import { renderMarkdown } from "../src/report/markdown.ts";

const OUT = resolve("screenshots");
const WIDTH = 780;
const CHROMIUM = process.env.CHROMIUM ?? "chromium";
const today = new Date("2026-12-01T12:00:00Z");
const css = readFileSync("node_modules/github-markdown-css/github-markdown-light.css", "utf8");

const maya = await analyzeRepo(new DiskWorkspace("examples/maya-backend"), { today });
const clean = await analyzeRepo(new DiskWorkspace("test/fixtures/github/repo-clean"), { today });
const pages = {
  comment: renderMarkdown(maya),
  "clean-comment": renderMarkdown(clean),
  "job-summary": renderMarkdown(maya, { layout: "summary" }),
};

// Runs in the page: measurements land in a <pre id="m"> that --dump-dom prints.
const MEASURE = `
addEventListener("load", () => {
  const body = document.querySelector(".markdown-body");
  const top = body.getBoundingClientRect().top;
  const h = [...body.querySelectorAll("h4")].find((e) => e.textContent.startsWith("Fix before merging"));
  const wide = [...body.querySelectorAll("table")].filter((t) => t.scrollWidth > t.clientWidth + 1 || t.getBoundingClientRect().right > body.getBoundingClientRect().right + 1).map((t) => t.querySelector("tr").textContent.trim().slice(0, 80));
  const out = { height: Math.ceil(body.getBoundingClientRect().height), blockingListY: h ? Math.round(h.getBoundingClientRect().top - top) : null, tables: body.querySelectorAll("table").length, tablesWiderThanColumn: wide };
  const pre = document.createElement("pre"); pre.id = "m"; pre.textContent = JSON.stringify(out); document.body.appendChild(pre);
});`;

mkdirSync(OUT, { recursive: true });
const results = {};
for (const [name, md] of Object.entries(pages)) {
  const html = micromark(md, { allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] });
  const file = `${OUT}/${name}.html`;
  writeFileSync(
    file,
    `<!doctype html><meta charset="utf-8"><style>${css}\nbody{margin:0;background:#fff}.markdown-body{box-sizing:border-box;width:${WIDTH}px;padding:16px}#m{display:none}</style><article class="markdown-body">${html}</article><script>${MEASURE}</script>`,
  );
  const flags = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--hide-scrollbars",
    "--force-device-scale-factor=1",
  ];
  const dom = execFileSync(CHROMIUM, [...flags, "--dump-dom", `file://${file}`], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
  });
  const m = JSON.parse(
    /<pre id="m">([^<]*)<\/pre>/
      .exec(dom)[1]
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, "&"),
  );
  execFileSync(
    CHROMIUM,
    [...flags, `--window-size=${WIDTH},${m.height}`, `--screenshot=${OUT}/${name}.png`, `file://${file}`],
    { stdio: "ignore" },
  );
  results[name] = m;
  console.log(
    `${name}.png: ${m.height} px tall at ${WIDTH} px; blocking list at y=${m.blockingListY ?? "—"}; ${m.tables} tables, ${m.tablesWiderThanColumn.length} wider than the column`,
  );
}
writeFileSync(`${OUT}/measurements.json`, `${JSON.stringify(results, null, 2)}\n`);
