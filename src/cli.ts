/**
 * deploy-drift CLI: `deploy-drift [DIR] [--format text|markdown|json|sarif] [--config FILE]
 * [--fail-on error|warning|notice|never] [--today YYYY-MM-DD] [--base REF [--label NAME]...]
 * [--filter-mode nofilter|added|file] [--pypi]`, and `deploy-drift rule ID` (or `--explain ID`).
 * On a terminal the default format is `text` (coloured unless NO_COLOR; FORCE_COLOR forces colour),
 * elsewhere (a pipe, a file) `markdown`.
 * `--base REF` compares the directory with a git revision (its merge base with HEAD): dependency
 * changes, locks kept in step, protected paths; `--label` names pull-request labels (the override).
 * Exit 0 = nothing blocking, 1 = blocking findings, 2 = usage or internal error (one line, no stack).
 */
import * as fs from "node:fs";
import * as nodePath from "node:path";
import { parseArgs } from "node:util";
import { analyzeRepo } from "./analyze.js";
import type { Severity } from "./model/finding.js";
import { DiskWorkspace } from "./repo/disk.js";
import type { gitWorkspace } from "./repo/git.js";
import { renderJson } from "./report/json.js";
import { renderMarkdown } from "./report/markdown.js";
import { renderText } from "./report/text.js";
import { VERSION } from "./version.js";

const USAGE = `usage: deploy-drift [DIR] [options]
       deploy-drift rule ID          print a rule's documentation (also: --explain ID)
       deploy-drift migrate [DIR] [--lang ts|py] [--write]
                                     railway.json/railway.toml to .railway/railway.ts (or .py)`;

const HELP = `${USAGE}

Reads a Python service's Railway deployment files (never runs them) and reports drift.

options:
  DIR                        folder to scan (default: .)
  -f, --format FORMAT        text | markdown | json | sarif
                             (default: text on a terminal, markdown otherwise)
  -c, --config FILE          deploy-drift config file (default: [tool.deploy-drift] in
                             pyproject.toml, deploy-drift.toml or .deploy-drift.toml)
      --fail-on LEVEL        error | warning | notice | never: exit 1 when findings reach it
                             (default: the config's fail-on, else error)
      --today YYYY-MM-DD     the run's date for end-of-life and deprecation rules (default: today)
      --base REF             compare with a git revision (its merge base with HEAD): dependency
                             changes, locks kept in step, new vs existing findings (default: none)
      --label NAME           a pull-request label, repeatable; needs --base (default: none)
      --filter-mode MODE     with --base: what blocks. nofilter (everything) | added (only new
                             findings) | file (new ones and those in changed files)
                             (default: the config's filter-mode, else nofilter)
      --pypi                 look pins up on PyPI (default: off, or the config's pypi)
      --explain ID           print the documentation of rule ID
  -h, --help                 this help
  -v, --version              the version

environment: NO_COLOR=1 disables colour; FORCE_COLOR=1 forces it (text format).

exit codes:
  0  nothing blocking
  1  blocking findings (at or above --fail-on)
  2  usage or internal error`;

class UsageError extends Error {}

/** Where the CLI writes; tests pass their own. */
export interface CliIo {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
}

/**
 * Writes straight to a file descriptor. `process.stdout` would load Node's stream and net modules,
 * several milliseconds of a run that otherwise takes little more than starting Node. Loops over
 * partial writes; `write` is fs.writeSync, replaceable in tests.
 */
export function fdWriter(
  fd: number,
  write: typeof fs.writeSync = fs.writeSync,
): { write(text: string): void } {
  return {
    write(text: string) {
      const buf = Buffer.from(text);
      for (let off = 0; off < buf.length; ) {
        try {
          off += write(fd, buf, off);
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code;
          // A non-blocking pipe that is full: wait a moment and go on.
          if (code === "EAGAIN") Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
          // The reader went away (`| head`): nothing more to write, and not an error of ours.
          else if (code === "EPIPE") return;
          else throw e;
        }
      }
    },
  };
}

// On Windows a console wants UTF-16 through its own API, which the streams use; raw UTF-8 bytes
// would garble the report's symbols unless the console's code page is UTF-8.
const STDIO: CliIo =
  process.platform === "win32"
    ? { stdout: process.stdout, stderr: process.stderr }
    : { stdout: fdWriter(1), stderr: fdWriter(2) };

