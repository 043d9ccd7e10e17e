/**
 * Credentials committed inside a deployment file's line (issue 12 item 8): URL userinfo in a
 * requirement or an index option (`pkg @ git+https://x-access-token:ghp_…@github.com/…`,
 * `--index-url https://user:<token>@host/simple`) and `NAME=value` assignments in a command
 * (`web: API_KEY=… gunicorn app:app`, a railway.json `startCommand`, a Dockerfile `RUN`).
 *
 * Where they sit is found by the same linear scanner that hides them in every output
 * (model/redact.ts `findCredentials`); whether a value *is* a credential is decided on the value by
 * ./secrets.ts `classifySecret` (known formats, a long random password for a host that is not local,
 * a random value in a credential-named variable), so a placeholder (`user:password@`, `API_KEY=dummy`)
 * or a reference (`${PIP_TOKEN}`, which pip expands in requirements files) is never reported.
 */

import { findCredentials } from "../model/redact.js";
import type { Span } from "../model/span.js";
import type { Workspace } from "../repo/workspace.js";
import type { CommittedSecret } from "./env.js";
import { classifySecret, isTemplateFile } from "./secrets.js";

export interface InlineSecret extends Omit<CommittedSecret, "origin"> {
  /** A requirements file line, or a line of a deployment config (Procfile, railway/nixpacks/railpack config, Dockerfile). */
  origin: "requirements" | "deploy-config";
}

/** Characters that end a URL token on a line (whitespace, quotes, shell and TOML/JSON punctuation). */
const TOKEN_STOP = /[\s"'`,;|&()<>[\]{}]/;

/** The whitespace/quote-delimited token of `s` around [start, end). */
function urlToken(s: string, start: number, end: number): string {
  let a = start;
  while (a > 0 && !TOKEN_STOP.test(s[a - 1]!)) a--;
  let b = end;
  while (b < s.length && !TOKEN_STOP.test(s[b]!)) b++;
  return s.slice(a, b);
}

/** The credentials in one file's text, at most one per line (the first, which the finding names). */
export function scanInlineCredentials(
  file: string,
  text: string,
  origin: InlineSecret["origin"],
): InlineSecret[] {
  const out: InlineSecret[] = [];
  if (isTemplateFile(file) || (!text.includes("://") && !text.includes("="))) return out;
  let line = 0;
  for (let at = 0; at <= text.length; ) {
    const nl = text.indexOf("\n", at);
    const end = nl < 0 ? text.length : nl;
    const s = text.slice(at, end);
    line++;
    for (const c of s.includes("://") || s.includes("=") ? findCredentials(s) : []) {
      // For a URL, the whole token: classifySecret decides on its password and host, or on a token
      // given as the user alone (`https://ghp_…@github.com`).
      const value = c.kind === "assignment" ? s.slice(c.start, c.end) : urlToken(s, c.start, c.end);
      const verdict =
        classifySecret(c.name ?? null, value) ??
        (c.kind === "url-userinfo" ? classifySecret(null, s.slice(c.start, c.end)) : null);
      if (!verdict || (c.kind === "url-userinfo" && verdict.kind === "high-entropy")) continue;
      const span: Span = {
        file,
        line,
        column: c.start + 1,
        endLine: line,
        endColumn: c.end + 1,
      };
      out.push({
        name: c.name ?? null,
        span,
        length: verdict.length,
        origin,
        kind: verdict.kind,
        confidence: verdict.confidence,
      });
      break;
    }
    if (nl < 0) break;
    at = nl + 1;
  }
  return out;
}

/** Every requirements file and deployment config of a service, scanned once each. */
export function inlineSecrets(
  ws: Workspace,
  requirementFiles: Iterable<string>,
  configFiles: Array<string | null | undefined>,
): InlineSecret[] {
  const out: InlineSecret[] = [];
  const seen = new Set<string>();
  const scan = (file: string, origin: InlineSecret["origin"]) => {
    if (seen.has(file)) return;
    seen.add(file);
    const r = ws.read(file);
    if (r.kind === "ok") out.push(...scanInlineCredentials(file, r.text, origin));
  };
  for (const f of requirementFiles) scan(f, "requirements");
  for (const f of configFiles) if (f) scan(f, "deploy-config");
  return out;
}
