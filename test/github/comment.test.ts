import { describe, expect, it } from "vitest";
import { isOwnComment, stickyMarker, upsertStickyComment } from "../../src/github/comment.js";
import { FakeApi, HttpError } from "./helpers.js";

const marker = stickyMarker("CI", "services/api");
const body = (text: string) => `${marker}\n${text}`;
const base = { issue: 1, marker, mode: "always" as const, clean: false };

describe("stickyMarker", () => {
  it("has the documented shape and encodes values so they cannot close the HTML comment", () => {
    expect(stickyMarker("CI", ".")).toBe("<!-- deploy-drift:sticky workflow=CI dir=. -->");
    expect(stickyMarker("Deploy checks", "a b")).toBe(
      "<!-- deploy-drift:sticky workflow=Deploy%20checks dir=a%20b -->",
    );
    const m = stickyMarker("x -->", "--><script>");
    expect(m.slice(4, -4)).not.toContain("--");
    expect(m.slice(4, -4)).not.toContain(">");
  });
  it("differs per workflow and per directory, and neither is a prefix of the other", () => {
    expect(stickyMarker("CI", ".")).not.toBe(stickyMarker("CI", "api"));
    expect(stickyMarker("CI2", ".").includes(stickyMarker("CI", "."))).toBe(false);
  });
});

describe("isOwnComment", () => {
  const c = (login: string, type: string, extra = {}) => ({
    id: 1,
    body: body("x"),
    user: { login, type },
    created_at: "2026-01-01T00:00:00Z",
    html_url: "",
    ...extra,
  });
  it("accepts the token's bot identity only, refuses people, other bots and other Apps", () => {
    expect(isOwnComment(c("github-actions[bot]", "Bot"), marker)).toBe(true);
    // Any App may carry the marker: only the App that is the token's identity owns it.
    const app = c("my-app[bot]", "Bot", { performed_via_github_app: { slug: "my-app" } });
    expect(isOwnComment(app, marker)).toBe(false);
    expect(isOwnComment(app, marker, "my-app[bot]")).toBe(true);
    expect(
      isOwnComment(
        c("other-app[bot]", "Bot", { performed_via_github_app: { slug: "other-app" } }),
        marker,
        "my-app[bot]",
      ),
    ).toBe(false);
    expect(isOwnComment(c("octocat", "User"), marker)).toBe(false);
    expect(isOwnComment(c("github-actions[bot]", "User"), marker)).toBe(false);
    expect(isOwnComment(c("renovate[bot]", "Bot"), marker)).toBe(false);
    expect(isOwnComment({ ...c("github-actions[bot]", "Bot"), body: "no marker" }, marker)).toBe(false);
    expect(isOwnComment({ ...c("github-actions[bot]", "Bot"), user: null }, marker)).toBe(false);
    // The marker must be the comment's first line, not a quote of it further down.
    expect(isOwnComment({ ...c("github-actions[bot]", "Bot"), body: `> quoted\n${marker}\n` }, marker)).toBe(
      false,
    );
  });

  it("includes the job and the comment-key, so matrix jobs keep separate comments", () => {
    expect(stickyMarker("CI", ".", "lint", "py3.12")).toBe(
      "<!-- deploy-drift:sticky workflow=CI job=lint dir=. key=py3.12 -->",
    );
    expect(stickyMarker("CI", ".", "lint", "py3.12")).not.toBe(stickyMarker("CI", ".", "lint", "py3.13"));
    expect(stickyMarker("CI", ".", "a")).not.toBe(stickyMarker("CI", ".", "b"));
    expect(stickyMarker("CI", ".", "a b", "--> x")).toBe(
      "<!-- deploy-drift:sticky workflow=CI job=a%20b dir=. key=%2D%2D%3E%20x -->",
    );
  });
});

