/** The words, segments and server invocation a start command is parsed into (see index.ts). */

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
