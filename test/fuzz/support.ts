/**
 * Shared pieces of the fuzz suite: a fixed seed and run counts (CI is reproducible and bounded), real
 * files to mutate, text arbitraries that reach deep into each format (random text, token soup, mutated
 * real files), and the invariants every parse result must satisfy (positions inside the file,
 * deterministic output).
 */
import * as fs from "node:fs";
import * as nodePath from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";

/** Fixed so a CI failure reproduces locally; FUZZ_SEED explores other inputs. */
export const SEED = Number(process.env.FUZZ_SEED ?? 4242);
/** Issue 7 bounds CI to at most 200 runs per property; FUZZ_RUNS overrides every count for soak runs. */
const RUNS_OVERRIDE = process.env.FUZZ_RUNS ? Number(process.env.FUZZ_RUNS) : null;

export function params(numRuns: number): fc.Parameters<unknown> {
  return { seed: SEED, numRuns: RUNS_OVERRIDE ?? Math.min(numRuns, 200), endOnFailure: true };
}

// ---------------------------------------------------------------------------------------------
// Real files

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

function walk(dir: string, out: string[]): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const p = nodePath.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.isFile()) out.push(p);
  }
  return out;
}

/** Every fixture file (and examples/maya-backend), relative to the repository root, sorted. */
export const FIXTURE_FILES: string[] = [
  ...walk(nodePath.join(ROOT, "examples/maya-backend"), []),
  ...walk(nodePath.join(ROOT, "test/fixtures"), []),
]
  .map((p) => nodePath.relative(ROOT, p).split(nodePath.sep).join("/"))
  .filter((p) => !p.startsWith("test/fixtures/malformed/"));

export function readFixture(rel: string): string {
  return fs.readFileSync(nodePath.join(ROOT, rel), "utf8");
}

/** Real file texts whose basename matches, capped so the samples stay varied but small. */
export function samples(match: RegExp, max = 40): string[] {
  const texts = FIXTURE_FILES.filter((p) => match.test(p.split("/").pop()!))
    .map(readFixture)
    .filter((t) => t.length < 20_000);
  return [...new Set(texts)].slice(0, max);
}

/** A mini repository from a fixture folder: every file below it, keyed by its path inside it. */
export function fixtureRepo(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of FIXTURE_FILES) {
    if (!p.startsWith(`${dir}/`)) continue;
    const rel = p.slice(dir.length + 1);
    if (rel === "expected.json" || rel.endsWith("/expected.json")) continue;
    out[rel] = readFixture(p);
  }
  return out;
}

/** The rule corpus `fires` folders plus examples/maya-backend: real repositories to mutate. */
export const REPO_DIRS: string[] = [
  "examples/maya-backend",
  ...[...new Set(FIXTURE_FILES.map((p) => /^(test\/fixtures\/rules\/[^/]+\/fires)\//.exec(p)?.[1]))]
    .filter((d): d is string => d !== undefined)
    .sort(),
];

// ---------------------------------------------------------------------------------------------
// Text arbitraries

const NASTY = [
  "\0",
  "\r",
  "\r\n",
  "\n",
  "\t",
  "\ufeff",
  "\u2028",
  "\u00e9",
  "\ud83d\ude00",
  "\\",
  "\\\n",
  '"',
  "'",
  '"""',
  "`",
  "#",
  "=",
  "[",
  "]",
  "{",
  "}",
  ",",
  "${",
  "$PORT",
  "../",
  "/",
  "%0A::error::",
];

/** Random text: any code points (including lone surrogates), or ASCII-heavy with nasty pieces. */
export const randomText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.string({ unit: "grapheme-ascii", maxLength: 200 }),
  fc
    .array(fc.oneof(fc.constantFrom(...NASTY), fc.string({ maxLength: 6 })), { maxLength: 60 })
    .map((a) => a.join("")),
);

/** Text built from a format's tokens, joined by spaces, newlines or nothing. */
export function tokenSoup(tokens: readonly string[], maxLength = 80): fc.Arbitrary<string> {
  return fc
    .array(fc.tuple(fc.constantFrom(...tokens, ...NASTY), fc.constantFrom("", " ", "\n", "  ", "\r\n")), {
      maxLength,
    })
    .map((parts) => parts.map(([t, sep]) => t + sep).join(""));
}

type Mutation =
  | { kind: "truncate"; at: number }
  | { kind: "insert"; at: number; text: string }
  | { kind: "delete"; at: number; len: number }
  | { kind: "duplicate-line"; line: number }
  | { kind: "swap-quotes" }
  | { kind: "crlf" }
  | { kind: "cr-only" }
  | { kind: "drop-newlines" }
  | { kind: "bom" };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), text: randomText }),
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), len: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant("duplicate-line" as const), line: fc.nat() }),
  fc.constant({ kind: "swap-quotes" as const }),
  fc.constant({ kind: "crlf" as const }),
  fc.constant({ kind: "cr-only" as const }),
  fc.constant({ kind: "drop-newlines" as const }),
  fc.constant({ kind: "bom" as const }),
);

