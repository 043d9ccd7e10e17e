import { BUILDER_LABEL } from "../facts/builder.js";
import { iacName, isRailwayPy } from "../facts/railway-ts.js";
import type { ServiceFacts } from "../facts/service.js";
import { migrationSnippet } from "../migrate/service.js";
import { q } from "../model/quote.js";
import { getPath, isRecord } from "../sources/doc.js";
import type { RailwayConfig } from "../sources/railway.js";
import { definiteValue } from "../sources/railway-iac/model/types.js";
import type { RuleContext } from "./context.js";
import { defineRule, type Emit } from "./define-rule.js";
import { CARRIED } from "./railway-config-conflict.js";

/**
 * "Config as Code is deprecated. Prefer Infrastructure as Code (`.railway/railway.ts`)… Existing
 * files keep working for legacy services until 2026-12-01" and "Existing Config as Code files stop
 * being read on 2026-12-01 (hard cutoff)" (railwayapp/docs content/docs/config-as-code.md and
 * infrastructure-as-code.md, commit 5dc40e7b, 2026-08-21). Warning before the cut-off; from it on,
 * the model no longer reads the file (facts/service.ts `railwayUnread`) and this error names each
 * setting that stopped applying and what Railway does instead, from the model built without it.
 * The cut-off is the config key `config-as-code-cutoff` (default: the documented date).
 */
export const CONFIG_AS_CODE_CUTOFF = "2026-12-01";

/**
 * What replaces one lost setting, from the facts of the service modelled without the file, and
 * whether losing it certainly changes the deploy (`changes`: false when the outcome is the same, or
 * when only the service settings in Railway, which the repository cannot show, decide it).
 */
function replacement(svc: ServiceFacts, key: string, value: unknown): { text: string; changes: boolean } {
  const builder = BUILDER_LABEL[svc.builder.name];
  switch (key) {
    case "build.builder":
      if (typeof value === "string" && value.toLowerCase() === svc.builder.name)
        return { text: `${builder} builds it without the file too`, changes: false };
      // A folder no Python provider builds (a Node frontend at the root): not a Python deploy to judge.
      if (svc.provider.name !== "python" && svc.provider.name !== "dockerfile")
        return {
          text: `${builder} builds it instead, with its ${svc.provider.name === "none" ? "own detection" : `${svc.provider.name} provider`} (not a Python build, which deploy-drift does not judge)`,
          changes: false,
        };
      return svc.builder.name === "dockerfile"
        ? {
            text: `${q(svc.dockerfile ?? "Dockerfile")} builds it instead (Railway always uses a Dockerfile it finds)`,
            changes: true,
          }
        : {
            text: `${builder} builds it instead, unless the service settings in Railway choose another builder`,
            changes: true,
          };
    case "deploy.startCommand": {
      // Another language provider (Node, …) finds its own start command, which is not modelled here.
      if (svc.provider.name !== "python" && svc.provider.name !== "dockerfile")
        return {
          text: `${builder} builds this folder with its ${svc.provider.name === "none" ? "default detection (no Python app at this root)" : `${svc.provider.name} provider`}, so what starts is decided there or by the service settings in Railway`,
          changes: false,
        };
      const run = svc.start.effective[svc.builder.name];
      if (run && run.command === value) return { text: `${run.label} runs the same command`, changes: false };
      return run
        ? {
            text: `unless the service settings in Railway set one, ${q(run.command)} from ${run.label} runs instead`,
            changes: true,
          }
        : {
            text: `unless the service settings in Railway set one, ${builder} finds no start command, so the deploy fails`,
            changes: true,
          };
    }
    case "build.dockerfilePath":
      return svc.dockerfile
        ? { text: `Railway builds ${q(svc.dockerfile)} instead`, changes: true }
        : {
            text: `Railway looks for a \`Dockerfile\` at the service root, finds none, and builds with ${builder}`,
            changes: true,
          };
    case "build.buildCommand":
      return {
        text: `only ${builder}'s own build steps run, unless the service settings in Railway set a build command`,
        changes: true,
      };
    case "build.nixpacksConfigPath":
    case "build.nixpacksPlan":
      return svc.builder.name === "nixpacks"
        ? { text: "Nixpacks reads only `nixpacks.toml` / `nixpacks.json` at the service root", changes: true }
        : { text: `${builder}, not Nixpacks, builds it, so it would not apply anyway`, changes: false };
    case "build.watchPatterns":
      return {
        text: "every push redeploys the service, unless the service settings in Railway set watch paths",
        changes: true,
      };
    case "deploy.preDeployCommand":
      return {
        text: "no pre-deploy command runs (migrations included), unless the service settings in Railway set one",
        changes: true,
      };
    case "deploy.healthcheckPath":
      return {
        text: "Railway waits for no healthcheck before switching traffic, unless the service settings set one",
        changes: true,
      };
    case "deploy.cronSchedule":
      return {
        text: "the service no longer runs on a schedule, unless the service settings in Railway set one",
        changes: true,
      };
    default:
      return { text: "decided by the service settings in Railway", changes: false };
  }
}

/**
 * Custom-path files (`railway.api.json`): a service's "Railway Config File" setting names one, which
 * the repository cannot show, so what replaces each setting is not modelled; the finding lists what
 * stops applying if a service uses it, as a warning.
 */
