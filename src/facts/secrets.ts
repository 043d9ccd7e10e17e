/**
 * Is a committed value a secret? Decided on the VALUE, not on the name it is assigned to:
 *
 * 1. known credential formats (error). Patterns follow gitleaks' default rules
 *    (https://github.com/gitleaks/gitleaks/blob/master/config/gitleaks.toml, rules `aws-access-token`,
 *    `github-pat`, `github-fine-grained-pat`, `github-oauth`, `github-app-token`, `slack-bot-token`,
 *    `slack-user-token`, `stripe-access-token`, `gcp-api-key`, `openai-api-key`, `anthropic-api-key`,
 *    `jwt`, `private-key`) and GitHub secret scanning's supported patterns
 *    (https://docs.github.com/en/code-security/secret-scanning/introduction/supported-secret-scanning-patterns);
 * 2. a URL whose password is long and random and whose host is not local (error): `localhost`,
 *    `127.0.0.1`, `0.0.0.0`, `::1`, `host.docker.internal`, reserved example/test domains and
 *    single-label hosts (docker-compose service names such as `db`, `postgres`) are local;
 * 3. a long, high-entropy string in a credential-named setting (warning): gitleaks'
 *    `generic-api-key` uses the same idea (a secret-ish key name, then Shannon entropy >= 3.5).
 *
 * Never a secret: numbers, values under 12 characters, multi-line or SQL text (except a private-key
 * block), placeholders (a word list, `${VAR}` references, and mostly-lowercase words joined by `-`
 * or `_` such as `replace-with-a-long-random-string`).
 *
 * Callers get the kind and length only; the value never leaves this module.
 */
import type { Span } from "../model/span.js";
import { children, parsePython, type SyntaxNode, stringLiteralValue } from "../python/parse.js";

export type SecretKind =
  | "aws-access-key"
  | "github-token"
  | "slack-token"
  | "stripe-live-key"
  | "google-api-key"
  | "openai-api-key"
  | "anthropic-api-key"
  | "jwt"
  | "private-key"
  | "url-password"
  | "high-entropy";

export interface SecretVerdict {
  kind: SecretKind;
  /** Length of the secret part (the password for a URL, the matched token for a known format). */
  length: number;
  /** `error` for a known format or a live-looking DSN, `warning` for entropy alone. */
  confidence: "error" | "warning";
}

/** Human name of each kind, for messages. */
export const KIND_LABEL: Record<SecretKind, string> = {
  "aws-access-key": "an AWS access key id",
  "github-token": "a GitHub token",
  "slack-token": "a Slack token",
  "stripe-live-key": "a Stripe live key",
  "google-api-key": "a Google API key",
  "openai-api-key": "an OpenAI API key",
  "anthropic-api-key": "an Anthropic API key",
  jwt: "a JSON Web Token",
  "private-key": "a private key block",
  "url-password": "a URL with a password for a non-local host",
  "high-entropy": "a random-looking value",
};

/** Known formats, searched inside the value (a token may sit in `Bearer …` or a command line). */
const FORMATS: Array<{ kind: SecretKind; re: RegExp }> = [
  // gitleaks anthropic-api-key: sk-ant-api03-[a-zA-Z0-9_\-]{93}AA (and admin01 keys).
  { kind: "anthropic-api-key", re: /\bsk-ant-(?:api03|admin01)-[A-Za-z0-9_-]{80,}/ },
  // gitleaks openai-api-key: project/service/admin keys, and legacy keys holding "T3BlbkFJ".
  { kind: "openai-api-key", re: /\bsk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]{40,}/ },
  { kind: "openai-api-key", re: /\bsk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}\b/ },
  { kind: "openai-api-key", re: /\bsk-[A-Za-z0-9]{48}\b/ },
  // gitleaks aws-access-token: (A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}.
  { kind: "aws-access-key", re: /\b(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}\b/ },
  // gitleaks github-pat / github-oauth / github-app-token / github-fine-grained-pat.
  { kind: "github-token", re: /\b(?:ghp|gho|ghu|ghs|ghr)_[0-9A-Za-z]{36}\b/ },
  { kind: "github-token", re: /\bgithub_pat_[0-9A-Za-z_]{82}\b/ },
  // gitleaks slack-bot-token / slack-user-token / slack-app-token.
  { kind: "slack-token", re: /\bxox[bpaers]-[0-9]{10,13}-[0-9A-Za-z-]{10,}/ },
  { kind: "slack-token", re: /\bxapp-\d-[A-Z0-9]+-\d+-[a-z0-9]+/i },
  // gitleaks stripe-access-token, live/prod only (test-mode keys move no money).
  { kind: "stripe-live-key", re: /\b(?:sk|rk)_(?:live|prod)_[0-9A-Za-z]{10,99}\b/ },
  // gitleaks gcp-api-key: AIza[\w-]{35}.
  { kind: "google-api-key", re: /\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/ },
  // gitleaks jwt: ey…​.ey…​.…
  { kind: "jwt", re: /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{16,}/ },
];

