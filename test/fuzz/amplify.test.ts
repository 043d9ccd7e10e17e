/**
 * Issue 12, amplifying structural mutations: a real deployment file with one token repeated 100–10,000
 * times or a bracket nested up to 10,000 deep at a random place, through the whole pipeline and every
 * output format (json, markdown, text, sarif). Properties: no exception escapes and each case finishes
 * within a bounded time (the super-linear and recursive paths of issue 12 took seconds to minutes or
 * overflowed the stack). Few runs, so it stays within a few seconds of CI time.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeRepo } from "../../src/analyze.js";
import { MemoryWorkspace } from "../../src/repo/workspace.js";
import { renderJson } from "../../src/report/json.js";
import { renderMarkdown } from "../../src/report/markdown.js";
import { renderSarif } from "../../src/report/sarif.js";
import { renderText } from "../../src/report/text.js";
import { TODAY } from "../hostile/helpers.js";
import { params } from "./support.js";

const BASE: Record<string, string> = {
  "requirements.txt": "gunicorn==23.0.0\nfastapi==0.115.0\n",
  "app.py": "import os\nfrom fastapi import FastAPI\napp = FastAPI()\nKEY = os.environ.get('KEY')\n",
  Procfile: "web: gunicorn app:app --bind 0.0.0.0:$PORT\n",
};

/** Target file, its base text, and the tokens worth amplifying in it. */
const TARGETS: Array<{ file: string; text: string; tokens: string[]; open: string; close: string }> = [
  {
    file: "railway.json",
    text: '{"deploy": {"startCommand": "gunicorn app:app"}}\n',
    tokens: ['{"a":', "[", ",", '"x",', "\\u0000"],
    open: '{"a":',
    close: "}",
  },
  {
    file: "railpack.json",
    text: '{"deploy": {"startCommand": "gunicorn app:app"}}\n',
    tokens: ["[", "/* c */"],
    open: "[",
    close: "]",
  },
  { file: "nixpacks.json", text: '{"phases": {}}\n', tokens: ["[", '"a",'], open: "[", close: "]" },
  {
    file: "railway.toml",
    text: '[deploy]\nstartCommand = "gunicorn app:app"\n',
    tokens: ["a.", "[a]\n", "x = 1\n", '"', "[[a]]\n"],
    open: "{a=",
    close: "}",
  },
  {
    file: "nixpacks.toml",
    text: '[start]\ncmd = "gunicorn app:app"\n',
    tokens: ["a.", "[", "\\\n"],
    open: "[",
    close: "]",
  },
  {
    file: "Procfile",
    text: "web: gunicorn app:app\n",
    tokens: ["cd a && ", "$(", "'", " \\\n", "a=b "],
    open: "$(",
    close: ")",
  },
  {
    file: "Dockerfile",
    text: 'FROM python:3.12\nRUN pip install x\nCMD ["gunicorn","app:app"]\n',
    tokens: ["\\\n", "RUN a\n", "${A:-"],
    open: "${A:-",
    close: "}",
  },
  {
    file: "requirements.txt",
    text: "gunicorn==23.0.0\n",
    tokens: ["pkg\n", "-r requirements.txt\n", "a[", "https://u:p@h/"],
    open: "[",
    close: "]",
  },
  {
    file: "app.py",
    text: "from fastapi import FastAPI\napp = FastAPI()\n",
    tokens: ["(", "    ", "if x:\n", "'''"],
    open: "(",
    close: ")",
  },
  {
    file: ".railway/railway.ts",
    text: 'import { defineRailway, project, service } from "railway/iac";\nexport default defineRailway(() => project("p", { resources: [service("web", { start: "gunicorn app:app" })] }));\n',
    tokens: ["(", "a + ", "`${", "[", "...[]"],
    open: "(",
    close: ")",
  },
];

type Amplify =
  | { kind: "repeat"; target: number; token: number; times: number; at: number }
  | { kind: "nest"; target: number; depth: number; at: number };

const amplify: fc.Arbitrary<Amplify> = fc.oneof(
  fc.record({
    kind: fc.constant("repeat" as const),
    target: fc.nat(TARGETS.length - 1),
    token: fc.nat(),
    times: fc.integer({ min: 100, max: 10_000 }),
    at: fc.nat(),
  }),
  fc.record({
    kind: fc.constant("nest" as const),
    target: fc.nat(TARGETS.length - 1),
    depth: fc.integer({ min: 100, max: 10_000 }),
    at: fc.nat(),
  }),
);

function apply(a: Amplify): Record<string, string> {
  const t = TARGETS[a.target]!;
  const at = a.at % (t.text.length + 1);
  const insert =
    a.kind === "repeat"
      ? t.tokens[a.token % t.tokens.length]!.repeat(a.times)
      : `${t.open.repeat(a.depth)}1${t.close.repeat(a.depth)}`;
  // Half the cases are the amplified structure alone (a well-formed deep document reaches the walks
  // behind the parser), half splice it into the real file at a random offset.
  const text = a.at % 2 === 0 ? insert : t.text.slice(0, at) + insert + t.text.slice(at);
  return { ...BASE, [t.file]: text };
}

describe("amplifying mutations through every parser and output format", () => {
  it("never throws and stays bounded in time", async () => {
    await fc.assert(
      fc.asyncProperty(amplify, async (a) => {
        const ws = new MemoryWorkspace(apply(a));
        const start = Date.now();
        const report = await analyzeRepo(ws, { today: TODAY });
        const outs = [
          renderJson(report),
          renderSarif(report),
          renderText(report),
          renderMarkdown(report, { detail: "full" }),
        ];
        for (const o of outs) expect(o.length).toBeGreaterThan(0);
        // Generous for a loaded CI machine; the regressions took 10 s to minutes or crashed.
        expect(Date.now() - start).toBeLessThan(4_000);
      }),
      params(40),
    );
  }, 60_000);
});
