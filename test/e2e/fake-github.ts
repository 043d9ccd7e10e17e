import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { Ajv, type ValidateFunction } from "ajv";

/**
 * A local stand-in for GitHub's REST API on 127.0.0.1, for running the built action end to end. It
 * serves the few operations the action uses, keeps comments and check runs in memory, records every
 * request, and validates each one (path and query parameters, JSON body) against GitHub's published
 * OpenAPI description, extracted into test/fixtures/github/openapi-subset.json by
 * scripts/extract-openapi.mjs. An invalid request is answered 422, as GitHub would, and recorded in
 * `violations`.
 *
 * It also serves the pull request's base revision (`base`): its changed files (`pulls/list-files`), its
 * tree (`git/get-tree`, recursive or one folder, optionally truncated) and blobs (`git/get-blob`), with
 * Git's own object ids.
 */

/** Operations that read the base revision; every other one publishes. */
export const BASE_OPERATIONS = new Set(["pulls/list-files", "git/get-tree", "git/get-blob"]);

export interface BaseRevision {
  sha: string;
  pullNumber: number;
  /** Repository paths → content, or a symbolic link. */
  files: Record<string, string | { symlinkTo: string }>;
  changed: Array<{ filename: string; status: string; previous_filename?: string }>;
  /** Answer `recursive=1` with `truncated: true` and the top folder only. */
  truncated?: boolean;
}

const gitSha = (kind: string, body: Buffer) =>
  createHash("sha1")
    .update(Buffer.concat([Buffer.from(`${kind} ${body.length}\0`), body]))
    .digest("hex");

interface OperationFixture {
  method: string;
  path: string;
  parameters: Array<{ name: string; in: string; required: boolean; schema: object }>;
  requestBody: object | null;
  successStatus: number;
  // biome-ignore lint/suspicious/noExplicitAny: example JSON from the spec
  responseExample: any;
}

interface Fixture {
  source: { version: string };
  operations: Record<string, OperationFixture>;
  webhooks: Record<string, object>;
  components: { schemas: Record<string, object> };
}

const fixture: Fixture = JSON.parse(
  fs.readFileSync(new URL("../fixtures/github/openapi-subset.json", import.meta.url), "utf8"),
);

const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
ajv.addSchema({ $id: "gh", components: fixture.components });
const local = (schema: object) =>
  JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"gh#/components/')) as object;

interface CompiledOperation {
  id: string;
  method: string;
  regex: RegExp;
  pathParams: string[];
  fixture: OperationFixture;
  body: ValidateFunction | null;
  params: Map<string, { in: string; required: boolean; validate: ValidateFunction }>;
}

const operations: CompiledOperation[] = Object.entries(fixture.operations).map(([id, op]) => {
  const pathParams: string[] = [];
  const regex = new RegExp(
    `^${op.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
      pathParams.push(name);
      return "([^/]+)";
    })}$`,
  );
  const params = new Map(
    op.parameters.map((p) => [
      p.name,
      { in: p.in, required: p.required, validate: ajv.compile(local(p.schema)) },
    ]),
  );
  return {
    id,
    method: op.method,
    regex,
    pathParams,
    fixture: op,
    body: op.requestBody ? ajv.compile(local(op.requestBody)) : null,
    params,
  };
});

