import { iacName, iacSettingHint } from "../facts/railway-ts.js";
import { q } from "../model/quote.js";
import { definiteValue } from "../sources/railway-iac/model/types.js";
import type { RuleContext } from "./context.js";
import { defineRule, type Emit } from "./define-rule.js";

/**
 * Two Railway config files for one service:
 * - `.railway/railway.ts` and railway.json/railway.toml: "both systems cannot manage one service;
 *   `railway config plan` stops and tells you which service must be migrated" (railway-iac.md §4.1);
 *   every setting the old file has that railway.ts lacks is listed, since it stops applying;
 * - railway.toml beside railway.json: the CLI reads the .toml (find_cac_file), the .json is dead.
 * Also `// <key> from CaC:` comments `railway config migrate` leaves for settings it could not carry.
 */
export const CARRIED: Array<{ json: string[]; ts: keyof NonNullable<RuleContext["svc"]["railwayTs"]> }> = [
  { json: ["build", "builder"], ts: "builder" },
  { json: ["build", "buildCommand"], ts: "buildCommand" },
  { json: ["build", "dockerfilePath"], ts: "dockerfilePath" },
  { json: ["build", "nixpacksConfigPath"], ts: "nixpacksConfigPath" },
  { json: ["build", "watchPatterns"], ts: "watchPatterns" },
  { json: ["deploy", "startCommand"], ts: "startCommand" },
  { json: ["deploy", "preDeployCommand"], ts: "preDeployCommand" },
  { json: ["deploy", "healthcheckPath"], ts: "healthcheckPath" },
  { json: ["deploy", "healthcheckTimeout"], ts: "healthcheckTimeout" },
  { json: ["deploy", "restartPolicyType"], ts: "restartPolicyType" },
  { json: ["deploy", "restartPolicyMaxRetries"], ts: "restartPolicyMaxRetries" },
  { json: ["deploy", "cronSchedule"], ts: "cronSchedule" },
];

export default defineRule<RuleContext>({
  id: "railway-config-conflict",
  defaultSeverity: "warning",
  summary: "More than one Railway config file configures the same service",
  check: ({ svc }) => {
    const out: Emit[] = [];
    const ts = svc.railwayTs;
    if (ts && svc.railway) {
      const r = svc.railway;
      const name = definiteValue(ts.name) ?? "this service";
      // `.railway/railway.ts` or `.railway/railway.py`: the file the service was read from.
      const iac = ts.span.file;
      out.push({
        span: ts.span,
        message: `${iac} configures ${q(name)} and ${r.file} does too; Railway lets only one of them manage a service (\`railway config plan\` stops until it is migrated)`,
        found: `${r.file} and ${iac}`,
        expected: `${iac} only`,
        fix: `Carry the remaining settings into ${iac} and delete ${r.file}.`,
        related: [{ file: r.file, line: 1, column: 1 }],
      });
      const noted = new Set((ts.migratedComments ?? []).map((m) => m.key));
      for (const c of CARRIED) {
        const span = r.doc.keySpan(c.json);
        // A `// <key> from CaC` comment already reports this setting (below).
        if (!span || ts[c.ts] !== null || noted.has(c.json[1]!)) continue;
        out.push({
          span,
          message: `${q(c.json.join("."))} in ${r.file} has no counterpart in ${iac} (${q(name)}); it stops applying when ${r.file} is no longer read`,
          found: c.json.join("."),
          expected: `${q(String(c.ts))} in the ${iacName(iac)} service`,
          fix: `${iacSettingHint(iac, String(c.ts), c.json[0]!)}, or drop the setting on purpose.`,
        });
      }
    }
    for (const m of ts?.migratedComments ?? []) {
      out.push({
        span: m.span,
        message: `\`railway config migrate\` could not carry ${q(m.key)} (${m.text}) into ${m.span.file}; it is not set there, so it stops applying once the old config file is gone`,
        found: `// ${m.key} from CaC`,
        expected: `${q(m.key)} set in the service`,
        fix: `Set ${q(m.key)} in the service's options (see railway/iac), then delete the comment.`,
      });
    }
    if (svc.railwayShadowed && svc.railway) {
      out.push({
        span: { file: svc.railwayShadowed, line: 1, column: 1 },
        message: `${svc.railwayShadowed} sits beside ${svc.railway.file}; Railway reads the .toml, so this file has no effect`,
        found: svc.railwayShadowed,
        expected: `only ${svc.railway.file}`,
        fix: "Delete one of the two files.",
      });
    }
    return out;
  },
});
