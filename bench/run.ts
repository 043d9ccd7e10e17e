/**
 * `npm run bench`: deploy-drift's speed and size budgets, measured on this machine and written to
 * BENCHMARKS.md. Runs the built bundles (run `npm run build` first; CI checks dist/ is fresh).
 *
 * (a) CLI on examples/maya-backend vs `node -e 0`, ratio of medians, same run     budget ≤ 1.5×
 *     twice: as run again (the launcher's compiled-code cache warm, in a temporary folder) and
 *     as a first run (an empty cache folder each time: it compiles everything and writes the cache)
 * (b) a generated monorepo at 50/100/250/500 services: wall time, time per service budget 500 ≤ 2 s
 * (c) bundle sizes in dist/                                                        budget action ≤ 2 MB
 * (d) GitHub API requests of a typical PR run (e2e harness, fake API)             budget ≤ 4
 * (e) peak memory (max RSS) of the CLI on the largest monorepo
 * (f) worst case: generated adversarial inputs within the 1 MiB cap, every format    budget < 5 s, < 500 MB
 *     (bench/adversarial.ts; from source, so it needs no build)
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { FakeGitHub } from "../test/e2e/fake-github.js";
import { MAYA, workspace } from "../test/e2e/repos.js";
import { runAction } from "../test/e2e/runner.js";
import { adversarialTable, runAdversarial } from "./adversarial.js";

const ROOT = path.resolve(import.meta.dirname, "..");
const CLI = path.join(ROOT, "dist/cli/index.js");
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
// The CLI's compiled-code cache lives in a temporary folder, never the user's own.
const CACHE_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "dd-bench-cache-"));
const WARM = { ...process.env, NODE_DISABLE_COMPILE_CACHE: undefined, DEPLOY_DRIFT_CACHE_DIR: CACHE_DIR };
let firstRuns = 0;
/** A first run: an empty cache folder every time (made before the clock starts). */
const cold = (): NodeJS.ProcessEnv => ({
  ...WARM,
  DEPLOY_DRIFT_CACHE_DIR: path.join(CACHE_DIR, `first-${firstRuns++}`),
});

