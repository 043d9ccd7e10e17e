import { describe, expect, it } from "vitest";
import { analyzeChange, makeRepo, SERVICE } from "./git-repo.js";

const RAILWAY_JSON = `{
  "build": { "builder": "RAILPACK", "watchPatterns": ["app/**"] },
  "deploy": {
    "startCommand": "uvicorn main:app --host 0.0.0.0 --port $PORT",
    "restartPolicyType": "ALWAYS"
  }
}
`;

const RAILWAY_TS = `import { defineRailway, project, service } from "railway/iac";

export default defineRailway(() => {
  const api = service("api", {
    build: { builder: "RAILPACK" },
    start: "uvicorn main:app --host 0.0.0.0 --port $PORT",
  });
  return project("shop", { resources: [api] });
});
`;

describe("a pull request that replaces railway.json with .railway/railway.ts", () => {
  it("warns, at the old file's lines, about every setting the new file lacks", () => {
    const dir = makeRepo(
      { ...SERVICE, "railway.json": RAILWAY_JSON },
      { "railway.json": null, ".railway/railway.ts": RAILWAY_TS },
    );
    const found = analyzeChange(dir)
      .report.findings.filter((f) => f.rule === "railway-migration-incomplete")
      .map((f) => [f.file, f.line, f.severity, f.message.match(/`([\w.]+)`/)?.[1]]);
    expect(found).toEqual([
      ["railway.json", 2, "warning", "build.watchPatterns"],
      ["railway.json", 5, "warning", "deploy.restartPolicyType"],
    ]);
  });

  it("stays silent when railway.ts carries every setting", () => {
    const full = RAILWAY_TS.replace(
      'build: { builder: "RAILPACK" },',
      'build: { builder: "RAILPACK", watchPatterns: ["app/**"] },\n    deploy: { restartPolicyType: "ALWAYS" },',
    );
    const dir = makeRepo(
      { ...SERVICE, "railway.json": RAILWAY_JSON },
      { "railway.json": null, ".railway/railway.ts": full },
    );
    expect(
      analyzeChange(dir).report.findings.filter((f) => f.rule === "railway-migration-incomplete"),
    ).toEqual([]);
  });
});
