/**
 * Issue 7, fuzzing: every parser of repository content, fed random text, token soup of its own format
 * and mutated real fixture files. Properties: nothing throws, the same input gives the same result,
 * and every position a result carries (spans, diagnostics, lookups) is a line of the input.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseStartCommand } from "../../src/facts/start-command/index.js";
import { findTopLevelAttr } from "../../src/python/module.js";
import { parseJsonDoc, parseTomlDoc } from "../../src/sources/doc.js";
import { parseDockerfile } from "../../src/sources/dockerfile.js";
import { parseDotenv } from "../../src/sources/dotenv.js";
import { parseProcfile } from "../../src/sources/procfile.js";
import { parseRailwayTs } from "../../src/sources/railway-iac/ts/parse.js";
import { parseRequirements } from "../../src/sources/requirements/parse.js";
import { extractEnvReads } from "../../src/sources/settings.js";
import { parseToolVersions, parseVersionFile } from "../../src/sources/version-files.js";
import { badPositions, formatText, params, randomText, samples, stable, tokenSoup } from "./support.js";

/** Parse twice: same result (determinism), and every position inside the text. */
function check<T>(file: string, text: string, parse: (text: string) => T): T {
  const a = parse(text);
  const b = parse(text);
  expect(stable(a)).toBe(stable(b));
  expect(badPositions(a, text, file)).toEqual([]);
  return a;
}

const TOML_TOKENS = [
  "[phases.setup]",
  "[start]",
  "[[x]]",
  "[tool.poetry.dependencies]",
  "[project]",
  "nixPkgs",
  "cmd",
  "requires-python",
  "python",
  "=",
  '"...", "@auto"',
  '"python311"',
  "'3.11'",
  '"""',
  "'''",
  "[",
  "]",
  "{",
  "}",
  "a.b",
  "1979-05-27",
  "true",
  "0x1f",
  "1e3",
  "inf",
];
const JSON_TOKENS = [
  "{",
  "}",
  "[",
  "]",
  ":",
  ",",
  '"build"',
  '"deploy"',
  '"startCommand"',
  '"builder"',
  '"NIXPACKS"',
  '"nixpacksConfigPath"',
  '"$schema"',
  '"a\\u0000b"',
  '"\\"',
  "1",
  "-0.5e9",
  "true",
  "null",
  "//",
  "/*",
  "*/",
];
const REQ_TOKENS = [
  "flask",
  "Django",
  "uvicorn[standard]",
  "==",
  ">=",
  "~=",
  "===",
  "!=",
  "1.2.3",
  "3.*",
  ";",
  "python_version",
  "<",
  '"3.11"',
  "and",
  "-r",
  "-c",
  "-e",
  "--hash=sha256:abc",
  "--index-url",
  "https://x/simple",
  "@",
  "git+https://github.com/o/r.git@v1#egg=pkg",
  "./local/pkg",
  "\\",
  "# via",
  "#   flask",
  "-r requirements.in",
  "--no-binary",
  ":all:",
];
const PROC_TOKENS = [
  "web:",
  "worker:",
  "release:",
  "web",
  ":",
  "uvicorn app.main:app",
  "gunicorn",
  "$PORT",
  "#",
  "-",
];
const DOCKER_TOKENS = [
  "FROM",
  "python:3.11-slim",
  "AS",
  "builder",
  "RUN",
  "CMD",
  "ENTRYPOINT",
  "COPY",
  "--from=builder",
  '["uvicorn", "app.main:app"]',
  '["python"',
  "\\",
  "#",
  "# escape=`",
  "`",
  "ENV",
  "PORT=8000",
  "ARG",
  "${PY}",
  "WORKDIR",
];
const VERSION_TOKENS = [
  "python-3.11.9",
  "3.11",
  "3.12.1",
  "pypy3.10",
  "python",
  "system",
  "3.x",
  "#",
  "nodejs",
  "20",
];
const DOTENV_TOKENS = [
  "KEY",
  "export",
  "=",
  "value",
  '"',
  "'",
  '\\"',
  "\\n",
  "#",
  " #",
  "${OTHER}",
  "A.B-C",
  "1BAD",
  '"""',
];
const PY_TOKENS = [
  "import os",
  "from os import environ, getenv",
  "os.environ",
  "os.getenv",
  "environ.get",
  "[",
  "]",
  "(",
  ")",
  '"DATABASE_URL"',
  "'SECRET'",
  ",",
  "default=",
  "None",
  "class Settings(BaseSettings):",
  "from pydantic_settings import BaseSettings, SettingsConfigDict",
  "model_config = SettingsConfigDict(env_prefix='APP_')",
  "    ",
  "x: str",
  "y: int = 3",
  "Field(",
  "alias=",
  "env=",
  "def f():",
  "return",
  "if __name__ == '__main__':",
  "if TYPE_CHECKING:",
  "app = FastAPI()",
  "app",
  "=",
  ":",
  "\\",
  '"""',
  "lambda",
  "**os.environ",
  "env = environ.Env()",
  "env('X')",
  "config('Y', default=1)",
  "@dataclass",
];
const TS_TOKENS = [
  'import { defineRailway, service } from "railway/iac";',
  "export default",
  "defineRailway",
  "service",
  "(",
  ")",
  "{",
  "}",
  "[",
  "]",
  ",",
  ":",
  ";",
  "const",
  "x",
  "=",
  "=>",
  "ctx",
  "start",
  "build",
  "deploy",
  "env",
  '"uvicorn app:app"',
  "`${{shared.X}}`",
  "`",
  "${",
  "...",
  "?",
  "??",
  "as const",
  "export const partial =",
];

