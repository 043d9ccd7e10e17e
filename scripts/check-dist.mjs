// Guards against ncc's silent failure modes (github-actions.md S2): a bundle that compiled but cannot
// resolve a module at run time. Minification renames webpack's helpers, so besides the text checks
// the CLI bundle is run on the bundled example (its lazy chunks included: the example has no
// railway.ts, so a repository that has one is generated) and must print a JSON report: twice,
// through the launcher's compiled-code cache (written, then reused), with the same report.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

let failed = false;
const fail = (msg) => {
  console.error(`check-dist: ${msg}`);
  failed = true;
};

for (const dir of ["dist", "dist/cli", "dist/cli/app"]) {
  for (const f of readdirSync(dir).filter((n) => /\.c?js$/.test(n))) {
    const src = readFileSync(join(dir, f), "utf8");
    if (src.includes("webpackMissingModule") || src.includes("Cannot find module '")) {
      fail(`${dir}/${f}: a dependency was not bundled (webpackMissingModule)`);
    }
  }
}

// Exercise every lazy chunk: railway.ts (TypeScript parser) and a workflow (YAML parser).
const repo = mkdtempSync(join(tmpdir(), "dd-check-dist-"));
cpSync("examples/maya-backend", repo, { recursive: true });
mkdirSync(join(repo, ".railway"));
writeFileSync(
  join(repo, ".railway/railway.ts"),
  'import { defineRailway, project, service } from "railway/iac";\nexport default defineRailway(() => project("p", { resources: [service("api", { start: "uvicorn app.main:app --host 0.0.0.0 --port $PORT" })] }));\n',
);
mkdirSync(join(repo, ".github/workflows"), { recursive: true });
writeFileSync(
  join(repo, ".github/workflows/ci.yml"),
  "on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/setup-python@v5\n        with:\n          python-version: '3.11'\n",
);
const cacheDir = mkdtempSync(join(tmpdir(), "dd-check-dist-cache-"));
const runs = [1, 2].map(() =>
  spawnSync(process.execPath, ["dist/cli/index.js", repo, "--format", "json", "--today", "2026-11-26"], {
    encoding: "utf8",
    env: { ...process.env, NODE_DISABLE_COMPILE_CACHE: undefined, DEPLOY_DRIFT_CACHE_DIR: cacheDir },
  }),
);
const [run, again] = runs;
if (run.status !== 1)
  fail(`dist/cli/index.js exited ${run.status} on the example (expected 1): ${run.stderr.trim()}`);
else {
  try {
    const report = JSON.parse(run.stdout);
    if (!Array.isArray(report.findings) || report.findings.length === 0)
      fail("the CLI bundle reported no findings");
  } catch {
    fail("the CLI bundle did not print a JSON report");
  }
  if (readdirSync(cacheDir).length === 0) fail("the CLI launcher wrote no compiled-code cache");
  if (again.status !== run.status || again.stdout !== run.stdout)
    fail(`the run with the compiled-code cache differs from the one without: ${again.stderr.trim()}`);
}
rmSync(cacheDir, { recursive: true, force: true });
if (failed) process.exit(1);
