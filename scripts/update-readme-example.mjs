// Regenerates the example comment in README.md from the built CLI (run `npm run build` first).
// test/readme.test.ts fails when README.md's example differs from what the CLI prints.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";

const START = "<!-- example:start -->";
const END = "<!-- example:end -->";
let out;
try {
  out = execFileSync(
    "node",
    ["dist/cli/index.js", "examples/maya-backend", "--today", "2026-12-01", "--format", "markdown"],
    {
      encoding: "utf8",
    },
  );
} catch (e) {
  out = e.stdout; // exit 1: the example has blocking findings
}
const readme = readFileSync("README.md", "utf8");
const a = readme.indexOf(START);
const b = readme.indexOf(END);
if (a < 0 || b < 0) throw new Error("README.md has no example markers");
writeFileSync("README.md", `${readme.slice(0, a + START.length)}\n\n${out.trim()}\n\n${readme.slice(b)}`);