function customPathFindings(svc: ServiceFacts, cutoff: string, after: boolean): Emit[] {
  return svc.railwayCustom.map((c) => {
    const keys = settingsOf(c).map((s) => `\`${s.key}\` (line ${s.line})`);
    return {
      span: { file: c.file, line: 1, column: 1 },
      severity: "warning" as const,
      message: after
        ? `${c.file} has config-as-code's shape (a custom "Railway Config File" path); Railway stopped reading such files on ${cutoff}, so if a service uses it, ${keys.length} setting${keys.length === 1 ? "" : "s"} no longer apply: ${keys.join(", ")}`
        : `${c.file} has config-as-code's shape (a custom "Railway Config File" path); Railway stops reading such files on ${cutoff}`,
      found: c.file,
      expected: ".railway/railway.ts (or .railway/railway.py)",
      fix: "Run `deploy-drift migrate` (it reads custom-path files too) and set the service's root directory and name it assumes, then delete the file in the same PR.",
    };
  });
}

/** Every leaf setting of the file (`build.builder`, `environments.pr.deploy.startCommand`, …). */
function settingsOf(r: RailwayConfig): Array<{ key: string; value: unknown; line: number }> {
  const out: Array<{ key: string; value: unknown; line: number }> = [];
  const v = r.doc.value;
  if (!isRecord(v)) return out;
  const visit = (path: string[], depth: number) => {
    const node = getPath(v, path);
    if (depth < 4 && isRecord(node) && !(path.at(-1) === "nixpacksPlan")) {
      for (const k of Object.keys(node)) visit([...path, k], depth + 1);
      return;
    }
    if (path.length === 0 || path[0] === "$schema") return;
    out.push({ key: path.join("."), value: node, line: r.doc.keySpan(path)?.line ?? 1 });
  };
  visit([], 0);
  return out;
}

function shown(value: unknown): string {
  if (typeof value === "string") return q(value);
  if (typeof value === "number" || typeof value === "boolean") return q(String(value));
  return "(a table)";
}

export default defineRule<RuleContext>({
  id: "config-as-code-deprecated",
  defaultSeverity: "warning",
  summary: "railway.json / railway.toml stopped being read on 2026-12-01",
  check: ({ svc, config, today }) => {
    const cutoff = config["config-as-code-cutoff"];
    const live = svc.railway;
    const dead = svc.railwayUnread;
    const r = live ?? dead;
    const custom = customPathFindings(svc, cutoff, config["config-as-code-cutoff"] <= today);
    if (!r) return custom;
    const ts = svc.railwayTs;
    // The railway.ts that carries every setting (`deploy-drift migrate`), or the keys to add to the
    // existing service: one copy-paste in the PR comment.
    const several = svc.ws.files().filter((f) => /(^|\/)railway\.(json|toml)$/.test(f)).length > 1;
    const code = migrationSnippet(svc, svc.ws.name, { several });
    const snippet = code
      ? {
          title: ts
            ? `Settings to add to ${ts.span.file} (deploy-drift migrate)`
            : ".railway/railway.ts (deploy-drift migrate)",
          language: ts && isRailwayPy(ts.span.file) ? "python" : "ts",
          text: code,
        }
      : undefined;
    const fix = ts
      ? `Move these settings into the existing \`${ts.span.file}\` service ${q(definiteValue(ts.name) ?? "(this service)")} (\`deploy-drift migrate\` prints the edit), apply it with \`railway config apply\`, and delete ${r.file} in the same PR.`
      : "Run `deploy-drift migrate --write` to write `.railway/railway.ts` with every setting (`railway config migrate` leaves some as comments or drops them), review it, apply it with `railway config apply`, and delete the old file in the same PR.";
    if (live) {
      return [
        ...custom,
        {
          span: { file: r.file, line: 1, column: 1 },
          severity: "warning",
          message: `Railway stops reading ${r.file} on ${cutoff}; after that its settings no longer apply`,
          found: r.file,
          expected: ts ? ts.span.file : ".railway/railway.ts",
          fix,
          ...(snippet ? { snippet } : {}),
        },
      ];
    }
    // Settings railway.ts already carries are not lost.
    const carried = new Set(
      CARRIED.filter((c) => ts && ts[c.ts] !== null && ts[c.ts] !== undefined).map((c) => c.json.join(".")),
    );
    const lost = settingsOf(r).filter((s) => !carried.has(s.key));
    let changes = false;
    const lines = lost.map((s) => {
      // An environment override applied only in that environment: what replaces it is the same
      // question as for the base setting, already answered there.
      const r = s.key.startsWith("environments.") ? null : replacement(svc, s.key, s.value);
      if (r?.changes) changes = true;
      return `\`${s.key}\` ${shown(s.value)} (line ${s.line}) no longer applies${r ? `: ${r.text}` : ""}`;
    });
    const detail =
      lines.length === 0
        ? `it sets nothing that ${ts ? iacName(ts.span.file) : "railway.ts"} does not already carry`
        : lines.length === 1
          ? lines[0]
          : `${lines.length} settings no longer apply: ${lines.join("; ")}`;
    return [
      ...custom,
      {
        span: { file: r.file, line: 1, column: 1 },
        // An error when a lost setting certainly changes what deploys; otherwise the file is dead weight.
        severity: changes ? "error" : "warning",
        message: `Railway stopped reading ${r.file} on ${cutoff}; ${detail}`,
        found: r.file,
        expected: ts ? `${ts.span.file} only` : ".railway/railway.ts (or .railway/railway.py)",
        fix:
          lines.length === 0
            ? `Delete ${r.file}; \`${ts?.span.file ?? ".railway/railway.ts"}\` carries its settings.`
            : fix,
        ...(snippet && lines.length ? { snippet } : {}),
      },
    ];
  },
});
