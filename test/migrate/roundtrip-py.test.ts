/**
 * Round trip of `deploy-drift migrate --lang py` through deploy-drift's railway.py reader
 * (src/sources/railway-iac/py, the path analyze.ts uses): the model's fields (builder, commands,
 * paths, restart policy, cron, env) equal the old file's; the report of the migrated repository
 * loses `config-as-code-deprecated` and gains no finding. The py reader models only those fields,
 * so the other build/deploy keys (region, sleep, limits…) are checked for ts only (roundtrip.test.ts)
 * and here only as "no diagnostic" (the reader warns at a keyword or key the SDK drops).
 */
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { analyzeDetailed, analyzeRepo, loadParsers } from "../../src/analyze.js";
import { migrate } from "../../src/migrate/index.js";
import type { Finding } from "../../src/model/finding.js";
import { DiskWorkspace } from "../../src/repo/disk.js";
import { MemoryWorkspace, type Workspace } from "../../src/repo/workspace.js";
import { isRecord, parseJsonDoc, parseTomlDoc } from "../../src/sources/doc.js";
import { definiteValue, possibleValues } from "../../src/sources/railway-iac/model/types.js";
import { parseRailwayPy } from "../../src/sources/railway-iac/py/parse.js";

const ROOT = fileURLToPath(new URL("../fixtures/migrate/", import.meta.url));
const AFTER = new Date("2026-12-01T12:00:00Z");
const BEFORE = new Date("2026-11-30T12:00:00Z");
const CAC = /(^|\/)railway(\.[^/]+)?\.(json|toml)$/;
const FIELDS: Record<string, string> = {
  "build.builder": "builder",
  "build.buildCommand": "buildCommand",
  "build.dockerfilePath": "dockerfilePath",
  "build.watchPatterns": "watchPatterns",
  "build.nixpacksConfigPath": "nixpacksConfigPath",
  "deploy.startCommand": "startCommand",
  "deploy.preDeployCommand": "preDeployCommand",
  "deploy.healthcheckPath": "healthcheckPath",
  "deploy.healthcheckTimeout": "healthcheckTimeout",
  "deploy.restartPolicyType": "restartPolicyType",
  "deploy.restartPolicyMaxRetries": "restartPolicyMaxRetries",
  "deploy.cronSchedule": "cronSchedule",
};

async function generated(ws: Workspace): Promise<string> {
  let text = "";
  await migrate(ws, { lang: "py", today: AFTER, write: (_f, t) => (text = t) });
  return text;
}

function migrated(ws: Workspace, text: string): MemoryWorkspace {
  const files: Record<string, string> = {};
  for (const f of ws.files()) {
    const r = ws.read(f);
    if (!CAC.test(f) && r.kind === "ok") files[f] = r.text;
  }
  files[".railway/railway.py"] = text;
  return new MemoryWorkspace(files, ws.name);
}

const key = (f: Finding) =>
  f.found !== undefined
    ? `${f.rule}|${f.service}|${f.found}|${f.expected}`
    : `${f.rule}|${f.service}|${f.message}`;

describe.each(readdirSync(ROOT).sort())("migrate --lang py %s", (name) => {
  const ws = new DiskWorkspace(`${ROOT}${name}`);

  it("reads back through the railway.py reader with the old file's settings", async () => {
    const text = await generated(ws);
    const cfg = parseRailwayPy(".railway/railway.py", text);
    expect(cfg.diagnostics).toEqual([]);
    for (const f of ws.files().filter((x) => CAC.test(x))) {
      const r = ws.read(f);
      if (r.kind !== "ok") throw new Error(f);
      const v = (f.endsWith(".json") ? parseJsonDoc(f, r.text) : parseTomlDoc(f, r.text)).value as Record<
        string,
        Record<string, unknown>
      >;
      const dir = f.includes("/") ? f.slice(0, f.lastIndexOf("/")) : "";
      const svc = cfg.services.find((s) => (definiteValue(s.rootDirectory) ?? "") === dir)!;
      expect(svc, f).toBeTruthy();
      const overridden = new Set<string>();
      if (isRecord(v.environments))
        for (const body of Object.values(v.environments))
          if (isRecord(body))
            for (const g of ["build", "deploy"])
              if (isRecord(body[g])) for (const k of Object.keys(body[g])) overridden.add(`${g}.${k}`);
      for (const [path, field] of Object.entries(FIELDS)) {
        const [g, k] = path.split(".") as [string, string];
        const raw = v[g]?.[k];
        const got = svc[field as keyof typeof svc] as Parameters<typeof possibleValues>[0];
        if (raw === undefined) {
          if (!overridden.has(path)) expect(got, `${f} ${path}`).toBeNull();
          continue;
        }
        const want = k === "builder" || k === "restartPolicyType" ? String(raw).toUpperCase() : raw;
        const wantArr = k === "preDeployCommand" && typeof raw === "string" ? [raw] : want;
        // Overridden per environment (not for pr, a comment): both the base and the override.
        if (overridden.has(path) && got?.provenance !== "literal")
          expect(possibleValues(got)).toContainEqual(wantArr);
        else expect(possibleValues(got), `${f} ${path}`).toEqual([wantArr]);
      }
      const plan = v.build?.nixpacksPlan as { variables?: Record<string, string> } | undefined;
      for (const [n, val] of Object.entries(plan?.variables ?? {}))
        expect(definiteValue(svc.env.find((e) => e.name === n)?.value)).toBe(val);
    }
  });

  it("the migrated repository loses config-as-code-deprecated and gains no finding", async () => {
    const after = migrated(ws, await generated(ws));
    const original = await analyzeRepo(ws, { today: AFTER });
    const whileRead = await analyzeRepo(ws, { today: BEFORE });
    const now = await analyzeRepo(after, { today: AFTER });
    expect(now.findings.filter((f) => f.rule === "config-as-code-deprecated")).toEqual([]);
    const had = new Set([...original.findings, ...whileRead.findings].map(key));
    expect(now.findings.filter((f) => !had.has(key(f)))).toEqual([]);
    if (name === "custom-path" || name === "environments") return;
    const effective = (s: {
      root: string;
      builder: { name: string };
      start: { effective: Record<string, { command: string } | null> };
    }) => ({
      root: s.root,
      builder: s.builder.name,
      start: s.start.effective[s.builder.name]?.command ?? null,
    });
    const before = analyzeDetailed(ws, { today: BEFORE, parsers: await loadParsers(ws) }).services;
    const then = analyzeDetailed(after, { today: AFTER, parsers: await loadParsers(after) }).services;
    expect(then.map(effective)).toEqual(before.map(effective));
  });
});