describe("the fuzz inputs", () => {
  it("include real files of every format", () => {
    for (const re of [
      /\.toml$/,
      /^railway\.json$/,
      /^requirements.*\.txt$/,
      /^Procfile$/,
      /^Dockerfile/,
      /^\.python-version$/,
      /^\.env(\..+)?$/,
      /\.py$/,
      /\.ts$/,
    ])
      expect(samples(re).length, String(re)).toBeGreaterThan(0);
  });
});

describe("config documents", () => {
  const toml = samples(/\.toml$/);
  const json = samples(/^(railway|railpack|nixpacks)\.json$|^package\.json$/);

  it("parseTomlDoc", () => {
    fc.assert(
      fc.property(formatText(toml, TOML_TOKENS), (text) => {
        const doc = check("x.toml", text, (t) => parseTomlDoc("x.toml", t));
        // A document that did not parse says why.
        if (doc.value === null) expect(doc.diagnostics.length).toBeGreaterThan(0);
      }),
      params(200),
    );
  });

  it("parseJsonDoc", () => {
    fc.assert(
      fc.property(formatText(json, JSON_TOKENS), (text) => {
        const doc = check("x.json", text, (t) => parseJsonDoc("x.json", t));
        // `null` is a valid JSON document; anything else that yields no value says why.
        if (doc.value === null && !/^\s*null\s*$/.test(text))
          expect(doc.diagnostics.length).toBeGreaterThan(0);
      }),
      params(200),
    );
  });

  it("spanFor always answers with a position inside the document", () => {
    fc.assert(
      fc.property(
        formatText(json, JSON_TOKENS),
        fc.array(fc.oneof(fc.string({ maxLength: 8 }), fc.nat(5)), { maxLength: 4 }),
        (text, path) => {
          const doc = parseJsonDoc("x.json", text);
          expect(badPositions([doc.spanFor(path), doc.keySpan(path), doc.valueSpan(path)], text)).toEqual([]);
        },
      ),
      params(150),
    );
  });
});

