/**
 * Start-command analysis: parses a command (shell.ts → commands.ts), picks the segment that starts
 * the server, recognises the server (direct, `python -m`, `python manage.py runserver`, …) and reads
 * its options (options.ts with servers.ts), plus the helpers callers use (splitAppRef, classifyHost).
 */

import { basename, type FlatSegment, flatten, splitSegments, stripPrefix } from "./commands.js";
import { blank, parseAsgiWsgi, parseDjango, parseFastapi, parseFlask, parseGeneric } from "./options.js";
import { DIRECT_SERVERS } from "./servers.js";
import { dedupe, pub, type RawWord, rawOf, sub, tokenize } from "./shell.js";
import type { ParsedStart, ServerInvocation, ServerKind, Word } from "./types.js";

export function parseStartCommand(cmd: string): ParsedStart {
  const diagnostics: ParsedStart["diagnostics"] = [];
  try {
    const text = typeof cmd === "string" ? cmd : "";
    const top = tokenize(text, (i) => i, text.length, diagnostics);
    const flat: FlatSegment[] = [];
    for (const seg of splitSegments(top, diagnostics)) flatten(seg, [], [], 0, flat, diagnostics);
    const segments = flat.map((s) => ({ words: s.words.map(pub), next: s.next }));
    const server = pickServer(flat, diagnostics);
    return { segments, server, diagnostics: dedupe(diagnostics) };
  } catch (e) {
    diagnostics.push({ message: `could not parse the start command: ${String(e)}`, offset: 0 });
    return { segments: [], server: null, diagnostics };
  }
}

// ---------------------------------------------------------------------------------------------
// Server recognition

export const SERVER_KINDS = new Set<ServerKind>([
  "uvicorn",
  "gunicorn",
  "hypercorn",
  "daphne",
  "granian",
  "fastapi-cli",
  "flask",
  "django-runserver",
]);

export const NOT_A_SERVER = new Set([
  "cd",
  "export",
  "echo",
  "printf",
  "set",
  "unset",
  "source",
  ".",
  "true",
  "false",
  ":",
  "sleep",
  "mkdir",
  "cp",
  "mv",
  "rm",
  "ls",
  "cat",
  "chmod",
  "chown",
  "touch",
  "test",
  "[",
  "[[",
  "wait",
  "trap",
  "ulimit",
  "umask",
  "alembic",
  "pip",
  "pip3",
  "prisma",
  "playwright",
]);

export const PYTHON_EXE = /^(python|pypy)(\d+(\.\d+)*t?)?(-dbg)?(\.exe)?$/;

export function pickServer(flat: FlatSegment[], diags: ParsedStart["diagnostics"]): ServerInvocation | null {
  let best: { inv: ServerInvocation; tier: number } | null = null;
  const cds: RawWord[] = [];
  flat.forEach((seg, idx) => {
    const p = stripPrefix(seg.words);
    const exe = seg.words[p.cmd];
    if (!exe) return;
    const b = basename(exe.text);
    if (b === "cd") {
      const target = seg.words[p.cmd + 1];
      if (target) cds.push(target);
      return;
    }
    if (NOT_A_SERVER.has(b)) return;
    const inv = recognise(seg.words, p.cmd, diags);
    inv.envAssignments = [...seg.outerAssign, ...p.assign].map(pub);
    inv.wrappers = [...seg.outerWrappers, ...p.wrappers].map(pub);
    inv.workdirs = cds.map(pub);
    inv.segmentIndex = idx;
    const tier = SERVER_KINDS.has(inv.kind)
      ? 3
      : inv.kind === "python-script" || inv.kind === "python-module"
        ? isOneShotPython(seg.words, p.cmd, inv)
          ? 1
          : 2
        : 1;
    if (!best || tier >= best.tier) best = { inv, tier };
  });
  return best === null ? null : (best as { inv: ServerInvocation }).inv;
}

