/**
 * Applies a server's option table to its argv: scanning options and positionals, host/port/bind
 * (gunicorn/hypercorn bind syntax: HOST, HOST:PORT, [V6]:PORT, :PORT, unix:PATH, fd://N), `$PORT`
 * references, and the per-server argument forms (ASGI/WSGI servers, fastapi, flask, Django).
 */

import { DJANGO, FASTAPI, FLASK_RUN, GENERIC, type ServerSpec, SPECS } from "./servers.js";
import { pub, type RawWord, rawOf, sub } from "./shell.js";
import type { ParsedStart, ServerInvocation, ServerKind } from "./types.js";

export function blank(kind: ServerKind, executable: RawWord): ServerInvocation {
  return {
    kind,
    executable: pub(executable),
    interpreter: null,
    module: null,
    appRef: null,
    host: null,
    port: null,
    portFromEnv: false,
    portFromEnvImplicit: false,
    reload: null,
    workers: null,
    envAssignments: [],
    wrappers: [],
    workdirs: [],
    appDir: null,
    configFile: null,
    bind: null,
    subcommand: null,
    appName: null,
    factory: null,
    segmentIndex: 0,
  };
}

export interface ScannedOptions {
  positionals: RawWord[];
  opts: Array<{ name: string; word: RawWord; value: RawWord | null }>;
}

/** Splits argv into options (with values per `spec.valued`) and positionals. Unknown options are flags. */
export function scan(args: RawWord[], spec: ServerSpec, stopAtPositional = false): ScannedOptions {
  const positionals: RawWord[] = [];
  const opts: ScannedOptions["opts"] = [];
  for (let i = 0; i < args.length; i++) {
    const w = args[i]!;
    const t = w.text;
    if (t === "--") {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (t.startsWith("--") && t.length > 2) {
      const eq = t.indexOf("=");
      const name = eq < 0 ? t : t.slice(0, eq);
      if (eq >= 0) opts.push({ name, word: w, value: sub(w, eq + 1, t.length) });
      else if (spec.valued.has(name)) {
        opts.push({ name, word: w, value: args[i + 1] ?? null });
        i++;
      } else opts.push({ name, word: w, value: null });
      continue;
    }
    if (t.startsWith("-") && t.length > 1 && !/^-\d/.test(t)) {
      const name = t.slice(0, 2);
      if (spec.valued.has(name)) {
        if (t.length > 2) opts.push({ name, word: w, value: sub(w, t[2] === "=" ? 3 : 2, t.length) });
        else {
          opts.push({ name, word: w, value: args[i + 1] ?? null });
          i++;
        }
      } else opts.push({ name, word: w, value: null });
      continue;
    }
    positionals.push(w);
    if (stopAtPositional) {
      positionals.push(...args.slice(i + 1));
      break;
    }
  }
  return { positionals, opts };
}

export function applyOptions(
  inv: ServerInvocation,
  s: ScannedOptions,
  spec: ServerSpec,
  diags: ParsedStart["diagnostics"],
) {
  for (const o of s.opts) {
    const has = (list?: string[]) => !!list?.includes(o.name);
    if (has(spec.reload) && !inv.reload) inv.reload = pub(o.word);
    if (has(spec.factory) && !inv.factory) inv.factory = pub(o.word);
    if (!o.value) continue;
    if (has(spec.host)) setHost(inv, o.value);
    else if (has(spec.port)) setPort(inv, o.value, diags);
    else if (has(spec.bind)) {
      if (!inv.bind) {
        inv.bind = pub(o.value);
        applyBind(inv, o.value, diags);
      }
    } else if (has(spec.workers)) inv.workers = pub(o.value);
    else if (has(spec.appDir)) inv.appDir = pub(o.value);
    else if (has(spec.config)) inv.configFile = pub(o.value);
    else if (has(spec.appName)) inv.appName = pub(o.value);
  }
}

export function setHost(inv: ServerInvocation, w: RawWord) {
  inv.host = pub(w);
}

export function setPort(inv: ServerInvocation, w: RawWord, diags: ParsedStart["diagnostics"]) {
  inv.port = pub(w);
  inv.portFromEnv = expandsPort(w, diags);
  inv.portFromEnvImplicit = false;
}

/** True when the whole word is one expansion of PORT ($PORT, ${PORT}, ${PORT:-8000}, ${PORT-8000}, ...). */
export function isPortEnvReference(text: string): boolean {
  return /^(\$PORT|\$\{PORT\}|\$\{PORT:?[-=?][^}]*\})$/.test(text.trim());
}

export function expandsPort(w: RawWord, diags: ParsedStart["diagnostics"]): boolean {
  if (!isPortEnvReference(w.text)) return false;
  if (w.exps.some((e) => e.name === "PORT")) return true;
  const lit = w.literalParams.find((p) => p.name === "PORT");
  diags.push({
    message: "`$PORT` is inside single quotes, so the shell passes it literally instead of the port number",
    offset: lit?.offset ?? w.offset,
  });
  return false;
}

