/**
 * Reads a generated `.railway/railway.ts` back with deploy-drift's own IaC reader
 * (src/sources/railway-iac/ts): `parseRailwayTs` for the fields the model uses, and the same evaluator
 * underneath for the `build` / `deploy` keys the model does not extract (region, sleep, limits…),
 * normalised as railway@3.11.0 `service()` does (railway-iac.md §2.4): `start` → deploy.startCommand,
 * `preDeploy` → deploy.preDeployCommand (always an array), `healthcheck` → deploy.healthcheckPath,
 * `healthcheckTimeout`, `replicas: n` → deploy.numReplicas; `build` and `deploy` objects as written.
 */
import { parse } from "@babel/parser";
import type * as t from "@babel/types";
import { LineIndex } from "../../src/model/span.js";
import { type AV, Scope } from "../../src/sources/railway-iac/model/values.js";
import { scanAst } from "../../src/sources/railway-iac/ts/checks.js";
import { Evaluator } from "../../src/sources/railway-iac/ts/evaluate.js";

export type Plain = unknown;

/** A definite value as plain data; `{ $cands: [...] }` for a ctx ternary; throws on anything unknown. */
export function plain(ev: Evaluator, v: AV): Plain {
  switch (v.t) {
    case "prim":
      return v.value;
    case "arr":
      return v.items.map((i) => plain(ev, i));
    case "obj": {
      const out: Record<string, Plain> = {};
      for (const p of v.props.values()) {
        const x = ev.lookupProp(v, p.key);
        if (x !== "absent") out[p.key] = plain(ev, x);
      }
      return out;
    }
    case "cands":
      return { $cands: v.options.map((o) => plain(ev, o)) };
    default:
      throw new Error(`not a definite value: ${v.t}`);
  }
}

export interface ReadBack {
  name: string;
  build: Record<string, Plain>;
  deploy: Record<string, Plain>;
  env: Record<string, Plain>;
}

export function readBack(text: string): ReadBack[] {
  const file = ".railway/railway.ts";
  const ast = parse(text, { sourceType: "module", plugins: ["typescript"] }) as unknown as t.File;
  const facts = scanAst(text, ast.program);
  const ev = new Evaluator(file, text, new LineIndex(text), facts.reassigned);
  const scope = new Scope(null);
  ev.exec(ast.program.body, scope);
  const decl = ast.program.body.find(
    (s): s is t.ExportDefaultDeclaration => s.type === "ExportDefaultDeclaration",
  )!;
  const program = ev.eval(decl.declaration as t.Expression, scope);
  if (program.t !== "func") throw new Error("no program");
  ev.inline(
    program,
    [
      { t: "ctx", span: program.span },
      { t: "builtin", name: "project", span: program.span },
    ],
    decl,
    program.span,
    true,
  );
  return ev.resources
    .filter((r) => r.kind === "service" || r.kind === "function")
    .map((r) => {
      const cfg = (r.config ? plain(ev, r.config) : {}) as Record<string, Plain>;
      const deploy = { ...((cfg.deploy as Record<string, Plain>) ?? {}) };
      const set = (k: string, v: Plain) => {
        if (v !== undefined) deploy[k] = v;
      };
      set("startCommand", cfg.start);
      set("preDeployCommand", typeof cfg.preDeploy === "string" ? [cfg.preDeploy] : cfg.preDeploy);
      set("healthcheckPath", cfg.healthcheck);
      set("healthcheckTimeout", cfg.healthcheckTimeout);
      if (
        typeof cfg.replicas === "number" ||
        (cfg.replicas && typeof cfg.replicas === "object" && "$cands" in cfg.replicas)
      )
        set("numReplicas", cfg.replicas);
      return {
        name: plain(ev, r.name) as string,
        build: (cfg.build as Record<string, Plain>) ?? {},
        deploy,
        env: (cfg.env as Record<string, Plain>) ?? {},
      };
    });
}
