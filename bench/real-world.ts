/**
 * Real-world collection re-run (not part of `npm test` or `npm run bench`):
 *
 *   npx tsx bench/real-world.ts [--rw /work/rw] [--out DIR] [--list bench/real-world.json]
 *
 * For every `{repo, commit}` in the list it expects the repository's files, exported at that commit,
 * in `<rw>/<owner>+<name>` (nothing third-party is kept in this repository), runs the CLI from source
 * on it (`src/bin.cjs --format json --fail-on never`, no PyPI lookups) and prints per-rule tallies:
 * errors, errors judged false in bench/real-world.md that are still raised, warnings, notices, and
 * every error that is in neither the judged-false nor the judged-true list.
 * `--out DIR` also keeps each JSON report as `DIR/<owner>+<name>.json`.
 * A folder that is missing is reported and skipped, never counted as clean.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";

interface KnownFalse {
  rule: string;
  file: string;
  line?: number;
  why: string;
}
interface Entry {
  repo: string;
  commit: string;
  kind: string;
  knownFalse?: KnownFalse[];
  /** Errors judged true; an error in neither list is printed as "not judged yet". */
  knownTrue?: KnownFalse[];
}
interface Finding {
  rule: string;
  severity: "error" | "warning" | "notice";
  file: string;
  line?: number;
  message: string;
}

const ROOT = path.resolve(import.meta.dirname, "..");
const { values } = parseArgs({
  options: {
    rw: { type: "string", default: "/work/rw" },
    out: { type: "string" },
    list: { type: "string", default: path.join(ROOT, "bench/real-world.json") },
  },
});
const entries = JSON.parse(fs.readFileSync(values.list, "utf8")) as Entry[];
if (values.out) fs.mkdirSync(values.out, { recursive: true });

const tsx = path.join(ROOT, "node_modules/.bin/tsx");
type Tally = { errors: number; falseErrors: number; warnings: number; notices: number };
const perRule = new Map<string, Tally>();
const tally = (rule: string): Tally => {
  const t = perRule.get(rule) ?? { errors: 0, falseErrors: 0, warnings: 0, notices: 0 };
  perRule.set(rule, t);
  return t;
};
const rows: string[] = [];
const stillFalse: string[] = [];
const unjudged: string[] = [];
const matches = (list: KnownFalse[] | undefined, f: Finding) =>
  list?.find((k) => k.rule === f.rule && k.file === f.file && (k.line === undefined || k.line === f.line));
let missing = 0;

for (const entry of entries) {
  const folder = path.join(values.rw, entry.repo.replace("/", "+"));
  if (!fs.existsSync(folder)) {
    rows.push(`${entry.repo}: MISSING ${folder} (export ${entry.commit} there first)`);
    missing++;
    continue;
  }
  const run = spawnSync(tsx, ["src/bin.cjs", folder, "--format", "json", "--fail-on", "never"], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) {
    rows.push(`${entry.repo}: CLI exit ${run.status}: ${run.stderr.trim().split("\n")[0] ?? ""}`);
    continue;
  }
  if (values.out) fs.writeFileSync(path.join(values.out, `${path.basename(folder)}.json`), run.stdout);
  const report = JSON.parse(run.stdout) as { findings: Finding[]; services: unknown[] };
  const count = { error: 0, warning: 0, notice: 0 };
  let falseHere = 0;
  for (const f of report.findings) {
    const t = tally(f.rule);
    count[f.severity]++;
    if (f.severity === "warning") t.warnings++;
    else if (f.severity === "notice") t.notices++;
    else {
      t.errors++;
      const known = matches(entry.knownFalse, f);
      if (!known && !matches(entry.knownTrue, f)) {
        unjudged.push(`${entry.repo} ${f.file}:${f.line ?? "?"} [${f.rule}] ${f.message.slice(0, 200)}`);
      }
      if (known) {
        t.falseErrors++;
        falseHere++;
        stillFalse.push(`${entry.repo} ${f.file}:${f.line ?? "?"} [${f.rule}] ${known.why}`);
      }
    }
  }
  rows.push(
    `${entry.repo} (${entry.kind}): services ${report.services.length}, errors ${count.error}` +
      ` (known false ${falseHere}), warnings ${count.warning}, notices ${count.notice}`,
  );
}

const out: string[] = [
  "# per repository",
  ...rows,
  "",
  "# per rule: errors / known-false / warnings / notices",
];
const total: Tally = { errors: 0, falseErrors: 0, warnings: 0, notices: 0 };
for (const [rule, t] of [...perRule].sort(([a], [b]) => a.localeCompare(b))) {
  out.push(`${rule.padEnd(36)} ${t.errors} / ${t.falseErrors} / ${t.warnings} / ${t.notices}`);
  for (const k of Object.keys(total) as (keyof Tally)[]) total[k] += t[k];
}
out.push(
  `${"TOTAL".padEnd(36)} ${total.errors} / ${total.falseErrors} / ${total.warnings} / ${total.notices}`,
  "",
  `# errors judged false that are still raised (${stillFalse.length})`,
  ...stillFalse,
  "",
  `# errors not judged yet (${unjudged.length})`,
  ...unjudged,
);
if (missing) out.push("", `${missing} repositories missing from ${values.rw}`);
process.stdout.write(`${out.join("\n")}\n`);
