/**
 * Parses a start command (railway.json `deploy.startCommand`, nixpacks.toml `[start].cmd`, a Procfile
 * `web:` line, a Dockerfile shell-form CMD) into shell words and recognises the server it starts.
 * Nothing is executed and no variable is expanded: `$PORT`, `${PORT:-8000}`, `$(...)` and backticks
 * are kept verbatim in word text. Never throws; problems become `diagnostics`.
 *
 * Shell model (POSIX sh, which is what Railway's `/bin/bash -c` sees for these forms):
 * - words split on blanks; single quotes literal; double quotes keep `$...` expansions and allow
 *   `\$ \` \" \\ \<newline>` escapes; unquoted backslash escapes the next character;
 *   backslash-newline is a line continuation; `#` at the start of a word starts a comment;
 * - `&&`, `||`, `;`, `|`, `&`, newlines and `(`/`)` separate segments; redirections (`>x`, `2>&1`,
 *   `<in`) are dropped from the words;
 * - `sh -c '...'` / `bash -lc "..."` (also behind `exec`, `env`, ...) are parsed recursively and the
 *   outer segment is replaced by the inner segments, with offsets mapped back to the original string.
 *
 * Server facts (checked against the servers' sources/docs):
 * - gunicorn without `--bind`: binds `0.0.0.0:$PORT` when the PORT environment variable is set,
 *   otherwise `127.0.0.1:8000` (gunicorn docs, settings "bind": "If the PORT environment variable is
 *   defined, the default is ['0.0.0.0:$PORT']"; benoitc/gunicorn gunicorn/config.py class Bind). We
 *   then report `portFromEnv: true` with `portFromEnvImplicit: true`. A config file (`-c`, or
 *   `./gunicorn.conf.py` which gunicorn reads by default) or `GUNICORN_CMD_ARGS` may still set
 *   `bind`; callers that care must look there (`configFile`, `workdirs`, `envAssignments`).
 * - gunicorn `--bind :$PORT` (empty host) binds all interfaces; a bare `--bind $PORT` is a HOST,
 *   not a port (gunicorn util.parse_address), so host=`$PORT`, port=null.
 * - gunicorn app ref without `:attr` defaults to `application`; hypercorn defaults to `app`;
 *   uvicorn and daphne require `module:attr` (see {@link splitAppRef}).
 * - uvicorn, hypercorn, daphne, granian and `fastapi run` do not read `$PORT` themselves.
 */

export interface Word {
  text: string;
  offset: number;
  end: number;
}

export type Separator = "&&" | "||" | ";" | "|" | "&";

export interface ParsedStart {
  /** The command split into shell words, per segment of `&&`, `;`, `||`, `|`, `&`. `next` is the operator after the segment. */
  segments: Array<{ words: Word[]; next: Separator | null }>;
  /** The segment that starts the server, or null. */
  server: ServerInvocation | null;
  diagnostics: Array<{ message: string; offset: number }>;
}

export type ServerKind =
  | "uvicorn"
  | "gunicorn"
  | "hypercorn"
  | "daphne"
  | "granian"
  | "python-script"
  | "python-module"
  | "fastapi-cli"
  | "flask"
  | "django-runserver"
  | "other";

export interface ServerInvocation {
  kind: ServerKind;
  /** The executable as written: "uvicorn", "/opt/venv/bin/python", "python3.11", ".venv/bin/gunicorn" ... */
  executable: Word;
  /** An interpreter word if launched via python: "python", "python3", "python3.11", "/opt/venv/bin/python" */
  interpreter: Word | null;
  /** "-m module" when `python -m X` */
  module: Word | null;
  /**
   * ASGI/WSGI servers: the app reference "pkg.mod:attr" (or "pkg.mod:factory()"); python-script and
   * django-runserver: the script path (`manage.py`); fastapi-cli: the PATH argument; flask: the
   * `--app` value.
   */
  appRef: Word | null;
  /** --host / -b/--bind host part / daphne -b. An empty bind host (`-b :$PORT`) is a Word with text "". */
  host: Word | null;
  /** --port / bind's port part; text like "$PORT", "${PORT:-8000}", "8000". */
  port: Word | null;
  /**
   * true when the port comes from the PORT env var ($PORT, ${PORT}, ${PORT:-8000}, ${PORT-8000}), or
   * when the server reads PORT by itself (gunicorn without --bind; see portFromEnvImplicit).
   */
  portFromEnv: boolean;
  /** true when portFromEnv comes from the server's default rather than the command line. */
  portFromEnvImplicit: boolean;
  /**
   * --reload / --reload-dir etc. (the option word). Also set for modes that reload by default: the
   * `dev` word of `fastapi dev`, the `runserver` word of Django's runserver (unless --noreload),
   * flask's `--debug`.
   */
  reload: Word | null;
  /** The value of -w/--workers. */
  workers: Word | null;
  /** `NAME=value` words before the command (including those given to an `env` wrapper or an outer `sh -c`). */
  envAssignments: Word[];
  /** Words that wrap the command: `exec`, `opentelemetry-instrument`, `uv run`, `bash -c`, ... with their options. */
  wrappers: Word[];
  /** Targets of `cd` in earlier segments, in order (`cd backend && uvicorn ...`). */
  workdirs: Word[];
  /** uvicorn --app-dir, gunicorn --chdir, granian --working-dir. */
  appDir: Word | null;
  /** gunicorn/hypercorn -c/--config. */
  configFile: Word | null;
  /** The raw bind value (gunicorn/hypercorn first --bind, granian none). */
  bind: Word | null;
  /** fastapi `run`/`dev`, flask `run`, Django `runserver`. */
  subcommand: Word | null;
  /** fastapi --app NAME. */
  appName: Word | null;
  /** uvicorn/granian --factory flag. */
  factory: Word | null;
  /** Index into `segments` of the server's segment. */
  segmentIndex: number;
}

const MAX_DEPTH = 4;

export function parseStartCommand(cmd: string): ParsedStart {
  const diagnostics: ParsedStart["diagnostics"] = [];
  try {
    const text = typeof cmd === "string" ? cmd : "";
    const top = tokenize(text, (i) => i, text.length, diagnostics);
    const flat: FlatSegment[] = [];
    for (const seg of splitSegments(top, diagnostics)) flatten(seg, [], [], 0, flat, diagnostics);
    const segments = flat.map((s) => ({ words: s.words.map(pub), next: s.next }));
    const server = pickServer(flat, diagnostics);
    return { segments, server, diagnostics: dedupe(diagnostics) };
  } catch (e) {
    diagnostics.push({ message: `could not parse the start command: ${String(e)}`, offset: 0 });
    return { segments: [], server: null, diagnostics };
  }
}

// ---------------------------------------------------------------------------------------------
// Tokenizer

interface Expansion {
  name: string;
  from: number;
  to: number;
}

/** A word with a per-character map back into the original string. */
interface RawWord {
  text: string;
  offset: number;
  end: number;
  /** map[k] = original offset of text[k]. */
  map: number[];
  exps: Expansion[];
  /** First character of the word was a quote or backslash (so `NAME=...` is not an assignment). */
  quotedStart: boolean;
  /** Parameter references that sat inside single quotes (not expanded). */
  literalParams: Array<{ name: string; offset: number }>;
}

