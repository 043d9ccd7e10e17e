import { q } from "../model/quote.js";
import type { RuleContext } from "./context.js";
import { defineRule, type Emit } from "./define-rule.js";

/**
 * The pinning policy (`pinning` = exact | compatible | off): with `exact` every requirement the
 * builder installs must be `==X.Y.Z`; with `compatible`, `~=` and `==X.*` are also accepted. URLs and
 * VCS requirements must name a commit or a hash. Compiled locks are pinned by construction.
 */
export default defineRule<RuleContext>({
  id: "requirement-not-pinned",
  defaultSeverity: "warning",
  summary: "A requirement is not pinned to an exact version",
  check: ({ svc, config }) => {
    if (config.pinning === "off") return [];
    const out: Emit[] = [];
    for (const file of svc.requirements) {
      if (file.compiled) continue;
      for (const r of file.requirements) {
        if (r.url !== null) {
          const vcs = /^(git|hg|svn|bzr)\+/.test(r.url);
          const commit =
            /@[0-9a-f]{40}(?:[#&]|$)/.test(r.url) || r.hashes.length > 0 || /#sha256=/.test(r.url);
          const local = !/^[a-z][a-z0-9+.-]*:/i.test(r.url);
          if (!local && !commit) {
            out.push({
              span: r.span,
              message: `${q(r.raw)} ${vcs ? "installs from version control without a commit" : "installs from a URL without a hash"}, so each build may get different code`,
              found: r.url,
              expected: vcs ? "a full 40-character commit after `@`" : "a `--hash` or `#sha256=` fragment",
              fix: vcs ? "Pin the URL to a commit SHA." : "Add `--hash=sha256:…` for the file.",
            });
          }
          continue;
        }
        if (r.pinned !== null) continue;
        const compatibleOk = config.pinning === "compatible" && /^(~=|==[^,]*\.\*$)/.test(r.specifier);
        if (compatibleOk) continue;
        out.push({
          span: r.specSpan ?? r.span,
          message:
            r.specifier === ""
              ? `${q(r.name)} in ${file.path} has no version: each build installs whatever is newest`
              : `\`${r.name}${r.specifier}\` in ${file.path} is a range, not an exact pin`,
          found: r.specifier === "" ? "(no version)" : r.specifier,
          expected: config.pinning === "compatible" ? "`==X.Y.Z`, `~=X.Y` or `==X.*`" : "`==X.Y.Z`",
          fix: `Pin it, e.g. \`${r.name}==<tested version>\`, or set \`pinning\` in the deploy-drift config.`,
        });
      }
    }
    return out;
  },
});
