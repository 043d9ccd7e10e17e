/**
 * Hides credentials a finding would otherwise quote from a repository: the userinfo of a URL
 * (`git+https://x-access-token:ghp_…@github.com/…`, `--index-url https://user:pw@host/simple`) and the
 * value of a credential-named `NAME=value` assignment in a command (`API_KEY=… gunicorn app:app`).
 * Applied to every text of a finding where findings are built (rules/define-rule.ts `toFinding`), so
 * the comment, annotations, summary, log, JSON and SARIF never carry the value.
 *
 * Hand-written scanners, linear in the text length (no backtracking regex over user text).
 */

export const REDACTED = "***";

/** A credential-looking variable name (`API_KEY`, `DB_PASSWORD`, `GITHUB_TOKEN`, `AUTH`...). */
const CREDENTIAL_NAME =
  /(KEY|TOKEN|SECRET|PASSW(OR)?D|PASS|PWD|AUTH|CREDENTIAL|PRIVATE|SIGNATURE|SALT|COOKIE)/i;

/** A URL user name that is no credential by itself (`git@github.com`, `deploy@host`). */
const PLAIN_USER = /^[a-z][a-z0-9._-]{0,31}$/;

export interface Credential {
  kind: "url-userinfo" | "assignment";
  /** Offsets of the hidden text in the input. */
  start: number;
  end: number;
  /** The assignment's variable name, for `assignment`. */
  name?: string;
}

function isSchemeChar(c: string): boolean {
  return /[A-Za-z0-9+.-]/.test(c);
}

function isNameChar(c: string): boolean {
  return /[A-Za-z0-9_]/.test(c);
}

/** Ends a URL's authority or a shell word. */
function isStop(c: string): boolean {
  return /[\s/?#@'"`<>()[\]{}|\\;,]/.test(c);
}

/** The credentials in `text`, in order; linear time. */
export function findCredentials(text: string): Credential[] {
  const out: Credential[] = [];
  // URL userinfo: `scheme://userinfo@host`.
  for (let i = text.indexOf("://"); i >= 0; i = text.indexOf("://", i + 3)) {
    if (i === 0 || !isSchemeChar(text[i - 1]!)) continue;
    const from = i + 3;
    let j = from;
    // userinfo may hold `:` and percent escapes; it ends at the first `@` before any stop character.
    while (j < text.length && !isStop(text[j]!)) j++;
    if (text[j] !== "@" || j === from) continue;
    const info = text.slice(from, j);
    const colon = info.indexOf(":");
    if (colon >= 0) {
      if (colon + 1 < info.length && info.slice(colon + 1) !== REDACTED)
        out.push({ kind: "url-userinfo", start: from + colon + 1, end: j });
    } else if (!PLAIN_USER.test(info) && info !== REDACTED) {
      out.push({ kind: "url-userinfo", start: from, end: j });
    }
  }
  // `NAME=value` with a credential-looking name, at the start of a word.
  for (let i = text.indexOf("="); i >= 0; i = text.indexOf("=", i + 1)) {
    let s = i;
    while (s > 0 && isNameChar(text[s - 1]!)) s--;
    if (s === i || /[0-9]/.test(text[s]!)) continue;
    if (s > 0 && !/[\s;&|(`'"]/.test(text[s - 1]!)) continue;
    const name = text.slice(s, i);
    if (!CREDENTIAL_NAME.test(name)) continue;
    let e = i + 1;
    const quote = text[e] === '"' || text[e] === "'" ? text[e]! : null;
    if (quote) {
      const close = text.indexOf(quote, e + 1);
      e = close < 0 ? text.length : close;
      const vs = i + 2;
      if (e > vs && !text.startsWith("$", vs) && text.slice(vs, e) !== REDACTED)
        out.push({ kind: "assignment", start: vs, end: e, name });
      continue;
    }
    while (e < text.length && !/[\s;&|`'"]/.test(text[e]!)) e++;
    const value = text.slice(i + 1, e);
    // A reference (`$API_KEY`, `${{ secrets.X }}`) or an empty value is no credential.
    if (value === "" || value.startsWith("$") || value === REDACTED || value.startsWith("<")) continue;
    out.push({ kind: "assignment", start: i + 1, end: e, name });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** `text` with every credential of `findCredentials` replaced by `***`. */
export function redactCredentials(text: string): string {
  if (!text.includes("://") && !text.includes("=")) return text;
  const creds = findCredentials(text);
  if (creds.length === 0) return text;
  let out = "";
  let at = 0;
  for (const c of creds) {
    if (c.start < at) continue;
    out += text.slice(at, c.start) + REDACTED;
    at = c.end;
  }
  return out + text.slice(at);
}

/**
 * A copy of a report model (plain objects, arrays, strings) with every string redacted; for the
 * report sections that quote start commands and requirement lines. Our own shallow model, so the
 * recursion is bounded by `depth` (deeper values are kept as they are).
 */
export function redactDeep<T>(value: T, depth = 32): T {
  if (typeof value === "string") return redactCredentials(value) as T;
  if (depth <= 0 || typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, depth - 1)) as T;
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = redactDeep(v, depth - 1);
  return out as T;
}
