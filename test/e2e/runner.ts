import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { ACTION_YML_DEFAULTS } from "../../src/config/inputs.js";

/**
 * Runs the committed bundle `dist/index.js` the way the GitHub runner does: a fresh environment with
 * the GITHUB_* variables, every input as `INPUT_<NAME>` (hyphens kept, action.yml defaults filled in),
 * per-step GITHUB_OUTPUT / GITHUB_STEP_SUMMARY / GITHUB_ENV / GITHUB_STATE / GITHUB_PATH files, the event
 * payload at GITHUB_EVENT_PATH, and the workspace as the working directory.
 */

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const DIST = path.join(ROOT, "dist/index.js");
export const PAYLOAD_PATH = path.join(ROOT, "test/fixtures/github/pull_request.synchronize.json");
export const MERGE_SHA = "5b2bb1b6e9c9e2b4d1f7c2b0c3a8a1f0e2d4c6b8";

export interface RunOptions {
  apiUrl: string;
  workspace: string;
  inputs?: Record<string, string>;
  eventName?: string;
  // biome-ignore lint/suspicious/noExplicitAny: webhook JSON
  payload?: any;
  env?: Record<string, string>;
}

export interface WorkflowCommand {
  command: string;
  properties: Record<string, string>;
  message: string;
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  commands: WorkflowCommand[];
  ms: number;
}

export function loadPayload(): // biome-ignore lint/suspicious/noExplicitAny: webhook JSON
any {
  return JSON.parse(fs.readFileSync(PAYLOAD_PATH, "utf8"));
}

/** Parses `name<<delimiter\nvalue\ndelimiter` records written by @actions/core. */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i]!);
    if (!m) continue;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]!);
    out[m[1]!] = value.join("\n");
  }
  return out;
}

const unescapeData = (s: string) => s.replace(/%0D/g, "\r").replace(/%0A/g, "\n").replace(/%25/g, "%");
const unescapeProp = (s: string) => unescapeData(s).replace(/%3A/g, ":").replace(/%2C/g, ",");

export function parseCommands(stdout: string): WorkflowCommand[] {
  const out: WorkflowCommand[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    const m = /^::([a-zA-Z-]+)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!m) continue;
    const properties: Record<string, string> = {};
    for (const kv of (m[2] ?? "").split(",").filter(Boolean)) {
      const i = kv.indexOf("=");
      properties[kv.slice(0, i)] = unescapeProp(kv.slice(i + 1));
    }
    out.push({ command: m[1]!, properties, message: unescapeData(m[3]!) });
  }
  return out;
}

export async function runAction(o: RunOptions): Promise<RunResult> {
  const step = fs.mkdtempSync(path.join(os.tmpdir(), "deploy-drift-step-"));
  const files = {
    GITHUB_OUTPUT: path.join(step, "output"),
    GITHUB_STEP_SUMMARY: path.join(step, "summary.md"),
    GITHUB_ENV: path.join(step, "env"),
    GITHUB_STATE: path.join(step, "state"),
    GITHUB_PATH: path.join(step, "path"),
  };
  for (const f of Object.values(files)) fs.writeFileSync(f, "");
  const eventPath = path.join(step, "event.json");
  fs.writeFileSync(eventPath, JSON.stringify(o.payload ?? loadPayload()));
  const runnerTemp = path.join(step, "temp");
  fs.mkdirSync(runnerTemp);

  const inputs: Record<string, string> = {
    ...ACTION_YML_DEFAULTS,
    "github-token": "fake-token",
    ...o.inputs,
  };
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: process.env.HOME ?? step,
    CI: "true",
    GITHUB_ACTIONS: "true",
    GITHUB_EVENT_NAME: o.eventName ?? "pull_request",
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: "Codertocat/Hello-World",
    GITHUB_REPOSITORY_OWNER: "Codertocat",
    GITHUB_SHA: MERGE_SHA,
    GITHUB_REF: "refs/pull/2/merge",
    GITHUB_HEAD_REF: "changes",
    GITHUB_BASE_REF: "master",
    GITHUB_WORKSPACE: o.workspace,
    GITHUB_API_URL: o.apiUrl,
    GITHUB_SERVER_URL: "https://github.com",
    GITHUB_GRAPHQL_URL: `${o.apiUrl}/graphql`,
    GITHUB_RUN_ID: "4242",
    GITHUB_RUN_NUMBER: "17",
    GITHUB_RUN_ATTEMPT: "1",
    GITHUB_JOB: "drift",
    GITHUB_ACTOR: "Codertocat",
    GITHUB_TRIGGERING_ACTOR: "Codertocat",
    GITHUB_WORKFLOW: "CI",
    GITHUB_ACTION: "__self",
    RUNNER_OS: "Linux",
    RUNNER_ARCH: "X64",
    RUNNER_NAME: "fake-runner",
    RUNNER_ENVIRONMENT: "github-hosted",
    RUNNER_TEMP: runnerTemp,
    RUNNER_TOOL_CACHE: path.join(step, "tool-cache"),
    ...files,
    ...o.env,
  };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.replace(/ /g, "_").toUpperCase()}`] = v;

  const started = Date.now();
  const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>(
    (resolve) => {
      execFile(
        process.execPath,
        [DIST],
        { cwd: o.workspace, env, timeout: 60_000, maxBuffer: 64 * 1024 * 1024 },
        (err, stdout, stderr) => {
          const code = err ? (typeof err.code === "number" ? err.code : null) : 0;
          resolve({ code, stdout, stderr });
        },
      );
    },
  );
  const result: RunResult = {
    code,
    stdout,
    stderr,
    outputs: parseOutputFile(fs.readFileSync(files.GITHUB_OUTPUT, "utf8")),
    summary: fs.readFileSync(files.GITHUB_STEP_SUMMARY, "utf8"),
    commands: parseCommands(stdout),
    ms: Date.now() - started,
  };
  return result;
}
