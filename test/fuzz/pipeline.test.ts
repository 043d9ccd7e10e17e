/**
 * Issue 7, fuzzing the whole pipeline: real repositories (examples/maya-backend and every rule's
 * `fires` case) with mutated files, extra deployment files of random content, and deleted files, on a
 * MemoryWorkspace. Properties: no exception escapes (and no rule crashes), two runs give identical
 * JSON, every finding points at a file of the workspace and a line that exists in it, and every
 * renderer accepts the report with inert markdown.
 *
 * The run is `loadParsers` + `analyze`: the pipeline `analyzeRepo` runs, minus the opt-in PyPI
 * look-ups, which a fuzzed deploy-drift.toml could otherwise switch on (network).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyze, loadParsers } from "../../src/analyze.js";
import type { Finding } from "../../src/model/finding.js";
import type { Report } from "../../src/model/report.js";
import { MemoryWorkspace } from "../../src/repo/workspace.js";
import { renderJson } from "../../src/report/json.js";
import { renderMarkdown } from "../../src/report/markdown.js";
import { renderSarif } from "../../src/report/sarif.js";
import { renderText } from "../../src/report/text.js";
import { markdownProblems, TODAY } from "../hostile/helpers.js";
import { fixtureRepo, lineCount, mutated, params, REPO_DIRS, randomText, samples } from "./support.js";

type Files = Record<string, string>;

const REPOS: Files[] = REPO_DIRS.map(fixtureRepo);

/** Where an extra file may appear, with real texts of that kind to mutate. */
const EXTRA: Array<{ names: string[]; texts: string[] }> = [
  { names: ["railway.json", "railpack.json", "nixpacks.json"], texts: samples(/\.json$/) },
  {
    names: ["railway.toml", "nixpacks.toml", "pyproject.toml", "mise.toml", "Pipfile", "deploy-drift.toml"],
    texts: samples(/\.toml$|^Pipfile$/),
  },
  {
    names: [
      "requirements.txt",
      "requirements-dev.txt",
      "requirements/base.txt",
      "requirements.lock",
      "constraints.txt",
    ],
    texts: samples(/^requirements|^constraints/),
  },
  { names: ["Procfile"], texts: samples(/^Procfile$/) },
  {
    names: ["runtime.txt", ".python-version", ".tool-versions"],
    texts: samples(/^(runtime\.txt|\.python-version|\.tool-versions)$/),
  },
  { names: ["Dockerfile"], texts: samples(/^Dockerfile/) },
  { names: [".env.example", ".env"], texts: samples(/^\.env/) },
  { names: ["app/main.py", "app/config.py", "app/settings.py", "main.py"], texts: samples(/\.py$/) },
  { names: [".railway/railway.ts"], texts: samples(/\.ts$/) },
];

type Edit =
  | { kind: "mutate"; pick: number; text: (t: string) => string }
  | { kind: "add"; name: string; text: string }
  | { kind: "delete"; pick: number };