type Row = [string, string, string, string];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function timeOnce(args: string[], env: NodeJS.ProcessEnv = WARM): number {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { stdio: "ignore", env });
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(" ")} exited ${r.status}`);
  return Number(process.hrtime.bigint() - t) / 1e6;
}

/** Interleaves the two commands so machine load affects both alike. */
function compare(
  a: string[],
  b: string[],
  runs: number,
  env: () => NodeJS.ProcessEnv,
): { a: number; b: number } {
  const ta: number[] = [];
  const tb: number[] = [];
  timeOnce(a, env());
  timeOnce(b, env()); // warm the file cache (and, in WARM, write the compiled-code cache)
  for (let i = 0; i < runs; i++) {
    ta.push(timeOnce(a, env()));
    tb.push(timeOnce(b, env()));
  }
  return { a: median(ta), b: median(tb) };
}

/** A monorepo of n Python services, each with the files deploy-drift reads. */
function generateMonorepo(n: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `dd-bench-${n}-`));
  for (let i = 0; i < n; i++) {
    const s = path.join(dir, "services", `svc-${String(i).padStart(3, "0")}`);
    fs.mkdirSync(path.join(s, "app"), { recursive: true });
    const pins = [
      "fastapi==0.115.0",
      "uvicorn==0.32.0",
      "pydantic==2.9.2",
      "httpx==0.27.2",
      "sqlalchemy==2.0.36",
      "asyncpg==0.30.0",
      "tenacity==8.2.3",
      "python-dotenv==1.0.1",
    ];
    fs.writeFileSync(path.join(s, "requirements.txt"), `${pins.join("\n")}\n`);
    fs.writeFileSync(
      path.join(s, "requirements.lock"),
      `${pins.slice(0, i % 7 === 0 ? -1 : undefined).join("\n")}\n`,
    );
    fs.writeFileSync(path.join(s, ".python-version"), i % 11 === 0 ? "3.12\n" : "3.11.9\n");
    fs.writeFileSync(path.join(s, "runtime.txt"), "python-3.11.9\n");
    fs.writeFileSync(path.join(s, "Procfile"), "web: uvicorn app.main:app --host 0.0.0.0 --port $PORT\n");
    fs.writeFileSync(
      path.join(s, "railway.json"),
      `${JSON.stringify({ build: { builder: "RAILPACK" }, deploy: { startCommand: "uvicorn app.main:app --host 0.0.0.0 --port $PORT", restartPolicyType: "ON_FAILURE" } }, null, 2)}\n`,
    );
    fs.writeFileSync(path.join(s, "app/__init__.py"), "");
    fs.writeFileSync(
      path.join(s, "app/main.py"),
      "from fastapi import FastAPI\n\nfrom app.config import settings\n\napp = FastAPI()\n",
    );
    fs.writeFileSync(
      path.join(s, "app/config.py"),
      "from pydantic_settings import BaseSettings\n\n\nclass Settings(BaseSettings):\n    DATABASE_URL: str\n    DEBUG: bool = False\n\n\nsettings = Settings()\n",
    );
    fs.writeFileSync(path.join(s, ".env.example"), "DATABASE_URL=\nDEBUG=false\n");
  }
  return dir;
}

function maxRssKb(args: string[]): number | null {
  const r = spawnSync("/usr/bin/time", ["-f", "%M", process.execPath, ...args], {
    encoding: "utf8",
    stdio: ["ignore", "ignore", "pipe"],
    env: WARM,
  });
  const kb = Number(r.stderr?.trim().split("\n").pop());
  return r.error || !Number.isFinite(kb) ? null : kb;
}

async function apiRequests(): Promise<{ first: number; rerun: number }> {
  const gh = new FakeGitHub();
  await gh.start();
  try {
    await runAction({ apiUrl: gh.url, workspace: workspace({ fixture: MAYA }) });
    const first = gh.requests.length;
    await runAction({ apiUrl: gh.url, workspace: workspace({ fixture: MAYA }) });
    return { first, rerun: gh.requests.length - first };
  } finally {
    await gh.close();
  }
}

function fileSize(p: string): number {
  return fs.existsSync(p) ? fs.statSync(p).size : 0;
}

async function main(): Promise<void> {
  if (!fs.existsSync(CLI)) throw new Error("dist/cli/index.js is missing: run `npm run build` first");
  const rows: Row[] = [];
  const mark = (ok: boolean) => (ok ? "✅ met" : "❌ not met");

  // (a) and (b). The first runs go last: each writes a fresh compiled-code cache (about 1 MB), and
  // that disk traffic should not slow the other timings.
  const cliArgs = [CLI, path.join(ROOT, "examples/maya-backend"), "--format", "json"];
  const ratioRow = (label: string, t: { a: number; b: number }, budget: boolean): Row => [
    `(a) ${label}`,
    `${t.b.toFixed(0)} ms vs ${t.a.toFixed(0)} ms = ${(t.b / t.a).toFixed(2)}×`,
    budget ? "≤ 1.5×" : "—",
    budget ? mark(t.b / t.a <= 1.5) : "",
  ];
  const again = compare(["-e", "0"], cliArgs, RUNS, () => WARM);
  // What loading the CLI costs before it analyses anything: the floor under the two rows above.
  const floor = compare(["-e", "0"], [CLI, "--version"], RUNS, () => WARM);

  const scale: string[] = [];
  let at500 = 0;
  let rss: number | null = null;
  for (const n of [50, 100, 250, 500]) {
    const dir = generateMonorepo(n);
    const times: number[] = [];
    for (let i = 0; i < Math.max(3, Math.floor(RUNS / 3)); i++)
      times.push(timeOnce([CLI, dir, "--format", "json"]));
    const t = median(times);
    scale.push(`| ${n} | ${t.toFixed(0)} ms | ${(t / n).toFixed(2)} ms |`);
    if (n === 500) {
      at500 = t;
      rss = maxRssKb([CLI, dir, "--format", "json"]);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const first = compare(["-e", "0"], cliArgs, RUNS, cold);

  const label = "CLI on examples/maya-backend vs `node -e 0`";
  rows.push(ratioRow(`${label}, run again (compiled-code cache warm)`, again, true));
  rows.push(ratioRow(`${label}, first run (empty cache folder)`, first, true));
  rows.push(
    ratioRow(
      "for reference: `deploy-drift --version` (loads the CLI, analyses nothing), cache warm",
      floor,
      false,
    ),
  );
  rows.push(["(b) monorepo of 500 services", `${at500.toFixed(0)} ms`, "≤ 2000 ms", mark(at500 <= 2000)]);

  // (c)
  const action = fileSize(path.join(ROOT, "dist/index.js"));
  const chunks = fs.readdirSync(path.join(ROOT, "dist")).filter((f) => /^\d+\.index\.js$/.test(f));
  const cli = fileSize(path.join(ROOT, "dist/cli/app/index.cjs"));
  rows.push([
    "(c) action bundle dist/index.js",
    `${(action / 1e6).toFixed(2)} MB`,
    "≤ 2 MB",
    mark(action <= 2e6),
  ]);
  rows.push(["(c) CLI bundle dist/cli/app/index.cjs", `${(cli / 1e6).toFixed(2)} MB`, "—", ""]);
  const cliChunks = fs
    .readdirSync(path.join(ROOT, "dist/cli/app"))
    .filter((f) => /^\d+\.index\.cjs\.js$/.test(f))
    .map((f) => `cli/app/${f}`);
  for (const c of [...chunks, ...cliChunks]) {
    rows.push([
      `(c) lazy chunk dist/${c} (loaded only when needed)`,
      `${(fileSize(path.join(ROOT, "dist", c)) / 1e6).toFixed(2)} MB`,
      "—",
      "",
    ]);
  }

  // (d)
  const req = await apiRequests();
  rows.push([
    "(d) API requests, rerun with an existing comment",
    String(req.rerun),
    "≤ 4",
    mark(req.rerun <= 4),
  ]);
  rows.push(["(d) API requests, first run", String(req.first), "—", ""]);

  // (e)
  rows.push([
    "(e) peak memory (max RSS), 500 services",
    rss === null ? "n/a (no /usr/bin/time)" : `${(rss / 1024).toFixed(0)} MiB`,
    "—",
    "",
  ]);

  const table = [
    "| Measure | Result | Budget | |",
    "|---|---|---|---|",
    ...rows.map((r) => `| ${r.join(" | ")} |`),
  ].join("\n");
  const scaling = ["| Services | Wall time (median) | Per service |", "|---|---|---|", ...scale].join("\n");
  // (f)
  const worst = adversarialTable(runAdversarial());
  const md = `# Benchmarks\n\nGenerated by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: Node ${process.version}, ${os.cpus().length} CPU(s), load average ${os.loadavg()[0]!.toFixed(2)}. Medians of ${RUNS} runs unless noted; timings vary with machine load, ratios less so.\n\n${table}\n\n## Scaling\n\n${scaling}\n\n## Worst case (adversarial inputs)\n\n${worst}\n`;
  fs.writeFileSync(path.join(ROOT, "BENCHMARKS.md"), md);
  fs.rmSync(CACHE_DIR, { recursive: true, force: true });
  process.stdout.write(`${table}\n\n${scaling}\n\n${worst}\n\nwrote BENCHMARKS.md\n`);
}

await main();
