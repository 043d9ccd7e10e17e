/**
 * A pull request that replaces railway.json / railway.toml with `.railway/railway.ts`: every setting
 * the old file had that the new service lacks stops applying once the old file is gone (Railway's
 * `railway config migrate` carries only some keys and leaves `// <key> from CaC` comments for others;
 * railway-iac.md §4.2). Reported at the old file's line, with the base revision's positions.
 */

import type { Config } from "../config/schema.js";
import { iacName, iacSettingHint } from "../facts/railway-ts.js";
import type { Finding } from "../model/finding.js";
import { q } from "../model/quote.js";
import { CARRIED } from "../rules/railway-config-conflict.js";
import { definiteValue } from "../sources/railway-iac/model/types.js";
import { changeSeverity, type RevisionFacts } from "./severity.js";

export function migrationFindings(base: RevisionFacts, head: RevisionFacts, config: Config): Finding[] {
  const severity = changeSeverity(config, "railway-migration-incomplete");
  if (!severity) return [];
  const out: Finding[] = [];
  for (const h of head.services) {
    const ts = h.railwayTs;
    const b = base.services.find((s) => s.root === h.root);
    const old = b?.railway ?? b?.railwayUnread;
    // Only a replacement: the head no longer has the old file, the base had no railway.ts service.
    if (!ts || !old || !b || h.railway || h.railwayUnread || b.railwayTs) continue;
    const name = definiteValue(ts.name) ?? h.display;
    for (const c of CARRIED) {
      const span = old.doc.keySpan(c.json);
      if (!span || ts[c.ts] !== null) continue;
      out.push({
        rule: "railway-migration-incomplete",
        severity,
        service: h.display,
        file: old.file,
        line: span.line,
        column: span.column,
        message: `This change deletes ${old.file}, whose ${q(c.json.join("."))} has no counterpart in ${ts.span.file} (${q(name)}); the setting stops applying`,
        found: c.json.join("."),
        expected: `${q(String(c.ts))} in the ${iacName(ts.span.file)} service`,
        fix: `${iacSettingHint(ts.span.file, String(c.ts), c.json[0]!)}, or drop the setting on purpose.`,
        related: [ts.span],
      });
    }
  }
  return out;
}
