// Guards against ncc's silent failure modes (github-actions.md S2): a bundle that compiled but
// cannot resolve a module at run time, or that loads an ESM file through createRequire.
import { readFileSync } from "node:fs";

let failed = false;
for (const file of ["dist/index.js", "dist/cli/index.js"]) {
  const src = readFileSync(file, "utf8");
  if (src.includes("webpackMissingModule")) {
    console.error(`${file}: contains webpackMissingModule (a dependency was not bundled)`);
    failed = true;
  }
  for (const m of src.matchAll(/createRequire\(import\.meta\.url\)\("([^"]*)"\)/g)) {
    if (!m[1].startsWith("node:") && !/^[a-z_]+$/.test(m[1])) {
      console.error(`${file}: createRequire of ${m[1]} (vercel/ncc#1163)`);
      failed = true;
    }
  }
}
if (failed) process.exit(1);
