/**
 * Quotes a value as a markdown code span inside a finding message. Values come from repositories
 * and may hold backticks themselves; the fence is made longer than any backtick run in the value, so
 * the renderers' CommonMark code-span matching (src/report/escape.ts `inline`) reads it back whole.
 */
export function q(value: unknown): string {
  // Same text as `${value}` in a template literal, for every type.
  const v = String(value);
  let longest = 0;
  for (const m of v.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  if (longest === 0) return `\`${v}\``;
  const fence = "`".repeat(longest + 1);
  return `${fence} ${v} ${fence}`;
}