/** Parses a gunicorn/hypercorn bind value: HOST, HOST:PORT, [V6]:PORT, :PORT, unix:PATH, fd://N. */
export function applyBind(inv: ServerInvocation, w: RawWord, diags: ParsedStart["diagnostics"]) {
  let t = w.text;
  let base = 0;
  if (/^(unix:|fd:\/\/)/.test(t)) return;
  if (t.startsWith("tcp://")) {
    base = 6;
    t = t.slice(6);
  }
  if (t.startsWith("[")) {
    const close = t.indexOf("]");
    if (close > 0) {
      inv.host = pub(sub(w, base, base + close + 1));
      if (t[close + 1] === ":") setPort(inv, sub(w, base + close + 2, w.text.length), diags);
      return;
    }
  }
  // A colon inside ${PORT:-8000} is not the host/port separator: search outside expansions.
  const colon = findColonOutsideExpansions(w, base);
  if (colon < 0) {
    inv.host = pub(sub(w, base, w.text.length));
    return;
  }
  inv.host = pub(sub(w, base, colon));
  setPort(inv, sub(w, colon + 1, w.text.length), diags);
}

export function findColonOutsideExpansions(w: RawWord, from: number): number {
  for (let k = from; k < w.text.length; k++) {
    if (w.text[k] !== ":") continue;
    if (w.exps.some((e) => k > e.from && k < e.to)) continue;
    if (insideBraces(w.text, k)) continue;
    return k;
  }
  return -1;
}

export function insideBraces(t: string, k: number): boolean {
  const open = t.lastIndexOf("${", k);
  if (open < 0) return false;
  const close = t.indexOf("}", open);
  return close > k;
}

export function parseAsgiWsgi(inv: ServerInvocation, args: RawWord[], diags: ParsedStart["diagnostics"]) {
  const spec = SPECS[inv.kind]!;
  const s = scan(args, spec);
  applyOptions(inv, s, spec, diags);
  const app = s.positionals.find((p) => /^[\w.]+:/.test(p.text)) ?? s.positionals[0] ?? null;
  inv.appRef = app ? pub(app) : null;
  if (inv.kind === "gunicorn" && !inv.bind) {
    // gunicorn's documented default: 0.0.0.0:$PORT when PORT is set (see module comment).
    inv.portFromEnv = true;
    inv.portFromEnvImplicit = true;
  }
  return inv;
}

export function parseFastapi(inv: ServerInvocation, args: RawWord[], diags: ParsedStart["diagnostics"]) {
  const s = scan(args, FASTAPI);
  applyOptions(inv, s, FASTAPI, diags);
  const [subc, path] = s.positionals;
  if (subc) inv.subcommand = pub(subc);
  if (path) inv.appRef = pub(path);
  const noReload = s.opts.some((o) => o.name === "--no-reload");
  if (noReload) inv.reload = null;
  else if (subc?.text === "dev" && !inv.reload) inv.reload = pub(subc);
  return inv;
}

export function parseFlask(inv: ServerInvocation, args: RawWord[], diags: ParsedStart["diagnostics"]) {
  const s = scan(args, FLASK_RUN);
  const subc = s.positionals[0];
  if (subc?.text !== "run") {
    const other = blank("other", rawOf(inv.executable));
    if (subc) other.subcommand = pub(subc);
    return other;
  }
  applyOptions(inv, s, FLASK_RUN, diags);
  inv.subcommand = pub(subc);
  if (inv.appName) {
    inv.appRef = inv.appName;
    inv.appName = null;
  }
  if (s.opts.some((o) => o.name === "--no-reload")) inv.reload = null;
  return inv;
}

/** Django `runserver [addrport]` (args start at the `runserver` word). */
export function parseDjango(
  inv: ServerInvocation,
  script: RawWord | null,
  args: RawWord[],
  diags: ParsedStart["diagnostics"],
) {
  const runserver = args[0];
  if (runserver?.text !== "runserver")
    return parseGeneric(blank("other", rawOf(inv.executable)), args, diags);
  const s = scan(args.slice(1), DJANGO);
  inv.subcommand = pub(runserver);
  inv.appRef = script ? pub(script) : null;
  if (!s.opts.some((o) => o.name === "--noreload")) inv.reload = pub(runserver);
  const addr = s.positionals[0];
  if (addr) {
    const t = addr.text;
    if (/^\d+$/.test(t) || isPortEnvReference(t)) setPort(inv, addr, diags);
    else if (t.startsWith("[")) {
      const close = t.indexOf("]");
      inv.host = pub(sub(addr, 0, close < 0 ? t.length : close + 1));
      if (close > 0 && t[close + 1] === ":") setPort(inv, sub(addr, close + 2, t.length), diags);
    } else {
      const colon = findColonOutsideExpansions(addr, 0);
      if (colon < 0) inv.host = pub(addr);
      else {
        inv.host = pub(sub(addr, 0, colon));
        setPort(inv, sub(addr, colon + 1, t.length), diags);
      }
    }
  }
  return inv;
}

export function parseGeneric(inv: ServerInvocation, args: RawWord[], diags: ParsedStart["diagnostics"]) {
  const s = scan(args, GENERIC);
  applyOptions(inv, s, GENERIC, diags);
  return inv;
}
