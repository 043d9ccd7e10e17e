// `npm run build`: the two bundles in dist/, then scripts/check-dist.mjs.
//   dist/index.js           the action (ESM, runs.using node24)
//   dist/cli/index.js       the CLI launcher: src/launcher.cjs as is (the package's bin)
//   dist/cli/app/index.cjs  the CLI bundle (CommonJS, from src/bin.cjs) and its lazy chunks
import { execFileSync } from "node:child_process";
import { chmodSync, copyFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { asciiBundle } from "./ascii-bundle.mjs";

const ncc = (...args) =>
  execFileSync("npx", ["ncc", "build", ...args, "--minify", "--quiet"], { stdio: "inherit" });

rmSync("dist", { recursive: true, force: true });
ncc("src/index.ts", "-o", "dist", "--license", "licenses.txt");
ncc("src/bin.cjs", "-o", "dist/cli/app");
for (const f of readdirSync("dist/cli/app")) asciiBundle(`dist/cli/app/${f}`);
// dist/package.json says "module" for the action; the CLI's files are CommonJS (chunks end in .js).
writeFileSync("dist/cli/package.json", `${JSON.stringify({ type: "commonjs" }, null, 2)}\n`);
copyFileSync("src/launcher.cjs", "dist/cli/index.js");
chmodSync("dist/cli/index.js", 0o755);
execFileSync(process.execPath, ["scripts/check-dist.mjs"], { stdio: "inherit" });
