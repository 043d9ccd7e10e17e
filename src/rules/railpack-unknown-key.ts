import { RAILPACK_SPEC } from "../sources/railpack.js";
import { validate } from "../sources/schema.js";
import type { RuleContext } from "./context.js";
import { defineRule, type Emit } from "./define-rule.js";
import { unknownKeyEmit, wrongTypeEmit } from "./schema-emits.js";

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
    const where = ` in ${doc.file}`;
    for (const i of validate(doc, RAILPACK_SPEC, [], mistakes)) {
      if (i.kind === "unknown-key")
        out.push(
          unknownKeyEmit(i, {
            where,
            what: "a Railpack key",
            effect: "Railpack silently ignores it",
            fix: "Remove it, or move it where Railpack reads it (see https://railpack.com/config/file).",
          }),
        );
      else if (i.kind === "wrong-type")
        out.push(
          wrongTypeEmit(i, {
            where,
            fails: "Railpack cannot read the file and the build fails",
            live,
            tool: "Railpack",
          }),
        );
    }
    return out;
  },
});