/** gitleaks private-key: a BEGIN … PRIVATE KEY header with real base64 content after it. */
const PRIVATE_KEY = /-----BEGIN[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----\s*[A-Za-z0-9+/=\s]{64,}/;

const URL_USERINFO = /\b([a-z][a-z0-9+.-]*):\/\/([^:@/\s"'`]*):([^@/\s"'`]+)@([^/:?#\s"'`]+)/i;

/** Names that hold credentials (for the entropy check only). */
const SECRET_NAME =
  /(^|_)(KEY|SECRET|TOKEN|PASSWORD|PASSWD|PWD|PASS|APIKEY|CREDENTIALS?|AUTH)($|_)|SECRET|TOKEN|PASSWORD|APIKEY|API_KEY/i;
/** ... unless they are about a credential rather than one (sizes, names, ids, URLs). */
const NOT_SECRET_NAME =
  /(PUBLIC|PUBLISHABLE|ANON)|_(URL|URI|HOST|HOSTNAME|PORT|NAME|USER|USERNAME|ID|FILE|PATH|DIR|HEADER|PREFIX|ALGORITHM|ALG|TYPE|MINUTES|MINS|SECONDS|SECS|HOURS|DAYS|TTL|EXPIRY|EXPIRES|EXPIRE|EXPIRATION|LIFETIME|LENGTH|LEN|SIZE|TIMEOUT|FIELD|PARAM|ENABLED|REQUIRED|ROTATION|LOCATION|ISSUER|AUDIENCE|LIMIT|MAX|MIN|COUNT|USAGE|EXPECTED|STATE|KEY_NAME|ENV|VAR|MODE|SCOPE|SCOPES)$|^(MAX|MIN)_|_(MAX|MIN)_/i;

export function isCredentialName(name: string): boolean {
  return SECRET_NAME.test(name) && !NOT_SECRET_NAME.test(name);
}

const PLACEHOLDER_WORDS =
  /^(none|null|nil|undefined|todo|tbd|fixme|dummy|placeholder|example|sample|test|testing|secret|password|token|key|dev|development|local|changeme|changeit|default|insecure|notasecret|postgres|postgresql|mysql|root|admin|guest|devkey|devsecret|supersecret|mysecret|secretkey|password123|123456|12345678|abc123|qwerty)$/i;
const PLACEHOLDER_MARKS =
  /change[-_ ]?(me|this|it)|replace|your[-_ ]|^(my|some)[-_]|<.*>|\{\{.*\}\}|xxx|\.\.\.|^fake|^dummy|^example|^sample|^test[-_]|_here$|-here$|placeholder|insecure|not[-_]?a[-_]?secret|do[-_]?not[-_]?use|^\*+$|^x+$/i;

/** `${VAR}`, `${{ Postgres.DATABASE_URL }}`, `$VAR`, `%VAR%`, `{var}`: references, not values. */
function isReference(v: string): boolean {
  return /\$\{|\$[A-Za-z_]|%[A-Za-z_]+%|^\{[^}]*\}$|^\[.*\]$/.test(v);
}

/** Mostly-lowercase words joined by `-` or `_` (`dev-bootstrap-key`, `replace-with-a-long-random-string`). */
function isWordPhrase(v: string): boolean {
  if (!/^[A-Za-z0-9]+([-_.][A-Za-z0-9]+)+$/.test(v)) return false;
  const parts = v.split(/[-_.]/);
  const words = parts.filter(
    (p) => /^[a-z]{2,}$/.test(p) || /^[A-Z][a-z]+$/.test(p) || /^[A-Z]{2,}$/.test(p) || /^\d{1,4}$/.test(p),
  );
  return words.length * 3 >= parts.length * 2;
}

/** Documentation fakes: `AKIAIOSFODNN7EXAMPLE`, `ghp_ABCDEFabcdef1234567890…`, `sk_test_xxxx`. */
function isFake(v: string): boolean {
  return (
    /example|fake|dummy|sample|xxxx|0000000/i.test(v) ||
    /abcde|bcdef|cdefg|defgh|12345|23456|34567|45678|56789|qrstu|rstuv|stuvw|tuvwx|uvwxy|vwxyz/.test(
      v.toLowerCase(),
    )
  );
}

/** jwt.io's sample (`"sub": "1234567890", "name": "John Doe"`) and other made-up claims. */
function isFakeJwt(token: string): boolean {
  const payload = token.split(".")[1] ?? "";
  let json = "";
  try {
    json = Buffer.from(payload.replace(/-/g, "+").replace(/_/g, "/"), "base64").toString("utf8");
  } catch {
    return false;
  }
  return isFake(json) || /john doe|jane doe|test|admin/i.test(json);
}

export function isPlaceholder(v: string): boolean {
  const t = v.trim().replace(/^["']|["']$/g, "");
  return (
    t === "" ||
    isReference(t) ||
    PLACEHOLDER_WORDS.test(t) ||
    PLACEHOLDER_MARKS.test(t) ||
    isWordPhrase(t) ||
    isFake(t)
  );
}

/** Shannon entropy in bits per character. */
export function entropy(s: string): number {
  const counts = new Map<string, number>();
  for (const c of s) counts.set(c, (counts.get(c) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / s.length;
    h -= p * Math.log2(p);
  }
  return h;
}

/** Long, mixed character classes, high entropy, no spaces: looks generated. */
function looksRandom(s: string, minLength: number): boolean {
  if (s.length < minLength || /\s/.test(s)) return false;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(s)).length;
  if (classes < 2) return false;
  return entropy(s) >= (s.length >= 32 ? 3.5 : 3.2) && !isPlaceholder(s);
}

function isLocalHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, "");
  return (
    !h.includes(".") || // docker-compose service names (db, postgres, redis), localhost
    /^(localhost|127\.\d+\.\d+\.\d+|0\.0\.0\.0|::1|host\.docker\.internal|.*\.local|.*\.localhost|.*\.test|.*\.example|.*\.invalid|example\.(com|org|net)|.*\.example\.(com|org|net))$/.test(
      h,
    ) ||
    /^(10|192\.168)\.|^172\.(1[6-9]|2\d|3[01])\./.test(h)
  );
}

/**
 * The verdict on one value. `name` (the variable or setting it is assigned to, if any) only enables
 * the entropy check; known formats and URL passwords are found whatever the name.
 */
export function classifySecret(name: string | null, value: string): SecretVerdict | null {
  const v = value.trim();
  if (v.length < 12) return null;
  const pk = PRIVATE_KEY.exec(v);
  if (pk) return { kind: "private-key", length: pk[0].length, confidence: "error" };
  if (/[\r\n]/.test(v)) return null; // multi-line text: SQL, docs, templates
  if (/^[-+]?[\d_.,]+$/.test(v)) return null; // numbers and sizes
  if (/^\s*(CREATE|SELECT|INSERT|UPDATE|DELETE|ALTER|DROP|WITH)\s/i.test(v)) return null;
  if (!(name && /ANON|PUBLIC|PUBLISHABLE/i.test(name))) {
    for (const f of FORMATS) {
      const m = f.re.exec(v);
      if (
        m &&
        !PLACEHOLDER_MARKS.test(m[0]) &&
        !isFake(m[0]) &&
        !(f.kind === "jwt" && isFakeJwt(m[0])) &&
        entropy(m[0]) >= 3
      ) {
        return { kind: f.kind, length: m[0].length, confidence: "error" };
      }
      if (m) return null; // a documentation fake in a credential's format: not a secret either way
    }
  }
  const u = URL_USERINFO.exec(v);
  if (u) {
    const password = u[3]!;
    if (isLocalHost(u[4]!) || isReference(password)) return null;
    if (looksRandom(password, 16))
      return { kind: "url-password", length: password.length, confidence: "error" };
    return null;
  }
  // Entropy alone: only for a credential-looking identifier (not a bare `key`: S3 object keys, dict
  // keys), and never for paths, file names, URLs or the name itself.
  if (
    name &&
    /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) &&
    !/^key$/i.test(name) &&
    isCredentialName(name) &&
    v.toUpperCase() !== name.toUpperCase() &&
    !/[/\\\s]|:\/\/|\.[a-z]{2,4}$|^[a-z]+:/i.test(v) &&
    looksRandom(v, 16)
  ) {
    return { kind: "high-entropy", length: v.length, confidence: "warning" };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Scanners: each yields the places a committed value sits, with the name it is assigned to.

export interface FoundSecret extends SecretVerdict {
  /** The variable/setting name, or null when the value is not assigned to a name. */
  name: string | null;
  span: Span;
}

/** Template files hold examples, never real values. */
export function isTemplateFile(file: string): boolean {
  const b = file.slice(file.lastIndexOf("/") + 1).toLowerCase();
  return /\.(example|sample|template|tmpl|tpl|dist)(\.[a-z0-9]+)?$|^(example|sample|template)\.|[._-](example|sample|template)\.env$|^env[._-]example/.test(
    b,
  );
}

/** Every string literal of a Python module, with the name it is bound to when there is one. */
export function scanPython(file: string, text: string, opts: { test?: boolean } = {}): FoundSecret[] {
  const py = parsePython(text);
  const out: FoundSecret[] = [];
  const cursor = py.tree.cursor();
  do {
    const n = cursor.node;
    if (n.name !== "String" && n.name !== "ConcatenatedString" && n.name !== "ContinuedString") continue;
    if (n.parent && (n.parent.name === "ConcatenatedString" || n.parent.name === "ContinuedString")) continue;
    if (n.parent?.name === "FormatString") continue;
    const raw = py.text(n);
    if (/^[fFbB]|^[rR][fFbB]/.test(raw)) continue; // f-strings and bytes
    const value = stringLiteralValue(py, n);
    if (value === null) continue;
    const name = boundName(py.text.bind(py), n);
    const v = classifySecret(name, value);
    // Test code is full of made-up tokens (and test vectors for token formats): there a
    // random-looking value is not reported and a known format is only a warning; a live DSN stays an error.
    if (!v || (opts.test && v.confidence === "warning")) continue;
    if (opts.test && v.kind !== "url-password") v.confidence = "warning";
    const a = py.position(n.from);
    const b = py.position(n.to);
    out.push({
      ...v,
      name,
      span: { file, line: a.line, column: a.column, endLine: b.line, endColumn: b.column },
    });
  } while (cursor.next());
  return out;
}

/** `NAME = "…"`, `name: str = "…"`, `f(name="…")`, `{"NAME": "…"}`, `os.getenv("NAME", "…")`. */
function boundName(text: (n: SyntaxNode) => string, n: SyntaxNode): string | null {
  const p = n.parent;
  if (!p) return null;
  const sib = children(p);
  const i = sib.findIndex((c) => c.from === n.from && c.to === n.to);
  const prev = (k: number) => sib[i - k];
  if (p.name === "AssignStatement" && prev(1)?.name === "AssignOp") {
    const t = prev(2);
    if (t?.name === "VariableName") return text(t);
    if (t?.name === "MemberExpression") return text(t).split(".").pop() ?? null;
    if (t?.name === "TypeDef" && prev(3)?.name === "VariableName") return text(prev(3)!);
  }
  if (p.name === "ArgList" && prev(1)?.name === "AssignOp" && prev(2)?.name === "VariableName")
    return text(prev(2)!);
  if (p.name === "DictionaryExpression" && prev(1)?.name === ":" && prev(2)) {
    const k = prev(2)!;
    if (k.name === "String") return text(k).replace(/^["']|["']$/g, "");
  }
  const callee = p.parent?.firstChild;
  if (
    p.name === "ArgList" &&
    prev(1)?.name === "," &&
    prev(2)?.name === "String" &&
    i === 3 &&
    callee &&
    /(^|\.)(getenv|get|setdefault|config|env|str)$/.test(text(callee))
  ) {
    // os.getenv("NAME", "default") / environ.get / setdefault
    return text(prev(2)!).replace(/^["']|["']$/g, "");
  }
  return null;
}

/**
 * Shell (`.sh`, `.bash`) and PowerShell (`.ps1`) scripts: `NAME=value`, `export NAME=value`,
 * `$env:NAME = "value"`, and known formats anywhere on a line (`-H "Authorization: Bearer …"`).
 */
export function scanScript(file: string, text: string): FoundSecret[] {
  const out: FoundSecret[] = [];
  text.split("\n").forEach((line, i) => {
    const assign =
      /^(\s*(?:export\s+|readonly\s+|local\s+|declare\s+(?:-x\s+)?|set\s+)?)([A-Za-z_][A-Za-z0-9_]*)=(["']?)([^"'\s]*)\3/.exec(
        line,
      ) ?? /^(\s*\$env:)([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(["'])([^"']*)\3/i.exec(line);
    if (assign) {
      const name = assign[2]!;
      const value = assign[4]!;
      const v = classifySecret(name, value);
      if (v) {
        const col = line.indexOf(value, assign[1]!.length + name.length) + 1;
        out.push({
          ...v,
          name,
          span: { file, line: i + 1, column: col, endLine: i + 1, endColumn: col + value.length },
        });
        return;
      }
    }
    // Known formats and URLs anywhere else on the line (arguments, headers).
    for (const tok of line.matchAll(/[^\s"'`=;|&()<>]{12,}/g)) {
      const v = classifySecret(null, tok[0]);
      if (!v || v.kind === "high-entropy") continue;
      const col = tok.index! + 1;
      out.push({
        ...v,
        name: null,
        span: { file, line: i + 1, column: col, endLine: i + 1, endColumn: col + tok[0].length },
      });
      return;
    }
  });
  return out;
}

