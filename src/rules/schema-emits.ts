/**
 * Findings for the schema issues of a builder's config file (sources/schema.ts `validate`), in one
 * wording for nixpacks-unknown-key, railpack-unknown-key and railway-unknown-key.
 */
import { q } from "../model/quote.js";
import { describePath, type SchemaIssue } from "../sources/schema.js";
import type { Emit } from "./define-rule.js";

type UnknownKey = Extract<SchemaIssue, { kind: "unknown-key" }>;
type WrongType = Extract<SchemaIssue, { kind: "wrong-type" }>;

/** `what`: "a Nixpacks key"; `effect`: what the builder does with it ("Nixpacks silently ignores it"). */
export function unknownKeyEmit(
  i: UnknownKey,
  o: {
    where: string;
    what: string;
    effect: string;
    fix?: string;
    rename?: (key: string, suggestion: string) => string;
  },
): Emit {
  return {
    span: i.span,
    message: `${q(describePath(i.path))}${o.where} is not ${o.what}; ${i.suggestion ? `did you mean ${q(i.suggestion)}? ` : ""}${o.effect}`,
    found: i.key,
    ...(i.suggestion ? { expected: i.suggestion } : {}),
    fix: i.suggestion
      ? (o.rename?.(i.key, i.suggestion) ?? `Rename it to ${q(i.suggestion)}.`)
      : (o.fix ?? "Remove it."),
  };
}

/**
 * A value the builder cannot parse: an error when this builder builds the service (`live`), a
 * warning otherwise (the file is dead). `fails`: what happens ("Nixpacks fails to parse the plan").
 */
export function wrongTypeEmit(
  i: WrongType,
  o: { where: string; fails: string; live: boolean; tool: string },
): Emit {
  const path = q(describePath(i.path));
  return {
    span: i.span,
    severity: o.live ? "error" : "warning",
    message: `${path}${o.where} must be ${article(i.expected)}, found ${article(i.found)}; ${o.fails}${o.live ? "" : ` (this service does not build with ${o.tool}, so the file is dead)`}`,
    found: i.found,
    expected: i.expected,
    fix: `Give ${path} ${article(i.expected)} value${i.expected === "string" ? ", in quotes" : ""}.`,
  };
}

const article = (word: string) => `${/^[aeiou]/i.test(word) ? "an" : "a"} ${word}`;
