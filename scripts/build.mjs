// `npm run build`: the two bundles in dist/, then scripts/check-dist.mjs.
//   dist/index.js           the action (ESM, runs.using node24)
//   dist/cli/index.js       the CLI launcher: src/launcher.cjs with the bundle's hash (the package's bin)
//   dist/cli/app/index.cjs  the CLI bundle (CommonJS, from src/bin.cjs) and its lazy chunks
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { transformSync } from "esbuild";
import { asciiBundle } from "./ascii-bundle.mjs";

const ncc = (...args) =>
  execFileSync("npx", ["ncc", "build", ...args, "--minify", "--quiet"], { stdio: "inherit" });

rmSync("dist", { recursive: true, force: true });
ncc("src/index.ts", "-o", "dist", "--license", "licenses.txt");
ncc("src/bin.cjs", "-o", "dist/cli/app");
// ncc minifies the entry only; its lazy chunks (the Babel parser, yaml, zod) come out indented and
// would take the npm package past its 2 MB budget (test/release/pack.test.ts). Whitespace only:
// names and syntax stay as ncc wrote them.
for (const f of readdirSync("dist/cli/app").filter((f) => f !== "index.cjs")) {
  const file = `dist/cli/app/${f}`;
  const { code } = transformSync(readFileSync(file, "utf8"), { minifyWhitespace: true, charset: "utf8" });
  writeFileSync(file, code);
}
for (const f of readdirSync("dist/cli/app")) asciiBundle(`dist/cli/app/${f}`);
// dist/package.json says "module" for the action; the CLI's files are CommonJS (chunks end in .js).
writeFileSync("dist/cli/package.json", `${JSON.stringify({ type: "commonjs" }, null, 2)}\n`);
// The launcher names its compiled-code cache after the bundle's content (see src/launcher.cjs).
const id = createHash("sha256");
for (const f of readdirSync("dist/cli/app").sort())
  id.update(`${f}\0`).update(readFileSync(`dist/cli/app/${f}`));
const launcher = readFileSync("src/launcher.cjs", "utf8");
if (!launcher.includes('"__BUNDLE_ID__"')) throw new Error("src/launcher.cjs: no BUNDLE_ID placeholder");
writeFileSync(
  "dist/cli/index.js",
  launcher.replace('"__BUNDLE_ID__"', JSON.stringify(id.digest("hex").slice(0, 16))),
);
chmodSync("dist/cli/index.js", 0o755);
execFileSync(process.execPath, ["scripts/check-dist.mjs"], { stdio: "inherit" });
