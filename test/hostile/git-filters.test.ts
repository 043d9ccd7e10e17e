/**
 * Issue 12 item 10: `--base` runs `git diff` against the work tree, which makes git hash changed files
 * through the filter drivers `.gitattributes` names. A repository's `.git/config` can point those
 * drivers (and textconv, external diff) at any command: none of them may ever run.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as nodePath from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { gitChangedFiles, gitWorkspace } from "../../src/repo/git.js";
import { cleanupTempDirs, tempDir, writeRepo } from "./helpers.js";

afterAll(cleanupTempDirs);

function git(dir: string, ...args: string[]): string {
  return execFileSync(
    "git",
    ["-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false", ...args],
    { cwd: dir, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
  );
}

describe.runIf(process.platform !== "win32")("git never runs the repository's commands", () => {
  it("no filter driver, textconv or external diff from .git/config runs during --base", () => {
    const dir = tempDir("dd-gitfilter-");
    const marker = nodePath.join(dir, "..", `${nodePath.basename(dir)}-ran`);
    git(dir, "init", "-q");
    writeRepo(dir, {
      ".gitattributes": "* filter=evil diff=evil\n",
      "requirements.txt": "fastapi==0.115.0\n",
    });
    git(dir, "add", "-A");
    git(dir, "commit", "-q", "-m", "base");
    // Configured after the commit (so the test's own commit ran no filter); each command leaves a mark.
    const cmd = (what: string) => `sh -c 'echo ${what} >> "${marker}"; cat'`;
    git(dir, "config", "filter.evil.clean", cmd("clean"));
    git(dir, "config", "filter.evil.smudge", cmd("smudge"));
    git(dir, "config", "filter.evil.required", "true");
    git(dir, "config", "diff.evil.textconv", cmd("textconv"));
    git(dir, "config", "diff.evil.command", cmd("diff-command"));
    git(dir, "config", "diff.external", cmd("external"));
    fs.writeFileSync(nodePath.join(dir, "requirements.txt"), "fastapi==0.116.0\n");
    fs.writeFileSync(nodePath.join(dir, "new.txt"), "x\n");

    expect(gitChangedFiles(dir, "HEAD")).toEqual(["new.txt", "requirements.txt"]);
    const ws = gitWorkspace(dir, "HEAD");
    expect(ws.read("requirements.txt")).toMatchObject({ kind: "ok", text: "fastapi==0.115.0\n" });
    expect(fs.existsSync(marker) ? fs.readFileSync(marker, "utf8") : "").toBe("");
    fs.rmSync(marker, { force: true });
  });
});
