/**
 * Prints a migration plan as `.railway/railway.ts` for `railway/iac` (npm railway@3.11.0): the program
 * shape `export default defineRailway((ctx) => project(name, { resources }))` and `service(name, {…})`
 * / `fn(name, {…})` options as declared in `dist/index-C3uk0ruc.d.ts` (railway-iac.md §2.2–§2.6).
 * Strings are JSON-escaped (valid TypeScript); `${{…}}` Railway references stay in ordinary strings,
 * never template literals (§2.7).
 */
import type { Json, Note, ServicePlan, Variant } from "./plan.js";
import { envCondition } from "./plan.js";

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const RESERVED = new Set(
  "break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await ctx project service fn defineRailway".split(
    " ",
  ),
);

export function tsKey(k: string): string {
  return IDENT.test(k) ? k : JSON.stringify(k);
}

export function tsValue(v: Json | undefined, indent: string): string {
  if (v === undefined) return "undefined";
  if (v === null || typeof v !== "object") return JSON.stringify(v);
  const inner = `${indent}  `;
  if (Array.isArray(v)) {
    if (v.length === 0) return "[]";
    const flat = `[${v.map((x) => tsValue(x, inner)).join(", ")}]`;
    if (flat.length <= 80 && !flat.includes("\n")) return flat;
    return `[\n${v.map((x) => `${inner}${tsValue(x, inner)},`).join("\n")}\n${indent}]`;
  }
  const keys = Object.keys(v);
  if (keys.length === 0) return "{}";
  return `{\n${keys.map((k) => `${inner}${tsKey(k)}: ${tsValue(v[k], inner)},`).join("\n")}\n${indent}}`;
}

/** `ctx.environment === "production" ? a : base`, one branch per overriding environment. */
export function tsVariant(v: Variant, indent: string): string {
  let out = tsValue(v.base, indent);
  for (const o of [...v.byEnv].reverse()) {
    if (!envCondition(o.env)) continue;
    out = `ctx.environment === ${JSON.stringify(o.env)} ? ${tsValue(o.value, indent)} : ${out}`;
  }
  return out;
}

export function varName(name: string, taken: Set<string>): string {
  const parts = name.split(/[^A-Za-z0-9]+/).filter(Boolean);
  let base = parts
    .map((p, i) =>
      i === 0 ? p.charAt(0).toLowerCase() + p.slice(1) : p.charAt(0).toUpperCase() + p.slice(1),
    )
    .join("");
  if (!base || !/^[A-Za-z_$]/.test(base)) base = `svc${base}`;
  if (RESERVED.has(base)) base = `${base}Service`;
  let out = base;
  for (let n = 2; taken.has(out); n++) out = `${base}${n}`;
  taken.add(out);
  return out;
}

function comment(text: string, indent: string): string[] {
  return text.split("\n").map((l) => `${indent}// ${l}`);
}

function notesFor(plan: ServicePlan, group: "build" | "deploy" | "top"): Note[] {
  return plan.notes.filter((n) => {
    const g = n.key.split(".").at(n.key.startsWith("environments.") ? 2 : 0);
    return group === "top" ? g !== "build" && g !== "deploy" : g === group;
  });
}

export function usesCtx(plans: readonly ServicePlan[]): boolean {
  return plans.some((p) =>
    [...p.intent.values(), ...p.build.values(), ...p.deploy.values()].some((v) =>
      v.byEnv.some((o) => envCondition(o.env)),
    ),
  );
}

/** The options object of one service, lines at `indent` (the `{`…`}` included). */
export function tsServiceOptions(plan: ServicePlan, indent: string, opts: { root?: boolean } = {}): string[] {
  const i1 = `${indent}  `;
  const i2 = `${i1}  `;
  const out: string[] = ["{"];
  for (const n of notesFor(plan, "top")) out.push(...comment(n.text, i1));
  if (opts.root !== false && plan.root !== "") out.push(`${i1}root: ${JSON.stringify(plan.root)},`);
  const section = (name: "build" | "deploy", m: Map<string, Variant>) => {
    const notes = notesFor(plan, name);
    if (m.size === 0) {
      for (const n of notes) out.push(...comment(n.text, i1));
      return;
    }
    out.push(`${i1}${name}: {`);
    for (const [k, v] of m) out.push(`${i2}${tsKey(k)}: ${tsVariant(v, i2)},`);
    for (const n of notes) out.push(...comment(n.text, i2));
    out.push(`${i1}},`);
  };
  section("build", plan.build);
  for (const [k, v] of plan.intent) out.push(`${i1}${k}: ${tsVariant(v, i1)},`);
  section("deploy", plan.deploy);
  if (plan.env.length) {
    out.push(`${i1}env: {`);
    for (const e of plan.env)
      out.push(`${i2}// from ${e.from}`, `${i2}${tsKey(e.name)}: ${JSON.stringify(e.value)},`);
    out.push(`${i1}},`);
  }
  out.push(`${indent}}`);
  return out;
}

const HEADER = [
  "// Written by `deploy-drift migrate` from the config-as-code files named below. Every setting they",
  "// held is either set here in railway/iac's own shapes (npm railway@3.11, dist/index-C3uk0ruc.d.ts:",
  "// `build` is a BuildConfig, `deploy` a DeployConfig, `start`/`preDeploy`/`healthcheck`/",
  "// `healthcheckTimeout`/`replicas` the intent keys), or a comment says where to set it instead.",
  '// The old files had no source (GitHub repository and branch): add `source: github("owner/repo")` if',
  "// Railway should keep it, and check `railway config plan` before `railway config apply`.",
];

/** A whole `.railway/railway.ts` for the planned services. */
export function renderRailwayTs(plans: readonly ServicePlan[], projectName: string): string {
  const taken = new Set<string>();
  const names = plans.map((p) => varName(p.name, taken));
  const ctx = usesCtx(plans);
  const imports = [
    "defineRailway",
    "project",
    ...(plans.some((p) => !p.fn) ? ["service"] : []),
    ...(plans.some((p) => p.fn) ? ["fn"] : []),
  ];
  const out: string[] = [`import { ${imports.join(", ")} } from "railway/iac";`, "", ...HEADER];
  if (ctx)
    out.push(
      "// `ctx.environment` selects the values of the old `environments.<name>` sections. Railway's CLI",
      "// 5.43.1 calls the program with an empty object (src/iac/eval.rs), so there every value is the base one.",
    );
  out.push("", `export default defineRailway((${ctx ? "ctx" : ""}) => {`);
  plans.forEach((p, i) => {
    out.push(`  // was ${p.file}`);
    const opts = tsServiceOptions(p, "  ");
    out.push(
      `  const ${names[i]} = ${p.fn ? "fn" : "service"}(${JSON.stringify(p.name)}, ${opts[0]}`,
      ...opts.slice(1, -1),
      `${opts.at(-1)});`,
      "",
    );
  });
  out.push(
    `  return project(${JSON.stringify(projectName)}, { resources: [${names.join(", ")}] });`,
    "});",
    "",
  );
  return out.join("\n");
}
