import type { Detail } from "../model/report.js";

/**
 * Size budgets. Every surface has a limit; the report is rendered at the largest detail tier that fits
 * (full → compact → summary), and only if even the summary is too large is it cut, with a note saying so.
 */

/** PR comments are rejected above 65,536 characters; stay under 60,000 (UTF-16 length, conservative). */
export const COMMENT_MAX_CHARS = 60_000;
/** Check run `output.summary`: 65,535; counted in UTF-8 bytes, which also satisfies a character count. */
export const CHECK_SUMMARY_MAX_BYTES = 65_535;
/** `$GITHUB_STEP_SUMMARY` upload limit is 1 MiB per step; keep room for anything else a step appends. */
export const JOB_SUMMARY_MAX_BYTES = 1_000_000;

export type Measure = (s: string) => number;
export const chars: Measure = (s) => s.length;
export const utf8Bytes: Measure = (s) => Buffer.byteLength(s, "utf8");

export const TIERS: readonly Detail[] = ["full", "compact", "summary"];

export interface Fitted {
  text: string;
  tier: Detail | "cut";
}

/**
 * Renders tier by tier until `decorate(rendered)` fits `limit` under `measure`. `decorate` adds the parts
 * that must survive (marker, links). A renderer that throws for one tier is skipped.
 */
export function fitTiers(
  render: (detail: Detail) => string,
  limit: number,
  measure: Measure,
  decorate: (body: string) => string = (b) => b,
): Fitted {
  let smallest: string | null = null;
  for (const tier of TIERS) {
    let body: string;
    try {
      body = render(tier);
    } catch {
      continue;
    }
    const text = decorate(body);
    if (measure(text) <= limit) return { text, tier };
    smallest = body;
  }
  const note = "\n\n… (cut to fit GitHub's size limit; the job summary has the full report)\n";
  const room = limit - measure(decorate(note));
  return { text: decorate(cutTo(smallest ?? "", Math.max(0, room), measure) + note), tier: "cut" };
}

/** The longest prefix of `s` (cut at a line end when possible) whose measure is at most `max`. */
export function cutTo(s: string, max: number, measure: Measure): string {
  if (measure(s) <= max) return s;
  let lo = 0;
  let hi = s.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (measure(s.slice(0, mid)) <= max) lo = mid;
    else hi = mid - 1;
  }
  let cut = s.slice(0, lo);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  const nl = cut.lastIndexOf("\n");
  return nl > cut.length / 2 ? cut.slice(0, nl) : cut;
}