describe("upsertStickyComment", () => {
  it("never PATCHes another App's comment that carries the marker", async () => {
    const api = new FakeApi();
    const other = api.comment(
      body("planted"),
      { login: "evil-app[bot]", type: "Bot" },
      {
        performed_via_github_app: { slug: "evil-app" },
      },
    );
    const r = await upsertStickyComment(api, { ...base, body: body("report") });
    expect(r.kind).toBe("created");
    expect(api.calls.filter((c) => c.op === "update" || c.op === "delete")).toEqual([]);
    expect(api.comments.find((c) => c.id === other.id)!.body).toBe(body("planted"));
  });

  it("with an App token, finds the App's earlier comment through the one it created, keeps the older", async () => {
    const api = new FakeApi();
    api.login = "my-app[bot]";
    const older = api.comment(body("old"), { login: "my-app[bot]", type: "Bot" });
    const r = await upsertStickyComment(api, { ...base, body: body("new") });
    expect(r).toMatchObject({ kind: "updated", id: older.id });
    expect(api.comments.map((c) => [c.id, c.body])).toEqual([[older.id, body("new")]]);
  });

  it("creates the comment on the first run, then re-lists once to reconcile races", async () => {
    const api = new FakeApi();
    const r = await upsertStickyComment(api, { ...base, body: body("report") });
    expect(r.kind).toBe("created");
    expect(api.calls.map((c) => c.op)).toEqual(["list", "create", "list"]);
    expect(api.comments).toHaveLength(1);
  });

  it("updates the existing comment in place with two requests", async () => {
    const api = new FakeApi();
    const old = api.comment(body("old"));
    const r = await upsertStickyComment(api, { ...base, body: body("new") });
    expect(r).toMatchObject({ kind: "updated", id: old.id, deleted: [] });
    expect(api.calls.map((c) => c.op)).toEqual(["list", "update"]);
    expect(api.comments[0]!.body).toBe(body("new"));
  });

  it("makes no write when the body is unchanged", async () => {
    const api = new FakeApi();
    api.comment(body("same"));
    const r = await upsertStickyComment(api, { ...base, body: body("same") });
    expect(r.kind).toBe("unchanged");
    expect(api.calls.map((c) => c.op)).toEqual(["list"]);
  });

  it("never edits a human comment that quotes the marker", async () => {
    const api = new FakeApi();
    const human = api.comment(`> ${body("quoted")}\nWhy is this failing?`, {
      login: "octocat",
      type: "User",
    });
    const r = await upsertStickyComment(api, { ...base, body: body("report") });
    expect(r.kind).toBe("created");
    expect(api.comments.find((c) => c.id === human.id)!.body).toContain("Why is this failing?");
    expect(api.calls.some((c) => (c.op === "update" || c.op === "delete") && c.id === human.id)).toBe(false);
  });

  it("ignores comments of other workflows and directories", async () => {
    const api = new FakeApi();
    const other = api.comment(`${stickyMarker("CI", ".")}\nother`);
    const r = await upsertStickyComment(api, { ...base, body: body("report") });
    expect(r.kind).toBe("created");
    expect(api.comments.find((c) => c.id === other.id)!.body).toContain("other");
  });

  it("keeps the oldest of duplicate own comments and deletes the rest", async () => {
    const api = new FakeApi();
    const a = api.comment(body("a"));
    const b = api.comment(body("b"));
    const c = api.comment(body("c"));
    const r = await upsertStickyComment(api, { ...base, body: body("new") });
    expect(r).toMatchObject({ kind: "updated", id: a.id, deleted: [b.id, c.id] });
    expect(api.comments.map((x) => x.id)).toEqual([a.id]);
  });

  it("two racing first runs end with one comment (the later run's body on the oldest)", async () => {
    const api = new FakeApi();
    // Run B lists (empty) and creates; meanwhile run A had already created its comment.
    const aComment = api.comment(body("from A"));
    // Simulate: B's initial list saw nothing, so call with a fake that hides A on the first list.
    let firstList = true;
    const list = api.listIssueComments.bind(api);
    api.listIssueComments = async (issue) => {
      const all = await list(issue);
      if (firstList) {
        firstList = false;
        return all.filter((c) => c.id !== aComment.id);
      }
      return all;
    };
    const r = await upsertStickyComment(api, { ...base, body: body("from B") });
    expect(r).toMatchObject({ kind: "updated", id: aComment.id });
    expect(api.comments).toHaveLength(1);
    expect(api.comments[0]).toMatchObject({ id: aComment.id, body: body("from B") });
  });

  it("when the racing run's comment is newer, ours stays and theirs is deleted", async () => {
    const api = new FakeApi();
    let other = 0;
    api.afterCreate = () => {
      other = api.comment(body("from other run")).id;
    };
    const r = await upsertStickyComment(api, { ...base, body: body("mine") });
    expect(r.kind).toBe("created");
    expect(r.kind !== "skipped" && r.deleted).toEqual([other]);
    expect(api.comments.map((c) => c.body)).toEqual([body("mine")]);
  });

  it("tolerates a duplicate already deleted by the other run (404)", async () => {
    const api = new FakeApi();
    api.comment(body("a"));
    const b = api.comment(body("b"));
    api.failWith = (c) => (c.op === "delete" && c.id === b.id ? new HttpError(404) : undefined);
    const r = await upsertStickyComment(api, { ...base, body: body("new") });
    expect(r).toMatchObject({ kind: "updated", deleted: [] });
  });

  it("on-findings: creates nothing for a clean report, but flips an existing comment", async () => {
    const api = new FakeApi();
    const skipped = await upsertStickyComment(api, {
      ...base,
      mode: "on-findings",
      clean: true,
      body: body("ok"),
    });
    expect(skipped.kind).toBe("skipped");
    expect(api.calls.map((c) => c.op)).toEqual(["list"]);
    api.comment(body("red"));
    const r = await upsertStickyComment(api, {
      ...base,
      mode: "on-findings",
      clean: true,
      body: body("green"),
    });
    expect(r.kind).toBe("updated");
    expect(api.comments[0]!.body).toBe(body("green"));
  });

  it("never: makes no request", async () => {
    const api = new FakeApi();
    const r = await upsertStickyComment(api, { ...base, mode: "never", body: body("x") });
    expect(r.kind).toBe("skipped");
    expect(api.calls).toEqual([]);
  });

  it("propagates a 403 so the caller can fall back", async () => {
    const api = new FakeApi();
    api.failWith = (c) =>
      c.op === "create" ? new HttpError(403, "Resource not accessible by integration") : undefined;
    await expect(upsertStickyComment(api, { ...base, body: body("x") })).rejects.toMatchObject({
      status: 403,
    });
  });
});
