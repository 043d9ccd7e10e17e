/**
 * Prints a migration plan as `.railway/railway.py` for the Python SDK `railway_sdk` (PyPI
 * `railway-sdk`; railwayapp/railway-py-iac `src/railway_sdk/__init__.py` @153e8ffb): `@define_railway
 * def main(ctx=None): return project(name, resources=[…])`, `service(name, **config)` / `fn(…)` with
 * the same camelCase keywords as TypeScript (`preDeploy`, `healthcheckTimeout`: `_normalize_deploy`
 * reads exactly these), `build={…}` passed through by `_normalize_build`, `deploy={…}` spread first
 * by `_normalize_deploy`. CLI 5.43.1's own `migrate --lang py` imports `railway_iac`, the module's old
 * name (railway-2026-12.md §2.4); this imports `railway_sdk`.
 */
import type { Json, Note, ServicePlan, Variant } from "./plan.js";
import { envCondition } from "./plan.js";
import { usesCtx } from "./typescript.js";

const PY_RESERVED = new Set(
  "False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield ctx main project service fn define_railway".split(
    " ",
  ),
);

export function pyValue(v: Json | undefined, indent: string): string {
  if (v === undefined || v === null) return "None";
  if (v === true) return "True";
  if (v === false) return "False";
  if (typeof v !== "object") return JSON.stringify(v);
  const inner = `${indent}    `;
  if (Array.isArray(v)) {
    if (v.length === 0) return "[]";
    const flat = `[${v.map((x) => pyValue(x, inner)).join(", ")}]`;
    if (flat.length <= 80 && !flat.includes("\n")) return flat;
    return `[\n${v.map((x) => `${inner}${pyValue(x, inner)},`).join("\n")}\n${indent}]`;
  }
  const keys = Object.keys(v);
  if (keys.length === 0) return "{}";
  return `{\n${keys.map((k) => `${inner}${JSON.stringify(k)}: ${pyValue(v[k], inner)},`).join("\n")}\n${indent}}`;
}

export function pyVariant(v: Variant, indent: string): string {
  let out = pyValue(v.base, indent);
  for (const o of [...v.byEnv].reverse()) {
    if (!envCondition(o.env)) continue;
    out = `${pyValue(o.value, indent)} if ctx is not None and ctx.environment == ${JSON.stringify(o.env)} else ${out}`;
  }
  return out;
}

export function pyName(name: string, taken: Set<string>): string {
  let base = name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .join("_")
    .toLowerCase();
  if (!base || !/^[a-z_]/.test(base)) base = `svc_${base}`;
  if (PY_RESERVED.has(base)) base = `${base}_service`;
  let out = base;
  for (let n = 2; taken.has(out); n++) out = `${base}_${n}`;
  taken.add(out);
  return out;
}

function comment(text: string, indent: string): string[] {
  return text.split("\n").map((l) => `${indent}# ${l}`);
}

function notesFor(plan: ServicePlan, group: "build" | "deploy" | "top"): Note[] {
  return plan.notes.filter((n) => {
    const g = n.key.split(".").at(n.key.startsWith("environments.") ? 2 : 0);
    return group === "top" ? g !== "build" && g !== "deploy" : g === group;
  });
}

/** The keyword arguments of one service call, at `indent`. */
export function pyServiceArgs(plan: ServicePlan, indent: string, opts: { root?: boolean } = {}): string[] {
  const i1 = `${indent}    `;
  const out: string[] = [];
  for (const n of notesFor(plan, "top")) out.push(...comment(n.text, indent));
  if (opts.root !== false && plan.root !== "") out.push(`${indent}root=${JSON.stringify(plan.root)},`);
  // Comments go between keywords, before the dict they concern. deploy-drift's railway.py reader
  // skips comments inside a dict since issue 13 (it used to read such a dict as unknown); the placement
  // is kept because the written files and their tests rely on it, and other readers may not.
  const section = (name: "build" | "deploy", m: Map<string, Variant>) => {
    for (const n of notesFor(plan, name)) out.push(...comment(n.text, indent));
    if (m.size === 0) return;
    out.push(`${indent}${name}={`);
    for (const [k, v] of m) out.push(`${i1}${JSON.stringify(k)}: ${pyVariant(v, i1)},`);
    out.push(`${indent}},`);
  };
  section("build", plan.build);
  for (const [k, v] of plan.intent) out.push(`${indent}${k}=${pyVariant(v, indent)},`);
  section("deploy", plan.deploy);
  if (plan.env.length) {
    for (const e of plan.env) out.push(`${indent}# env ${e.name} from ${e.from}`);
    out.push(`${indent}env={`);
    for (const e of plan.env) out.push(`${i1}${JSON.stringify(e.name)}: ${JSON.stringify(e.value)},`);
    out.push(`${indent}},`);
  }
  return out;
}

/** A whole `.railway/railway.py` for the planned services. */
export function renderRailwayPy(plans: readonly ServicePlan[], projectName: string): string {
  const taken = new Set<string>();
  const names = plans.map((p) => pyName(p.name, taken));
  const imports = [
    "define_railway",
    "project",
    ...(plans.some((p) => !p.fn) ? ["service"] : []),
    ...(plans.some((p) => p.fn) ? ["fn"] : []),
  ];
  const out: string[] = [
    "# Written by `deploy-drift migrate` from the config-as-code files named below. Every setting they",
    "# held is set here in railway_sdk's own shapes (build= a BuildConfig dict, deploy= a DeployConfig",
    "# dict, start/preDeploy/healthcheck/healthcheckTimeout/replicas the intent keywords), or a comment",
    "# says where to set it instead. The old files had no source (GitHub repository and branch): add",
    '# source=github("owner/repo") if Railway should keep it; check `railway config plan` first.',
  ];
  if (usesCtx(plans))
    out.push(
      "# ctx.environment selects the values of the old `environments.<name>` sections. Railway's CLI 5.43.1",
      "# calls main() with no argument (src/iac/eval.rs), so there ctx is None and every value is the base one.",
    );
  out.push(`from railway_sdk import ${imports.join(", ")}`, "", "", "@define_railway", "def main(ctx=None):");
  plans.forEach((p, i) => {
    out.push(
      `    # was ${p.file}`,
      `    ${names[i]} = ${p.fn ? "fn" : "service"}(`,
      `        ${JSON.stringify(p.name)},`,
    );
    out.push(...pyServiceArgs(p, "        "), "    )", "");
  });
  out.push(`    return project(${JSON.stringify(projectName)}, resources=[${names.join(", ")}])`, "");
  return out.join("\n");
}
