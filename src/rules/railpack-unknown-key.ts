import { q } from "../model/quote.js";
import { RAILPACK_SPEC } from "../sources/railpack.js";
import { describePath, validate } from "../sources/schema.js";
import type { RuleContext } from "./context.js";
import { defineRule, type Emit } from "./define-rule.js";

/**
 * railpack.json against Railpack's config struct (RAILPACK_SPEC, railwayapp/railpack
 * core/config/config.go). Railpack decodes it with Go's encoding/json after hujson's Standardize
 * (core.go readConfigJSON): an unknown key is dropped without a word (a warning here), keys match
 * whatever their case, and a value of the wrong type makes readConfigJSON fail, which fails the
 * build (an error when Railpack builds this service).
 */
export default defineRule<RuleContext>({
  id: "railpack-unknown-key",
  defaultSeverity: "warning",
  summary: "A railpack.json key Railpack does not know (silently ignored), or a value of the wrong type",
  check: ({ svc }) => {
    const doc = svc.railpack?.doc;
    if (!doc?.value) return [];
    const live = svc.builder.name === "railpack";
    const mistakes = {
      startCmd: "startCommand",
      start: "startCommand",
      cmd: "startCommand",
      aptPkgs: "aptPackages",
    };
    const out: Emit[] = [];
    for (const i of validate(doc, RAILPACK_SPEC, [], mistakes)) {
      const where = q(describePath(i.path));
      if (i.kind === "unknown-key") {
        out.push({
          span: i.span,
          message: `${where} in ${doc.file} is not a Railpack key${i.suggestion ? `; did you mean ${q(i.suggestion)}?` : ""} Railpack silently ignores it`,
          found: i.key,
          ...(i.suggestion ? { expected: i.suggestion } : {}),
          fix: i.suggestion
            ? `Rename it to ${q(i.suggestion)}.`
            : "Remove it, or move it where Railpack reads it (see https://railpack.com/config/file).",
        });
      } else if (i.kind === "wrong-type") {
        out.push({
          span: i.span,
          severity: live ? "error" : "warning",
          message: `${where} in ${doc.file} must be a ${i.expected}, found a ${i.found}; Railpack cannot read the file and the build fails${live ? "" : " (this service does not build with Railpack, so the file is dead)"}`,
          found: i.found,
          expected: i.expected,
          fix: `Give ${where} a ${i.expected} value${i.expected === "string" ? ", in quotes" : ""}.`,
        });
      }
    }
    return out;
  },
});
