/**
 * `deploy-drift migrate [DIR] [--lang ts|py] [--write]`: for every service the model finds still
 * configured by railway.json / railway.toml (analyze.ts's own services, so the same discovery and
 * the same config-as-code reading), prints the `.railway/railway.ts` (or `railway.py`) that carries
 * every setting, or — when the repository already has one — the edit to it (services and keys to
 * add), never a second file. `--write` writes a new file and deletes nothing.
 */
import * as fs from "node:fs";
import * as nodePath from "node:path";
import { analyzeDetailed, loadParsers } from "../analyze.js";
import type { ServiceFacts } from "../facts/service.js";
import { dirname, type Workspace } from "../repo/workspace.js";
import { parseJsonDoc, parseTomlDoc } from "../sources/doc.js";
import { CUSTOM_CAC_PATH, hasConfigAsCodeShape, readRailway } from "../sources/railway.js";
import { planService, type ServicePlan } from "./plan.js";
import { pyServiceArgs, renderRailwayPy } from "./python.js";
import { isEmpty, missingOnly, planFor } from "./service.js";
import { renderRailwayTs, tsServiceOptions } from "./typescript.js";

export type Lang = "ts" | "py";
export const IAC_FILES: Record<Lang, string> = { ts: ".railway/railway.ts", py: ".railway/railway.py" };

/**
 * Config-as-code files at a custom path (the service's "Railway Config File" setting points at them,
 * e.g. `railway.api.json`), recognised by their shape: a JSON/TOML table of only `build` / `deploy` /
 * `environments` / `$schema`, with `build` or `deploy`. The model (facts/discover.ts) reads only
 * `railway.json` / `railway.toml` at a root, so these are found here. The service root and name are
 * taken from the file's folder and name; both are service settings in Railway, which the output says.
 */
export function customPathPlans(ws: Workspace, skip: ReadonlySet<string>): ServicePlan[] {
  const out: ServicePlan[] = [];
  for (const f of ws.files()) {
    const m = CUSTOM_CAC_PATH.exec(f);
    if (
      !m ||
      skip.has(f) ||
      f.startsWith(".") ||
      f.includes("/.") ||
      /(^|\/)(node_modules|test|tests|fixtures)\//.test(f)
    )
      continue;
    const r = ws.read(f);
    if (r.kind !== "ok") continue;
    const doc = f.endsWith(".json") ? parseJsonDoc(f, r.text) : parseTomlDoc(f, r.text);
    if (!hasConfigAsCodeShape(doc)) continue;
    const plan = planService(readRailway(doc), { name: m[2]!, root: dirname(f) });
    plan.notes.unshift({
      key: f,
      text: `${f} is a custom-path config file: the service's root directory and name are settings in Railway; this assumes \`${dirname(f) || "."}\` and ${JSON.stringify(m[2])} — correct \`root\` and the name if they differ`,
    });
    out.push(plan);
  }
  return out;
}

export interface MigrateResult {
  text: string;
  /** The file written with --write, if any. */
  written: string | null;
}

