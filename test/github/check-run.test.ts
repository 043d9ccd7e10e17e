import { describe, expect, it } from "vitest";
import {
  AnnotationBatchError,
  conclusionFor,
  publishCheckRun,
  titleFor,
  toCheckAnnotation,
} from "../../src/github/check-run.js";
import { toAnnotations } from "../../src/report/annotations.js";
import { FakeApi, finding, HttpError, makeReport } from "./helpers.js";

const when = new Date("2026-11-26T10:00:00Z");
function opts(n: number, severity: "error" | "warning" | "notice" = "error") {
  const report = makeReport(Array.from({ length: n }, (_, i) => finding(i, severity)));
  return {
    name: "deploy-drift",
    headSha: "head123",
    report,
    annotations: toAnnotations(report.findings, "."),
    summary: "summary",
    startedAt: when,
    completedAt: when,
  };
}

describe("publishCheckRun", () => {
  it("creates a completed check run with up to 50 annotations in one request", async () => {
    const api = new FakeApi();
    const r = await publishCheckRun(api, opts(50));
    expect(api.calls).toHaveLength(1);
    const call = api.calls[0]!;
    expect(call.op).toBe("createCheck");
    if (call.op !== "createCheck") return;
    expect(call.body).toMatchObject({
      name: "deploy-drift",
      head_sha: "head123",
      status: "completed",
      conclusion: "failure",
    });
    expect(call.body.output.annotations).toHaveLength(50);
    expect(r).toMatchObject({ id: 42, annotationsSent: 50, requests: 1 });
  });

  it("sends 120 annotations in three batches: POST 50, PATCH 50, PATCH 20", async () => {
    const api = new FakeApi();
    const r = await publishCheckRun(api, opts(120));
    expect(
      api.calls.map((c) =>
        c.op === "createCheck"
          ? c.body.output.annotations?.length
          : c.op === "updateCheck"
            ? c.body.output.annotations?.length
            : -1,
      ),
    ).toEqual([50, 50, 20]);
    expect(api.calls.map((c) => c.op)).toEqual(["createCheck", "updateCheck", "updateCheck"]);
    expect(r.annotationsSent).toBe(120);
  });

  it("sends no annotations key for a clean report and concludes success", async () => {
    const api = new FakeApi();
    await publishCheckRun(api, opts(0));
    const call = api.calls[0]!;
    if (call.op !== "createCheck") throw new Error("expected create");
    expect(call.body.conclusion).toBe("success");
    expect(call.body.output).not.toHaveProperty("annotations");
    expect(call.body.output.title).toBe("No deployment drift found");
  });

  it("reports progress when a later batch fails", async () => {
    const api = new FakeApi();
    api.failWith = (c) => (c.op === "updateCheck" ? new HttpError(502) : undefined);
    const err = await publishCheckRun(api, opts(70)).catch((e) => e);
    expect(err).toBeInstanceOf(AnnotationBatchError);
    expect((err as AnnotationBatchError).progress.sent).toBe(50);
  });
});

describe("conclusion and title", () => {
  it("failure when blocking, neutral below fail-on, success when clean", () => {
    expect(conclusionFor(makeReport([finding(0)]))).toBe("failure");
    expect(conclusionFor(makeReport([finding(0, "warning")]))).toBe("neutral");
    expect(conclusionFor(makeReport([finding(0)], "never"))).toBe("neutral");
    expect(conclusionFor(makeReport([]))).toBe("success");
    expect(titleFor(makeReport([finding(0), finding(1), finding(2, "notice")]))).toBe(
      "2 errors, 1 notice (blocking)",
    );
  });
});

describe("toCheckAnnotation", () => {
  const [a] = toAnnotations([finding(4, "warning")], "svc");
  it("maps level, path from the repo root, lines and same-line columns", () => {
    expect(toCheckAnnotation(a!)).toEqual({
      path: "svc/runtime.txt",
      start_line: 5,
      end_line: 5,
      start_column: 1,
      end_column: 12,
      annotation_level: "warning",
      message: expect.stringContaining("Fix: Pick one version"),
      title: "deploy-drift: python-version-mismatch",
    });
  });
  it("drops columns on multi-line spans and uses line 1 for findings without a position", () => {
    const [multi, none] = toAnnotations(
      [finding(0, "error", { line: 2, endLine: 4 }), finding(0, "notice", { line: null, column: null })],
      ".",
    );
    expect(toCheckAnnotation(multi!)).not.toHaveProperty("start_column");
    expect(toCheckAnnotation(none!)).toMatchObject({
      start_line: 1,
      end_line: 1,
      annotation_level: "notice",
    });
    expect(toCheckAnnotation(none!)).not.toHaveProperty("start_column");
  });
});

describe("an ambiguous failure of the create (issue 12 item 9)", () => {
  const withId = (n: number) => ({ ...opts(n), externalId: "run-7.1.lint.." });

  it("a 502 after GitHub created the run: found by external_id, not created twice", async () => {
    const api = new FakeApi();
    api.failAfterCreateCheck = () => new HttpError(502);
    const r = await publishCheckRun(api, withId(60));
    expect(api.checkRuns).toHaveLength(1);
    expect(api.calls.map((c) => c.op)).toEqual(["createCheck", "findCheck", "updateCheck"]);
    expect(r).toMatchObject({ id: 42, annotationsSent: 60 });
  });

  it("a 502 before anything was created: looked up, then created once more", async () => {
    const api = new FakeApi();
    let first = true;
    api.failWith = (c) => {
      if (c.op !== "createCheck" || !first) return undefined;
      first = false;
      return new HttpError(503);
    };
    await publishCheckRun(api, withId(1));
    expect(api.calls.map((c) => c.op)).toEqual(["createCheck", "findCheck", "createCheck"]);
    expect(api.checkRuns).toHaveLength(1);
  });

  it("a network error (no status) is ambiguous too; a 422 is not and is not retried", async () => {
    const api = new FakeApi();
    api.failAfterCreateCheck = () => new Error("socket hang up");
    await publishCheckRun(api, withId(1));
    expect(api.checkRuns).toHaveLength(1);
    const api2 = new FakeApi();
    api2.failWith = (c) => (c.op === "createCheck" ? new HttpError(422) : undefined);
    await expect(publishCheckRun(api2, withId(1))).rejects.toMatchObject({ status: 422 });
    expect(api2.calls.map((c) => c.op)).toEqual(["createCheck"]);
  });

  it("sends the external_id with the create", async () => {
    const api = new FakeApi();
    await publishCheckRun(api, withId(1));
    const call = api.calls[0]!;
    expect(call.op === "createCheck" && call.body.external_id).toBe("run-7.1.lint..");
  });
});
