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
export { type AppRefParts, classifyHost, parseStartCommand, SERVER_KINDS, splitAppRef } from "./analyze.js";
export { isPortEnvReference } from "./options.js";
export type { ParsedStart, Separator, ServerInvocation, ServerKind, Word } from "./types.js";