/** The migration of a workspace, as printed text. Pure except for `write`. */
export async function migrate(
  ws: Workspace,
  opts: { lang: Lang; write?: (file: string, text: string) => void; today?: Date },
): Promise<MigrateResult> {
  const parsers = await loadParsers(ws);
  const { services } = analyzeDetailed(ws, { parsers, ...(opts.today ? { today: opts.today } : {}) });
  const cac = services.filter((s) => s.railway ?? s.railwayUnread);
  // One config file may be shared by several deployments of one root: plan it once per deployment.
  const plans: Array<{ svc: ServiceFacts | null; plan: ServicePlan }> = cac.map((s) => ({
    svc: s,
    plan: planFor(s, ws.name)!,
  }));
  const known = new Set(plans.map((p) => p.plan.file));
  for (const plan of customPathPlans(ws, known)) plans.push({ svc: null, plan });
  const out: string[] = [];
  if (plans.length === 0) {
    out.push(
      "deploy-drift migrate: no service here is configured by railway.json or railway.toml; nothing to migrate.",
    );
    return { text: `${out.join("\n")}\n`, written: null };
  }
  const oldFiles = [...new Set(plans.map((p) => p.plan.file))];
  out.push(
    `deploy-drift migrate: ${plans.length} service${plans.length === 1 ? "" : "s"} configured by config-as-code`,
  );
  for (const { plan } of plans) out.push(`  ${plan.name}  (${plan.file})`);
  out.push("");

  const existing = (Object.keys(IAC_FILES) as Lang[]).find((l) => ws.isFile(IAC_FILES[l]));
  let written: string | null = null;
  if (existing) {
    const file = IAC_FILES[existing];
    if (existing !== opts.lang)
      out.push(
        `${file} exists: the edit below is for it (Railway reads one IaC file; a second one in another language would not be read).`,
      );
    out.push(`--- edit ${file} (add these; deploy-drift does not rewrite an existing file) ---`);
    const newOnes: ServicePlan[] = [];
    for (const { svc, plan } of plans) {
      // railway.ts and railway.py are both read into the model (svc.railwayTs).
      const ts = svc?.railwayTs ?? null;
      if (ts) {
        const p = missingOnly(plan, ts);
        if (isEmpty(p)) {
          out.push(
            `service(${JSON.stringify(plan.name)}) (line ${ts.span.line}) already sets everything ${plan.file} held.`,
          );
          continue;
        }
        out.push(
          `In service(${JSON.stringify(plan.name)}, …) at line ${ts.span.line}, add (merge into its build/deploy ${existing === "py" ? "dicts" : "objects"}):`,
        );
        if (existing === "py") out.push(...pyServiceArgs(p, "    ", { root: false }), "");
        else out.push(...tsServiceOptions(p, "", { root: false }).slice(1, -1), "");
      } else newOnes.push(plan);
    }
    if (newOnes.length) {
      out.push(
        existing === "py"
          ? "Add these services to main() and list them in project(…, resources=[…]):"
          : "Add these services and list them in project(…, { resources: [...] }):",
      );
      for (const p of newOnes) {
        if (existing === "ts") {
          const o = tsServiceOptions(p, "");
          out.push(
            `const ${p.name.replace(/[^A-Za-z0-9_$]/g, "_")} = ${p.fn ? "fn" : "service"}(${JSON.stringify(p.name)}, ${o[0]}`,
            ...o.slice(1, -1),
            `${o.at(-1)});`,
            "",
          );
        } else {
          out.push(
            `${p.name.replace(/[^A-Za-z0-9_]/g, "_")} = ${p.fn ? "fn" : "service"}(`,
            `    ${JSON.stringify(p.name)},`,
            ...pyServiceArgs(p, "    "),
            ")",
            "",
          );
        }
      }
    }
    if (opts.write)
      out.push(`--write: ${file} exists, so nothing was written; apply the edit above by hand.`);
  } else {
    const file = IAC_FILES[opts.lang];
    const all = plans.map((p) => p.plan);
    const text = opts.lang === "ts" ? renderRailwayTs(all, ws.name) : renderRailwayPy(all, ws.name);
    if (opts.write) {
      opts.write(file, text);
      written = file;
      out.push(`wrote ${file}`);
    } else out.push(`--- ${file} (new file; --write writes it) ---`, text.trimEnd(), "---");
  }
  out.push(
    "",
    `In the same pull request, delete ${oldFiles.join(", ")} (deploy-drift deletes nothing). Then run \`railway config plan\` and \`railway config apply\`.`,
  );
  return { text: `${out.join("\n")}\n`, written };
}

/** The CLI subcommand; returns the exit code (0 done, 2 usage). */
export async function migrateCli(
  args: { dir: string; lang: string | undefined; write: boolean },
  ws: Workspace,
  io: { stdout: { write(t: string): unknown } },
): Promise<number> {
  const lang = (args.lang ?? "ts") as Lang;
  const res = await migrate(ws, {
    lang,
    ...(args.write
      ? {
          write: (file: string, text: string) => {
            const target = nodePath.join(args.dir, file);
            fs.mkdirSync(nodePath.dirname(target), { recursive: true });
            fs.writeFileSync(target, text, { flag: "wx" });
          },
        }
      : {}),
  });
  io.stdout.write(res.text);
  return 0;
}
