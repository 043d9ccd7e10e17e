// The wording shared by the three schema rules, with and without a suggestion.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/analyze.js";
import { MemoryWorkspace } from "../../src/repo/workspace.js";

const base = {
  "requirements.txt": "fastapi==0.115.0\nuvicorn==0.32.0\n",
  ".python-version": "3.12\n",
  "app/__init__.py": "",
  "app/main.py": "from fastapi import FastAPI\n\napp = FastAPI()\n",
};
const messages = (files: Record<string, string>, rule: string) =>
  analyze(new MemoryWorkspace({ ...base, ...files }), { today: new Date("2026-11-26T12:00:00Z") })
    .findings.filter((f) => f.rule === rule)
    .map((f) => `${f.message} | ${f.fix}`);

describe("unknown keys", () => {
  it("railway: a key with no close match", () => {
    const railway = { deploy: { startCommand: "uvicorn app.main:app --host 0.0.0.0 --port $PORT", env: {} } };
    expect(messages({ "railway.json": JSON.stringify(railway) }, "railway-unknown-key")).toEqual([
      "`deploy.env` is not a Railway config key; Railway ignores it | Remove `env`; see Railway's config-as-code reference for valid keys.",
    ]);
  });

  it("nixpacks: a key with no close match, and one with", () => {
    const toml =
      '[start]\ncmd = "uvicorn app.main:app --host 0.0.0.0 --port $PORT"\nflavour = "x"\n\n[phases.setup]\nnixpkg = ["..."]\n';
    expect(messages({ "nixpacks.toml": toml }, "nixpacks-unknown-key")).toEqual([
      "`start.flavour` in nixpacks.toml is not a Nixpacks key; Nixpacks silently ignores it | Remove it, or move it where Nixpacks reads it.",
      "`phases.setup.nixpkg` in nixpacks.toml is not a Nixpacks key; did you mean `nixPkgs`? Nixpacks silently ignores it | Rename it to `nixPkgs`.",
    ]);
  });

  it("railpack: wrong type on a service Railpack does not build", () => {
    const railpack = '{ "deploy": { "startCommand": ["uvicorn", "app.main:app"] } }';
    const railway = { build: { builder: "NIXPACKS" } };
    expect(
      messages(
        { "railpack.json": railpack, "railway.json": JSON.stringify(railway) },
        "railpack-unknown-key",
      ),
    ).toEqual([
      "`deploy.startCommand` in railpack.json must be a string, found an array; Railpack cannot read the file and the build fails (this service does not build with Railpack, so the file is dead) | Give `deploy.startCommand` a string value, in quotes.",
    ]);
  });
});
