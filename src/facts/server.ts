/**
 * Start commands, parsed (never executed) and resolved against the repository: which server runs,
 * where its app object lives, how it binds. Rules read the results; this module does the reading.
 */

import type { BuilderName } from "../model/report.js";
import { LineIndex, type Span } from "../model/span.js";
import { type AttrLookup, resolveAppRef } from "../python/module.js";
import { normalizeRelPath, type Workspace } from "../repo/workspace.js";
import type { StartCandidate } from "./start.js";
import { type ParsedStart, parseStartCommand, splitAppRef, type Word } from "./start-command/index.js";

export interface AppResolution {
  module: string;
  attr: string;
  /** The module file, when one was found. */
  file: string | null;
  tried: string[];
  lookup: AttrLookup | null;
  missingRequiredAttr: boolean;
}

export interface AnalyzedCommand {
  candidate: StartCandidate;
  /** The command the builder runs instead of this one (a Dockerfile CMD under startCommand), if any. */
  replacedBy: StartCandidate | null;
  parsed: ParsedStart;
  app: AppResolution | null;
  /**
   * The folder of the repository the command's process runs in: the commands' folder moved by its
   * `cd X &&` prefixes; null when unknown (a variable, an absolute path, an escape, a chain too deep).
   */
  workdir: string | null;
  /** Span of a word of the command in its file (exact when the file holds the command verbatim). */
  spanOf(word: Word | null): Span | null;
}

/**
 * Explicit start commands the given builder reads (defaults excluded), plus its effective one.
 * `cwd`: the folder of the repository the commands run in (the service root, or the Dockerfile's
 * WORKDIR traced back to the repository: see docker-workdir.ts); null when unknown, and then no app
 * is looked up.
 */
export function analyzeCommands(
  ws: Workspace,
  cwd: string | null,
  candidates: StartCandidate[],
  builder: BuilderName,
  effective: StartCandidate | null,
): AnalyzedCommand[] {
  return candidates
    .filter((c) => c.readBy.includes(builder) && c.file !== null)
    .map((c) => ({
      ...analyzeCommand(ws, cwd, c),
      replacedBy: effective && effective !== c ? effective : null,
    }));
}

export function analyzeCommand(
  ws: Workspace,
  root: string | null,
  c: StartCandidate,
): Omit<AnalyzedCommand, "replacedBy"> {
  const parsed = parseStartCommand(c.command);
  const base = baseColumn(ws, c);
  const spanOf = (w: Word | null): Span | null => {
    if (!c.span) return null;
    if (!w || base === null) return c.span;
    return {
      file: c.span.file,
      line: c.span.line,
      column: base + w.offset,
      endLine: c.span.line,
      endColumn: base + w.end,
    };
  };
  let app: AppResolution | null = null;
  const inv = parsed.server;
  let workdir: string | null = root;
  for (const w of inv?.workdirs ?? []) workdir = chdir(workdir, w.text);
  const ref = inv ? splitAppRef(inv) : null;
  if (inv && ref) {
    // The app is looked up relative to where the command runs, moved by `cd X &&` and --app-dir/--chdir.
    const dir = inv.appDir ? chdir(workdir, inv.appDir.text) : workdir;
    if (dir !== null && ref.lookupName && !ref.module.text.includes("$")) {
      const res = resolveAppRef(ws, dir, ref.module.text, ref.lookupName);
      app =
        "kind" in res
          ? {
              module: ref.module.text,
              attr: ref.lookupName,
              file: null,
              tried: res.tried,
              lookup: null,
              missingRequiredAttr: false,
            }
          : {
              module: ref.module.text,
              attr: ref.lookupName,
              file: res.file,
              tried: [res.file],
              lookup: res.lookup,
              missingRequiredAttr: false,
            };
    } else if (ref.missingRequiredAttr) {
      app = {
        module: ref.module.text,
        attr: "",
        file: null,
        tried: [],
        lookup: null,
        missingRequiredAttr: true,
      };
    }
  } else if (inv?.kind === "python-script" && inv.appRef && !inv.appRef.text.includes("$")) {
    const script = workdir === null ? null : normalizeRelPath(inv.appRef.text, workdir);
    if (script !== null) {
      app = {
        module: inv.appRef.text,
        attr: "",
        file: ws.isFile(script) ? script : null,
        tried: [script],
        lookup: null,
        missingRequiredAttr: false,
      };
    }
  }
  return { candidate: c, parsed, app, workdir, spanOf };
}

/** Column where the command text starts in its file, or null when the file does not hold it verbatim. */
function baseColumn(ws: Workspace, c: StartCandidate): number | null {
  if (!c.span || !c.file) return null;
  const r = ws.read(c.file);
  if (r.kind !== "ok") return null;
  const line = new LineIndex(r.text).lineText(c.span.line);
  const at = c.span.column - 1;
  if (line.startsWith(c.command, at)) return c.span.column;
  if (line.startsWith(c.command, at + 1)) return c.span.column + 1; // inside quotes
  return null;
}

/** Longest working directory a `cd` chain is followed to; deeper is unknown (the walk reads 32 levels). */
const MAX_WORKDIR_CHARS = 1024;

/**
 * The directory after `cd to` from `dir`, or null (unknown) for a variable, an escape or a chain
 * deeper than any repository: bounded, so a Procfile of 100,000 `cd a &&` stays linear.
 */
function chdir(dir: string | null, to: string): string | null {
  if (dir === null || to.includes("$") || dir.length > MAX_WORKDIR_CHARS) return null;
  return normalizeRelPath(to, dir);
}