/** Dockerfile `ENV NAME=value`, `ENV NAME value`, `ARG NAME=default`. */
/**
 * The `NAME=value` pairs of an `ENV`/`ARG` instruction's arguments (and the legacy `ENV NAME value`
 * form), with the offsets of the name and of the value (quotes included) in `args`.
 */
export function dockerEnvPairs(
  keyword: string,
  args: string,
): Array<{ name: string; value: string; nameAt: number; valueAt: number; valueLength: number }> {
  const out: Array<{ name: string; value: string; nameAt: number; valueAt: number; valueLength: number }> =
    [];
  const lead = args.length - args.trimStart().length;
  const legacy = /^([A-Za-z_][A-Za-z0-9_]*)(\s+)(?!\S*=)(.+)$/.exec(args.trim());
  if (keyword.toUpperCase() === "ENV" && legacy) {
    const raw = legacy[3]!.trim();
    out.push({
      name: legacy[1]!,
      value: raw.replace(/^(["'])(.*)\1$/, "$2"),
      nameAt: lead,
      valueAt: lead + legacy[1]!.length + legacy[2]!.length,
      valueLength: raw.length,
    });
  } else
    for (const m of args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("([^"]*)"|'([^']*)'|(\S*))/g))
      out.push({
        name: m[1]!,
        value: m[3] ?? m[4] ?? m[5] ?? "",
        nameAt: m.index!,
        valueAt: m.index! + m[1]!.length + 1,
        valueLength: m[2]!.length,
      });
  return out;
}

/**
 * `ENV`/`ARG` of a Dockerfile. `locate` maps an offset in `args` to its line and 1-based column in
 * the file (continuation lines included); without it every finding points at the instruction.
 */
export function scanDockerfileInstruction(
  keyword: string,
  args: string,
  span: Span,
  locate?: (offset: number) => { line: number; column: number },
): FoundSecret[] {
  const out: FoundSecret[] = [];
  const k = keyword.toUpperCase();
  if (k !== "ENV" && k !== "ARG") return out;
  const pairs = dockerEnvPairs(k, args).map((p) => [p.name, p.value, p.valueAt, p.valueLength] as const);
  for (const [name, value, at, len] of pairs) {
    const v = classifySecret(name, value);
    if (!v) continue;
    const start = locate?.(at);
    const end = locate?.(at + len);
    const where: Span = start
      ? {
          file: span.file,
          line: start.line,
          column: start.column,
          endLine: end?.line ?? start.line,
          endColumn: end?.column ?? start.column + len,
        }
      : span;
    out.push({ ...v, name, span: where });
  }
  return out;
}