type Token =
  | { kind: "word"; w: RawWord }
  | { kind: "sep"; op: Separator | "(" | ")"; offset: number }
  | { kind: "redir"; offset: number; heredoc: boolean };

/** Public words keep a link to their raw form so helpers (splitAppRef) can map sub-ranges exactly. */
const RAW = new WeakMap<Word, RawWord>();

function pub(w: RawWord): Word {
  const out = { text: w.text, offset: w.offset, end: w.end };
  RAW.set(out, w);
  return out;
}

function rawOf(w: Word): RawWord {
  const known = RAW.get(w);
  if (known) return known;
  // A caller-made word: assume its text maps 1:1 onto the original from `offset`.
  const map = Array.from({ length: w.text.length }, (_, k) => w.offset + k);
  return { ...w, map, exps: [], quotedStart: false, literalParams: [] };
}

const OP_CHARS = new Set([";", "&", "|", "(", ")", "<", ">"]);

function tokenize(
  s: string,
  pos: (i: number) => number,
  endOffset: number,
  diags: ParsedStart["diagnostics"],
): Token[] {
  const at = (i: number) => (i < s.length ? pos(i) : endOffset);
  const toks: Token[] = [];
  let i = 0;
  const n = s.length;
  while (i < n) {
    const c = s[i]!;
    if (c === " " || c === "\t" || c === "\r") {
      i++;
      continue;
    }
    if (c === "\\" && s[i + 1] === "\n") {
      i += 2;
      continue;
    }
    if (c === "\n") {
      toks.push({ kind: "sep", op: ";", offset: at(i) });
      i++;
      continue;
    }
    if (c === "#") {
      while (i < n && s[i] !== "\n") i++;
      continue;
    }
    // io-number redirection: 2>&1, 1>/dev/null
    const io = /^\d+(?=[<>])/.exec(s.slice(i, i + 12));
    if (io) i += io[0].length;
    const op = readOperator(s, i);
    if (op) {
      if (op.kind === "redir")
        toks.push({ kind: "redir", offset: at(i), heredoc: op.text.startsWith("<<") && op.text !== "<<<" });
      else toks.push({ kind: "sep", op: op.text as Separator, offset: at(i) });
      i += op.text.length;
      continue;
    }
    const r = readWord(s, i, at, diags);
    toks.push({ kind: "word", w: r.word });
    i = r.next;
  }
  return toks;
}

function readOperator(s: string, i: number): { kind: "sep" | "redir"; text: string } | null {
  const two = s.slice(i, i + 2);
  const three = s.slice(i, i + 3);
  if (three === "&>>" || three === "<<<" || three === "<<-") return { kind: "redir", text: three };
  if (two === "&&" || two === "||") return { kind: "sep", text: two };
  if (two === "|&") return { kind: "sep", text: "|" };
  if (
    two === "&>" ||
    two === ">>" ||
    two === ">&" ||
    two === ">|" ||
    two === "<&" ||
    two === "<<" ||
    two === "<>"
  )
    return { kind: "redir", text: two };
  const c = s[i]!;
  if (c === ">" || c === "<") return { kind: "redir", text: c };
  if (c === ";" || c === "&" || c === "|" || c === "(" || c === ")") return { kind: "sep", text: c };
  return null;
}

function readWord(
  s: string,
  start: number,
  at: (i: number) => number,
  diags: ParsedStart["diagnostics"],
): { word: RawWord; next: number } {
  let text = "";
  const map: number[] = [];
  const exps: Expansion[] = [];
  const literalParams: RawWord["literalParams"] = [];
  const push = (ch: string, i: number) => {
    text += ch;
    map.push(at(i));
  };
  const copyVerbatim = (from: number, to: number) => {
    for (let k = from; k < to; k++) push(s[k]!, k);
  };
  const quotedStart = s[start] === "'" || s[start] === '"' || s[start] === "\\";
  let i = start;
  const n = s.length;
  while (i < n) {
    const c = s[i]!;
    if (c === "(" && s[i + 1] === ")" && text.length > 0) {
      // `app:create_app()` unquoted is a shell syntax error; keep the word as meant and say so.
      diags.push({
        message: 'unquoted `()` is a shell syntax error; quote the argument, e.g. "app:create_app()"',
        offset: at(i),
      });
      push("(", i);
      push(")", i + 1);
      i += 2;
      continue;
    }
    if (c === " " || c === "\t" || c === "\n" || c === "\r" || OP_CHARS.has(c)) break;
    if (c === "\\") {
      if (s[i + 1] === "\n") {
        i += 2;
        continue;
      }
      if (i + 1 < n) {
        push(s[i + 1]!, i + 1);
        i += 2;
      } else {
        push(c, i);
        i++;
      }
      continue;
    }
    if (c === "'") {
      const close = s.indexOf("'", i + 1);
      if (close < 0) {
        diags.push({ message: "unterminated single quote", offset: at(i) });
        copyVerbatim(i + 1, n);
        noteLiteralParams(s, i + 1, n, at, literalParams);
        i = n;
        break;
      }
      copyVerbatim(i + 1, close);
      noteLiteralParams(s, i + 1, close, at, literalParams);
      i = close + 1;
      continue;
    }
    if (c === '"') {
      let k = i + 1;
      let closed = false;
      while (k < n) {
        const d = s[k]!;
        if (d === '"') {
          closed = true;
          break;
        }
        if (d === "\\" && k + 1 < n) {
          const e = s[k + 1]!;
          if (e === "\n") {
            k += 2;
            continue;
          }
          if (e === "$" || e === "`" || e === '"' || e === "\\") {
            push(e, k + 1);
            k += 2;
            continue;
          }
          push(d, k);
          k++;
          continue;
        }
        if (d === "$") {
          const r = readDollar(s, k, at, diags);
          if (r) {
            const from = text.length;
            copyVerbatim(k, r.end);
            if (r.name) exps.push({ name: r.name, from, to: text.length });
            k = r.end;
            continue;
          }
        }
        if (d === "`") {
          const close = findBacktick(s, k);
          if (close < 0) diags.push({ message: "unterminated backquote", offset: at(k) });
          const to = close < 0 ? n : close + 1;
          copyVerbatim(k, to);
          k = to;
          continue;
        }
        push(d, k);
        k++;
      }
      if (!closed) diags.push({ message: "unterminated double quote", offset: at(i) });
      i = closed ? k + 1 : n;
      continue;
    }
    if (c === "$") {
      if (s[i + 1] === "'") {
        // bash ANSI-C quoting $'...': keep the content literally (escapes not interpreted).
        const close = s.indexOf("'", i + 2);
        const to = close < 0 ? n : close;
        if (close < 0) diags.push({ message: "unterminated $'...' quote", offset: at(i) });
        copyVerbatim(i + 2, to);
        i = close < 0 ? n : close + 1;
        continue;
      }
      const r = readDollar(s, i, at, diags);
      if (r) {
        const from = text.length;
        copyVerbatim(i, r.end);
        if (r.name) exps.push({ name: r.name, from, to: text.length });
        i = r.end;
        continue;
      }
    }
    if (c === "`") {
      const close = findBacktick(s, i);
      if (close < 0) diags.push({ message: "unterminated backquote", offset: at(i) });
      const to = close < 0 ? n : close + 1;
      copyVerbatim(i, to);
      i = to;
      continue;
    }
    push(c, i);
    i++;
  }
  const offset = at(start);
  const end = i > start ? at(i - 1) + 1 : offset;
  return { word: { text, offset, end, map, exps, quotedStart, literalParams }, next: i };
}