export function isOneShotPython(words: RawWord[], cmd: number, inv: ServerInvocation): boolean {
  if (inv.kind === "python-module") {
    return ["alembic", "pip", "ensurepip", "venv", "compileall", "playwright", "nltk.downloader"].includes(
      inv.module?.text ?? "",
    );
  }
  if (inv.kind === "python-script" && basename(inv.appRef?.text ?? "") === "manage.py") {
    const idx = words.findIndex((w, k) => k > cmd && inv.appRef !== null && w.offset === inv.appRef.offset);
    const sub = words[idx + 1]?.text ?? "";
    return sub !== "" && sub !== "runserver";
  }
  return false;
}

export function recognise(
  words: RawWord[],
  cmd: number,
  diags: ParsedStart["diagnostics"],
): ServerInvocation {
  const exe = words[cmd]!;
  const b = basename(exe.text);
  const rest = words.slice(cmd + 1);
  const direct = DIRECT_SERVERS[b];
  if (direct) return parseAsgiWsgi(blank(direct, exe), rest, diags);
  if (b === "fastapi") return parseFastapi(blank("fastapi-cli", exe), rest, diags);
  if (b === "flask") return parseFlask(blank("flask", exe), rest, diags);
  if (b === "django-admin") return parseDjango(blank("django-runserver", exe), null, rest, diags);
  if (PYTHON_EXE.test(b)) return parsePython(exe, rest, diags);
  return parseGeneric(blank("other", exe), rest, diags);
}

/** Python interpreter options that take a value. */
export const PY_VALUED = new Set(["-X", "-W", "--check-hash-based-pycs"]);

export function parsePython(
  exe: RawWord,
  rest: RawWord[],
  diags: ParsedStart["diagnostics"],
): ServerInvocation {
  let i = 0;
  while (i < rest.length) {
    const w = rest[i]!;
    const t = w.text;
    if (t === "--") {
      i++;
      break;
    }
    if (!t.startsWith("-") || t === "-") break;
    if (t === "-c" || (t.startsWith("-c") && !t.startsWith("--"))) {
      const inv = blank("other", exe);
      inv.interpreter = pub(exe);
      return inv;
    }
    if (t.startsWith("-m") && !t.startsWith("--")) {
      const modWord = t === "-m" ? rest[i + 1] : sub(w, 2, t.length);
      if (!modWord) {
        const inv = blank("python-module", exe);
        inv.interpreter = pub(exe);
        return inv;
      }
      const after = rest.slice(t === "-m" ? i + 2 : i + 1);
      return pythonModule(exe, modWord, after, diags);
    }
    // grouped short flags may end in a valued one: -uX utf8
    const last = t.startsWith("--") ? t.split("=")[0]! : `-${t[t.length - 1]}`;
    if (PY_VALUED.has(last) && !t.includes("=") && (t.length === 2 || t.startsWith("--"))) i += 2;
    else i++;
  }
  const script = rest[i];
  if (!script) {
    const inv = blank("other", exe);
    inv.interpreter = pub(exe);
    return inv;
  }
  if (basename(script.text) === "manage.py" && rest[i + 1]?.text === "runserver") {
    const inv = parseDjango(blank("django-runserver", exe), script, rest.slice(i + 1), diags);
    inv.interpreter = pub(exe);
    return inv;
  }
  const inv = parseGeneric(blank("python-script", exe), rest.slice(i + 1), diags);
  inv.interpreter = pub(exe);
  inv.appRef = pub(script);
  return inv;
}

