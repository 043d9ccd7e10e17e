// biome-ignore-all lint/suspicious/noTemplateCurlyInString: shell commands legitimately contain ${VAR} text
import { describe, expect, it } from "vitest";
import {
  classifyHost,
  isPortEnvReference,
  parseStartCommand,
  type ServerInvocation,
  splitAppRef,
  type Word,
} from "../../src/facts/start-command/index.js";

/**
 * The word covering `needle` (its nth occurrence) in `cmd`; `text` defaults to the needle without
 * quotes. Offsets are computed from the literal command, independently of the parser.
 */
function W(cmd: string, needle: string, text?: string, nth = 0): Word {
  let at = -1;
  for (let k = 0; k <= nth; k++) {
    at = cmd.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`${needle} not in ${cmd}`);
  }
  return { text: text ?? needle.replace(/^["']|["']$/g, ""), offset: at, end: at + needle.length };
}

type Expect = Partial<Record<keyof ServerInvocation, unknown>>;

/** Table: command → expected server fields (fields not listed must be null/empty/false). */
const cases: Array<[string, (c: string) => Expect]> = [
  [
    "uvicorn app.main:app --host 0.0.0.0 --port $PORT",
    (c) => ({
      kind: "uvicorn",
      executable: W(c, "uvicorn"),
      appRef: W(c, "app.main:app"),
      host: W(c, "0.0.0.0"),
      port: W(c, "$PORT"),
      portFromEnv: true,
    }),
  ],
  [
    "uvicorn app.main:app --host=0.0.0.0 --port=${PORT:-8000} --reload",
    (c) => ({
      kind: "uvicorn",
      executable: W(c, "uvicorn"),
      appRef: W(c, "app.main:app"),
      host: W(c, "0.0.0.0"),
      port: W(c, "${PORT:-8000}"),
      portFromEnv: true,
      reload: W(c, "--reload"),
    }),
  ],
  [
    "python -m uvicorn main:app --port 8000 --workers 2",
    (c) => ({
      kind: "uvicorn",
      executable: W(c, "python"),
      interpreter: W(c, "python"),
      module: W(c, "uvicorn"),
      appRef: W(c, "main:app"),
      port: W(c, "8000"),
      workers: W(c, "2"),
    }),
  ],
  [
    '/opt/venv/bin/python -m uvicorn main:app --host 0.0.0.0 --port "$PORT"',
    (c) => ({
      kind: "uvicorn",
      executable: W(c, "/opt/venv/bin/python"),
      interpreter: W(c, "/opt/venv/bin/python"),
      module: W(c, "uvicorn"),
      appRef: W(c, "main:app"),
      host: W(c, "0.0.0.0"),
      port: W(c, '"$PORT"'),
      portFromEnv: true,
    }),
  ],
  [
    "python3.11 -m gunicorn mysite.wsgi",
    (c) => ({
      kind: "gunicorn",
      executable: W(c, "python3.11"),
      interpreter: W(c, "python3.11"),
      module: W(c, "gunicorn"),
      appRef: W(c, "mysite.wsgi"),
      portFromEnv: true,
      portFromEnvImplicit: true,
    }),
  ],
  [
    "gunicorn -w 4 -k uvicorn.workers.UvicornWorker app.main:app --bind 0.0.0.0:$PORT",
    (c) => ({
      kind: "gunicorn",
      executable: W(c, "gunicorn"),
      appRef: W(c, "app.main:app"),
      workers: W(c, "4"),
      bind: W(c, "0.0.0.0:$PORT"),
      host: W(c, "0.0.0.0"),
      port: W(c, "$PORT"),
      portFromEnv: true,
    }),
  ],
  [
    "gunicorn --bind=[::]:${PORT:-8000} mysite.wsgi",
    (c) => ({
      kind: "gunicorn",
      executable: W(c, "gunicorn"),
      appRef: W(c, "mysite.wsgi"),
      bind: W(c, "[::]:${PORT:-8000}"),
      host: W(c, "[::]"),
      port: W(c, "${PORT:-8000}"),
      portFromEnv: true,
    }),
  ],
  [
    "gunicorn mysite.wsgi:application -b :$PORT",
    (c) => ({
      kind: "gunicorn",
      executable: W(c, "gunicorn"),
      appRef: W(c, "mysite.wsgi:application"),
      bind: W(c, ":$PORT"),
      host: { text: "", offset: c.indexOf(":$PORT"), end: c.indexOf(":$PORT") },
      port: W(c, "$PORT"),
      portFromEnv: true,
    }),
  ],
  [
    "gunicorn -c gunicorn.conf.py --timeout 120 --worker-class gthread --threads 4 app:server",
    (c) => ({
      kind: "gunicorn",
      executable: W(c, "gunicorn"),
      appRef: W(c, "app:server"),
      configFile: W(c, "gunicorn.conf.py"),
      portFromEnv: true,
      portFromEnvImplicit: true,
    }),
  ],
  [
    "gunicorn -w4 -b0.0.0.0:8080 --chdir backend --reload wsgi",
    (c) => ({
      kind: "gunicorn",
      executable: W(c, "gunicorn"),
      appRef: W(c, "wsgi"),
      workers: W(c, "4"),
      bind: W(c, "0.0.0.0:8080"),
      host: W(c, "0.0.0.0"),
      port: W(c, "8080"),
      appDir: W(c, "backend"),
      reload: W(c, "--reload"),
    }),
  ],
  [
    // a bare `$PORT` bind is a HOST for gunicorn, not a port
    "gunicorn -b $PORT x.wsgi",
    (c) => ({
      kind: "gunicorn",
      executable: W(c, "gunicorn"),
      appRef: W(c, "x.wsgi"),
      bind: W(c, "$PORT"),
      host: W(c, "$PORT"),
    }),
  ],
  [
    "hypercorn app:app --bind 0.0.0.0:$PORT",
    (c) => ({
      kind: "hypercorn",
      executable: W(c, "hypercorn"),
      appRef: W(c, "app:app"),
      bind: W(c, "0.0.0.0:$PORT"),
      host: W(c, "0.0.0.0"),
      port: W(c, "$PORT"),
      portFromEnv: true,
    }),
  ],
  [
    "daphne -b 0.0.0.0 -p $PORT proj.asgi:application",
    (c) => ({
      kind: "daphne",
      executable: W(c, "daphne"),
      appRef: W(c, "proj.asgi:application"),
      host: W(c, "0.0.0.0"),
      port: W(c, "$PORT"),
      portFromEnv: true,
    }),
  ],
  [
    "granian --interface asgi --host 0.0.0.0 --port $PORT --factory app.main:create_app",
    (c) => ({
      kind: "granian",
      executable: W(c, "granian"),
      appRef: W(c, "app.main:create_app"),
      host: W(c, "0.0.0.0"),
      port: W(c, "$PORT"),
      portFromEnv: true,
      factory: W(c, "--factory"),
    }),
  ],
  [
    "fastapi run app/main.py --port $PORT",
    (c) => ({
      kind: "fastapi-cli",
      executable: W(c, "fastapi"),
      subcommand: W(c, "run"),
      appRef: W(c, "app/main.py"),
      port: W(c, "$PORT"),
      portFromEnv: true,
    }),
  ],
  [
    "fastapi dev main.py --app api",
    (c) => ({
      kind: "fastapi-cli",
      executable: W(c, "fastapi"),
      subcommand: W(c, "dev"),
      reload: W(c, "dev"),
      appRef: W(c, "main.py"),
      appName: W(c, "api", undefined, 1),
    }),
  ],
  [
    "flask --app hello run --host 0.0.0.0 -p $PORT",
    (c) => ({
      kind: "flask",
      executable: W(c, "flask"),
      subcommand: W(c, "run"),
      appRef: W(c, "hello"),
      host: W(c, "0.0.0.0"),
      port: W(c, "$PORT"),
      portFromEnv: true,
    }),
  ],
  [
    "python main.py",
    (c) => ({
      kind: "python-script",
      executable: W(c, "python"),
      interpreter: W(c, "python"),
      appRef: W(c, "main.py"),
    }),
  ],
  [
    "python -u -X utf8 -m myapp",
    (c) => ({
      kind: "python-module",
      executable: W(c, "python"),
      interpreter: W(c, "python"),
      module: W(c, "myapp"),
    }),
  ],
  [
    "python manage.py migrate && gunicorn mysite.wsgi --log-file -",
    (c) => ({
      kind: "gunicorn",
      executable: W(c, "gunicorn"),
      appRef: W(c, "mysite.wsgi"),
      portFromEnv: true,
      portFromEnvImplicit: true,
      segmentIndex: 1,
    }),
  ],
  [
    "python manage.py migrate && python manage.py runserver 0.0.0.0:$PORT",
    (c) => ({
      kind: "django-runserver",
      executable: W(c, "python", undefined, 1),
      interpreter: W(c, "python", undefined, 1),
      appRef: W(c, "manage.py", undefined, 1),
      subcommand: W(c, "runserver"),
      reload: W(c, "runserver"),
      host: W(c, "0.0.0.0"),
      port: W(c, "$PORT"),
      portFromEnv: true,
      segmentIndex: 1,
    }),
  ],
  [
    'sh -c "uvicorn app:app --host 0.0.0.0 --port $PORT"',
    (c) => ({
      kind: "uvicorn",
      executable: W(c, "uvicorn"),
      appRef: W(c, "app:app"),
      host: W(c, "0.0.0.0"),
      port: W(c, "$PORT"),
      portFromEnv: true,
      wrappers: [W(c, "sh"), W(c, "-c")],
    }),
  ],
  [
    "bash -lc 'cd backend && exec gunicorn api.wsgi -b 0.0.0.0:$PORT'",
    (c) => ({
      kind: "gunicorn",
      executable: W(c, "gunicorn"),
      appRef: W(c, "api.wsgi"),
      bind: W(c, "0.0.0.0:$PORT"),
      host: W(c, "0.0.0.0"),
      port: W(c, "$PORT"),
      portFromEnv: true,
      wrappers: [W(c, "bash"), W(c, "-lc"), W(c, "exec")],
      workdirs: [W(c, "backend")],
      segmentIndex: 1,
    }),
  ],
  [
    "cd backend && uvicorn main:app --port $PORT",
    (c) => ({
      kind: "uvicorn",
      executable: W(c, "uvicorn"),
      appRef: W(c, "main:app"),
      port: W(c, "$PORT"),
      portFromEnv: true,
      workdirs: [W(c, "backend")],
      segmentIndex: 1,
    }),
  ],
  [
    "exec uvicorn main:app",
    (c) => ({
      kind: "uvicorn",
      executable: W(c, "uvicorn"),
      appRef: W(c, "main:app"),
      wrappers: [W(c, "exec")],
    }),
  ],
  [
    "opentelemetry-instrument --traces_exporter otlp --service_name=api uvicorn app.main:app --port $PORT",
    (c) => ({
      kind: "uvicorn",
      executable: W(c, "uvicorn"),
      appRef: W(c, "app.main:app"),
      port: W(c, "$PORT"),
      portFromEnv: true,
      wrappers: [
        W(c, "opentelemetry-instrument"),
        W(c, "--traces_exporter"),
        W(c, "otlp"),
        W(c, "--service_name=api"),
      ],
    }),
  ],
  [
    "PORT=8000 WEB_CONCURRENCY=2 uvicorn a:b --port $PORT",
    (c) => ({
      kind: "uvicorn",
      executable: W(c, "uvicorn"),
      appRef: W(c, "a:b"),
      port: W(c, "$PORT"),
      portFromEnv: true,
      envAssignments: [W(c, "PORT=8000"), W(c, "WEB_CONCURRENCY=2")],
    }),
  ],
  [
    "uv run --no-sync --with gunicorn gunicorn app:app",
    (c) => ({
      kind: "gunicorn",
      executable: W(c, "gunicorn", undefined, 1),
      appRef: W(c, "app:app"),
      portFromEnv: true,
      portFromEnvImplicit: true,
      wrappers: [W(c, "uv"), W(c, "run"), W(c, "--no-sync"), W(c, "--with"), W(c, "gunicorn")],
    }),
  ],
  [
    "streamlit run app.py --server.port $PORT --server.address 0.0.0.0",
    (c) => ({
      kind: "other",
      executable: W(c, "streamlit"),
      host: W(c, "0.0.0.0"),
      port: W(c, "$PORT"),
      portFromEnv: true,
    }),
  ],
];

const EMPTY: Omit<ServerInvocation, "kind" | "executable"> = {
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

describe("parseStartCommand: server recognition", () => {
  it.each(cases)("%s", (cmd, expected) => {
    const r = parseStartCommand(cmd);
    expect(r.diagnostics).toEqual([]);
    expect(r.server).toEqual({ ...EMPTY, ...expected(cmd) });
  });
});

describe("parseStartCommand: words and segments", () => {
  it("splits on && ; || | & and newlines, dropping redirections", () => {
    const c = "a 1 && b; c || d | e & f\ng 2>&1 >/dev/null";
    const r = parseStartCommand(c);
    expect(r.segments).toEqual([
      { words: [W(c, "a"), W(c, "1")], next: "&&" },
      { words: [W(c, "b")], next: ";" },
      { words: [W(c, "c")], next: "||" },
      { words: [W(c, "d")], next: "|" },
      { words: [W(c, "e")], next: "&" },
      { words: [W(c, "f")], next: ";" },
      { words: [W(c, "g")], next: null },
    ]);
  });

  it("quotes, escapes and expansions keep their text verbatim and offsets cover the quotes", () => {
    const c = `echo 'a b' "c \\"d\\" $X" e\\ f \${PORT:-80} $(date +%s) \`id\``;
    const r = parseStartCommand(c);
    expect(r.segments[0]!.words).toEqual([
      W(c, "echo"),
      W(c, "'a b'"),
      { text: 'c "d" $X', offset: c.indexOf('"c'), end: c.indexOf(" e\\") },
      { text: "e f", offset: c.indexOf("e\\"), end: c.indexOf("e\\") + 4 },
      W(c, "${PORT:-80}"),
      W(c, "$(date +%s)"),
      W(c, "`id`"),
    ]);
    expect(r.diagnostics).toEqual([]);
  });

  it("line continuations and comments", () => {
    const c = "uvicorn main:app \\\n  --port $PORT # dev only";
    const r = parseStartCommand(c);
    expect(r.segments[0]!.words.map((w) => w.text)).toEqual(["uvicorn", "main:app", "--port", "$PORT"]);
    expect(r.server?.port).toEqual(W(c, "$PORT"));
  });

  it("sh -c inner words map back to the original offsets, through escapes", () => {
    const c = `bash -c "uvicorn a:b --port \\"\${PORT:-8000}\\""`;
    const r = parseStartCommand(c);
    const port = r.server!.port!;
    expect(port.text).toBe("${PORT:-8000}");
    // offset points at the escaped quote's `"` and end right after the inner closing `"`
    expect(c.slice(port.offset, port.end)).toBe('"${PORT:-8000}\\"');
    expect(r.server!.portFromEnv).toBe(true);
    expect(r.segments).toHaveLength(1);
  });

  it("nested shells", () => {
    const c = `sh -c "bash -c 'uvicorn a:b --port \\$PORT'"`;
    const r = parseStartCommand(c);
    expect(r.server?.kind).toBe("uvicorn");
    expect(r.server?.wrappers.map((w) => w.text)).toEqual(["sh", "-c", "bash", "-c"]);
    expect(r.server?.appRef).toEqual(W(c, "a:b"));
  });

  it("empty and blank commands have no server", () => {
    for (const c of ["", "   ", "# nothing", "cd app", "echo hi && sleep 1"]) {
      expect(parseStartCommand(c).server).toBeNull();
    }
  });
});

describe("parseStartCommand: server selection", () => {
  it.each([
    ["python manage.py migrate && python manage.py collectstatic --noinput && gunicorn a.wsgi", "gunicorn"],
    ["uvicorn a:b || echo failed", "uvicorn"],
    ["celery -A proj worker & gunicorn a.wsgi", "gunicorn"],
    ["alembic upgrade head && python main.py", "python-script"],
    ["python -m alembic upgrade head && python -m myservice", "python-module"],
    ["python manage.py migrate", "python-script"],
    ["./start.sh", "other"],
    ["newrelic-admin run-program gunicorn a.wsgi", "gunicorn"],
    ["doppler run -- uvicorn a:b", "uvicorn"],
    ["poetry run python -m uvicorn a:b", "uvicorn"],
    ["python -c 'import app'", "other"],
    ["flask db upgrade && flask run", "flask"],
  ])("%s → %s", (cmd, kind) => {
    expect(parseStartCommand(cmd).server?.kind).toBe(kind);
  });
});

describe("parseStartCommand: diagnostics (never throws)", () => {
  it.each([
    ["uvicorn 'main:app", "unterminated single quote", 8],
    ['uvicorn "main:app', "unterminated double quote", 8],
    ["uvicorn main:app --port ${PORT", "unterminated", 24],
    ["uvicorn main:app --port $(echo", "unterminated $(...)", 24],
    ["cat <<EOF", "here-documents are not supported in a start command", 4],
    ["sh -c", "`sh -c` has no command string", 0],
  ])("%s", (cmd, message, offset) => {
    const r = parseStartCommand(cmd);
    expect(r.diagnostics.some((d) => d.message.includes(message) && d.offset === offset)).toBe(true);
  });

  it("single-quoted $PORT is not an env port", () => {
    const c = "uvicorn main:app --port '$PORT'";
    const r = parseStartCommand(c);
    expect(r.server?.port).toEqual(W(c, "'$PORT'"));
    expect(r.server?.portFromEnv).toBe(false);
    expect(r.diagnostics).toEqual([
      {
        message:
          "`$PORT` is inside single quotes, so the shell passes it literally instead of the port number",
        offset: c.indexOf("$PORT"),
      },
    ]);
  });

  it("unquoted factory parens are reported but the word is kept", () => {
    const c = "gunicorn app:create_app() -b :$PORT";
    const r = parseStartCommand(c);
    expect(r.server?.appRef).toEqual(W(c, "app:create_app()"));
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]!.offset).toBe(c.indexOf("()"));
  });

  it("does not throw on hostile input", () => {
    for (const c of [
      "'",
      '"',
      "\\",
      "$",
      "${",
      "$(",
      "`",
      "&&",
      "|| ;",
      "(((",
      ")))",
      "a\0b",
      "x".repeat(100000),
      "sh -c 'sh -c \"sh -c sh -c\"'",
    ]) {
      expect(() => parseStartCommand(c)).not.toThrow();
    }
  });
});

describe("portFromEnv: fires and does not fire", () => {
  it.each([
    ["uvicorn a:b --port $PORT", true],
    ["uvicorn a:b --port ${PORT}", true],
    ["uvicorn a:b --port ${PORT-8000}", true],
    ["uvicorn a:b --port ${PORT:-8000}", true],
    ["uvicorn a:b --port 8000", false],
    ["uvicorn a:b --port $APP_PORT", false],
    ["uvicorn a:b --port ${PORT:+1}", false],
    ["uvicorn a:b", false],
    ["gunicorn a.wsgi", true],
    ["gunicorn a.wsgi -b 0.0.0.0:8000", false],
    ["hypercorn a:b", false],
  ])("%s → %s", (cmd, expected) => {
    expect(parseStartCommand(cmd).server?.portFromEnv).toBe(expected);
  });
});

describe("splitAppRef", () => {
  const split = (cmd: string) => splitAppRef(parseStartCommand(cmd).server!);
  it("uvicorn module:attr", () => {
    const c = "uvicorn app.main:app";
    expect(split(c)).toEqual({
      module: W(c, "app.main"),
      attr: W(c, "app", undefined, 1),
      lookupName: "app",
      factory: false,
      missingRequiredAttr: false,
    });
  });
  it("uvicorn without :attr is an error uvicorn reports", () => {
    expect(split("uvicorn app.main")).toMatchObject({
      attr: null,
      lookupName: null,
      missingRequiredAttr: true,
    });
  });
  it("gunicorn defaults to application", () => {
    expect(split("gunicorn mysite.wsgi")).toMatchObject({
      attr: null,
      lookupName: "application",
      missingRequiredAttr: false,
    });
  });
  it("hypercorn defaults to app and accepts a mode prefix", () => {
    expect(split("hypercorn svc.main")).toMatchObject({ attr: null, lookupName: "app" });
    // one colon is module:attr, the mode prefix needs two (hypercorn utils.load_application)
    expect(split("hypercorn asgi:svc")).toMatchObject({ lookupName: "svc" });
    const c = "hypercorn asgi:svc.main:api";
    expect(split(c)).toMatchObject({ module: W(c, "svc.main"), attr: W(c, "api"), lookupName: "api" });
  });
  it("factory call inside quotes maps offsets through the quotes", () => {
    const c = `gunicorn "app.main:create_app('prod')"`;
    expect(split(c)).toEqual({
      module: W(c, "app.main"),
      attr: W(c, "create_app"),
      lookupName: "create_app",
      factory: true,
      missingRequiredAttr: false,
    });
  });
  it("uvicorn --factory", () => {
    expect(split("uvicorn --factory app:create")).toMatchObject({ factory: true, lookupName: "create" });
  });
  it("not for python scripts", () => {
    expect(split("python main.py")).toBeNull();
  });
});

describe("helpers", () => {
  it.each([
    ["0.0.0.0", "all"],
    ["", "all"],
    ["[::]", "all"],
    ["::", "all"],
    ["127.0.0.1", "loopback"],
    ["localhost", "loopback"],
    ["[::1]", "loopback"],
    ["$HOST", "dynamic"],
    ["10.0.0.5", "other"],
  ])("classifyHost(%j) = %s", (h, expected) => {
    expect(classifyHost(h)).toBe(expected);
  });
  it.each([
    ["$PORT", true],
    ["${PORT:=80}", true],
    ["$PORTS", false],
    ["8000", false],
  ])("isPortEnvReference(%j) = %s", (t, expected) => {
    expect(isPortEnvReference(t)).toBe(expected);
  });
});
