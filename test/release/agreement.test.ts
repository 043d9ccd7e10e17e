// One release, one set of names: package.json, src/version.ts, CHANGELOG.md, action.yml,
// .pre-commit-hooks.yaml, the README and docs/*.md must agree on the version, the tags users
// write (docs/release.md), the hook id and the action's inputs and outputs.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { RULE_DOCS_BASE } from "../../src/report/markdown.js";
import { VERSION } from "../../src/version.js";

const read = (f: string) => readFileSync(f, "utf8");
const pkg = JSON.parse(read("package.json")) as {
  name: string;
  version: string;
  bin: Record<string, string>;
  repository: { url: string };
};
const MAJOR_TAG = `v${pkg.version.split(".")[0]}`;
const TAG = `v${pkg.version}`;
const REPO_URL = pkg.repository.url.replace(/^git\+/, "").replace(/\.git$/, "");
const REPO_SLUG = new URL(REPO_URL).pathname.slice(1);

interface Input {
  description: string;
  required?: boolean;
  default?: string;
}
const action = parse(read("action.yml")) as {
  name: string;
  inputs: Record<string, Input>;
  outputs: Record<string, { description: string }>;
};
const hooks = parse(read(".pre-commit-hooks.yaml")) as Array<Record<string, unknown>>;

/** README.md and the docs pages a user reads (the rule pages hold no install examples; docs/release.md
 * writes the tags as placeholders). */
const PAGES = [
  "README.md",
  ...readdirSync("docs")
    .filter((f) => f.endsWith(".md") && f !== "release.md")
    .map((f) => `docs/${f}`),
];
const yamlBlocks = (file: string) =>
  [...read(file).matchAll(/^```ya?ml\n([\s\S]*?)^```/gm)].map((m) => m[1] as string);
/** Every object with a `uses:` key in a YAML example, e.g. a workflow step. */
function steps(node: unknown, out: Array<Record<string, unknown>> = []) {
  if (Array.isArray(node)) for (const n of node) steps(n, out);
  else if (node && typeof node === "object") {
    if ("uses" in node) out.push(node as Record<string, unknown>);
    for (const v of Object.values(node)) steps(v, out);
  }
  return out;
}
const examples = PAGES.flatMap((file) =>
  yamlBlocks(file).flatMap((src) => steps(parse(src)).map((step) => ({ file, step }))),
);

/** The first table below `## <heading>` in docs/inputs.md: rows of cells. */
function table(md: string, heading: string): string[][] {
  const start = md.indexOf(`\n## ${heading}\n`);
  expect(start, heading).toBeGreaterThan(-1);
  const rows = md
    .slice(start)
    .split("\n")
    .slice(2)
    .filter((l, i, all) => l.startsWith("|") && all.slice(0, i).every((p) => p === "" || p.startsWith("|")));
  return rows.slice(2).map((r) =>
    r
      .split(/(?<!\\)\|/)
      .slice(1, -1)
      .map((c) => c.trim()),
  );
}
const unquote = (cell: string) => (cell === "_(empty)_" ? "" : cell.replace(/^`(.*)`$/, "$1"));

