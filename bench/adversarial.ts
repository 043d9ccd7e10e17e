/**
 * Worst case (issue 12): generated adversarial repositories, each input within the 1 MiB per-file
 * cap, run through the CLI from source (`node --import tsx src/bin.cjs`, so the numbers hold for the
 * code as committed, before dist/ is rebuilt) in every output format. Reports the worst wall time and
 * the worst peak memory (max RSS, /usr/bin/time) per input; budget: each < 5 s and < 500 MB.
 *
 * `npm run bench` includes it as section (f); `npx tsx bench/adversarial.ts` runs it alone.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
const BIN = path.join(ROOT, "src/bin.cjs");
const FORMATS = ["json", "markdown", "text", "sarif"] as const;
export const TIME_BUDGET_MS = 5_000;
export const MEMORY_BUDGET_MB = 500;
const MiB = 1024 * 1024;

const APP = { "requirements.txt": "gunicorn==23.0.0\n", "app.py": "app = object()\n" };

function capped(s: string): string {
  return s.length > MiB ? s.slice(0, MiB) : s;
}

/** name → files of a repository; every file ≤ 1 MiB. */
export const INPUTS: Record<string, () => Record<string, string>> = {
  "railway.json nested 200,000 deep (1 MB)": () => ({
    ...APP,
    "railway.json": `${'{"a":'.repeat(100_000)}1${"}".repeat(100_000)}`,
  }),
  "nixpacks.json arrays nested 500,000 deep": () => ({
    ...APP,
    "nixpacks.json": `${"[".repeat(500_000)}${"]".repeat(500_000)}`,
  }),
  "railway.toml header of 400,000 segments": () => ({
    ...APP,
    "railway.toml": `[${Array(400_000).fill("a").join(".")}]\nx = 1\n`,
  }),
  "railway.toml 40 KB dotted key": () => ({
    ...APP,
    "railway.toml": `${Array(20_000).fill("a").join(".")} = 1\n`,
  }),
  "railway.toml 40,000 dotted keys (1 MB)": () => ({
    ...APP,
    "railway.toml": capped(Array.from({ length: 40_000 }, (_, i) => `deploy.k${i} = "v"`).join("\n")),
  }),
  "railway.ts doubling a string 24 times": () => {
    let ts =
      'import { defineRailway, project, service } from "railway/iac";\nconst a0 = "gunicorn app:app xx";\n';
    for (let i = 1; i <= 24; i++) ts += `const a${i} = a${i - 1} + a${i - 1};\n`;
    ts +=
      'export default defineRailway(() => project("p", { resources: [service("web", { start: a24 })] }));\n';
    return { ...APP, ".railway/railway.ts": ts };
  },
  "railway.ts 1 MB of nested parentheses": () => ({
    ...APP,
    ".railway/railway.ts": `const x = ${"(".repeat(400_000)}1${")".repeat(400_000)};\n`,
  }),
  "Procfile `cd a &&` chain (800 KB)": () => ({
    ...APP,
    Procfile: `web: ${"cd a && ".repeat(100_000)}gunicorn app:app\n`,
  }),
  "Dockerfile of 1 MB `\\` continuations": () => ({
    ...APP,
    Dockerfile: capped(
      `FROM python:3.12\nRUN echo a ${"\\\n  && echo b ".repeat(70_000)}\nCMD ["gunicorn", "app:app"]\n`,
    ),
  }),
  "requirements.txt of 1 MB one-word lines": () => ({
    "requirements.txt": capped("pkg\n".repeat(262_144)),
    "app.py": "app = 1\n",
    Procfile: "web: gunicorn app:app\n",
  }),
  "requirements.txt with 20,000 credential URLs": () => ({
    "requirements.txt": capped(
      Array.from(
        { length: 20_000 },
        (_, i) => `p${i} @ git+https://x:ghp_${i}secret@github.com/o/p${i}`,
      ).join("\n"),
    ),
    "app.py": "app = 1\n",
    Procfile: "web: API_KEY=sk-secret gunicorn app:app\n",
  }),
  "app.py of 1 MB nested brackets": () => ({
    ...APP,
    Procfile: "web: gunicorn app:app\n",
    "app.py": capped(`app = ${"[".repeat(300_000)}${"]".repeat(300_000)}\n`),
  }),
  "app.py of 1 MB of 200-deep brackets (CPython's limit)": () => {
    const unit = `x = ${"[".repeat(200)}${"]".repeat(200)}\n`;
    return {
      ...APP,
      Procfile: "web: gunicorn app:app\n",
      "app.py": capped(`app = object()\n${unit.repeat(Math.floor(MiB / unit.length))}`),
    };
  },
};

