/**
 * How rules and reports treat a variable's name: whether a declaration covers a read
 * ({@link declares}), how a read is named in a message, which names the platform or well-known
 * tooling provides, which look like secrets, and how a default is shown (secret-looking defaults as
 * their length only).
 */

import type { PyDefault } from "../sources/settings.js";
import type { EnvDeclaration, EnvRead, EnvVariable } from "./env.js";
import { classifySecret, isPlaceholder } from "./secrets.js";

/** Does `d` declare `v`? Case-insensitive unless every read of `v` is case-sensitive. */
export function declares(d: EnvDeclaration, v: EnvVariable): boolean {
  return v.names.some((n) => (v.caseSensitive ? n === d.name : n.toUpperCase() === d.name.toUpperCase()));
}

/** How a message names the place a variable is read: the settings field, or the call and its line. */
export function describeRead(r: EnvRead): string {
  if (r.reader === "shell") return `the shell script at ${r.span.file}:${r.span.line}`;
  return r.owner ? `\`${r.owner}\`` : `the \`${r.reader}\` read at ${r.span.file}:${r.span.line}`;
}

/** Set by Railway itself (https://docs.railway.com/reference/variables#railway-provided-variables). */
export function isProvidedByPlatform(name: string): boolean {
  const n = name.toUpperCase();
  return (
    n === "PORT" ||
    n.startsWith("RAILWAY_") ||
    ["HOME", "PATH", "USER", "HOSTNAME", "PWD", "SHELL", "LANG", "TERM", "TMPDIR"].includes(n)
  );
}

/**
 * Read by the builder, the server or well-known SDKs rather than by the service's own code, so a
 * documented one is not stale even when no code names it.
 */
export function isReadByTooling(name: string): boolean {
  const n = name.toUpperCase();
  return (
    isProvidedByPlatform(n) ||
    /^(NIXPACKS|RAILPACK|UVICORN|GUNICORN|HYPERCORN|PYTHON|PIP|POETRY|UV|SENTRY|OTEL|AWS|GOOGLE|AZURE|HF|HUGGINGFACE|OPENAI|ANTHROPIC|LANGCHAIN|LANGSMITH|NEW_RELIC|DD|DATADOG|LOGFIRE)_/.test(
      n,
    ) ||
    [
      "WEB_CONCURRENCY",
      "DJANGO_SETTINGS_MODULE",
      "TZ",
      "DEBUG_MODE",
      "CELERY_BROKER_URL",
      "NODE_ENV",
    ].includes(n)
  );
}

const NOT_SECRET_SUFFIX =
  /_(URL|URI|HOST|HOSTNAME|PORT|NAME|USER|USERNAME|ID|FILE|PATH|DIR|HEADER|PREFIX|ALGORITHM|ALG|TYPE|MINUTES|SECONDS|HOURS|DAYS|TTL|EXPIRY|EXPIRES|EXPIRE|EXPIRATION|LIFETIME|LENGTH|SIZE|TIMEOUT|FIELD|PARAM|ENABLED|REQUIRED|ROTATION|LOCATION|ISSUER|AUDIENCE)$/;

/** `*_KEY`, `*_SECRET`, `*TOKEN*`, `*PASSWORD*` ..., minus public keys and settings about secrets. */
export function isSecretName(name: string): boolean {
  const n = name.toUpperCase();
  if (/PUBLIC|PUBLISHABLE/.test(n) || NOT_SECRET_SUFFIX.test(n)) return false;
  return /(^|_)(KEY|SECRET)$|^SECRET_|_SECRET_|TOKEN|PASSWORD|PASSWD|(^|_)(PWD|PASS|PRIVATE_KEY|CREDENTIALS)$/.test(
    n,
  );
}

const URL_PASSWORD = /^[a-z][a-z0-9+.-]*:\/\/[^:@/\s]*:([^@\s]+)@/i;

/** How a default is shown in reports. Secret-looking values are replaced by their length. */
export function displayDefault(name: string, d: PyDefault): string {
  if (d.kind === "none") return "None";
  if (d.kind === "expression") {
    if (isSecretName(name) && /["']/.test(d.text)) return "(hidden expression)";
    return d.text.length > 60 ? `${d.text.slice(0, 57)}…` : d.text;
  }
  const v = d.value;
  const url = URL_PASSWORD.exec(v.trim());
  if (url) return `(URL with a password, ${v.length} characters, hidden)`;
  if (classifySecret(name, v) || (isSecretName(name) && !/^\d+$/.test(v) && !isPlaceholder(v)))
    return `(${v.length} characters, hidden)`;
  if (v === "") return '""';
  return v.length > 60 ? `${v.slice(0, 57)}…` : v;
}
