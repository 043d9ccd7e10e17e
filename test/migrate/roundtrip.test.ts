/**
 * Round trip of `deploy-drift migrate`: the printed railway.ts, read back by deploy-drift's own IaC
 * reader, carries every setting of the config-as-code file it replaces (every key of RAILWAY_SPEC is
 * exercised by some fixture, checked below), and the migrated repository's report loses
 * `config-as-code-deprecated` and gains no finding.
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
import { RAILWAY_SPEC } from "../../src/sources/railway.js";
import { definiteValue, possibleValues } from "../../src/sources/railway-iac/model/types.js";
import { parseRailwayTs } from "../../src/sources/railway-iac/ts/parse.js";
import { readBack } from "./readback.js";

const ROOT = fileURLToPath(new URL("../fixtures/migrate/", import.meta.url));
const FIXTURES = readdirSync(ROOT).sort();
const AFTER = new Date("2026-12-01T12:00:00Z");
const BEFORE = new Date("2026-11-30T12:00:00Z");
const CAC = /(^|\/)railway(\.[^/]+)?\.(json|toml)$/;

async function generated(
  ws: Workspace,
  lang: "ts" | "py",
): Promise<{ file: string; text: string; out: string }> {
  let file = "";
  let text = "";
  const res = await migrate(ws, {
    lang,
    today: AFTER,
    write: (f, t) => {
      file = f;
      text = t;
    },
  });
  return { file, text, out: res.text };
}

function oldFiles(ws: Workspace): Array<{ file: string; value: Record<string, unknown> }> {
  return ws
    .files()
    .filter((f) => CAC.test(f))
    .map((f) => {
      const r = ws.read(f);
      if (r.kind !== "ok") throw new Error(f);
      const doc = f.endsWith(".json") ? parseJsonDoc(f, r.text) : parseTomlDoc(f, r.text);
      return { file: f, value: doc.value as Record<string, unknown> };
    });
}

function migratedWorkspace(ws: Workspace, file: string, text: string): MemoryWorkspace {
  const files: Record<string, string> = {};
  for (const f of ws.files()) {
    if (CAC.test(f)) continue;
    const r = ws.read(f);
    if (r.kind === "ok") files[f] = r.text;
  }
  files[file] = text;
  return new MemoryWorkspace(files, ws.name);
}

/** Same rule, service and found/expected values (the message when it has none); the file may move. */
const key = (f: Finding) =>
  f.found !== undefined
    ? `${f.rule}|${f.service}|${f.found}|${f.expected}`
    : `${f.rule}|${f.service}|${f.message}`;
const upper = (v: unknown) => (typeof v === "string" ? v.toUpperCase() : v);

/** Every build/deploy key any fixture's base section sets, to check the catalogue is covered. */
const covered = new Set<string>();

