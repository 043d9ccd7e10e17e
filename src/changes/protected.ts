/**
 * `protected-path-changed`: a changed file matches a `protected-paths` glob. The configured override
 * label on the pull request (`protected-label`) turns the error into a notice.
 */

import { matchesGlob } from "../config/glob.js";
import type { Config } from "../config/schema.js";
import type { Finding } from "../model/finding.js";
import { q } from "../model/quote.js";
import { changeSeverity, type RevisionFacts } from "./severity.js";

export function protectedPathFindings(
  changedFiles: readonly string[],
  head: RevisionFacts,
  config: Config,
  labels: readonly string[],
): Finding[] {
  const globs = config["protected-paths"];
  const configured = changeSeverity(config, "protected-path-changed");
  if (globs.length === 0 || !configured) return [];
  const label = config["protected-label"];
  const allowed = labels.includes(label);
  const roots = head.services
    .map((s) => s.root)
    .filter((r) => r !== "")
    .sort((a, b) => b.length - a.length);
  const out: Finding[] = [];
  for (const file of [...new Set(changedFiles)].sort()) {
    const glob = globs.find((g) => matchesGlob(file, g));
    if (glob === undefined) continue;
    const service = roots.find((r) => file.startsWith(`${r}/`)) ?? ".";
    out.push({
      rule: "protected-path-changed",
      severity: allowed ? "notice" : configured,
      service,
      file,
      line: null,
      column: null,
      message: allowed
        ? `${q(file)} matches the protected path ${q(glob)}; the change is allowed by the ${q(label)} label`
        : `${q(file)} matches the protected path ${q(glob)} and was changed`,
      found: file,
      expected: `no change under ${q(glob)}, or the ${q(label)} label`,
      fix: allowed
        ? "Nothing to do; remove the label to block the change again."
        : `Revert the change to ${q(file)}, or have a maintainer with triage or write permission review it and apply the ${q(label)} label to the pull request.`,
    });
  }
  return out;
}
