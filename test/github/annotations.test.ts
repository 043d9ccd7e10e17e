import { afterEach, describe, expect, it, vi } from "vitest";
import { coreIO } from "../../src/github/io.js";
import { emitWorkflowAnnotations, propsOf } from "../../src/github/workflow-annotations.js";
import { planWorkflowAnnotations, repoPath, toAnnotations } from "../../src/report/annotations.js";
import { finding, recordingIO } from "./helpers.js";

describe("repoPath", () => {
  it("prefixes the working directory and normalises dots and slashes", () => {
    expect(repoPath(".", "runtime.txt")).toBe("runtime.txt");
    expect(repoPath("", "a/b.txt")).toBe("a/b.txt");
    expect(repoPath("./services/api/", "runtime.txt")).toBe("services/api/runtime.txt");
    expect(repoPath("services/api", ".")).toBe("services/api");
    expect(repoPath(".", ".")).toBe(".");
    expect(repoPath("services/api", "../../deploy-drift.toml")).toBe("deploy-drift.toml");
  });
});

describe("toAnnotations", () => {
  it("puts errors first and keeps the report's order within a severity", () => {
    const a = toAnnotations(
      [finding(0, "notice"), finding(1, "warning"), finding(2, "error"), finding(3, "warning")],
      ".",
    );
    expect(a.map((x) => `${x.severity}:${x.startLine}`)).toEqual([
      "error:3",
      "warning:2",
      "warning:4",
      "notice:1",
    ]);
  });
  it("lists the related places in the message", () => {
    const [a] = toAnnotations(
      [finding(0, "error", { related: [{ file: ".python-version", line: 1, column: 1 }] })],
      "svc",
    );
    expect(a!.message).toContain("Also: svc/.python-version:1");
  });
});

describe("planWorkflowAnnotations", () => {
  it("emits at most ten per type, keeps a notice slot for the overflow message", () => {
    const anns = toAnnotations(
      [
        ...Array.from({ length: 15 }, (_, i) => finding(i, "error")),
        ...Array.from({ length: 3 }, (_, i) => finding(i, "warning")),
        ...Array.from({ length: 12 }, (_, i) => finding(i, "notice")),
      ],
      ".",
    );
    const plan = planWorkflowAnnotations(anns, { error: 1 });
    const count = (s: string) => plan.emit.filter((a) => a.severity === s).length;
    expect([count("error"), count("warning"), count("notice")]).toEqual([9, 3, 9]);
    expect(plan.omitted).toEqual({ error: 6, warning: 0, notice: 3 });
    expect(plan.overflowNotice).toMatch(/^9 more findings/);
    expect(plan.emit[0]!.severity).toBe("error");
  });
  it("has no overflow notice when everything fits", () => {
    const plan = planWorkflowAnnotations(toAnnotations([finding(0)], "."));
    expect(plan.overflowNotice).toBeNull();
    expect(plan.emit).toHaveLength(1);
  });
});

describe("emitWorkflowAnnotations", () => {
  it("emits errors, then warnings, then notices, with file and position properties", () => {
    const io = recordingIO();
    emitWorkflowAnnotations(io, toAnnotations([finding(0, "notice"), finding(1, "error")], "api"));
    expect(io.rec.annotations.map((a) => a.level)).toEqual(["error", "notice"]);
    expect(io.rec.annotations[0]!.props).toEqual({
      title: "deploy-drift: python-version-mismatch",
      file: "api/runtime.txt",
      startLine: 2,
      endLine: 2,
      startColumn: 1,
      endColumn: 12,
    });
  });
  it("omits the position of findings without one (file-level annotation)", () => {
    const [a] = toAnnotations([finding(0, "error", { line: null, column: null })], ".");
    expect(propsOf(a!)).toEqual({ title: "deploy-drift: python-version-mismatch", file: "runtime.txt" });
  });
});

describe("workflow-command escaping (@actions/core)", () => {
  afterEach(() => vi.restoreAllMocks());

  it("a message or path from the repository cannot start a new workflow command", () => {
    const written: string[] = [];
    vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    const hostile = "bad value %0A::error::injected\n::set-output name=x::y\r\n::warning::also";
    const [a] = toAnnotations(
      [
        finding(0, "error", {
          message: hostile,
          file: "dir,line=9::x/runtime.txt",
          fix: "%0D%0A::notice::fix",
        }),
      ],
      ".",
    );
    emitWorkflowAnnotations(coreIO({}), [a!]);
    const out = written.join("");
    const lines = out.split(/\r?\n/).filter((l) => l !== "");
    expect(lines).toHaveLength(1);
    expect(lines[0]!.startsWith("::error ")).toBe(true);
    // Every line break and percent sign in the text is escaped; nothing else starts with "::".
    expect(out).not.toMatch(/\n::(?!error )/);
    expect(lines[0]).toContain("%250A::error::injected");
    expect(lines[0]).toContain("%0A::set-output");
    // The property separators in the path are escaped too.
    expect(lines[0]).toContain("file=dir%2Cline=9%3A%3Ax/runtime.txt");
  });
});
