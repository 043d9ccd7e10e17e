import { createHash } from "node:crypto";
import type {
  BaseApi,
  CheckRunCreateBody,
  CheckRunUpdateBody,
  GitHubApi,
  GitTree,
  GitTreeEntry,
  IssueComment,
  PullFile,
} from "../../src/github/client.js";
import type { ActionIO, AnnotationProps } from "../../src/github/io.js";
import type { Finding, Severity } from "../../src/model/finding.js";
import type { Report } from "../../src/model/report.js";

export type Call =
  | { op: "list"; issue: number }
  | { op: "create"; issue: number; body: string }
  | { op: "update"; id: number; body: string }
  | { op: "delete"; id: number }
  | { op: "createCheck"; body: CheckRunCreateBody }
  | { op: "updateCheck"; id: number; body: CheckRunUpdateBody }
  | { op: "findCheck"; headSha: string; name: string; externalId: string };

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message = `HTTP ${status}`,
  ) {
    super(message);
  }
}

/** An in-memory GitHubApi: records calls, keeps comments, fails on demand. */
export class FakeApi implements GitHubApi {
  calls: Call[] = [];
  comments: IssueComment[] = [];
  nextId = 100;
  /** Return an error to make the call fail. */
  failWith: (call: Call) => Error | undefined = () => undefined;
  /** Runs after a comment is created and before the next list (to simulate a racing run). */
  afterCreate: (() => void) | undefined;
  login = "github-actions[bot]";
  /** Check runs created so far (a create that fails after it took effect is here too). */
  checkRuns: Array<{ id: number; body: CheckRunCreateBody }> = [];
  /** Return an error to make a create fail *after* the check run exists (an ambiguous 5xx). */
  failAfterCreateCheck: (body: CheckRunCreateBody) => Error | undefined = () => undefined;

  private record(call: Call): void {
    this.calls.push(call);
    const err = this.failWith(call);
    if (err) throw err;
  }

  comment(
    body: string,
    user = { login: "github-actions[bot]", type: "Bot" },
    extra: Partial<IssueComment> = {},
  ) {
    const id = this.nextId++;
    const c: IssueComment = {
      id,
      body,
      user,
      created_at: new Date(Date.UTC(2026, 0, 1, 0, 0, id)).toISOString(),
      html_url: `https://github.com/o/r/pull/1#issuecomment-${id}`,
      ...extra,
    };
    this.comments.push(c);
    return c;
  }

  async listIssueComments(issue: number) {
    this.record({ op: "list", issue });
    return this.comments.map((c) => ({ ...c }));
  }
  async createIssueComment(issue: number, body: string) {
    this.record({ op: "create", issue, body });
    const c = this.comment(body, { login: this.login, type: "Bot" });
    const hook = this.afterCreate;
    this.afterCreate = undefined;
    hook?.();
    return { ...c };
  }
  async updateIssueComment(id: number, body: string) {
    this.record({ op: "update", id, body });
    const c = this.comments.find((x) => x.id === id);
    if (!c) throw new HttpError(404);
    c.body = body;
    return { ...c };
  }
  async deleteIssueComment(id: number) {
    this.record({ op: "delete", id });
    const i = this.comments.findIndex((x) => x.id === id);
    if (i < 0) throw new HttpError(404);
    this.comments.splice(i, 1);
  }
  async createCheckRun(body: CheckRunCreateBody) {
    this.record({ op: "createCheck", body });
    const id = this.checkRuns.length === 0 ? 42 : 42 + this.checkRuns.length;
    this.checkRuns.push({ id, body });
    const late = this.failAfterCreateCheck(body);
    if (late) throw late;
    return { id, html_url: `https://github.com/o/r/runs/${id}` };
  }
  async findCheckRun(headSha: string, name: string, externalId: string) {
    this.record({ op: "findCheck", headSha, name, externalId });
    const hit = this.checkRuns.find(
      (c) => c.body.head_sha === headSha && c.body.name === name && c.body.external_id === externalId,
    );
    return hit ? { id: hit.id, html_url: `https://github.com/o/r/runs/${hit.id}` } : null;
  }
  async updateCheckRun(id: number, body: CheckRunUpdateBody) {
    this.record({ op: "updateCheck", id, body });
  }
}

export interface IoRecord {
  outputs: Record<string, string>;
  failed: string[];
  info: string[];
  annotations: Array<{ level: "error" | "warning" | "notice"; message: string; props?: AnnotationProps }>;
  summary: string[];
  secrets: string[];
}

export function recordingIO(inputs: Record<string, string | undefined> = {}): ActionIO & { rec: IoRecord } {
  const rec: IoRecord = { outputs: {}, failed: [], info: [], annotations: [], summary: [], secrets: [] };
  return {
    rec,
    getInput: (n) => inputs[n],
    setOutput: (n, v) => {
      rec.outputs[n] = v;
    },
    setFailed: (m) => {
      rec.failed.push(m);
    },
    info: (m) => {
      rec.info.push(m);
    },
    warning: (message, props) => {
      rec.annotations.push({ level: "warning", message, ...(props ? { props } : {}) });
    },
    error: (message, props) => {
      rec.annotations.push({ level: "error", message, ...(props ? { props } : {}) });
    },
    notice: (message, props) => {
      rec.annotations.push({ level: "notice", message, ...(props ? { props } : {}) });
    },
    writeSummary: async (md) => {
      rec.summary.push(md);
    },
    setSecret: (v) => {
      rec.secrets.push(v);
    },
  };
}

