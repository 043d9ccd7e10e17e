import * as fs from "node:fs";
import { describe, expect, it } from "vitest";
import { type ActionContext, resolveTarget } from "../../src/github/context.js";

const payload = JSON.parse(
  fs.readFileSync(new URL("../fixtures/github/pull_request.synchronize.json", import.meta.url), "utf8"),
);
const ctx = (over: Partial<ActionContext> = {}): ActionContext => ({
  eventName: "pull_request",
  sha: "merge0000",
  workflow: "CI",
  actor: "Codertocat",
  runId: 7,
  runAttempt: 1,
  serverUrl: "https://github.com",
  repo: { owner: "Codertocat", repo: "Hello-World" },
  payload,
  ...over,
});

describe("resolveTarget", () => {
  it("uses the PR head SHA, not the merge SHA, and links the run", () => {
    const t = resolveTarget(ctx());
    expect(t).toMatchObject({
      pr: 2,
      headSha: "ec26c3e57ca3a959ca5aad62de7213c562f8c821",
      readOnly: null,
      runUrl: "https://github.com/Codertocat/Hello-World/actions/runs/7",
    });
    expect(resolveTarget(ctx({ runAttempt: 3 })).runUrl).toMatch(/\/actions\/runs\/7\/attempts\/3$/);
  });
  it("push and workflow_dispatch: no PR, GITHUB_SHA", () => {
    const t = resolveTarget(ctx({ eventName: "push", payload: { ref: "refs/heads/main" } }));
    expect(t).toMatchObject({ pr: null, headSha: "merge0000", readOnly: null });
  });
  it("detects fork PRs and Dependabot up front", () => {
    const fork = structuredClone(payload);
    fork.pull_request.head.repo.full_name = "someone/Hello-World";
    expect(resolveTarget(ctx({ payload: fork })).readOnly).toMatch(/fork \(someone\/Hello-World\)/);
    const deleted = structuredClone(payload);
    deleted.pull_request.head.repo = null;
    expect(resolveTarget(ctx({ payload: deleted })).readOnly).toMatch(/fork/);
    expect(resolveTarget(ctx({ actor: "dependabot[bot]" })).readOnly).toMatch(/Dependabot/);
    expect(resolveTarget(ctx({ actor: "dependabot[bot]", eventName: "push" })).readOnly).toMatch(
      /Dependabot/,
    );
  });
  it("pull_request_target has a write token even for forks", () => {
    const fork = structuredClone(payload);
    fork.pull_request.head.repo.full_name = "someone/Hello-World";
    expect(resolveTarget(ctx({ eventName: "pull_request_target", payload: fork })).readOnly).toBeNull();
  });
});
