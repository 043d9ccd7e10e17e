import { describe, expect, it } from "vitest";
import { MemoryWorkspace } from "../../src/repo/workspace.js";
import { loadRequirementsGraph, MAX_INCLUDE_DEPTH } from "../../src/sources/requirements/load.js";
import { fixtureWorkspace } from "./helpers.js";

describe("loadRequirementsGraph", () => {
  const ws = fixtureWorkspace("includes");
  const reads: string[] = [];
  const spy = {
    name: ws.name,
    read: (p: string) => {
      reads.push(p);
      return ws.read(p);
    },
    isFile: (p: string) => ws.isFile(p),
    isDir: (p: string) => ws.isDir(p),
    files: () => ws.files(),
  };
  const g = loadRequirementsGraph(spy, "requirements.txt");

  it("follows -r and -c relative to the including file, each file once", () => {
    expect(g.files.map((f) => f.path)).toEqual([
      "requirements.txt",
      "base.txt",
      "loop/a.txt",
      "loop/b.txt",
      "constraints.txt",
      "sub/dev.txt",
    ]);
    expect(g.edges).toContainEqual({ from: "sub/dev.txt", to: "base.txt", kind: "requirement" });
    expect(g.edges).toContainEqual({ from: "requirements.txt", to: "constraints.txt", kind: "constraint" });
  });

  it("never reads a path outside the repository", () => {
    expect(reads.some((p) => p.includes("passwd") || p.startsWith(".."))).toBe(false);
  });

  it("reports includes that leave the repository, are missing, or form a cycle, at the include", () => {
    expect(g.diagnostics.map((d) => [d.span.file, d.span.line, d.span.column, d.message])).toEqual([
      [
        "loop/b.txt",
        1,
        1,
        "loop/b.txt includes a.txt, which includes loop/b.txt again (include cycle: loop/a.txt -> loop/b.txt -> loop/a.txt)",
      ],
      [
        "requirements.txt",
        5,
        1,
        "requirements.txt includes ../../etc/passwd, which is outside the repository; it was not read",
      ],
      ["requirements.txt", 6, 1, "requirements.txt includes missing.txt, which does not exist"],
    ]);
  });

  it("reports nothing for a clean graph, and does not report diamonds as cycles", () => {
    const clean = loadRequirementsGraph(
      new MemoryWorkspace({
        "req.txt": "-r a.txt\n-r b.txt\n",
        "a.txt": "-r c.txt\n",
        "b.txt": "-r c.txt\n",
        "c.txt": "x\n",
      }),
      "req.txt",
    );
    expect(clean.diagnostics).toEqual([]);
    expect(clean.files.map((f) => f.path)).toEqual(["req.txt", "a.txt", "c.txt", "b.txt"]);
  });

  it("passes on a refused read's detail", () => {
    const r = loadRequirementsGraph(
      new MemoryWorkspace({ "req.txt": "-r link.txt\n", "link.txt": { symlinkTo: "../../outside.txt" } }),
      "req.txt",
    );
    expect(r.diagnostics.map((d) => d.message)).toEqual([
      "req.txt includes link.txt: link.txt is a symbolic link that points outside the repository",
    ]);
    expect(r.files).toHaveLength(1);
  });

  it("does not read URLs", () => {
    const r = loadRequirementsGraph(
      new MemoryWorkspace({ "req.txt": "-r https://example.com/r.txt\n" }),
      "req.txt",
    );
    expect(r.diagnostics[0]!.message).toBe(
      "req.txt includes https://example.com/r.txt, a URL; it was not read",
    );
  });

  it("stops at the depth limit", () => {
    const files: Record<string, string> = {};
    for (let i = 0; i <= MAX_INCLUDE_DEPTH + 2; i++) files[`r${i}.txt`] = `-r r${i + 1}.txt\npkg${i}\n`;
    const r = loadRequirementsGraph(new MemoryWorkspace(files), "r0.txt");
    expect(r.files).toHaveLength(MAX_INCLUDE_DEPTH + 1);
    expect(r.diagnostics.map((d) => [d.span.file, d.message])).toEqual([
      [
        `r${MAX_INCLUDE_DEPTH}.txt`,
        `r${MAX_INCLUDE_DEPTH}.txt includes r${MAX_INCLUDE_DEPTH + 1}.txt, more than 10 levels of -r/-c deep; it was not read`,
      ],
    ]);
    // at exactly the limit nothing is reported
    const ok: Record<string, string> = {};
    for (let i = 0; i < MAX_INCLUDE_DEPTH; i++) ok[`r${i}.txt`] = `-r r${i + 1}.txt\n`;
    ok[`r${MAX_INCLUDE_DEPTH}.txt`] = "pkg\n";
    expect(loadRequirementsGraph(new MemoryWorkspace(ok), "r0.txt").diagnostics).toEqual([]);
  });

  it("reports a missing entry and includes parse diagnostics", () => {
    expect(
      loadRequirementsGraph(new MemoryWorkspace({}), "requirements.txt").diagnostics.map((d) => d.message),
    ).toEqual(["requirements.txt does not exist"]);
    const r = loadRequirementsGraph(
      new MemoryWorkspace({ "r.txt": "-r b.txt\n", "b.txt": "numpy 1.0\n" }),
      "r.txt",
    );
    expect(r.diagnostics.map((d) => [d.span.file, d.span.line, d.span.column])).toEqual([["b.txt", 1, 7]]);
  });

  it("never throws when the workspace does", () => {
    const bad = {
      name: "x",
      read: () => {
        throw new Error("boom");
      },
      isFile: () => false,
      isDir: () => false,
      files: () => [],
    };
    expect(loadRequirementsGraph(bad, "r.txt").diagnostics[0]!.message).toContain("could not be read");
  });
});