export function pythonModule(
  exe: RawWord,
  modWord: RawWord,
  after: RawWord[],
  diags: ParsedStart["diagnostics"],
): ServerInvocation {
  const mod = modWord.text;
  let inv: ServerInvocation;
  const direct = DIRECT_SERVERS[mod];
  if (direct) inv = parseAsgiWsgi(blank(direct, exe), after, diags);
  else if (mod === "fastapi" || mod === "fastapi_cli")
    inv = parseFastapi(blank("fastapi-cli", exe), after, diags);
  else if (mod === "flask") inv = parseFlask(blank("flask", exe), after, diags);
  else if (mod === "django" && after[0]?.text === "runserver")
    inv = parseDjango(blank("django-runserver", exe), null, after, diags);
  else inv = parseGeneric(blank("python-module", exe), after, diags);
  inv.interpreter = pub(exe);
  inv.module = pub(modWord);
  return inv;
}

// ---------------------------------------------------------------------------------------------
// Helpers for callers

export interface AppRefParts {
  /** Dotted module (or, for hypercorn, a path-like module) before the colon. */
  module: Word;
  /** The attribute as written after the colon (factory parens stripped), or null when absent. */
  attr: Word | null;
  /**
   * The top-level name the server looks up: the written attribute's first segment, or the server's
   * default when absent (gunicorn: `application`, hypercorn: `app`); null when the server has no
   * default (uvicorn, daphne: they refuse a ref without `:attr`; granian: default unverified).
   */
  lookupName: string | null;
  /** `module:create_app()` or uvicorn/granian `--factory`. */
  factory: boolean;
  /** uvicorn and daphne fail at startup when the ref has no `:attr`. */
  missingRequiredAttr: boolean;
}

/**
 * Splits a server's app ref (`pkg.mod:attr`, `pkg.mod:create_app()`, `mysite.wsgi`) for the ASGI/WSGI
 * server kinds and flask's `--app`. Returns null for other kinds or when there is no app ref.
 */
export function splitAppRef(inv: ServerInvocation): AppRefParts | null {
  const kinds: ServerKind[] = ["uvicorn", "gunicorn", "hypercorn", "daphne", "granian", "flask"];
  if (!inv.appRef || !kinds.includes(inv.kind)) return null;
  const raw = rawOf(inv.appRef);
  let start = 0;
  // hypercorn's `asgi:module:app` / `wsgi:module:app` mode prefix
  if (inv.kind === "hypercorn" && /^(asgi|wsgi):[^:]*:/.test(raw.text)) start = raw.text.indexOf(":") + 1;
  const text = raw.text.slice(start);
  const colon = text.indexOf(":");
  const module = pub(sub(raw, start, colon < 0 ? raw.text.length : start + colon));
  let attr: Word | null = null;
  let factory = !!inv.factory;
  if (colon >= 0) {
    const a = text.slice(colon + 1);
    const paren = a.indexOf("(");
    if (paren >= 0) factory = true;
    const name = paren >= 0 ? a.slice(0, paren) : a;
    const lead = name.length - name.trimStart().length;
    const trimmed = name.trim();
    if (trimmed) {
      const from = start + colon + 1 + lead;
      attr = pub(sub(raw, from, from + trimmed.length));
    }
  }
  const defaults: Partial<Record<ServerKind, string>> = { gunicorn: "application", hypercorn: "app" };
  const lookupName = attr
    ? (/^[\p{L}_][\p{L}\p{N}_]*/u.exec(attr.text)?.[0] ?? attr.text)
    : (defaults[inv.kind] ?? null);
  return {
    module,
    attr,
    lookupName,
    factory,
    missingRequiredAttr: attr === null && (inv.kind === "uvicorn" || inv.kind === "daphne"),
  };
}

/** Classifies a host as written: all interfaces, loopback only, a variable, or something else. */
export function classifyHost(text: string): "all" | "loopback" | "dynamic" | "other" {
  const t = text
    .trim()
    .replace(/^\[(.*)\]$/, "$1")
    .toLowerCase();
  if (t.includes("$") || t.includes("`")) return "dynamic";
  if (t === "" || t === "0.0.0.0" || t === "::" || t === "0" || t === "*") return "all";
  if (t === "localhost" || t === "::1" || /^127\.\d+\.\d+\.\d+$/.test(t)) return "loopback";
  return "other";
}
