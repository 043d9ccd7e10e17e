/** From an abstract value to the `Valued<T>` the rules read (value plus provenance), for both front ends. */
import type { Span } from "../../../model/span.js";
import type { Valued } from "./types.js";
import { type AV, combineUncertain, describe } from "./values.js";

type Expect = "string" | "number" | "string[]" | "string|string[]";
type ExpectType<E extends Expect> = E extends "number" ? number : E extends "string" ? string : string[];

/** An abstract value as a `Valued` of the expected type; null when absent. */
export function toValued<E extends Expect>(v: AV | null, expect: E): Valued<ExpectType<E>> | null {
  if (!v) return null;
  if (v.t === "prim" && (v.value === undefined || v.value === null)) return null;
  const known = definite(v, expect);
  if (known !== NO) {
    const out: Valued<ExpectType<E>> = {
      provenance: known.constant ? "constant" : "literal",
      value: known.value as ExpectType<E>,
      span: v.span,
    };
    if (known.constant && v.usedAt) out.usedAt = v.usedAt;
    return out;
  }
  if (v.t === "cands") {
    const values: Array<{ value: ExpectType<E>; span: Span }> = [];
    let bad: AV | null = null;
    for (const o of v.options) {
      const d = definite(o, expect);
      if (d === NO) {
        bad = o;
        break;
      }
      if (!values.some((x) => JSON.stringify(x.value) === JSON.stringify(d.value))) {
        values.push({ value: d.value as ExpectType<E>, span: o.span });
      }
    }
    if (!bad) return { provenance: "candidates", values, span: v.span };
    const u = combineUncertain([bad]);
    return {
      provenance: u?.t === "unknown" || (!u && v.cond.t === "unknown") ? "unknown" : "ctx",
      span: v.span,
      note: `${v.cond.note}; ${u ? u.note : `one case is ${describe(bad)}, not a ${expect}`}`,
    };
  }
  if (v.t === "ctxdep") return { provenance: "ctx", span: v.span, note: v.note };
  if (v.t === "unknown") return { provenance: "unknown", span: v.span, note: v.note };
  return { provenance: "unknown", span: v.span, note: `expected a ${expect}, found ${describe(v)}` };
}

const NO = Symbol("no definite value");

function definite(v: AV, expect: Expect): { value: unknown; constant: boolean } | typeof NO {
  if (v.t === "prim") {
    if ((expect === "string" || expect === "string|string[]") && typeof v.value === "string") {
      return { value: expect === "string" ? v.value : [v.value], constant: !!v.constant };
    }
    if (expect === "number" && typeof v.value === "number") return { value: v.value, constant: !!v.constant };
    return NO;
  }
  if (v.t === "arr" && (expect === "string[]" || expect === "string|string[]") && !v.open) {
    const values: string[] = [];
    let constant = !!v.constant;
    for (const i of v.items) {
      if (i.t !== "prim" || typeof i.value !== "string") return NO;
      values.push(i.value);
      constant ||= !!i.constant;
    }
    return { value: values, constant };
  }
  return NO;
}