describe.each(FIXTURES)("migrate %s", (name) => {
  const ws = new DiskWorkspace(`${ROOT}${name}`);

  it("the generated railway.ts reads back with every setting of the old file", async () => {
    const { file, text } = await generated(ws, "ts");
    expect(file).toBe(".railway/railway.ts");
    const cfg = parseRailwayTs(file, text);
    expect(cfg.diagnostics).toEqual([]);
    const back = readBack(text);
    const olds = oldFiles(ws);
    expect(back.length).toBe(olds.length);
    for (const old of olds) {
      const dir = old.file.includes("/") ? old.file.slice(0, old.file.lastIndexOf("/")) : "";
      // The service whose root is the old file's folder (custom-path files: named after the file).
      const svc = cfg.services.find((s) => (definiteValue(s.rootDirectory) ?? "") === dir)!;
      expect(svc).toBeTruthy();
      const rb = back.find((b) => b.name === definiteValue(svc.name))!;
      for (const group of ["build", "deploy"] as const) {
        const section = old.value[group];
        if (!isRecord(section)) continue;
        for (const [k, v] of Object.entries(section)) {
          const spec = RAILWAY_SPEC.type === "object" ? RAILWAY_SPEC.fields[group] : null;
          if (spec?.type !== "object" || !spec.fields[k]) continue; // unknown keys: a comment
          covered.add(`${group}.${k}`);
          const expected = k === "builder" || k === "restartPolicyType" ? upper(v) : v;
          const expectedArr = k === "preDeployCommand" && typeof v === "string" ? [v] : expected;
          if (k === "nixpacksPlan") {
            // Split into service variables and the rest of the plan; together they are the plan.
            const plan = v as Record<string, unknown>;
            const vars = (plan.variables ?? {}) as Record<string, string>;
            for (const [n, val] of Object.entries(vars)) expect(rb.env[n]).toBe(val);
            const start = (plan.start as { cmd?: string } | undefined)?.cmd;
            if (start) expect(rb.env.NIXPACKS_START_CMD).toBe(start);
            const phases = (plan.phases ?? {}) as Record<string, Record<string, unknown>>;
            for (const [ph, body] of Object.entries(phases)) {
              const left = ((rb.build.nixpacksPlan as Record<string, unknown> | undefined)?.phases ??
                {}) as Record<string, Record<string, unknown>>;
              for (const [lk, lv] of Object.entries(body)) {
                if (lk === "cmds" && left[ph]?.cmds === undefined)
                  expect(rb.env[`NIXPACKS_${ph.toUpperCase()}_CMD`]).toBe((lv as string[]).join(" && "));
                else expect(left[ph]?.[lk]).toEqual(lv);
              }
            }
            continue;
          }
          const read = group === "build" ? rb.build[k] : rb.deploy[k];
          // Overridden per environment: a ctx ternary, checked with the environments below.
          if (isRecord(read) && "$cands" in read) continue;
          expect(read, `${old.file} ${group}.${k}`).toEqual(expectedArr);
          // The model's own fields (what the rules see) agree too.
          const field = {
            builder: svc.builder,
            buildCommand: svc.buildCommand,
            dockerfilePath: svc.dockerfilePath,
            watchPatterns: svc.watchPatterns,
            nixpacksConfigPath: svc.nixpacksConfigPath,
            startCommand: svc.startCommand,
            preDeployCommand: svc.preDeployCommand,
            healthcheckPath: svc.healthcheckPath,
            healthcheckTimeout: svc.healthcheckTimeout,
            restartPolicyType: svc.restartPolicyType,
            restartPolicyMaxRetries: svc.restartPolicyMaxRetries,
            cronSchedule: svc.cronSchedule,
          }[k];
          if (field !== undefined) expect(possibleValues(field as never)).toEqual([expectedArr]);
        }
      }
      // environments.<name>: the reader sees both values of each ctx ternary.
      const envs = old.value.environments;
      if (isRecord(envs)) {
        for (const [env, body] of Object.entries(envs)) {
          if (!isRecord(body) || env === "pr") continue;
          for (const group of ["build", "deploy"] as const) {
            const section = body[group];
            if (!isRecord(section)) continue;
            for (const [k, v] of Object.entries(section)) {
              covered.add(`environments.*.${group}.${k}`);
              const read = (group === "build" ? rb.build : rb.deploy)[k] as { $cands?: unknown[] };
              expect(read?.$cands, `environments.${env}.${group}.${k}`).toContain(v);
              const base = (old.value[group] as Record<string, unknown> | undefined)?.[k];
              expect(read.$cands).toContain(base);
            }
          }
          expect(text).toContain(`ctx.environment === ${JSON.stringify(env)}`);
        }
      }
    }
  });

  it("the migrated repository loses config-as-code-deprecated and gains no finding", async () => {
    const { file, text } = await generated(ws, "ts");
    const after = migratedWorkspace(ws, file, text);
    const original = await analyzeRepo(ws, { today: AFTER });
    const migrated = await analyzeRepo(after, { today: AFTER });
    // The model reads no custom-path file (facts/discover.ts), so it reports none for it.
    if (name !== "custom-path")
      expect(original.findings.some((f) => f.rule === "config-as-code-deprecated")).toBe(true);
    expect(migrated.findings.filter((f) => f.rule === "config-as-code-deprecated")).toEqual([]);
    // Every finding of the migrated repository was already reported for the same service: now, or
    // while Railway still read the old file (a setting it restores, e.g. the Nixpacks builder, brings
    // back what that setting implied).
    const whileRead = await analyzeRepo(ws, { today: BEFORE });
    const had = new Set([...original.findings, ...whileRead.findings].map(key));
    expect(migrated.findings.filter((f) => !had.has(key(f)))).toEqual([]);
  });

  it("the model of the migrated repository deploys what the old file deployed", async () => {
    const { file, text } = await generated(ws, "ts");
    const after = migratedWorkspace(ws, file, text);
    const before = analyzeDetailed(ws, { today: BEFORE, parsers: await loadParsers(ws) }).services;
    const now = analyzeDetailed(after, { today: AFTER, parsers: await loadParsers(after) }).services;
    const effective = (s: (typeof now)[number]) => ({
      root: s.root,
      builder: s.builder.name,
      start: s.start.effective[s.builder.name]?.command ?? null,
      dockerfile: s.dockerfile,
    });
    // A start command that environments override is a ctx ternary: both values, the base among them.
    for (const s of now) {
      const ts = s.railwayTs?.startCommand;
      if (ts?.provenance !== "candidates") continue;
      const b = before.find((x) => x.root === s.root)!;
      expect(possibleValues(ts)).toContain(b.start.effective[b.builder.name]?.command);
      s.start.effective[s.builder.name] = b.start.effective[b.builder.name]!;
    }
    // Custom-path files are not read by the model: nothing to compare for them.
    if (name === "custom-path") return;
    expect(now.map(effective)).toEqual(before.map(effective));
  });
});

describe("migrate covers the config-as-code key catalogue", () => {
  it("every build/deploy key of RAILWAY_SPEC is exercised by a fixture", () => {
    const spec = RAILWAY_SPEC.type === "object" ? RAILWAY_SPEC.fields : {};
    const all: string[] = [];
    for (const g of ["build", "deploy"]) {
      const s = spec[g];
      if (s?.type === "object") for (const k of Object.keys(s.fields)) all.push(`${g}.${k}`);
    }
    // Runs after the fixture suites (vitest runs describe blocks in order).
    expect(all.filter((k) => !covered.has(k))).toEqual([]);
  });
});
