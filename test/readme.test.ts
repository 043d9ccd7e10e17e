// README.md is what users read first: its example comment must be what deploy-drift prints today.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyzeRepo } from "../src/analyze.js";
import { DiskWorkspace } from "../src/repo/disk.js";
import { renderMarkdown } from "../src/report/markdown.js";

describe("README.md", () => {
  const readme = readFileSync("README.md", "utf8");

  it("shows the current report for examples/maya-backend", async () => {
    const start = readme.indexOf("<!-- example:start -->");
    const end = readme.indexOf("<!-- example:end -->");
    expect(start).toBeGreaterThan(0);
    const shown = readme.slice(start + "<!-- example:start -->".length, end).trim();
    const report = await analyzeRepo(new DiskWorkspace("examples/maya-backend"), {
      today: new Date("2026-12-01T12:00:00Z"),
    });
    expect(shown, "run `npm run build && node scripts/update-readme-example.mjs`").toBe(
      renderMarkdown(report).trim(),
    );
  });

  it("keeps the quick start's two commands", () => {
    expect(readme).toContain("npm ci && npm start");
    expect(readme).toContain("npm ci && npm test");
    const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> };
    expect(pkg.scripts.start).toContain("examples/maya-backend");
    expect(pkg.scripts.test).toBe("vitest run");
  });
});