describe("the version", () => {
  it("is the same in package.json, src/version.ts and the rule links", () => {
    expect(pkg.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(VERSION).toBe(pkg.version);
    expect(RULE_DOCS_BASE).toBe(`${REPO_URL}/blob/${TAG}/docs/rules/`);
  });

  it("is the changelog's latest release, with its link, under an Unreleased section", () => {
    const log = read("CHANGELOG.md");
    const releases = [...log.matchAll(/^## \[([^\]]+)\](?: - (\d{4}-\d{2}-\d{2}))?$/gm)].map((m) => m[1]);
    expect(releases[0]).toBe("Unreleased");
    expect(releases[1]).toBe(pkg.version);
    expect(log).toMatch(/keepachangelog\.com/);
    expect(log).toContain(`[${pkg.version}]: ${REPO_URL}/releases/tag/${TAG}`);
    expect(log).toContain(`[Unreleased]: ${REPO_URL}/compare/${TAG}...HEAD`);
  });
});

describe("the install examples in README.md and docs/", () => {
  it("use the action at the moving major tag or the release tag", () => {
    const ours = examples.filter(({ step }) => String(step.uses).startsWith(`${REPO_SLUG}@`));
    expect(ours.filter((e) => e.file === "README.md").length).toBeGreaterThan(0);
    for (const { file, step } of ours)
      expect([`${REPO_SLUG}@${MAJOR_TAG}`, `${REPO_SLUG}@${TAG}`], file).toContain(step.uses);
    // no other spelling of the action (an old owner, @main, @v1 before 1.0.0)
    for (const file of PAGES)
      for (const m of read(file).matchAll(/deploy-drift\/deploy-drift@([\w.-]+)/g))
        expect([MAJOR_TAG, TAG], `${file}: ${m[0]}`).toContain(m[1]);
  });

  it("pass only inputs action.yml declares", () => {
    for (const { file, step } of examples.filter((e) => String(e.step.uses).startsWith(`${REPO_SLUG}@`)))
      for (const key of Object.keys((step.with as object) ?? {}))
        expect(Object.keys(action.inputs), `${file}: with.${key}`).toContain(key);
  });

  it("run the npm package at this version", () => {
    const npx = PAGES.flatMap((file) =>
      [...read(file).matchAll(/npx deploy-drift@(\S+)/g)].map((m) => [file, m[1]]),
    );
    expect(npx.filter(([file]) => file === "README.md").length).toBeGreaterThan(0);
    for (const [file, v] of npx) expect(v, file).toBe(pkg.version);
  });

  it("pin the pre-commit hook to the release tag and the hook id .pre-commit-hooks.yaml declares", () => {
    const configs = yamlBlocks("README.md")
      .map(
        (src) => parse(src) as { repos?: Array<{ repo: string; rev: string; hooks: Array<{ id: string }> }> },
      )
      .filter((c) => c?.repos);
    expect(configs.length).toBe(1);
    const ours = configs[0]?.repos?.find((r) => r.repo === REPO_URL);
    expect(ours?.rev).toBe(TAG);
    expect(ours?.hooks.map((h) => h.id)).toEqual(hooks.map((h) => h.id));
  });
});

describe(".pre-commit-hooks.yaml", () => {
  it("runs the package's bin with language: node, on the repository root", () => {
    expect(hooks).toHaveLength(1);
    const [hook] = hooks;
    expect(hook?.id).toBe(pkg.name);
    expect(hook?.language).toBe("node");
    expect(Object.keys(pkg.bin)).toContain(hook?.entry);
    expect(hook?.pass_filenames).toBe(false);
  });
});

describe("action.yml and docs/inputs.md", () => {
  const md = read("docs/inputs.md");

  it("name the action like the package", () => {
    expect(action.name).toBe(pkg.name);
  });

  it("list the same inputs, in order, with the same defaults", () => {
    const rows = table(md, "Inputs");
    expect(rows.map((r) => unquote(r[0] ?? ""))).toEqual(Object.keys(action.inputs));
    for (const [name, input] of Object.entries(action.inputs)) {
      const row = rows.find((r) => unquote(r[0] ?? "") === name);
      expect(unquote(row?.[1] ?? "?"), `default of ${name}`).toBe(input.default ?? "");
    }
  });

  it("list the same outputs, in order", () => {
    expect(table(md, "Outputs").map((r) => unquote(r[0] ?? ""))).toEqual(Object.keys(action.outputs));
  });
});

describe(".github/workflows/ci.yml", () => {
  const ci = parse(read(".github/workflows/ci.yml")) as {
    jobs: Record<string, { if?: string; steps: Array<Record<string, unknown>> }>;
  };
  const runs = Object.values(ci.jobs).flatMap((j) => j.steps.map((s) => String(s.run ?? "")));

  it("runs .ci/run and rebuilds dist/ to compare it", () => {
    expect(runs).toContain(".ci/run");
    expect(runs).toContain("npm run build");
    expect(runs.some((r) => r.includes("git status --porcelain -- dist"))).toBe(true);
  });

  it("runs the action from the checkout on examples/ for pull requests, with declared inputs only", () => {
    const self = Object.values(ci.jobs).filter((j) => j.steps.some((s) => s.uses === "./"));
    expect(self).toHaveLength(1);
    expect(self[0]?.if).toContain("pull_request");
    const step = self[0]?.steps.find((s) => s.uses === "./") as { with: Record<string, string> };
    expect(step.with["working-directory"]).toMatch(/^examples\//);
    for (const key of Object.keys(step.with)) expect(Object.keys(action.inputs)).toContain(key);
  });
});

describe("the docs a user reads", () => {
  it("cite public sources, not the research notes users do not have", () => {
    const files = [
      "README.md",
      ...readdirSync("docs")
        .filter((f) => f.endsWith(".md"))
        .map((f) => `docs/${f}`),
      ...readdirSync("docs/rules").map((f) => `docs/rules/${f}`),
    ];
    const cited = files.filter((f) =>
      /railway-nixpacks\.md|railway-iac\.md|railway-2026-12\.md|shared\/reference/.test(read(f)),
    );
    expect(cited).toEqual([]);
  });
});