export function finding(i: number, severity: Severity = "error", over: Partial<Finding> = {}): Finding {
  return {
    rule: "python-version-mismatch",
    severity,
    service: ".",
    file: "runtime.txt",
    line: i + 1,
    column: 1,
    endLine: i + 1,
    endColumn: 12,
    message: `finding ${i}: \`python-3.11\` in runtime.txt disagrees with \`3.12\` in .python-version`,
    fix: "Pick one version and delete the other file.",
    ...over,
  };
}

export function makeReport(findings: Finding[], failOn: Severity | "never" = "error"): Report {
  const counts = { error: 0, warning: 0, notice: 0 };
  for (const f of findings) counts[f.severity]++;
  const rank = { error: 0, warning: 1, notice: 2 } as const;
  const blocking = failOn !== "never" && findings.some((f) => rank[f.severity] <= rank[failOn]);
  return {
    schemaVersion: 1,
    tool: { name: "deploy-drift", version: "0.1.0" },
    root: "repo",
    runDate: "2026-11-26",
    services: [],
    findings,
    counts,
    failOn,
    blocking,
    changes: null,
  };
}

export type BaseCall =
  | { op: "files"; pr: number; page: number; perPage: number }
  | { op: "tree"; sha: string; recursive: boolean }
  | { op: "blob"; sha: string };

/**
 * An in-memory base revision behind BaseApi: `files` (repository paths → text, bytes or a symbolic
 * link), the pull request's changed files, Git-like SHAs (path-derived), a tree that can be marked
 * truncated, and failures on demand.
 */
export class FakeBaseApi implements BaseApi {
  calls: BaseCall[] = [];
  failWith: (call: BaseCall) => Error | undefined = () => undefined;
  /** Answer the recursive tree request with `truncated: true` (and only the top level). */
  truncated = false;
  private readonly blobs = new Map<string, Buffer>();

  constructor(
    readonly files: Record<string, string | Buffer | { symlinkTo: string }> = {},
    public changed: PullFile[] = [],
    readonly baseSha = "b".repeat(40),
  ) {
    for (const [p, v] of Object.entries(files)) {
      const bytes =
        typeof v === "string" ? Buffer.from(v) : Buffer.isBuffer(v) ? v : Buffer.from(v.symlinkTo);
      this.blobs.set(FakeBaseApi.sha("blob", p), bytes);
    }
  }

  static sha(kind: string, p: string): string {
    return createHash("sha1").update(`${kind}:${p}`).digest("hex");
  }

  private record(call: BaseCall): void {
    this.calls.push(call);
    const err = this.failWith(call);
    if (err) throw err;
  }

  /** Entries of folder `dir` ("" for the root), or of everything below it when `recursive`. */
  private entries(dir: string, recursive: boolean): GitTreeEntry[] {
    const out = new Map<string, GitTreeEntry>();
    const prefix = dir === "" ? "" : `${dir}/`;
    for (const [p, v] of Object.entries(this.files)) {
      if (!p.startsWith(prefix)) continue;
      const rest = p.slice(prefix.length).split("/");
      const depth = recursive ? rest.length : 1;
      for (let i = 1; i < depth; i++) {
        const sub = rest.slice(0, i).join("/");
        out.set(sub, { path: sub, mode: "040000", type: "tree", sha: FakeBaseApi.sha("tree", prefix + sub) });
      }
      if (!recursive && rest.length > 1) {
        out.set(rest[0]!, {
          path: rest[0]!,
          mode: "040000",
          type: "tree",
          sha: FakeBaseApi.sha("tree", prefix + rest[0]!),
        });
        continue;
      }
      const link = typeof v === "object" && !Buffer.isBuffer(v);
      out.set(rest.join("/"), {
        path: rest.join("/"),
        mode: link ? "120000" : "100644",
        type: "blob",
        sha: FakeBaseApi.sha("blob", p),
        size: this.blobs.get(FakeBaseApi.sha("blob", p))!.length,
      });
    }
    return [...out.values()].sort((a, b) => a.path.localeCompare(b.path));
  }

  async getTree(treeSha: string, recursive: boolean): Promise<GitTree> {
    this.record({ op: "tree", sha: treeSha, recursive });
    let dir: string | null = treeSha === this.baseSha ? "" : null;
    if (dir === null) {
      for (const p of Object.keys(this.files)) {
        const parts = p.split("/");
        for (let i = 1; i < parts.length; i++) {
          const d = parts.slice(0, i).join("/");
          if (FakeBaseApi.sha("tree", d) === treeSha) dir = d;
        }
      }
    }
    if (dir === null) throw new HttpError(404, "Not Found");
    if (recursive && this.truncated) return { tree: this.entries(dir, false), truncated: true };
    return { tree: this.entries(dir, recursive), truncated: false };
  }

  async getBlob(sha: string) {
    this.record({ op: "blob", sha });
    const b = this.blobs.get(sha);
    if (!b) throw new HttpError(404, "Not Found");
    // GitHub wraps base64 at 60 characters.
    return { content: b.toString("base64").replace(/(.{60})/g, "$1\n"), encoding: "base64" };
  }

  async listPullFiles(pr: number, page: number, perPage: number): Promise<PullFile[]> {
    this.record({ op: "files", pr, page, perPage });
    return this.changed.slice((page - 1) * perPage, page * perPage);
  }

  ops(): string[] {
    return this.calls.map((c) => c.op);
  }
}