describe("line formats", () => {
  it("parseRequirements", () => {
    fc.assert(
      fc.property(
        formatText(samples(/^requirements.*\.(txt|in|lock)$|^constraints\.txt$/), REQ_TOKENS),
        (text) => {
          const r = check("requirements.txt", text, (t) => parseRequirements("requirements.txt", t));
          // (A lone "\r" can stay inside a line: CR-only files are a known bug, see test/hostile/malformed.test.ts.)
          for (const q of r.requirements) expect(q.raw).not.toMatch(/\n/);
        },
      ),
      params(200),
    );
  });

  it("parseProcfile", () => {
    fc.assert(
      fc.property(formatText(samples(/^Procfile$/), PROC_TOKENS), (text) => {
        const p = check("Procfile", text, (t) => parseProcfile("Procfile", t));
        for (const e of p.entries) expect(e.command).not.toMatch(/[\r\n]/);
      }),
      params(200),
    );
  });

  it("parseDockerfile", () => {
    fc.assert(
      fc.property(formatText(samples(/^Dockerfile/), DOCKER_TOKENS), (text) => {
        check("Dockerfile", text, (t) => parseDockerfile("Dockerfile", t));
      }),
      params(200),
    );
  });

  it("parseVersionFile and parseToolVersions", () => {
    fc.assert(
      fc.property(
        formatText(samples(/^(runtime\.txt|\.python-version|\.tool-versions)$/), VERSION_TOKENS),
        (text) => {
          check("runtime.txt", text, (t) => parseVersionFile("runtime.txt", t));
          check(".tool-versions", text, (t) => parseToolVersions(".tool-versions", t));
        },
      ),
      params(200),
    );
  });

  it("parseDotenv", () => {
    fc.assert(
      fc.property(formatText(samples(/^\.env(\..+)?$|\.env$/), DOTENV_TOKENS), (text) => {
        const d = check(".env.example", text, (t) => parseDotenv(".env.example", t));
        // Diagnostics never quote a line (it may hold a secret): no value text in any message.
        for (const e of d.entries)
          if (e.value && e.value.length >= 8)
            for (const x of d.diagnostics) expect(x.message).not.toContain(e.value);
      }),
      params(200),
    );
  });
});

describe("commands and code", () => {
  it("parseStartCommand: word and diagnostic offsets stay inside the command", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          randomText,
          tokenSoup(
            [
              "uvicorn",
              "gunicorn",
              "python",
              "-m",
              "app.main:app",
              "--host",
              "0.0.0.0",
              "--port",
              "$PORT",
              "${PORT:-8000}",
              "-b",
              ":$PORT",
              "sh",
              "-c",
              "'",
              '"',
              "\\",
              "`",
              "$(",
              ")",
              "&&",
              "||",
              ";",
              "|",
              "&",
              ">",
              "2>&1",
              "cd",
              "exec",
              "env",
              "A=1",
              "#",
              "bash -c 'uvicorn app:app'",
            ],
            30,
          ).map((s) => s.replace(/\n/g, " ")),
          fc.constantFrom(
            ...samples(/^Procfile$/).flatMap((t) => t.split("\n").map((l) => l.replace(/^\w+:\s*/, ""))),
          ),
        ),
        (cmd) => {
          const a = parseStartCommand(cmd);
          expect(stable(parseStartCommand(cmd))).toBe(stable(a));
          for (const seg of a.segments)
            for (const w of seg.words) {
              expect(w.offset).toBeGreaterThanOrEqual(0);
              expect(w.end).toBeGreaterThanOrEqual(w.offset);
              expect(w.end).toBeLessThanOrEqual(cmd.length);
            }
          for (const d of a.diagnostics) {
            expect(d.offset).toBeGreaterThanOrEqual(0);
            expect(d.offset).toBeLessThanOrEqual(cmd.length);
            expect(d.message).not.toMatch(/could not parse the start command/);
          }
        },
      ),
      params(200),
    );
  });

  const python = samples(/\.py$/, 60);

  it("extractEnvReads (the settings extractor)", () => {
    fc.assert(
      fc.property(formatText(python, PY_TOKENS), (text) => {
        check("app/config.py", text, (t) => extractEnvReads("app/config.py", t));
      }),
      params(150),
    );
  });

  it("findTopLevelAttr", () => {
    fc.assert(
      fc.property(
        formatText(python, PY_TOKENS),
        fc.constantFrom("app", "application", "create_app", "x", "main", "app.server", ""),
        (text, attr) => {
          check("app/main.py", text, (t) => findTopLevelAttr(t, attr));
        },
      ),
      params(150),
    );
  });

  it("parseRailwayTs", () => {
    fc.assert(
      fc.property(formatText(samples(/\.ts$/), TS_TOKENS), (text) => {
        check(".railway/railway.ts", text, (t) => parseRailwayTs(".railway/railway.ts", t));
      }),
      params(100),
    );
  });
});
