/**
 * Escaping for everything that comes from a repository and reaches markdown. Repository text is never
 * trusted: no raw HTML, no live @mentions or #references, no links or autolinks, no broken tables.
 *
 * Messages use backtick code spans for values. `inline()` splits a message into code spans (CommonMark
 * rule: a run of n backticks closes at the next run of exactly n) and plain text; plain text is
 * escaped, code spans are inert by nature and only need table-safe pipes and no newlines.
 */
const ZWSP = "\u200b";

/** Escapes plain text for a markdown paragraph or table cell. */
export function text(s: string): string {
  return oneLine(s)
    .replace(/[\\*_[\]()~`|!]/g, "\\$&")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/@/g, `@${ZWSP}`)
    .replace(/#/g, `#${ZWSP}`)
    .replace(/:\/\//g, `:${ZWSP}//`)
    .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}${ZWSP}.`);
}

/** A code span holding `s` verbatim, whatever backticks it contains; safe in table cells. */
export function code(s: string): string {
  const v = oneLine(s);
  if (v === "") return "` `";
  let longest = 0;
  for (const m of v.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  const fence = "`".repeat(longest + 1);
  const pad = v.startsWith("`") || v.endsWith("`") || (v.startsWith(" ") && v.endsWith(" ")) ? " " : "";
  return `${fence}${pad}${v.replace(/\|/g, "\\|")}${pad}${fence}`;
}

/** A message with backtick code spans: code spans kept (re-fenced), the rest escaped. */
export function inline(s: string): string {
  const v = oneLine(s);
  let out = "";
  let i = 0;
  while (i < v.length) {
    const open = v.indexOf("`", i);
    if (open < 0) {
      out += text(v.slice(i));
      break;
    }
    out += text(v.slice(i, open));
    let n = 0;
    while (v[open + n] === "`") n++;
    // Find a closing run of exactly n backticks.
    let j = open + n;
    let close = -1;
    while (j < v.length) {
      const k = v.indexOf("`", j);
      if (k < 0) break;
      let m = 0;
      while (v[k + m] === "`") m++;
      if (m === n) {
        close = k;
        break;
      }
      j = k + m;
    }
    if (close < 0) {
      out += text(v.slice(open, open + n));
      i = open + n;
      continue;
    }
    out += code(v.slice(open + n, close).replace(/^ (.*) $/, "$1"));
    i = close + n;
  }
  return out;
}

/** Collapses line breaks and strips control characters (they have no place in one markdown line). */
export function oneLine(s: string): string {
  return showBidi(
    s
      .replace(/\r\n|\r|\n|\u2028|\u2029|\u0085/g, " ")
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "\ufffd"),
  );
}

/**
 * Bidirectional controls (U+202A-U+202E, U+2066-U+2069; "Trojan Source", CVE-2021-42574) shown as
 * `<U+202E>`: they would reorder what a reader sees.
 */
export function showBidi(s: string): string {
  return s.replace(
    /[\u202a-\u202e\u2066-\u2069]/g,
    (c) => `<U+${c.charCodeAt(0).toString(16).toUpperCase()}>`,
  );
}

/**
 * Repository text printed to a terminal or a workflow log: line breaks shown as `\n` (a value never
 * starts a line, so it cannot be read as a `::workflow-command::`), other controls replaced, bidi
 * controls shown.
 */
export function terminal(s: string): string {
  return showBidi(
    s
      .replace(/\r\n|\r|\n|\u2028|\u2029|\u0085/g, (c) =>
        c === "\n" ? "\\n" : c === "\r" ? "\\r" : c === "\r\n" ? "\\r\\n" : "\ufffd",
      )
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, "\ufffd"),
  );
}