export interface AdversarialResult {
  name: string;
  worstMs: number;
  worstMb: number | null;
  exit: Array<number | null>;
}

function write(dir: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
}

function runOnce(dir: string, format: string): { ms: number; mb: number | null; status: number | null } {
  const args = ["--import", "tsx", BIN, dir, "--format", format];
  const hasTime = fs.existsSync("/usr/bin/time");
  const t = process.hrtime.bigint();
  const r = hasTime
    ? spawnSync("/usr/bin/time", ["-f", "%M", process.execPath, ...args], {
        encoding: "utf8",
        stdio: ["ignore", "ignore", "pipe"],
        cwd: ROOT,
        timeout: 120_000,
      })
    : spawnSync(process.execPath, args, { stdio: "ignore", cwd: ROOT, timeout: 120_000 });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  const kb = hasTime
    ? Number(
        String(r.stderr ?? "")
          .trim()
          .split("\n")
          .pop(),
      )
    : Number.NaN;
  // /usr/bin/time reports the child's exit; a signal (V8 abort) shows as a non-0/1 status.
  const status = r.signal ? null : r.status;
  return { ms, mb: Number.isFinite(kb) ? kb / 1024 : null, status };
}

export function runAdversarial(): AdversarialResult[] {
  const out: AdversarialResult[] = [];
  for (const [name, make] of Object.entries(INPUTS)) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dd-adversarial-"));
    try {
      write(dir, make());
      let worstMs = 0;
      let worstMb: number | null = null;
      const exit: Array<number | null> = [];
      for (const f of FORMATS) {
        const r = runOnce(dir, f);
        worstMs = Math.max(worstMs, r.ms);
        if (r.mb !== null) worstMb = Math.max(worstMb ?? 0, r.mb);
        exit.push(r.status);
      }
      out.push({ name, worstMs, worstMb, exit });
      process.stderr.write(
        `adversarial: ${name}: ${worstMs.toFixed(0)} ms, ${worstMb?.toFixed(0) ?? "n/a"} MiB, exit ${exit.join(",")}\n`,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  return out;
}

/** Markdown rows: input, worst time, worst peak memory, exit codes per format, verdict. */
export function adversarialTable(results: readonly AdversarialResult[]): string {
  const rows = results.map((r) => {
    const ok =
      r.worstMs < TIME_BUDGET_MS &&
      (r.worstMb === null || r.worstMb < MEMORY_BUDGET_MB) &&
      r.exit.every((e) => e === 0 || e === 1);
    return `| ${r.name.replace(/\|/g, "\\|")} | ${r.worstMs.toFixed(0)} ms | ${r.worstMb === null ? "n/a" : `${r.worstMb.toFixed(0)} MiB`} | ${r.exit.join(", ")} | ${ok ? "✅ met" : "❌ not met"} |`;
  });
  const worstMs = Math.max(...results.map((r) => r.worstMs));
  const worstMb = Math.max(...results.map((r) => r.worstMb ?? 0));
  return [
    `Each input in every format (${FORMATS.join(", ")}), CLI from source; budget each < ${TIME_BUDGET_MS / 1000} s and < ${MEMORY_BUDGET_MB} MB. Worst overall: ${worstMs.toFixed(0)} ms, ${worstMb.toFixed(0)} MiB.`,
    "",
    "| Input (≤ 1 MiB per file) | Worst time | Worst peak memory | Exit (json, markdown, text, sarif) | |",
    "|---|---|---|---|---|",
    ...rows,
  ].join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.stdout.write(`${adversarialTable(runAdversarial())}\n`);
}