function noteLiteralParams(
  s: string,
  from: number,
  to: number,
  at: (i: number) => number,
  out: RawWord["literalParams"],
): void {
  const re = /\$\{?([A-Za-z_][A-Za-z0-9_]*)/g;
  const body = s.slice(from, to);
  for (let m = re.exec(body); m; m = re.exec(body)) out.push({ name: m[1]!, offset: at(from + m.index) });
}

/** Reads `$NAME`, `${...}`, `$(...)`, `$((...))`, `$1`, `$@`... starting at the `$`. Null for a lone `$`. */
function readDollar(
  s: string,
  i: number,
  at: (i: number) => number,
  diags: ParsedStart["diagnostics"],
): { end: number; name: string | null } | null {
  const next = s[i + 1];
  if (next === "{") {
    const close = findClosing(s, i + 2, "{", "}");
    if (close < 0) {
      diags.push({ message: "unterminated `$" + "{...}` expansion", offset: at(i) });
      return { end: s.length, name: null };
    }
    const m = /^[#!]?([A-Za-z_][A-Za-z0-9_]*)/.exec(s.slice(i + 2, close));
    return { end: close + 1, name: m && !s.slice(i + 2, close).startsWith("#") ? m[1]! : null };
  }
  if (next === "(") {
    const close = findClosing(s, i + 2, "(", ")");
    if (close < 0) {
      diags.push({ message: "unterminated $(...)", offset: at(i) });
      return { end: s.length, name: null };
    }
    return { end: close + 1, name: null };
  }
  const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(s.slice(i + 1));
  if (m) return { end: i + 1 + m[0].length, name: m[0] };
  if (next !== undefined && /[0-9@*#?$!-]/.test(next)) return { end: i + 2, name: null };
  return null;
}

/** Index of the bracket closing the one opened just before `from`, honouring nesting and quotes. */
function findClosing(s: string, from: number, open: string, close: string): number {
  let depth = 1;
  for (let k = from; k < s.length; k++) {
    const c = s[k]!;
    if (c === "\\") {
      k++;
      continue;
    }
    if (c === "'") {
      const q = s.indexOf("'", k + 1);
      if (q < 0) return -1;
      k = q;
      continue;
    }
    if (c === '"') {
      let q = k + 1;
      while (q < s.length && s[q] !== '"') q += s[q] === "\\" ? 2 : 1;
      if (q >= s.length) return -1;
      k = q;
      continue;
    }
    if (c === open) depth++;
    else if (c === close && --depth === 0) return k;
  }
  return -1;
}

function findBacktick(s: string, i: number): number {
  for (let k = i + 1; k < s.length; k++) {
    if (s[k] === "\\") k++;
    else if (s[k] === "`") return k;
  }
  return -1;
}

// ---------------------------------------------------------------------------------------------
// Segments

interface RawSegment {
  words: RawWord[];
  next: Separator | null;
}

interface FlatSegment extends RawSegment {
  /** Assignments and wrappers inherited from an enclosing `sh -c`. */
  outerAssign: RawWord[];
  outerWrappers: RawWord[];
}

function splitSegments(toks: Token[], diags: ParsedStart["diagnostics"]): RawSegment[] {
  const out: RawSegment[] = [];
  let cur: RawWord[] = [];
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k]!;
    if (t.kind === "word") cur.push(t.w);
    else if (t.kind === "redir") {
      if (t.heredoc)
        diags.push({ message: "here-documents are not supported in a start command", offset: t.offset });
      if (toks[k + 1]?.kind === "word") k++;
      else diags.push({ message: "redirection without a target", offset: t.offset });
    } else {
      const op = t.op === "(" || t.op === ")" ? ";" : t.op;
      if (cur.length) out.push({ words: cur, next: op });
      else if (out.length && t.op !== "(" && t.op !== ")" && op !== ";") {
        diags.push({ message: `\`${op}\` without a command before it`, offset: t.offset });
      }
      cur = [];
    }
  }
  if (cur.length) out.push({ words: cur, next: null });
  if (out.length) out[out.length - 1]!.next = null;
  return out;
}

function basename(p: string): string {
  const i = p.lastIndexOf("/");
  return i < 0 ? p : p.slice(i + 1);
}

const ASSIGN = /^[A-Za-z_][A-Za-z0-9_]*=/;
const isAssign = (w: RawWord) => !w.quotedStart && ASSIGN.test(w.text);
const isOpt = (w: RawWord | undefined) => !!w && w.text.startsWith("-") && w.text.length > 1;

interface Prefix {
  assign: RawWord[];
  wrappers: RawWord[];
  /** Index of the command word (may equal words.length when there is none). */
  cmd: number;
}

/** Skips `NAME=value` words and wrapper commands (exec, env, opentelemetry-instrument, uv run, ...). */
function stripPrefix(words: RawWord[]): Prefix {
  const assign: RawWord[] = [];
  const wrappers: RawWord[] = [];
  let i = 0;
  const take = (count: number) => {
    for (let k = 0; k < count && i < words.length; k++) wrappers.push(words[i++]!);
  };
  const skipThroughDoubleDash = (): boolean => {
    const dd = words.findIndex((w, k) => k >= i && w.text === "--");
    if (dd < 0) return false;
    take(dd - i + 1);
    return true;
  };
  const skipFlags = (valued: Set<string> = new Set()) => {
    while (i < words.length && isOpt(words[i])) {
      const t = words[i]!.text;
      if (t === "--") {
        take(1);
        return;
      }
      const name = t.split("=")[0]!;
      take(valued.has(name) && !t.includes("=") ? 2 : 1);
    }
  };
  for (let guard = 0; guard < 64 && i < words.length; guard++) {
    const w = words[i]!;
    if (isAssign(w)) {
      assign.push(w);
      i++;
      continue;
    }
    const b = basename(w.text);
    switch (b) {
      case "exec":
        take(1);
        skipFlags(new Set(["-a"]));
        continue;
      case "command":
      case "builtin":
      case "nohup":
      case "time":
        take(1);
        if (b === "time" || b === "command") skipFlags();
        continue;
      case "env":
        take(1);
        while (i < words.length) {
          const t = words[i]!;
          if (isAssign(t)) {
            assign.push(t);
            i++;
          } else if (t.text === "-u" || t.text === "-C" || t.text === "--unset" || t.text === "--chdir")
            take(2);
          else if (isOpt(t) || t.text === "-") take(1);
          else break;
        }
        continue;
      case "nice":
        take(1);
        skipFlags(new Set(["-n"]));
        continue;
      case "timeout":
        take(1);
        skipFlags(new Set(["-s", "-k", "--signal", "--kill-after"]));
        take(1); // duration
        continue;
      case "stdbuf":
        take(1);
        skipFlags(new Set(["-i", "-o", "-e"]));
        continue;
      case "tini":
      case "dumb-init":
        take(1);
        skipFlags(new Set(["-s", "-p", "-e", "--rewrite"]));
        continue;
      case "gosu":
      case "su-exec":
        take(2);
        continue;
      case "opentelemetry-instrument":
        take(1);
        while (i < words.length && isOpt(words[i])) {
          const t = words[i]!.text;
          if (t === "--") {
            take(1);
            break;
          }
          take(t.includes("=") || t === "-h" || t === "--help" || t === "--version" ? 1 : 2);
        }
        continue;
      case "ddtrace-run":
        take(1);
        skipFlags();
        continue;
      case "newrelic-admin":
        if (words[i + 1]?.text === "run-program") {
          take(2);
          continue;
        }
        return { assign, wrappers, cmd: i };
      case "doppler":
      case "infisical":
      case "op":
      case "railway":
      case "dotenv":
      case "watchmedo":
      case "with-contenv":
        if (words[i + 1]?.text === "run" || b === "watchmedo" || b === "dotenv") {
          if (skipThroughDoubleDash()) continue;
          if (b === "watchmedo") return { assign, wrappers, cmd: i };
          // without `--`: skip up to and including `run`, then flags
          const run = words.findIndex((x, k) => k > i && x.text === "run");
          if (run < 0) return { assign, wrappers, cmd: i };
          take(run - i + 1);
          skipFlags(
            new Set([
              "-f",
              "--file",
              "--project",
              "--config",
              "-p",
              "-c",
              "--env",
              "--env-file",
              "-e",
              "-s",
              "--service",
            ]),
          );
          continue;
        }
        return { assign, wrappers, cmd: i };
      case "poetry":
      case "pipenv":
      case "pdm":
      case "rye":
      case "hatch":
        if (words[i + 1]?.text === "run") {
          take(2);
          skipFlags(new Set(["-C", "--directory", "-P", "--project", "-p"]));
          continue;
        }
        return { assign, wrappers, cmd: i };
      case "uv":
        if (words[i + 1]?.text === "run") {
          take(2);
          skipFlags(UV_VALUED);
          continue;
        }
        if (words[i + 1]?.text === "tool" && words[i + 2]?.text === "run") {
          take(3);
          skipFlags(UV_VALUED);
          continue;
        }
        return { assign, wrappers, cmd: i };
      case "uvx":
        take(1);
        skipFlags(UV_VALUED);
        continue;
      case "pipx":
        if (words[i + 1]?.text === "run") {
          take(2);
          skipFlags(new Set(["--spec", "--python", "--pip-args", "--index-url"]));
          continue;
        }
        return { assign, wrappers, cmd: i };
      default:
        return { assign, wrappers, cmd: i };
    }
  }
  return { assign, wrappers, cmd: i };
}

const UV_VALUED = new Set([
  "--with",
  "--with-editable",
  "--with-requirements",
  "--python",
  "-p",
  "--env-file",
  "--project",
  "--directory",
  "--package",
  "--extra",
  "--group",
  "--only-group",
  "--no-group",
  "--index",
  "--index-url",
  "--default-index",
  "--extra-index-url",
  "--find-links",
  "-f",
  "--config-file",
  "--cache-dir",
  "--from",
  "--refresh-package",
  "--upgrade-package",
  "-P",
  "--reinstall-package",
  "--color",
  "--index-strategy",
  "--keyring-provider",
  "--resolution",
  "--prerelease",
  "--exclude-newer",
  "--link-mode",
  "--allow-insecure-host",
  "--no-binary-package",
  "--no-build-package",
  "--python-platform",
]);

const SHELLS = new Set(["sh", "bash", "dash", "zsh", "ash", "ksh", "mksh", "busybox"]);

/** Replaces `sh -c '...'` segments by the segments of the inner string. */
function flatten(
  seg: RawSegment,
  outerAssign: RawWord[],
  outerWrappers: RawWord[],
  depth: number,
  out: FlatSegment[],
  diags: ParsedStart["diagnostics"],
): void {
  const p = stripPrefix(seg.words);
  let cmd = p.cmd;
  let shellWord = seg.words[cmd];
  // `busybox sh -c`
  if (shellWord && basename(shellWord.text) === "busybox" && SHELLS.has(seg.words[cmd + 1]?.text ?? "")) {
    cmd++;
    shellWord = seg.words[cmd];
  }
  if (shellWord && SHELLS.has(basename(shellWord.text)) && depth < MAX_DEPTH) {
    let k = cmd + 1;
    let dashC = false;
    while (k < seg.words.length) {
      const t = seg.words[k]!.text;
      if (t === "--") {
        k++;
        break;
      }
      if (t === "-o" || t === "+o" || t === "--rcfile" || t === "--init-file") {
        k += 2;
        continue;
      }
      if (/^[-+][A-Za-z]+$/.test(t)) {
        if (t.startsWith("-") && t.includes("c")) dashC = true;
        k++;
        continue;
      }
      if (t.startsWith("--")) {
        k++;
        continue;
      }
      break;
    }
    if (dashC) {
      const inner = seg.words[k];
      if (!inner) {
        diags.push({ message: `\`${shellWord.text} -c\` has no command string`, offset: shellWord.offset });
        out.push({ ...seg, outerAssign, outerWrappers });
        return;
      }
      const wrappers = [...outerWrappers, ...p.wrappers, ...seg.words.slice(p.cmd, k)];
      const assign = [...outerAssign, ...p.assign];
      const innerToks = tokenize(
        inner.text,
        (i) => inner.map[i] ?? inner.end,
        inner.text.length ? inner.map[inner.text.length - 1]! + 1 : inner.end,
        diags,
      );
      const innerSegs = splitSegments(innerToks, diags);
      if (innerSegs.length === 0) {
        diags.push({ message: `\`${shellWord.text} -c\` has an empty command string`, offset: inner.offset });
        return;
      }
      innerSegs[innerSegs.length - 1]!.next = seg.next;
      for (const s of innerSegs) flatten(s, assign, wrappers, depth + 1, out, diags);
      return;
    }
  }
  out.push({ ...seg, outerAssign, outerWrappers });
}

// ---------------------------------------------------------------------------------------------
// Server recognition

const SERVER_KINDS = new Set<ServerKind>([
  "uvicorn",
  "gunicorn",
  "hypercorn",
  "daphne",
  "granian",
  "fastapi-cli",
  "flask",
  "django-runserver",
]);

const NOT_A_SERVER = new Set([
  "cd",
  "export",
  "echo",
  "printf",
  "set",
  "unset",
  "source",
  ".",
  "true",
  "false",
  ":",
  "sleep",
  "mkdir",
  "cp",
  "mv",
  "rm",
  "ls",
  "cat",
  "chmod",
  "chown",
  "touch",
  "test",
  "[",
  "[[",
  "wait",
  "trap",
  "ulimit",
  "umask",
  "alembic",
  "pip",
  "pip3",
  "prisma",
  "playwright",
]);

const PYTHON_EXE = /^(python|pypy)(\d+(\.\d+)*t?)?(-dbg)?(\.exe)?$/;

function pickServer(flat: FlatSegment[], diags: ParsedStart["diagnostics"]): ServerInvocation | null {
  let best: { inv: ServerInvocation; tier: number } | null = null;
  const cds: RawWord[] = [];
  flat.forEach((seg, idx) => {
    const p = stripPrefix(seg.words);
    const exe = seg.words[p.cmd];
    if (!exe) return;
    const b = basename(exe.text);
    if (b === "cd") {
      const target = seg.words[p.cmd + 1];
      if (target) cds.push(target);
      return;
    }
    if (NOT_A_SERVER.has(b)) return;
    const inv = recognise(seg.words, p.cmd, diags);
    inv.envAssignments = [...seg.outerAssign, ...p.assign].map(pub);
    inv.wrappers = [...seg.outerWrappers, ...p.wrappers].map(pub);
    inv.workdirs = cds.map(pub);
    inv.segmentIndex = idx;
    const tier = SERVER_KINDS.has(inv.kind)
      ? 3
      : inv.kind === "python-script" || inv.kind === "python-module"
        ? isOneShotPython(seg.words, p.cmd, inv)
          ? 1
          : 2
        : 1;
    if (!best || tier >= best.tier) best = { inv, tier };
  });
  return best === null ? null : (best as { inv: ServerInvocation }).inv;
}

function isOneShotPython(words: RawWord[], cmd: number, inv: ServerInvocation): boolean {
  if (inv.kind === "python-module") {
    return ["alembic", "pip", "ensurepip", "venv", "compileall", "playwright", "nltk.downloader"].includes(
      inv.module?.text ?? "",
    );
  }
  if (inv.kind === "python-script" && basename(inv.appRef?.text ?? "") === "manage.py") {
    const idx = words.findIndex((w, k) => k > cmd && inv.appRef !== null && w.offset === inv.appRef.offset);
    const sub = words[idx + 1]?.text ?? "";
    return sub !== "" && sub !== "runserver";
  }
  return false;
}

function blank(kind: ServerKind, executable: RawWord): ServerInvocation {
  return {
    kind,
    executable: pub(executable),
    interpreter: null,
    module: null,
    appRef: null,
    host: null,
    port: null,
    portFromEnv: false,
    portFromEnvImplicit: false,
    reload: null,
    workers: null,
    envAssignments: [],
    wrappers: [],
    workdirs: [],
    appDir: null,
    configFile: null,
    bind: null,
    subcommand: null,
    appName: null,
    factory: null,
    segmentIndex: 0,
  };
}

const DIRECT_SERVERS: Record<string, ServerKind> = {
  uvicorn: "uvicorn",
  gunicorn: "gunicorn",
  hypercorn: "hypercorn",
  daphne: "daphne",
  granian: "granian",
};

function recognise(words: RawWord[], cmd: number, diags: ParsedStart["diagnostics"]): ServerInvocation {
  const exe = words[cmd]!;
  const b = basename(exe.text);
  const rest = words.slice(cmd + 1);
  const direct = DIRECT_SERVERS[b];
  if (direct) return parseAsgiWsgi(blank(direct, exe), rest, diags);
  if (b === "fastapi") return parseFastapi(blank("fastapi-cli", exe), rest, diags);
  if (b === "flask") return parseFlask(blank("flask", exe), rest, diags);
  if (b === "django-admin") return parseDjango(blank("django-runserver", exe), null, rest, diags);
  if (PYTHON_EXE.test(b)) return parsePython(exe, rest, diags);
  return parseGeneric(blank("other", exe), rest, diags);
}

/** Python interpreter options that take a value. */
const PY_VALUED = new Set(["-X", "-W", "--check-hash-based-pycs"]);

function parsePython(exe: RawWord, rest: RawWord[], diags: ParsedStart["diagnostics"]): ServerInvocation {
  let i = 0;
  while (i < rest.length) {
    const w = rest[i]!;
    const t = w.text;
    if (t === "--") {
      i++;
      break;
    }
    if (!t.startsWith("-") || t === "-") break;
    if (t === "-c" || (t.startsWith("-c") && !t.startsWith("--"))) {
      const inv = blank("other", exe);
      inv.interpreter = pub(exe);
      return inv;
    }
    if (t.startsWith("-m") && !t.startsWith("--")) {
      const modWord = t === "-m" ? rest[i + 1] : sub(w, 2, t.length);
      if (!modWord) {
        const inv = blank("python-module", exe);
        inv.interpreter = pub(exe);
        return inv;
      }
      const after = rest.slice(t === "-m" ? i + 2 : i + 1);
      return pythonModule(exe, modWord, after, diags);
    }
    // grouped short flags may end in a valued one: -uX utf8
    const last = t.startsWith("--") ? t.split("=")[0]! : `-${t[t.length - 1]}`;
    if (PY_VALUED.has(last) && !t.includes("=") && (t.length === 2 || t.startsWith("--"))) i += 2;
    else i++;
  }
  const script = rest[i];
  if (!script) {
    const inv = blank("other", exe);
    inv.interpreter = pub(exe);
    return inv;
  }
  if (basename(script.text) === "manage.py" && rest[i + 1]?.text === "runserver") {
    const inv = parseDjango(blank("django-runserver", exe), script, rest.slice(i + 1), diags);
    inv.interpreter = pub(exe);
    return inv;
  }
  const inv = parseGeneric(blank("python-script", exe), rest.slice(i + 1), diags);
  inv.interpreter = pub(exe);
  inv.appRef = pub(script);
  return inv;
}

function pythonModule(
  exe: RawWord,
  modWord: RawWord,
  after: RawWord[],
  diags: ParsedStart["diagnostics"],
): ServerInvocation {
  const mod = modWord.text;
  let inv: ServerInvocation;
  const direct = DIRECT_SERVERS[mod];
  if (direct) inv = parseAsgiWsgi(blank(direct, exe), after, diags);
  else if (mod === "fastapi" || mod === "fastapi_cli")
    inv = parseFastapi(blank("fastapi-cli", exe), after, diags);
  else if (mod === "flask") inv = parseFlask(blank("flask", exe), after, diags);
  else if (mod === "django" && after[0]?.text === "runserver")
    inv = parseDjango(blank("django-runserver", exe), null, after, diags);
  else inv = parseGeneric(blank("python-module", exe), after, diags);
  inv.interpreter = pub(exe);
  inv.module = pub(modWord);
  return inv;
}

// ---- option tables ------------------------------------------------------------------------------

interface ServerSpec {
  /** Options that take a value (long and short forms). */
  valued: Set<string>;
  host?: string[];
  port?: string[];
  bind?: string[];
  workers?: string[];
  /** Options that mean reloading (flags or valued). */
  reload?: string[];
  appDir?: string[];
  config?: string[];
  factory?: string[];
  appName?: string[];
}

const UVICORN: ServerSpec = {
  valued: new Set([
    "--host",
    "--port",
    "--uds",
    "--fd",
    "--reload-dir",
    "--reload-include",
    "--reload-exclude",
    "--reload-delay",
    "--workers",
    "--loop",
    "--http",
    "--ws",
    "--ws-max-size",
    "--ws-max-queue",
    "--ws-ping-interval",
    "--ws-ping-timeout",
    "--ws-per-message-deflate",
    "--lifespan",
    "--interface",
    "--env-file",
    "--log-config",
    "--log-level",
    "--root-path",
    "--limit-concurrency",
    "--backlog",
    "--limit-max-requests",
    "--timeout-keep-alive",
    "--timeout-graceful-shutdown",
    "--timeout-worker-healthcheck",
    "--ssl-keyfile",
    "--ssl-certfile",
    "--ssl-keyfile-password",
    "--ssl-version",
    "--ssl-cert-reqs",
    "--ssl-ca-certs",
    "--ssl-ciphers",
    "--header",
    "--app-dir",
    "--h11-max-incomplete-event-size",
    "--forwarded-allow-ips",
  ]),
  host: ["--host"],
  port: ["--port"],
  workers: ["--workers"],
  reload: ["--reload", "--reload-dir", "--reload-include", "--reload-exclude", "--reload-delay"],
  appDir: ["--app-dir"],
  factory: ["--factory"],
};

const GUNICORN: ServerSpec = {
  valued: new Set([
    "-c",
    "--config",
    "-b",
    "--bind",
    "--backlog",
    "-w",
    "--workers",
    "-k",
    "--worker-class",
    "--threads",
    "--worker-connections",
    "--max-requests",
    "--max-requests-jitter",
    "-t",
    "--timeout",
    "--graceful-timeout",
    "--keep-alive",
    "--limit-request-line",
    "--limit-request-fields",
    "--limit-request-field_size",
    "--limit-request-field-size",
    "--reload-engine",
    "--reload-extra-file",
    "--chdir",
    "-e",
    "--env",
    "--pythonpath",
    "--paste",
    "--paster",
    "-p",
    "--pid",
    "--worker-tmp-dir",
    "-u",
    "--user",
    "-g",
    "--group",
    "-m",
    "--umask",
    "--forwarded-allow-ips",
    "--access-logfile",
    "--access-logformat",
    "--error-logfile",
    "--log-file",
    "--log-level",
    "--logger-class",
    "--log-config",
    "--log-config-json",
    "--log-syslog-to",
    "--log-syslog-prefix",
    "--log-syslog-facility",
    "--dogstatsd-tags",
    "--statsd-host",
    "--statsd-prefix",
    "-n",
    "--name",
    "--proxy-allow-from",
    "--keyfile",
    "--certfile",
    "--ssl-version",
    "--cert-reqs",
    "--ca-certs",
    "--ciphers",
    "--root-path",
    "--forwarder-headers",
    "--header-map",
    "--worker-class-args",
  ]),
  bind: ["-b", "--bind"],
  workers: ["-w", "--workers"],
  reload: ["--reload", "--reload-engine", "--reload-extra-file"],
  appDir: ["--chdir"],
  config: ["-c", "--config"],
};

const HYPERCORN: ServerSpec = {
  valued: new Set([
    "-c",
    "--config",
    "-b",
    "--bind",
    "--insecure-bind",
    "--quic-bind",
    "-w",
    "--workers",
    "-k",
    "--worker-class",
    "--access-logfile",
    "--access-logformat",
    "--access-log-format",
    "--backlog",
    "--ca-certs",
    "--certfile",
    "--cert-reqs",
    "--ciphers",
    "--error-logfile",
    "--log-file",
    "-g",
    "--group",
    "--graceful-timeout",
    "--read-timeout",
    "--keep-alive",
    "--keyfile",
    "--keyfile-password",
    "--log-config",
    "--log-level",
    "-p",
    "--pid",
    "--root-path",
    "--server-name",
    "--statsd-host",
    "--statsd-prefix",
    "-m",
    "--umask",
    "-u",
    "--user",
    "--verify-mode",
    "--websocket-ping-interval",
    "--max-requests",
    "--max-requests-jitter",
  ]),
  bind: ["-b", "--bind"],
  workers: ["-w", "--workers"],
  reload: ["--reload"],
  config: ["-c", "--config"],
};

const DAPHNE: ServerSpec = {
  valued: new Set([
    "-p",
    "--port",
    "-b",
    "--bind",
    "--websocket_timeout",
    "--websocket-timeout",
    "--websocket_connect_timeout",
    "--websocket-connect-timeout",
    "-u",
    "--unix-socket",
    "--fd",
    "-e",
    "--endpoint",
    "-v",
    "--verbosity",
    "-t",
    "--http-timeout",
    "--access-log",
    "--log-fmt",
    "--ping-interval",
    "--ping-timeout",
    "--application-close-timeout",
    "--root-path",
    "--proxy-headers-host",
    "--proxy-headers-port",
    "-s",
    "--server-name",
  ]),
  host: ["-b", "--bind"],
  port: ["-p", "--port"],
};

const GRANIAN: ServerSpec = {
  valued: new Set([
    "--host",
    "--port",
    "--uds",
    "--uds-permissions",
    "--interface",
    "--http",
    "--workers",
    "--blocking-threads",
    "--blocking-threads-idle-timeout",
    "--runtime-threads",
    "--runtime-blocking-threads",
    "--runtime-mode",
    "--threads",
    "--threading-mode",
    "--loop",
    "--task-impl",
    "--backlog",
    "--backpressure",
    "--http1-buffer-size",
    "--http1-header-read-timeout",
    "--http2-adaptive-window",
    "--http2-initial-connection-window-size",
    "--http2-initial-stream-window-size",
    "--http2-keep-alive-interval",
    "--http2-keep-alive-timeout",
    "--http2-max-concurrent-streams",
    "--http2-max-frame-size",
    "--http2-max-headers-size",
    "--http2-max-send-buffer-size",
    "--log-level",
    "--log-config",
    "--access-log-fmt",
    "--ssl-keyfile",
    "--ssl-certificate",
    "--ssl-keyfile-password",
    "--ssl-protocol-min",
    "--ssl-ca",
    "--ssl-crl",
    "--url-path-prefix",
    "--respawn-interval",
    "--rss-sample-interval",
    "--rss-samples",
    "--workers-lifetime",
    "--workers-kill-timeout",
    "--workers-max-rss",
    "--working-dir",
    "--env-files",
    "--static-path-route",
    "--static-path-mount",
    "--static-path-expires",
    "--reload-paths",
    "--reload-ignore-dirs",
    "--reload-ignore-patterns",
    "--reload-ignore-paths",
    "--reload-tick",
    "--reload-filter",
    "--pid-file",
    "--process-name",
  ]),
  host: ["--host"],
  port: ["--port"],
  workers: ["--workers"],
  reload: ["--reload", "--reload-paths"],
  appDir: ["--working-dir"],
  factory: ["--factory"],
};

const FASTAPI: ServerSpec = {
  valued: new Set(["--host", "--port", "--workers", "--root-path", "--app", "--entrypoint", "-e"]),
  host: ["--host"],
  port: ["--port"],
  workers: ["--workers"],
  reload: ["--reload"],
  appName: ["--app"],
};

const FLASK_RUN: ServerSpec = {
  valued: new Set([
    "-h",
    "--host",
    "-p",
    "--port",
    "--cert",
    "--key",
    "--extra-files",
    "--exclude-patterns",
    "--app",
    "-A",
    "--env-file",
    "-e",
  ]),
  host: ["-h", "--host"],
  port: ["-p", "--port"],
  reload: ["--reload", "--debug"],
  appName: ["--app", "-A"],
};

const DJANGO: ServerSpec = {
  valued: new Set(["--settings", "--pythonpath", "-v", "--verbosity"]),
};

const GENERIC: ServerSpec = {
  valued: new Set(["--host", "--port", "--bind", "--listen", "--server.port", "--server.address"]),
  host: ["--host", "--server.address"],
  port: ["--port", "--server.port"],
  bind: ["--bind", "--listen"],
};

const SPECS: Partial<Record<ServerKind, ServerSpec>> = {
  uvicorn: UVICORN,
  gunicorn: GUNICORN,
  hypercorn: HYPERCORN,
  daphne: DAPHNE,
  granian: GRANIAN,
};

interface ScannedOptions {
  positionals: RawWord[];
  opts: Array<{ name: string; word: RawWord; value: RawWord | null }>;
}

/** Splits argv into options (with values per `spec.valued`) and positionals. Unknown options are flags. */
function scan(args: RawWord[], spec: ServerSpec, stopAtPositional = false): ScannedOptions {
  const positionals: RawWord[] = [];
  const opts: ScannedOptions["opts"] = [];
  for (let i = 0; i < args.length; i++) {
    const w = args[i]!;
    const t = w.text;
    if (t === "--") {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (t.startsWith("--") && t.length > 2) {
      const eq = t.indexOf("=");
      const name = eq < 0 ? t : t.slice(0, eq);
      if (eq >= 0) opts.push({ name, word: w, value: sub(w, eq + 1, t.length) });
      else if (spec.valued.has(name)) {
        opts.push({ name, word: w, value: args[i + 1] ?? null });
        i++;
      } else opts.push({ name, word: w, value: null });
      continue;
    }
    if (t.startsWith("-") && t.length > 1 && !/^-\d/.test(t)) {
      const name = t.slice(0, 2);
      if (spec.valued.has(name)) {
        if (t.length > 2) opts.push({ name, word: w, value: sub(w, t[2] === "=" ? 3 : 2, t.length) });
        else {
          opts.push({ name, word: w, value: args[i + 1] ?? null });
          i++;
        }
      } else opts.push({ name, word: w, value: null });
      continue;
    }
    positionals.push(w);
    if (stopAtPositional) {
      positionals.push(...args.slice(i + 1));
      break;
    }
  }
  return { positionals, opts };
}

function applyOptions(
  inv: ServerInvocation,
  s: ScannedOptions,
  spec: ServerSpec,
  diags: ParsedStart["diagnostics"],
) {
  for (const o of s.opts) {
    const has = (list?: string[]) => !!list?.includes(o.name);
    if (has(spec.reload) && !inv.reload) inv.reload = pub(o.word);
    if (has(spec.factory) && !inv.factory) inv.factory = pub(o.word);
    if (!o.value) continue;
    if (has(spec.host)) setHost(inv, o.value);
    else if (has(spec.port)) setPort(inv, o.value, diags);
    else if (has(spec.bind)) {
      if (!inv.bind) {
        inv.bind = pub(o.value);
        applyBind(inv, o.value, diags);
      }
    } else if (has(spec.workers)) inv.workers = pub(o.value);
    else if (has(spec.appDir)) inv.appDir = pub(o.value);
    else if (has(spec.config)) inv.configFile = pub(o.value);
    else if (has(spec.appName)) inv.appName = pub(o.value);
  }
}

function setHost(inv: ServerInvocation, w: RawWord) {
  inv.host = pub(w);
}

function setPort(inv: ServerInvocation, w: RawWord, diags: ParsedStart["diagnostics"]) {
  inv.port = pub(w);
  inv.portFromEnv = expandsPort(w, diags);
  inv.portFromEnvImplicit = false;
}

/** True when the whole word is one expansion of PORT ($PORT, ${PORT}, ${PORT:-8000}, ${PORT-8000}, ...). */
export function isPortEnvReference(text: string): boolean {
  return /^(\$PORT|\$\{PORT\}|\$\{PORT:?[-=?][^}]*\})$/.test(text.trim());
}

function expandsPort(w: RawWord, diags: ParsedStart["diagnostics"]): boolean {
  if (!isPortEnvReference(w.text)) return false;
  if (w.exps.some((e) => e.name === "PORT")) return true;
  const lit = w.literalParams.find((p) => p.name === "PORT");
  diags.push({
    message: "`$PORT` is inside single quotes, so the shell passes it literally instead of the port number",
    offset: lit?.offset ?? w.offset,
  });
  return false;
}

/** Parses a gunicorn/hypercorn bind value: HOST, HOST:PORT, [V6]:PORT, :PORT, unix:PATH, fd://N. */
function applyBind(inv: ServerInvocation, w: RawWord, diags: ParsedStart["diagnostics"]) {
  let t = w.text;
  let base = 0;
  if (/^(unix:|fd:\/\/)/.test(t)) return;
  if (t.startsWith("tcp://")) {
    base = 6;
    t = t.slice(6);
  }
  if (t.startsWith("[")) {
    const close = t.indexOf("]");
    if (close > 0) {
      inv.host = pub(sub(w, base, base + close + 1));
      if (t[close + 1] === ":") setPort(inv, sub(w, base + close + 2, w.text.length), diags);
      return;
    }
  }
  // A colon inside ${PORT:-8000} is not the host/port separator: search outside expansions.
  const colon = findColonOutsideExpansions(w, base);
  if (colon < 0) {
    inv.host = pub(sub(w, base, w.text.length));
    return;
  }
  inv.host = pub(sub(w, base, colon));
  setPort(inv, sub(w, colon + 1, w.text.length), diags);
}

function findColonOutsideExpansions(w: RawWord, from: number): number {
  for (let k = from; k < w.text.length; k++) {
    if (w.text[k] !== ":") continue;
    if (w.exps.some((e) => k > e.from && k < e.to)) continue;
    if (insideBraces(w.text, k)) continue;
    return k;
  }
  return -1;
}

function insideBraces(t: string, k: number): boolean {
  const open = t.lastIndexOf("${", k);
  if (open < 0) return false;
  const close = t.indexOf("}", open);
  return close > k;
}

function parseAsgiWsgi(inv: ServerInvocation, args: RawWord[], diags: ParsedStart["diagnostics"]) {
  const spec = SPECS[inv.kind]!;
  const s = scan(args, spec);
  applyOptions(inv, s, spec, diags);
  const app = s.positionals.find((p) => /^[\w.]+:/.test(p.text)) ?? s.positionals[0] ?? null;
  inv.appRef = app ? pub(app) : null;
  if (inv.kind === "gunicorn" && !inv.bind) {
    // gunicorn's documented default: 0.0.0.0:$PORT when PORT is set (see module comment).
    inv.portFromEnv = true;
    inv.portFromEnvImplicit = true;
  }
  return inv;
}

function parseFastapi(inv: ServerInvocation, args: RawWord[], diags: ParsedStart["diagnostics"]) {
  const s = scan(args, FASTAPI);
  applyOptions(inv, s, FASTAPI, diags);
  const [subc, path] = s.positionals;
  if (subc) inv.subcommand = pub(subc);
  if (path) inv.appRef = pub(path);
  const noReload = s.opts.some((o) => o.name === "--no-reload");
  if (noReload) inv.reload = null;
  else if (subc?.text === "dev" && !inv.reload) inv.reload = pub(subc);
  return inv;
}

function parseFlask(inv: ServerInvocation, args: RawWord[], diags: ParsedStart["diagnostics"]) {
  const s = scan(args, FLASK_RUN);
  const subc = s.positionals[0];
  if (subc?.text !== "run") {
    const other = blank("other", rawOf(inv.executable));
    if (subc) other.subcommand = pub(subc);
    return other;
  }
  applyOptions(inv, s, FLASK_RUN, diags);
  inv.subcommand = pub(subc);
  if (inv.appName) {
    inv.appRef = inv.appName;
    inv.appName = null;
  }
  if (s.opts.some((o) => o.name === "--no-reload")) inv.reload = null;
  return inv;
}

/** Django `runserver [addrport]` (args start at the `runserver` word). */
function parseDjango(
  inv: ServerInvocation,
  script: RawWord | null,
  args: RawWord[],
  diags: ParsedStart["diagnostics"],
) {
  const runserver = args[0];
  if (runserver?.text !== "runserver")
    return parseGeneric(blank("other", rawOf(inv.executable)), args, diags);
  const s = scan(args.slice(1), DJANGO);
  inv.subcommand = pub(runserver);
  inv.appRef = script ? pub(script) : null;
  if (!s.opts.some((o) => o.name === "--noreload")) inv.reload = pub(runserver);
  const addr = s.positionals[0];
  if (addr) {
    const t = addr.text;
    if (/^\d+$/.test(t) || isPortEnvReference(t)) setPort(inv, addr, diags);
    else if (t.startsWith("[")) {
      const close = t.indexOf("]");
      inv.host = pub(sub(addr, 0, close < 0 ? t.length : close + 1));
      if (close > 0 && t[close + 1] === ":") setPort(inv, sub(addr, close + 2, t.length), diags);
    } else {
      const colon = findColonOutsideExpansions(addr, 0);
      if (colon < 0) inv.host = pub(addr);
      else {
        inv.host = pub(sub(addr, 0, colon));
        setPort(inv, sub(addr, colon + 1, t.length), diags);
      }
    }
  }
  return inv;
}

function parseGeneric(inv: ServerInvocation, args: RawWord[], diags: ParsedStart["diagnostics"]) {
  const s = scan(args, GENERIC);
  applyOptions(inv, s, GENERIC, diags);
  return inv;
}

/** A sub-range [from, to) of a word's text, with offsets mapped into the original string. */
function sub(w: RawWord, from: number, to: number): RawWord {
  const f = Math.max(0, Math.min(from, w.text.length));
  const t = Math.max(f, Math.min(to, w.text.length));
  const offset = f < w.text.length ? w.map[f]! : w.end;
  const end = t > f ? w.map[t - 1]! + 1 : offset;
  return {
    text: w.text.slice(f, t),
    offset,
    end,
    map: w.map.slice(f, t),
    exps: w.exps
      .filter((e) => e.from >= f && e.to <= t)
      .map((e) => ({ ...e, from: e.from - f, to: e.to - f })),
    quotedStart: f === 0 ? w.quotedStart : false,
    literalParams: w.literalParams.filter((p) => p.offset >= offset && p.offset < Math.max(end, offset + 1)),
  };
}

function dedupe(d: ParsedStart["diagnostics"]): ParsedStart["diagnostics"] {
  const seen = new Set<string>();
  return d.filter((x) => {
    const k = `${x.offset}\u0000${x.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

// ---------------------------------------------------------------------------------------------
// Helpers for callers

export interface AppRefParts {
  /** Dotted module (or, for hypercorn, a path-like module) before the colon. */
  module: Word;
  /** The attribute as written after the colon (factory parens stripped), or null when absent. */
  attr: Word | null;
  /**
   * The top-level name the server looks up: the written attribute's first segment, or the server's
   * default when absent (gunicorn: `application`, hypercorn: `app`); null when the server has no
   * default (uvicorn, daphne: they refuse a ref without `:attr`; granian: default unverified).
   */
  lookupName: string | null;
  /** `module:create_app()` or uvicorn/granian `--factory`. */
  factory: boolean;
  /** uvicorn and daphne fail at startup when the ref has no `:attr`. */
  missingRequiredAttr: boolean;
}

/**
 * Splits a server's app ref (`pkg.mod:attr`, `pkg.mod:create_app()`, `mysite.wsgi`) for the ASGI/WSGI
 * server kinds and flask's `--app`. Returns null for other kinds or when there is no app ref.
 */
export function splitAppRef(inv: ServerInvocation): AppRefParts | null {
  const kinds: ServerKind[] = ["uvicorn", "gunicorn", "hypercorn", "daphne", "granian", "flask"];
  if (!inv.appRef || !kinds.includes(inv.kind)) return null;
  const raw = rawOf(inv.appRef);
  let start = 0;
  // hypercorn's `asgi:module:app` / `wsgi:module:app` mode prefix
  if (inv.kind === "hypercorn" && /^(asgi|wsgi):[^:]*:/.test(raw.text)) start = raw.text.indexOf(":") + 1;
  const text = raw.text.slice(start);
  const colon = text.indexOf(":");
  const module = pub(sub(raw, start, colon < 0 ? raw.text.length : start + colon));
  let attr: Word | null = null;
  let factory = !!inv.factory;
  if (colon >= 0) {
    const a = text.slice(colon + 1);
    const paren = a.indexOf("(");
    if (paren >= 0) factory = true;
    const name = paren >= 0 ? a.slice(0, paren) : a;
    const lead = name.length - name.trimStart().length;
    const trimmed = name.trim();
    if (trimmed) {
      const from = start + colon + 1 + lead;
      attr = pub(sub(raw, from, from + trimmed.length));
    }
  }
  const defaults: Partial<Record<ServerKind, string>> = { gunicorn: "application", hypercorn: "app" };
  const lookupName = attr
    ? (/^[\p{L}_][\p{L}\p{N}_]*/u.exec(attr.text)?.[0] ?? attr.text)
    : (defaults[inv.kind] ?? null);
  return {
    module,
    attr,
    lookupName,
    factory,
    missingRequiredAttr: attr === null && (inv.kind === "uvicorn" || inv.kind === "daphne"),
  };
}

/** Classifies a host as written: all interfaces, loopback only, a variable, or something else. */
export function classifyHost(text: string): "all" | "loopback" | "dynamic" | "other" {
  const t = text
    .trim()
    .replace(/^\[(.*)\]$/, "$1")
    .toLowerCase();
  if (t.includes("$") || t.includes("`")) return "dynamic";
  if (t === "" || t === "0.0.0.0" || t === "::" || t === "0" || t === "*") return "all";
  if (t === "localhost" || t === "::1" || /^127\.\d+\.\d+\.\d+$/.test(t)) return "loopback";
  return "other";
}
