// iac-not-applied: a change to railway.ts / railway.py settings with and without a workflow that applies it.
import { describe, expect, it } from "vitest";
import { analyzeChange, makeRepo } from "./git-repo.js";

const APP = {
  ".python-version": "3.12\n",
  "main.py": "from fastapi import FastAPI\n\napp = FastAPI()\n",
  "requirements.txt": "fastapi==0.115.0\nuvicorn==0.32.0\n",
};
const ts = (start: string) => `import { defineRailway, project, service } from "railway/iac";

export default defineRailway(() => {
  const api = service("api", {
    start: "${start}",
  });
  return project("shop", { resources: [api] });
});
`;
const py = (start: string) => `from railway_sdk import define_railway, project, service


@define_railway
def main(ctx=None):
    api = service("api", start="${start}")
    return project("shop", resources=[api])
`;
const START = "uvicorn main:app --host 0.0.0.0 --port $PORT";
const NEW_START = "uvicorn main:app --host 0.0.0.0 --port $PORT --workers 2";
const APPLY = `name: railway
on:
  push:
    branches: [main]
jobs:
  apply:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: npx @railway/cli config apply --yes
        env:
          RAILWAY_TOKEN: \${{ secrets.RAILWAY_TOKEN }}
`;
const RAILWAY_ACTION = APPLY.replace(
  / {6}- run: npx @railway\/cli config apply --yes\n.*\n.*\n/,
  "      - uses: railwayapp/config@v1\n",
);

const pick = (dir: string) => analyzeChange(dir).report.findings.filter((f) => f.rule === "iac-not-applied");

describe("iac-not-applied", () => {
  it.each([
    [".railway/railway.ts", ts],
    [".railway/railway.py", py],
  ])("warns when %s settings change and no workflow applies them", (file, make) => {
    const dir = makeRepo({ ...APP, [file]: make(START) }, { [file]: make(NEW_START) });
    const found = pick(dir);
    expect(found.map((f) => [f.severity, f.file, f.line])).toEqual([
      ["warning", file, file.endsWith(".ts") ? 4 : 6],
    ]);
    expect(found[0]!.message).toContain("`api` (startCommand)");
    expect(found[0]!.message).toContain("merging deploys the new code with the old settings");
  });

  it("names the job that applies them (railway config apply, railwayapp/config)", () => {
    for (const wf of [APPLY, RAILWAY_ACTION]) {
      const dir = makeRepo(
        { ...APP, ".railway/railway.ts": ts(START), ".github/workflows/railway.yml": wf },
        { ".railway/railway.ts": ts(NEW_START) },
      );
      const found = pick(dir);
      expect(found.map((f) => f.severity)).toEqual(["notice"]);
      expect(found[0]!.message).toMatch(
        /job `apply` in \.github\/workflows\/railway\.yml applies them \((railway config apply|railwayapp\/config)\)/,
      );
    }
  });

  it("stays silent when the IaC file changes but no setting does (a comment)", () => {
    const dir = makeRepo(
      { ...APP, ".railway/railway.ts": ts(START) },
      { ".railway/railway.ts": `// shop\n${ts(START)}` },
    );
    expect(pick(dir)).toEqual([]);
  });

  it("stays silent when the change does not touch .railway/", () => {
    const dir = makeRepo(
      { ...APP, ".railway/railway.ts": ts(START) },
      { "main.py": `${APP["main.py"]}# v2\n` },
    );
    expect(pick(dir)).toEqual([]);
  });
});