/** Validates a webhook payload against the extracted webhook schema (e.g. webhook-pull-request-synchronize). */
export function validateWebhook(name: string, payload: unknown): string[] {
  const schema = fixture.webhooks[name];
  if (!schema) throw new Error(`no webhook schema ${name} in the fixture`);
  const v = ajv.compile(local(schema));
  return v(payload) ? [] : (v.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  operation: string | null;
  authorization: string | undefined;
  userAgent: string | undefined;
  // biome-ignore lint/suspicious/noExplicitAny: request JSON
  body: any;
  status: number;
}

export interface FakeComment {
  id: number;
  body: string;
  user: { login: string; type: "Bot" | "User" };
  created_at: string;
}

export interface CheckRunState {
  id: number;
  // biome-ignore lint/suspicious/noExplicitAny: request JSON
  create: any;
  // biome-ignore lint/suspicious/noExplicitAny: request JSON
  updates: any[];
  // biome-ignore lint/suspicious/noExplicitAny: annotation JSON
  annotations: any[];
}

export interface Fault {
  operation: string;
  status: number;
  message?: string;
  /** How many matching requests fail before the operation succeeds again. */
  times: number;
}

export class FakeGitHub {
  readonly requests: RecordedRequest[] = [];
  readonly violations: string[] = [];
  readonly comments: FakeComment[] = [];
  readonly checkRuns: CheckRunState[] = [];
  faults: Fault[] = [];
  /** The pull request's base revision; by default one whose change touched no file. */
  base: BaseRevision;
  /** When true every write answers 403 "Resource not accessible by integration" (read-only token). */
  readOnly = false;
  private nextId = 1000;
  private clock = Date.UTC(2026, 10, 26, 9, 0, 0);
  private server: http.Server | null = null;
  url = "";

  constructor(
    readonly owner = "Codertocat",
    readonly repo = "Hello-World",
    baseSha = "f95f852bd8fca8fcc58a9a2d6c842781e32a215e",
  ) {
    this.base = { sha: baseSha, pullNumber: 2, files: {}, changed: [] };
  }

  /** Seeds a comment, e.g. an earlier run's or a person's. */
  addComment(
    body: string,
    user: FakeComment["user"] = { login: "github-actions[bot]", type: "Bot" },
  ): FakeComment {
    const c = { id: this.nextId++, body, user, created_at: this.tick() };
    this.comments.push(c);
    return c;
  }

  /** Requests made since `from` (an index into `requests`), as "METHOD operation" strings. */
  ops(from = 0): string[] {
    return this.requests.slice(from).map((r) => `${r.method} ${r.operation ?? r.path}`);
  }

  /** The publishing requests since `from` (comments, check runs): base reads left out. */
  publishOps(from = 0): string[] {
    return this.requests
      .slice(from)
      .filter((r) => !BASE_OPERATIONS.has(r.operation ?? ""))
      .map((r) => `${r.method} ${r.operation ?? r.path}`);
  }

  /** How many requests read the base revision since `from`, by operation. */
  baseCounts(from = 0): Record<string, number> {
    const out: Record<string, number> = {};
    for (const r of this.requests.slice(from)) {
      if (BASE_OPERATIONS.has(r.operation ?? "")) out[r.operation!] = (out[r.operation!] ?? 0) + 1;
    }
    return out;
  }

  /** The base revision's blobs, folders and their entries, keyed by Git object id. */
  private baseObjects() {
    const blobs = new Map<string, { path: string; bytes: Buffer }>();
    const folders = new Map<
      string,
      Map<string, { mode: string; type: string; sha: string; size?: number }>
    >();
    const folder = (d: string) => {
      let f = folders.get(d);
      if (!f) {
        f = new Map();
        folders.set(d, f);
      }
      return f;
    };
    for (const [p, v] of Object.entries(this.base.files)) {
      const link = typeof v !== "string";
      const bytes = Buffer.from(link ? v.symlinkTo : v);
      const sha = gitSha("blob", bytes);
      blobs.set(sha, { path: p, bytes });
      const parts = p.split("/");
      for (let i = 0; i < parts.length - 1; i++) folder(parts.slice(0, i).join("/"));
      folder(parts.slice(0, -1).join("/")).set(parts.at(-1)!, {
        mode: link ? "120000" : "100644",
        type: "blob",
        sha,
        size: bytes.length,
      });
    }
    // Folder ids depend on their content, deepest first.
    const depth = (d: string) => (d === "" ? 0 : d.split("/").length);
    const treeSha = new Map<string, string>();
    for (const d of [...folders.keys()].sort((a, b) => depth(b) - depth(a))) {
      const parent = d === "" ? null : d.split("/").slice(0, -1).join("/");
      const entries = [...folders.get(d)!.entries()].sort(([a], [b]) => a.localeCompare(b));
      const sha = gitSha("tree", Buffer.from(JSON.stringify(entries)));
      treeSha.set(d, sha);
      if (parent !== null) folder(parent).set(d.split("/").at(-1)!, { mode: "040000", type: "tree", sha });
    }
    return { blobs, folders, treeSha };
  }

  // biome-ignore lint/suspicious/noExplicitAny: response JSON
  private treeJson(dir: string, recursive: boolean): any {
    const { folders, treeSha } = this.baseObjects();
    const tree: Array<{ path: string; mode: string; type: string; sha: string; size?: number; url: string }> =
      [];
    const walk = (d: string, prefix: string) => {
      for (const [name, e] of [...(folders.get(d) ?? new Map()).entries()].sort(([a], [b]) =>
        a.localeCompare(b),
      )) {
        const kind = e.type === "tree" ? "trees" : "blobs";
        tree.push({
          path: prefix + name,
          ...e,
          url: `${this.url}/repos/${this.owner}/${this.repo}/git/${kind}/${e.sha}`,
        });
        if (recursive && e.type === "tree") walk(d === "" ? name : `${d}/${name}`, `${prefix}${name}/`);
      }
    };
    walk(dir, "");
    const sha = treeSha.get(dir) ?? gitSha("tree", Buffer.from(""));
    return {
      sha,
      url: `${this.url}/repos/${this.owner}/${this.repo}/git/trees/${sha}`,
      tree,
      truncated: false,
    };
  }

  private tick(): string {
    this.clock += 1000;
    return new Date(this.clock).toISOString().replace(/\.\d{3}Z$/, "Z");
  }

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        try {
          this.handle(req, Buffer.concat(chunks).toString("utf8"), res);
        } catch (e) {
          this.violations.push(`fake server error: ${(e as Error).stack}`);
          send(res, 500, { message: "fake server error" });
        }
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Returns `true` once a response was sent (every path sends exactly one). */
  private handle(req: http.IncomingMessage, raw: string, res: http.ServerResponse): true {
    const u = new URL(req.url ?? "/", this.url);
    const method = req.method ?? "GET";
    const rec: RecordedRequest = {
      method,
      path: u.pathname,
      query: Object.fromEntries(u.searchParams),
      operation: null,
      authorization: req.headers.authorization,
      userAgent: req.headers["user-agent"],
      body: undefined,
      status: 0,
    };
    this.requests.push(rec);
    const reply = (status: number, body?: unknown, headers: Record<string, string> = {}): true => {
      rec.status = status;
      send(res, status, body, headers);
      return true;
    };

    let match: { op: CompiledOperation; params: Record<string, string> } | null = null;
    for (const op of operations) {
      const m = op.method === method ? op.regex.exec(u.pathname) : null;
      if (m) {
        match = {
          op,
          params: Object.fromEntries(op.pathParams.map((n, i) => [n, decodeURIComponent(m[i + 1]!)])),
        };
        break;
      }
    }
    if (!match) {
      this.violations.push(`unexpected endpoint ${method} ${u.pathname}`);
      return reply(404, { message: "Not Found" });
    }
    const { op, params } = match;
    rec.operation = op.id;

    // Parameters: path and query, typed as the description says.
    const problems: string[] = [];
    const coerce = (v: string) => (/^-?\d+$/.test(v) ? Number(v) : v);
    for (const [name, p] of op.params) {
      const value = p.in === "path" ? params[name] : p.in === "query" ? u.searchParams.get(name) : undefined;
      if (value === undefined || value === null) {
        if (p.required) problems.push(`missing ${p.in} parameter ${name}`);
        continue;
      }
      // Query and path values are strings on the wire; numbers are numbers where the schema says so.
      if (!p.validate(value) && !p.validate(coerce(value)))
        problems.push(`${p.in} parameter ${name}=${value}: ${ajv.errorsText(p.validate.errors)}`);
    }
    // The description says "max 100" in prose only.
    if (Number(u.searchParams.get("per_page") ?? 0) > 100) problems.push("per_page above 100");
    for (const name of u.searchParams.keys()) {
      if (!op.params.has(name)) problems.push(`unknown query parameter ${name}`);
    }
    if (params.owner !== this.owner || params.repo !== this.repo) {
      problems.push(`wrong repository ${params.owner}/${params.repo}`);
    }
    // Body.
    if (raw) {
      try {
        rec.body = JSON.parse(raw);
      } catch {
        problems.push("body is not JSON");
      }
    }
    if (op.body) {
      if (rec.body === undefined) problems.push("missing JSON body");
      else if (!op.body(rec.body))
        problems.push(`body: ${ajv.errorsText(op.body.errors, { separator: "; " })}`);
    } else if (rec.body !== undefined && method !== "GET") {
      problems.push("unexpected body");
    }
    if (!req.headers.authorization) problems.push("no Authorization header");
    if (problems.length) {
      this.violations.push(`${method} ${u.pathname} (${op.id}): ${problems.join("; ")}`);
      return reply(422, { message: "Validation Failed", errors: problems });
    }

    const fault = this.faults.find((f) => f.operation === op.id && f.times > 0);
    if (fault) {
      fault.times--;
      return reply(fault.status, { message: fault.message ?? `injected ${fault.status}` });
    }
    if (this.readOnly && method !== "GET") {
      return reply(403, {
        message: "Resource not accessible by integration",
        documentation_url: "https://docs.github.com/rest",
        status: "403",
      });
    }

    const example = op.fixture.responseExample;
    switch (op.id) {
      case "issues/list-comments": {
        const perPage = Number(u.searchParams.get("per_page") ?? 30);
        const page = Number(u.searchParams.get("page") ?? 1);
        const items = this.comments.slice((page - 1) * perPage, page * perPage);
        const last = Math.max(1, Math.ceil(this.comments.length / perPage));
        const headers: Record<string, string> = {};
        if (page < last) {
          const link = (p: number) => {
            const l = new URL(u.toString());
            l.searchParams.set("page", String(p));
            return `<${l.toString()}>`;
          };
          headers.link = `${link(page + 1)}; rel="next", ${link(last)}; rel="last"`;
        }
        return reply(
          200,
          items.map((c) => this.commentJson(c, example[0])),
          headers,
        );
      }
      case "issues/create-comment": {
        const c = this.addComment(rec.body.body);
        return reply(201, this.commentJson(c, example));
      }
      case "issues/update-comment": {
        const c = this.comments.find((x) => x.id === Number(params.comment_id));
        if (!c) return reply(404, { message: "Not Found" });
        if (c.user.login !== "github-actions[bot]") {
          this.violations.push(`edited a comment by ${c.user.login}`);
          return reply(403, { message: "Resource not accessible by integration" });
        }
        c.body = rec.body.body;
        return reply(200, this.commentJson(c, example));
      }
      case "issues/delete-comment": {
        const i = this.comments.findIndex((x) => x.id === Number(params.comment_id));
        if (i < 0) return reply(404, { message: "Not Found" });
        if (this.comments[i]!.user.login !== "github-actions[bot]") {
          this.violations.push(`deleted a comment by ${this.comments[i]!.user.login}`);
          return reply(403, { message: "Resource not accessible by integration" });
        }
        this.comments.splice(i, 1);
        return reply(204);
      }
      case "checks/create": {
        const run: CheckRunState = {
          id: this.nextId++,
          create: rec.body,
          updates: [],
          annotations: [...(rec.body.output?.annotations ?? [])],
        };
        this.checkRuns.push(run);
        return reply(201, this.checkRunJson(run, example));
      }
      case "pulls/list-files": {
        if (Number(params.pull_number) !== this.base.pullNumber) return reply(404, { message: "Not Found" });
        const perPage = Number(u.searchParams.get("per_page") ?? 30);
        const page = Number(u.searchParams.get("page") ?? 1);
        const all = this.base.changed;
        const items = all.slice((page - 1) * perPage, page * perPage).map((f) => ({
          ...example[0],
          sha: gitSha("blob", Buffer.from(f.filename)),
          filename: f.filename,
          status: f.status,
          ...(f.previous_filename ? { previous_filename: f.previous_filename } : {}),
        }));
        const last = Math.max(1, Math.ceil(all.length / perPage));
        const headers: Record<string, string> = {};
        if (page < last) {
          const l = new URL(u.toString());
          l.searchParams.set("page", String(page + 1));
          headers.link = `<${l.toString()}>; rel="next"`;
        }
        return reply(200, items, headers);
      }
      case "git/get-tree": {
        const { treeSha } = this.baseObjects();
        const sha = params.tree_sha!;
        const dir = sha === this.base.sha ? "" : [...treeSha.entries()].find(([, s]) => s === sha)?.[0];
        if (dir === undefined) return reply(404, { message: "Not Found" });
        const recursive = u.searchParams.has("recursive");
        if (recursive && this.base.truncated)
          return reply(200, { ...this.treeJson(dir, false), truncated: true });
        return reply(200, this.treeJson(dir, recursive));
      }
      case "git/get-blob": {
        const blob = this.baseObjects().blobs.get(params.file_sha!);
        if (!blob) return reply(404, { message: "Not Found" });
        return reply(200, {
          sha: params.file_sha,
          node_id: `B_${params.file_sha}`,
          size: blob.bytes.length,
          url: `${this.url}/repos/${this.owner}/${this.repo}/git/blobs/${params.file_sha}`,
          // GitHub wraps the base64 at 60 characters.
          content: blob.bytes.toString("base64").replace(/(.{60})/g, "$1\n"),
          encoding: "base64",
        });
      }
      case "checks/update": {
        const run = this.checkRuns.find((r) => r.id === Number(params.check_run_id));
        if (!run) return reply(404, { message: "Not Found" });
        run.updates.push(rec.body);
        run.annotations.push(...(rec.body.output?.annotations ?? []));
        return reply(200, this.checkRunJson(run, example));
      }
    }
    this.violations.push(`unhandled operation ${op.id}`);
    return reply(500, { message: "unhandled" });
  }

  // biome-ignore lint/suspicious/noExplicitAny: example JSON from the spec
  private commentJson(c: FakeComment, example: any) {
    const api = `${this.url}/repos/${this.owner}/${this.repo}`;
    return {
      ...example,
      id: c.id,
      node_id: `IC_${c.id}`,
      url: `${api}/issues/comments/${c.id}`,
      html_url: `https://github.com/${this.owner}/${this.repo}/pull/2#issuecomment-${c.id}`,
      issue_url: `${api}/issues/2`,
      body: c.body,
      user: { ...example.user, login: c.user.login, type: c.user.type },
      created_at: c.created_at,
      updated_at: c.created_at,
      performed_via_github_app: null,
    };
  }

  // biome-ignore lint/suspicious/noExplicitAny: example JSON from the spec
  private checkRunJson(run: CheckRunState, example: any) {
    const latest = run.updates.at(-1) ?? run.create;
    return {
      ...example,
      id: run.id,
      name: run.create.name,
      head_sha: run.create.head_sha,
      status: run.create.status ?? "queued",
      conclusion: run.create.conclusion ?? null,
      html_url: `https://github.com/${this.owner}/${this.repo}/runs/${run.id}`,
      output: { ...example.output, ...latest.output, annotations_count: run.annotations.length },
    };
  }
}

function send(
  res: http.ServerResponse,
  status: number,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const text = body === undefined ? "" : JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "x-github-api-version-selected": "2022-11-28",
    "x-ratelimit-limit": "1000",
    "x-ratelimit-remaining": "999",
    "x-ratelimit-reset": String(Math.floor(Date.now() / 1000) + 3600),
    ...headers,
  });
  res.end(text);
}
