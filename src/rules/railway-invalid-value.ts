import { q } from "../model/quote.js";
import { RAILWAY_KNOWN_MISTAKES, RAILWAY_SPEC } from "../sources/railway.js";
import { describePath, validate } from "../sources/schema.js";
import type { RuleContext } from "./context.js";
import { defineRule, type Emit } from "./define-rule.js";

/**
 * A Railway config value of the wrong type or outside its enum (`builder`, `restartPolicyType`).
 * Enum values are compared case-insensitively: the docs' TOML examples use lowercase (§3.2).
 */
export default defineRule<RuleContext>({
  id: "railway-invalid-value",
  defaultSeverity: "error",
  summary: "railway.json / railway.toml has a value of the wrong type or an unknown enum value",
  check: ({ svc }) => {
    const r = svc.railway;
    if (!r?.doc.value) return [];
    return validate(r.doc, RAILWAY_SPEC, [], RAILWAY_KNOWN_MISTAKES).flatMap((i): Emit[] => {
      switch (i.kind) {
        case "wrong-type":
          return [
            {
              span: i.span,
              message: `${q(describePath(i.path))} must be a ${i.expected}, found a ${i.found}`,
              found: i.found,
              expected: i.expected,
              fix: `Give ${q(describePath(i.path))} a ${i.expected} value.`,
            },
          ];
        case "bad-enum":
          return [
            {
              span: i.span,
              message: `${q(describePath(i.path))} is ${q(i.value)}; Railway accepts ${i.allowed.map((a) => `${q(a)}`).join(", ")}`,
              found: i.value,
              expected: i.allowed.join(" | "),
              fix: `Use one of ${i.allowed.join(", ")}.`,
            },
          ];
        default:
          return [];
      }
    });
  },
});
