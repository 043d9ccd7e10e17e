/** Real git repositories in temporary folders: a base commit, then a head commit on top of it. */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as nodePath from "node:path";
import { type Analysis, analyzeDetailed } from "../../src/analyze.js";
import { DiskWorkspace } from "../../src/repo/disk.js";
import { gitChangedFiles, gitWorkspace } from "../../src/repo/git.js";
import { ALL_PARSERS } from "../helpers/parsers.js";

/** A file's content; null deletes it; `{ symlinkTo }` makes a symbolic link. */
export type Files = Record<string, string | null | { symlinkTo: string }>;

export function git(dir: string, ...args: string[]): string {
  return execFileSync(
    "git",
    [
      "-c",
      "user.name=t",
      "-c",
      "user.email=t@t",
      "-c",
      "commit.gpgsign=false",
      "-c",
      "init.defaultBranch=main",
      ...args,
    ],
    { cwd: dir, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
  );
}

export function writeFiles(dir: string, files: Files): void {
  for (const [rel, content] of Object.entries(files)) {
    const abs = nodePath.join(dir, rel);
    if (content === null) {
      fs.rmSync(abs, { force: true });
      continue;
    }
    fs.mkdirSync(nodePath.dirname(abs), { recursive: true });
    fs.rmSync(abs, { force: true });
    if (typeof content === "string") fs.writeFileSync(abs, content);
    else fs.symlinkSync(content.symlinkTo, abs);
  }
}

export function commit(dir: string, message: string): void {
  git(dir, "add", "-A");
  git(dir, "commit", "-q", "--allow-empty", "-m", message);
}

/** A repository whose HEAD~1 holds `base` and whose HEAD holds `base` changed by `head`. */
export function makeRepo(base: Files, head: Files): string {
  const dir = fs.mkdtempSync(nodePath.join(os.tmpdir(), "deploy-drift-changes-"));
  git(dir, "init", "-q");
  writeFiles(dir, base);
  commit(dir, "base");
  writeFiles(dir, head);
  commit(dir, "head");
  return dir;
}

export const TODAY = new Date("2026-11-26T12:00:00Z");

/** Analyses the work tree of `dir` against `HEAD~1`, the way `--base HEAD~1` does. */
export function analyzeChange(dir: string, labels: string[] = []): Analysis {
  return analyzeDetailed(new DiskWorkspace(dir), {
    today: TODAY,
    parsers: ALL_PARSERS,
    base: { ws: gitWorkspace(dir, "HEAD~1"), changedFiles: gitChangedFiles(dir, "HEAD~1"), labels },
  });
}

/** A small, consistent Railpack service. */
export const SERVICE: Files = {
  ".python-version": "3.12\n",
  "main.py": "from fastapi import FastAPI\n\napp = FastAPI()\n",
  "railway.json": JSON.stringify(
    {
      build: { builder: "RAILPACK" },
      deploy: { startCommand: "uvicorn main:app --host 0.0.0.0 --port $PORT" },
    },
    null,
    2,
  ),
  "requirements.txt": "fastapi==0.115.0\nuvicorn==0.32.0\n",
  "requirements.lock": "fastapi==0.115.0\nuvicorn==0.32.0\n",
};