/** Mutations of an existing file, chosen by index so they compose with any base repository. */
const mutateEdit: fc.Arbitrary<Edit> = fc
  .tuple(fc.nat(), fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), randomText)
  .chain(([pick, seeds, noise]) =>
    // Reuse support's mutation machinery on the file's own text: the seeds choose among its mutations.
    fc.constant({
      kind: "mutate" as const,
      pick,
      text: (t: string) => {
        let out = t;
        for (const s of seeds) {
          const at = out.length === 0 ? 0 : s % (out.length + 1);
          switch (s % 6) {
            case 0:
              out = out.slice(0, at);
              break;
            case 1:
              out = out.slice(0, at) + noise + out.slice(at);
              break;
            case 2: {
              const lines = out.split("\n");
              const i = s % lines.length;
              lines.splice(i, 0, lines[i]!);
              out = lines.join("\n");
              break;
            }
            case 3:
              out = out.replace(/["']/g, (q) => (q === '"' ? "'" : '"'));
              break;
            case 4:
              out = out.replace(/\r?\n/g, s % 2 ? "\r\n" : "\r");
              break;
            default:
              out = out.slice(0, at) + out.slice(at + 1 + (s % 30));
          }
        }
        return out;
      },
    }),
  );

const addEdit: fc.Arbitrary<Edit> = fc
  .constantFrom(...EXTRA.filter((e) => e.texts.length > 0 || e.names.length > 0))
  .chain((e) =>
    fc.record({
      kind: fc.constant("add" as const),
      name: fc.constantFrom(...e.names),
      text:
        e.texts.length > 0 ? fc.oneof(randomText, mutated(e.texts), fc.constantFrom(...e.texts)) : randomText,
    }),
  );

const deleteEdit: fc.Arbitrary<Edit> = fc.record({ kind: fc.constant("delete" as const), pick: fc.nat() });

function applyEdits(base: Files, edits: readonly Edit[]): Files {
  const files = { ...base };
  for (const e of edits) {
    const names = Object.keys(files).sort();
    if (e.kind === "add") files[e.name] = e.text;
    else if (names.length === 0) continue;
    else if (e.kind === "delete") delete files[names[e.pick % names.length]!];
    else {
      const n = names[e.pick % names.length]!;
      files[n] = e.text(files[n]!);
    }
  }
  return files;
}

const repo: fc.Arbitrary<Files> = fc
  .tuple(
    fc.nat(REPOS.length - 1),
    fc.array(
      fc.oneof(
        { weight: 4, arbitrary: mutateEdit },
        { weight: 2, arbitrary: addEdit },
        { weight: 1, arbitrary: deleteEdit },
      ),
      {
        minLength: 1,
        maxLength: 4,
      },
    ),
  )
  .map(([i, edits]) => applyEdits(REPOS[i]!, edits));

/** A repository made only of deployment files with random or mutated content. */
const randomRepo: fc.Arbitrary<Files> = fc
  .array(addEdit, { minLength: 1, maxLength: 6 })
  .map((edits) => applyEdits({}, edits));

async function run(files: Files): Promise<Report> {
  const ws = new MemoryWorkspace(files, "fuzz");
  return analyze(ws, { today: TODAY, parsers: await loadParsers(ws) });
}

/** What is wrong with a finding's location, or null. */
function badLocation(
  ws: MemoryWorkspace,
  file: string,
  line: number | null,
  endLine?: number | null,
): string | null {
  const r = ws.read(file);
  if (line === null) return null;
  if (r.kind === "missing") return `line ${line} in ${JSON.stringify(file)}, which is not in the workspace`;
  if (r.kind === "refused") return line === 1 ? null : `line ${line} in unreadable ${file}`;
  const n = lineCount(r.text);
  if (!Number.isInteger(line) || line < 1 || line > n) return `line ${line} of ${n} in ${file}`;
  if (endLine != null && (endLine < line || endLine > n)) return `endLine ${endLine} of ${n} in ${file}`;
  return null;
}

function findingProblems(files: Files, report: Report): string[] {
  const ws = new MemoryWorkspace(files, "fuzz");
  const out: string[] = [];
  const show = (f: Finding, why: string) => `${f.rule}: ${why} (${f.message.slice(0, 120)})`;
  for (const f of report.findings) {
    if (f.rule === "rule-crashed") out.push(show(f, "a rule threw"));
    const bad = badLocation(ws, f.file, f.line, f.endLine);
    if (bad) out.push(show(f, bad));
    for (const s of f.related ?? []) {
      const r = badLocation(ws, s.file, s.line, s.endLine);
      if (r) out.push(show(f, `related: ${r}`));
    }
  }
  return out;
}

async function checkRepo(files: Files): Promise<void> {
  const a = await run(files);
  const b = await run(files);
  const json = renderJson(a);
  expect(renderJson(b)).toBe(json);
  expect(findingProblems(files, a)).toEqual([]);
  for (const detail of ["full", "compact", "summary"] as const)
    expect(markdownProblems(renderMarkdown(a, { detail }))).toEqual([]);
  renderText(a);
  JSON.parse(renderSarif(a));
}

describe("the whole pipeline on fuzzed repositories", () => {
  it("has real repositories to mutate", () => {
    expect(REPOS.length).toBeGreaterThan(20);
    expect(REPOS.every((r) => Object.keys(r).length > 0)).toBe(true);
  });

  it("real repositories with mutated, added and deleted files", async () => {
    await fc.assert(
      fc.asyncProperty(repo, (files) => checkRepo(files)),
      params(120),
    );
  });

  it("repositories of random deployment files", async () => {
    await fc.assert(
      fc.asyncProperty(randomRepo, (files) => checkRepo(files)),
      params(80),
    );
  });
});