export function applyMutation(text: string, m: Mutation): string {
  const pos = (n: number) => (text.length === 0 ? 0 : n % (text.length + 1));
  switch (m.kind) {
    case "truncate":
      return text.slice(0, pos(m.at));
    case "insert":
      return text.slice(0, pos(m.at)) + m.text + text.slice(pos(m.at));
    case "delete":
      return text.slice(0, pos(m.at)) + text.slice(pos(m.at) + m.len);
    case "duplicate-line": {
      const lines = text.split("\n");
      const i = m.line % lines.length;
      lines.splice(i, 0, lines[i]!);
      return lines.join("\n");
    }
    case "swap-quotes":
      return text.replace(/["']/g, (q) => (q === '"' ? "'" : '"'));
    case "crlf":
      return text.replace(/\r?\n/g, "\r\n");
    case "cr-only":
      return text.replace(/\r?\n/g, "\r");
    case "drop-newlines":
      return text.replace(/\n/g, "");
    case "bom":
      return `\ufeff${text}`;
  }
}

/** A real text after one to four mutations. */
export function mutated(texts: readonly string[]): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...texts), fc.array(mutation, { minLength: 1, maxLength: 4 }))
    .map(([t, ms]) => ms.reduce(applyMutation, t));
}

/** What a parser of one format should survive: random text, its tokens, and mutated real files. */
export function formatText(texts: readonly string[], tokens: readonly string[]): fc.Arbitrary<string> {
  const arbs: fc.Arbitrary<string>[] = [randomText, tokenSoup(tokens)];
  if (texts.length > 0) arbs.push(mutated(texts), fc.constantFrom(...texts));
  return fc.oneof(...arbs);
}

// ---------------------------------------------------------------------------------------------
// Invariants

/** Lines in a text the way the engine and GitHub count them: separated by "\n". */
export function lineCount(text: string): number {
  return text.split("\n").length;
}

/** Serialises anything (Maps, Sets, cycles, functions) to compare two results for equality. */
export function stable(value: unknown): string {
  const seen = new WeakSet<object>();
  return JSON.stringify(value, (_k, v: unknown) => {
    if (typeof v === "function") return "[function]";
    if (typeof v === "bigint") return `${v}n`;
    if (v instanceof Map) return { map: [...v.entries()] };
    if (v instanceof Set) return { set: [...v.values()] };
    if (v !== null && typeof v === "object") {
      if (seen.has(v)) return "[cycle]";
      seen.add(v);
    }
    return v;
  });
}

export interface Position {
  path: string;
  line: number;
  endLine?: number;
  file?: string;
}

/** Every `{ line: number }` object (spans, diagnostics, lookups) inside a result. */
export function positions(value: unknown): Position[] {
  const out: Position[] = [];
  const seen = new WeakSet<object>();
  const visit = (v: unknown, path: string, depth: number) => {
    if (v === null || typeof v !== "object" || depth > 40) return;
    if (seen.has(v)) return;
    seen.add(v);
    if (v instanceof Map) {
      for (const [k, x] of v) visit(x, `${path}.get(${String(k)})`, depth + 1);
      return;
    }
    if (v instanceof Set) {
      for (const x of v) visit(x, `${path}[set]`, depth + 1);
      return;
    }
    const o = v as Record<string, unknown>;
    if (typeof o.line === "number") {
      const p: Position = { path, line: o.line };
      if (typeof o.endLine === "number") p.endLine = o.endLine;
      if (typeof o.file === "string") p.file = o.file;
      out.push(p);
    }
    for (const [k, x] of Object.entries(o)) visit(x, `${path}.${k}`, depth + 1);
  };
  visit(value, "$", 0);
  return out;
}

/** Positions that do not exist in `text`: line < 1, line past the last line, endLine before line. */
export function badPositions(value: unknown, text: string, file?: string): string[] {
  const n = lineCount(text);
  return positions(value)
    .filter(
      (p) =>
        !Number.isInteger(p.line) ||
        p.line < 1 ||
        p.line > n ||
        (p.endLine !== undefined && (p.endLine < p.line || p.endLine > n)) ||
        (file !== undefined && p.file !== undefined && p.file !== file),
    )
    .map(
      (p) =>
        `${p.path}: line ${p.line}${p.endLine !== undefined ? `-${p.endLine}` : ""} of ${n}${p.file ? ` in ${p.file}` : ""}`,
    );
}
