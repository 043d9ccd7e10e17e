/**
 * Issue 12 item 5: @lezer/python sometimes yields a node without a type, and `Tree.iterate` then throws
 * "Cannot read properties of undefined (reading 'isAnonymous')" (found by fuzzing; the inputs were not
 * kept). The defect is injected here: any source containing DEFECT parses to a tree whose walk throws
 * that error. The analyses that read Python say the file was not read, and the run completes.
 */
import { describe, expect, it, vi } from "vitest";

vi.mock("@lezer/python", async (importOriginal) => {
  const real = await importOriginal<typeof import("@lezer/python")>();
  const parser = new Proxy(real.parser, {
    get(target, prop, receiver) {
      if (prop !== "parse") return Reflect.get(target, prop, receiver);
      return (input: string) => {
        const tree = target.parse(input);
        if (!input.includes("DEFECT")) return tree;
        return new Proxy(tree, {
          get(t, p, r) {
            if (p === "iterate")
              return () => {
                // What lezer throws on a node whose type is undefined.
                return (undefined as unknown as { isAnonymous: boolean }).isAnonymous;
              };
            return Reflect.get(t, p, r);
          },
        });
      };
    },
  });
  return { ...real, parser };
});

const { parsePython } = await import("../../src/python/parse.js");
const { findTopLevelAttr } = await import("../../src/python/module.js");
const { extractEnvReads } = await import("../../src/sources/settings.js");
const { wsgiApplication } = await import("../../src/python/django.js");
const { analyzeRepo } = await import("../../src/analyze.js");
const { MemoryWorkspace } = await import("../../src/repo/workspace.js");

const SRC =
  'import os\n# DEFECT\nSECRET = os.environ["SECRET"]\napp = object()\nWSGI_APPLICATION = "x.wsgi.application"\n';

describe("a defective Python tree", () => {
  it("parsePython records the defect and hands out an empty tree", () => {
    const py = parsePython(SRC);
    expect(py.defect).toMatch(/the Python parser failed on this file \(Cannot read properties of undefined/);
    expect(() => py.tree.iterate({ enter: () => undefined })).not.toThrow();
  });

  it("each reader degrades to unknown at the file, never throws", () => {
    expect(findTopLevelAttr(SRC, "app")).toEqual({ kind: "dynamic" });
    const env = extractEnvReads("settings.py", SRC);
    expect(env.reads).toEqual([]);
    expect(env.opaque[0]).toMatchObject({ span: { file: "settings.py", line: 1 } });
    expect(env.opaque[0]?.what).toMatch(/did not read it/);
    expect(wsgiApplication(SRC)).toBeNull();
  });

  it("the run completes without a false error on the app module", async () => {
    const ws = new MemoryWorkspace({
      "requirements.txt": "gunicorn==23.0.0\n",
      Procfile: "web: gunicorn app:app --bind 0.0.0.0:$PORT\n",
      "app.py": SRC,
    });
    const report = await analyzeRepo(ws, { today: new Date("2026-11-26T12:00:00Z") });
    expect(report.findings.filter((f) => f.rule === "start-command-app-not-found")).toEqual([]);
  });
});

describe("a parser defect is said at the file (issue 12 item 5)", () => {
  it("one unreadable-file warning at line 1 of the defective module, nothing blocking", async () => {
    const ws = new MemoryWorkspace({
      "requirements.txt": "gunicorn==23.0.0\n",
      Procfile: "web: gunicorn app:app --bind 0.0.0.0:$PORT\n",
      "app.py": SRC,
      ".python-version": "3.12\n",
    });
    const report = await analyzeRepo(ws, { today: new Date("2026-11-26T12:00:00Z") });
    const defects = report.findings.filter((f) => f.rule === "unreadable-file");
    expect(defects).toEqual([
      expect.objectContaining({
        severity: "warning",
        file: "app.py",
        line: 1,
        column: 1,
        message: expect.stringMatching(
          /^app\.py: the Python parser failed on this file \(Cannot read properties of undefined.*\), so its start-command and environment checks were skipped$/,
        ),
      }),
    ]);
    expect(report.blocking).toBe(false);
  });

  it("a file the parser walks is not reported", async () => {
    const ws = new MemoryWorkspace({
      "requirements.txt": "gunicorn==23.0.0\n",
      Procfile: "web: gunicorn app:app --bind 0.0.0.0:$PORT\n",
      "app.py": "app = object()\n",
      ".python-version": "3.12\n",
    });
    const report = await analyzeRepo(ws, { today: new Date("2026-11-26T12:00:00Z") });
    expect(report.findings.filter((f) => f.rule === "unreadable-file")).toEqual([]);
  });
});