export async function main(argv: string[], io: CliIo = STDIO): Promise<number> {
  // `deploy-drift migrate …` (src/migrate/cli.ts), loaded only when used.
  if (argv[0] === "migrate") return (await import("./migrate/cli.js")).migrateMain(argv.slice(1), io);
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: "string", short: "f" },
        config: { type: "string", short: "c" },
        "fail-on": { type: "string" },
        today: { type: "string" },
        base: { type: "string" },
        label: { type: "string", multiple: true },
        "filter-mode": { type: "string" },
        explain: { type: "string" },
        // Look pins up on PyPI (requires_python, wheels), over the config's `pypi`.
        pypi: { type: "boolean" },
        help: { type: "boolean", short: "h" },
        version: { type: "boolean", short: "v" },
      },
    });
    if (values.help) {
      io.stdout.write(`${HELP}\n`);
      return 0;
    }
    if (values.explain !== undefined || (positionals[0] === "rule" && positionals.length === 2)) {
      const id = values.explain ?? positionals[1];
      if (id === undefined || positionals.length > (values.explain !== undefined ? 0 : 2))
        throw new UsageError("expected one rule id: deploy-drift rule ID");
      const { explainRule } = await import("./explain.js");
      const doc = explainRule(id);
      if (doc === null) throw new UsageError(`\`${id}\` is not a deploy-drift rule`);
      io.stdout.write(doc.endsWith("\n") ? doc : `${doc}\n`);
      return 0;
    }
    if (values.version) {
      io.stdout.write(`${VERSION}\n`);
      return 0;
    }
    if (positionals.length > 1) throw new UsageError("expected at most one directory");
    const dir = positionals[0] ?? ".";
    const tty = values.format === undefined || values.format === "text" ? await isTerminal(io) : false;
    const format = values.format ?? (tty ? "text" : "markdown");
    if (!["markdown", "text", "json", "sarif"].includes(format))
      throw new UsageError(`unknown format \`${format}\``);
    const failOn = values["fail-on"];
    if (failOn !== undefined && !["error", "warning", "notice", "never"].includes(failOn)) {
      throw new UsageError(`--fail-on must be error, warning, notice or never`);
    }
    const filterMode = values["filter-mode"];
    if (filterMode !== undefined && !["nofilter", "added", "file"].includes(filterMode))
      throw new UsageError("--filter-mode must be nofilter, added or file");
    let today: Date | undefined;
    if (values.today !== undefined) {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(values.today) || Number.isNaN(Date.parse(values.today))) {
        throw new UsageError("--today must be a YYYY-MM-DD date");
      }
      today = new Date(`${values.today}T12:00:00Z`);
    }
    let stat: fs.Stats;
    try {
      stat = fs.statSync(dir);
    } catch {
      throw new UsageError(`${dir}: no such directory`);
    }
    if (!stat.isDirectory()) throw new UsageError(`${dir}: not a directory`);
    const ws = new DiskWorkspace(dir);
    let config: string | { file: string; text: string } | undefined;
    if (values.config !== undefined) {
      // The config is the user's own file: it may live outside the scanned directory.
      try {
        config = { file: values.config, text: fs.readFileSync(values.config, "utf8") };
      } catch {
        throw new UsageError(`${values.config}: cannot read config file`);
      }
    }
    if (values.label?.length && values.base === undefined) throw new UsageError("--label needs --base");
    let base: { ws: ReturnType<typeof gitWorkspace>; changedFiles: string[]; labels: string[] } | undefined;
    if (values.base !== undefined) {
      // git (child_process) and SARIF (crypto) are loaded only when used: they cost every run startup time.
      const { GitError, gitChangedFiles, gitWorkspace, resolveBase } = await import("./repo/git.js");
      try {
        const commit = resolveBase(dir, values.base);
        base = {
          ws: gitWorkspace(dir, commit, `${ws.name}@${values.base}`),
          changedFiles: gitChangedFiles(dir, commit),
          labels: values.label ?? [],
        };
      } catch (e) {
        if (e instanceof GitError) throw new UsageError(`--base ${values.base}: ${e.message}`);
        throw e;
      }
    }
    const report = await analyzeRepo(ws, {
      ...(base ? { base } : {}),
      ...(config ? { config } : {}),
      ...(failOn ? { failOn: failOn as Severity | "never" } : {}),
      ...(filterMode ? { filterMode: filterMode as "nofilter" | "added" | "file" } : {}),
      ...(today ? { today } : {}),
      ...(values.pypi ? { pypiLookups: { enabled: true } } : {}),
    });
    const sarif =
      format === "sarif"
        ? await Promise.all([import("./report/sarif.js"), import("./report/sarif-options.js")])
        : null;
    const rendered = sarif
      ? sarif[0].renderSarif(
          report,
          sarif[1].sarifOptions(
            nodePath.relative(process.cwd(), nodePath.resolve(dir)).split(nodePath.sep).join("/") || ".",
          ),
        )
      : format === "json"
        ? renderJson(report)
        : format === "text"
          ? renderText(report, { color: useColor(tty, process.env) })
          : renderMarkdown(report);
    io.stdout.write(rendered);
    return report.blocking ? 1 : 0;
  } catch (e) {
    const usage =
      e instanceof UsageError || String((e as { code?: string }).code ?? "").startsWith("ERR_PARSE_ARGS");
    const msg = usage ? `${(e as Error).message}\n${USAGE}` : `internal error: ${(e as Error).message}`;
    io.stderr.write(`deploy-drift: ${msg}\n`);
    return 2;
  }
}

/**
 * Colour on a terminal unless NO_COLOR is set (no-color.org: any non-empty value); FORCE_COLOR forces
 * it on (any value but "0" / "false"), or off with "0".
 */
export function useColor(tty: boolean, env: NodeJS.ProcessEnv): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== "") return force !== "0" && force !== "false";
  if (env.NO_COLOR) return false;
  return tty;
}

/** Is stdout a terminal? The tty module is loaded only when the answer matters. */
async function isTerminal(io: CliIo): Promise<boolean> {
  if (io !== STDIO || process.platform === "win32") return !!io.stdout.isTTY;
  return (await import("node:tty")).isatty(1);
}
