import * as fs from "node:fs";
import { describe, expect, it } from "vitest";
import { gitChangedFiles, gitWorkspace } from "../../src/repo/git.js";
import { MAX_FILE_BYTES } from "../../src/repo/workspace.js";
import { makeRepo } from "./git-repo.js";

describe("gitWorkspace", () => {
  const dir = makeRepo(
    {
      "app/requirements.txt": "fastapi==0.115.0\n",
      "app/link.txt": { symlinkTo: "requirements.txt" },
      "app/out.txt": { symlinkTo: "../secret.txt" },
      "app/abs.txt": { symlinkTo: "/etc/passwd" },
      "app/conf": { symlinkTo: "sub" },
      "app/sub/x.toml": "a = 1\n",
      "app/node_modules/p/requirements.txt": "x\n",
      "app/big.txt": "x".repeat(MAX_FILE_BYTES + 1),
      "app/bin.dat": "a\0b",
      "secret.txt": "s3cret\n",
    },
    { "app/requirements.txt": "fastapi==0.115.5\n", "app/new.txt": "n\n", "secret.txt": null },
  );
  const ws = gitWorkspace(`${dir}/app`, "HEAD~1");

  it("lists the revision's files below the folder, relative to it, skipping vendored folders", () => {
    expect(ws.files()).toEqual([
      "abs.txt",
      "big.txt",
      "bin.dat",
      "conf",
      "link.txt",
      "out.txt",
      "requirements.txt",
      "sub/x.toml",
    ]);
  });

  it("reads the revision's content, not the work tree's", () => {
    expect(ws.read("requirements.txt")).toMatchObject({ kind: "ok", text: "fastapi==0.115.0\n" });
    expect(ws.read("new.txt").kind).toBe("missing");
  });

  it("follows links inside the folder and refuses links that leave it", () => {
    expect(ws.read("link.txt")).toMatchObject({ kind: "ok", text: "fastapi==0.115.0\n" });
    expect(ws.read("conf/x.toml")).toMatchObject({ kind: "ok", text: "a = 1\n" });
    expect(ws.isDir("conf")).toBe(true);
    expect(ws.read("out.txt")).toMatchObject({ kind: "refused", reason: "symlink-outside-root" });
    expect(ws.read("abs.txt")).toMatchObject({ kind: "refused", reason: "symlink-outside-root" });
    expect(ws.read("../secret.txt")).toMatchObject({ kind: "refused", reason: "outside-root" });
    expect(ws.isFile("out.txt")).toBe(false);
  });

  it("caps the size and refuses binary content", () => {
    expect(ws.read("big.txt")).toMatchObject({ kind: "refused", reason: "too-large" });
    expect(ws.read("bin.dat")).toMatchObject({ kind: "refused", reason: "binary" });
    expect(ws.read("sub")).toMatchObject({ kind: "refused", reason: "not-a-file" });
  });

  it("lists changed files relative to the folder, including untracked ones", () => {
    fs.writeFileSync(`${dir}/app/untracked.txt`, "u\n");
    fs.writeFileSync(`${dir}/.gitignore`, "ignored.txt\n");
    fs.writeFileSync(`${dir}/app/ignored.txt`, "i\n");
    expect(gitChangedFiles(`${dir}/app`, "HEAD~1")).toEqual(["new.txt", "requirements.txt", "untracked.txt"]);
    expect(gitChangedFiles(dir, "HEAD~1")).toEqual([
      ".gitignore",
      "app/new.txt",
      "app/requirements.txt",
      "app/untracked.txt",
      "secret.txt",
    ]);
  });
});
