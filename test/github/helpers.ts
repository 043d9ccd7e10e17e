import type {
  CheckRunCreateBody,
  CheckRunUpdateBody,
  GitHubApi,
  IssueComment,
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
  | { op: "updateCheck"; id: number; body: CheckRunUpdateBody };

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
    return { id: 42, html_url: "https://github.com/o/r/runs/42" };
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
}

export function recordingIO(inputs: Record<string, string | undefined> = {}): ActionIO & { rec: IoRecord } {
  const rec: IoRecord = { outputs: {}, failed: [], info: [], annotations: [], summary: [] };
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
