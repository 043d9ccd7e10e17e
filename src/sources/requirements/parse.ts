/**
 * Parser for pip requirements files (`requirements.txt`, pip-compile / uv pip compile output,
 * constraints files). Follows pip's documented format, "Requirements File Format"
 * (https://pip.pypa.io/en/stable/reference/requirements-file-format/), and pip's implementation of
 * it (`pip/_internal/req/req_file.py`):
 *
 * - Line continuations: a line ending in `\` is joined with the next one. A comment line (one that
 *   starts with optional whitespace then `#`) is never continued and ends a pending continuation; this
 *   is what makes pip-compile's `--hash=... \` followed by `    # via x` legal.
 * - Comments are stripped *after* continuations are joined: `#` at the start of the line, or
 *   whitespace followed by `#`, starts a comment running to the end of the logical line. A `#` glued to
 *   other text (the `#egg=name` fragment of a URL) is not a comment.
 * - Each logical line is `[[--option]...]`, `<requirement specifier> [; markers] [[--option]...]`,
 *   `<archive url/path>`, `[-e] <local project path>` or `[-e] <vcs project url>`. As in pip, the
 *   requirement part is every whitespace-separated token before the first one starting with `-`.
 * - Per-requirement options: `--hash`, `--config-settings`, `--global-option` (and the removed
 *   `--install-option`, still recognised so it is not reported as unknown).
 * - For URL requirements the marker separator is `"; "` (URLs may contain `;`), otherwise `;`.
 *
 * Nothing here throws on user content: malformed lines become diagnostics.
 */
import type { Diagnostic } from "../../model/finding.js";
import { LineIndex, type Span } from "../../model/span.js";
import { exactPin } from "../../python/pep440.js";
import { normalizeName } from "../../python/pep503.js";
import { isValidName, parseMarker, parseRequirement } from "../../python/pep508.js";

export interface Requirement {
  /** As written (for URL/path requirements without `#egg=`, the URL/path itself). */
  name: string;
  /** PEP 503 normalised name; for a URL/path requirement without a name, the URL/path as written. */
  normalized: string;
  /** Normalised (PEP 503), sorted, deduplicated. */
  extras: string[];
  /** Normalised specifier text, e.g. "==1.2.3" or ">=1,<2" ("" when none). */
  specifier: string;
  /** Exact version for "==X"/"===X" (no wildcard), else null. */
  pinned: string | null;
  /** Canonical marker text, or null. */
  marker: string | null;
  /** "name @ url", or a VCS/URL/path line. */
  url: string | null;
  /** A `-e`/`--editable` line. */
  editable: boolean;
  /** `--hash` values, e.g. "sha256:abc…". */
  hashes: string[];
  /** Logical line: continuations joined, comment stripped, trimmed. */
  raw: string;
  /** From the requirement's first character to the end of the logical line's content. */
  span: Span;
  nameSpan: Span;
  specSpan: Span | null;
  /** pip-compile / uv annotations: normalised names, or entries like "-r requirements.in" as written. */
  via: string[];
}

/** `-r`/`--requirement` and `-c`/`--constraint` lines; `path` as written. */
export interface Include {
  kind: "requirement" | "constraint";
  path: string;
  span: Span;
}

export interface RequirementsFile {
  path: string;
  requirements: Requirement[];
  includes: Include[];
  /** Other options lines (-i/--index-url, --extra-index-url, --find-links, --no-binary, ...), with spans. */
  options: Array<{ name: string; value: string | null; span: Span }>;
  /** true when the file looks pip-compiled / uv-compiled: a pip-compile/uv header, any "# via", or hashes. */
  compiled: boolean;
  /**
   * The command a pip-compile / uv header says produced the file (`pip-compile --output-file=… …`,
   * `uv pip compile … -o …`), as written; null when there is no such header.
   */
  command?: string | null;
  /** Malformed lines: message + span. */
  diagnostics: Diagnostic[];
}

/** Options pip accepts in a requirements file. Value: whether it takes an argument; long name. */
const OPTIONS: Record<string, { takesValue: boolean; long: string }> = {
  "-r": { takesValue: true, long: "--requirement" },
  "--requirement": { takesValue: true, long: "--requirement" },
  "-c": { takesValue: true, long: "--constraint" },
  "--constraint": { takesValue: true, long: "--constraint" },
  "-e": { takesValue: true, long: "--editable" },
  "--editable": { takesValue: true, long: "--editable" },
  "-i": { takesValue: true, long: "--index-url" },
  "--index-url": { takesValue: true, long: "--index-url" },
  "--extra-index-url": { takesValue: true, long: "--extra-index-url" },
  "-f": { takesValue: true, long: "--find-links" },
  "--find-links": { takesValue: true, long: "--find-links" },
  "--no-index": { takesValue: false, long: "--no-index" },
  "--no-binary": { takesValue: true, long: "--no-binary" },
  "--only-binary": { takesValue: true, long: "--only-binary" },
  "--prefer-binary": { takesValue: false, long: "--prefer-binary" },
  "--require-hashes": { takesValue: false, long: "--require-hashes" },
  "--pre": { takesValue: false, long: "--pre" },
  "--trusted-host": { takesValue: true, long: "--trusted-host" },
  "--use-feature": { takesValue: true, long: "--use-feature" },
  "--hash": { takesValue: true, long: "--hash" },
  "--config-settings": { takesValue: true, long: "--config-settings" },
  "--global-option": { takesValue: true, long: "--global-option" },
  "--install-option": { takesValue: true, long: "--install-option" },
};
const PER_REQUIREMENT = new Set(["--hash", "--config-settings", "--global-option", "--install-option"]);
/** pip's `--hash` accepts only these (pip/_internal/utils/hashes.py STRONG_HASHES). */
const HASH_ALGORITHMS = new Set(["sha256", "sha384", "sha512"]);

/**
 * The headers pip-compile ("This file is autogenerated by pip-compile with Python 3.11") and uv
 * ("This file was autogenerated by uv via the following command:" above `uv pip compile ...`) write.
 * A mere mention of the command (a hand-written "compile with pip-compile" note) does not count.
 */
const COMPILED_HEADER = /\bautogenerated by (pip-compile|uv)\b/i;

/**
 * Requirements one file may list before deploy-drift stops reading it (issue 12: a generated 1 MB file
 * of one-word lines held 262,144 of them). Real files, pip-compile output of large projects included,
 * list a few hundred; a 10,000-line file is still read whole (test/hostile/malformed.test.ts). Hitting it is an error at the line where reading stopped: what was not read is
 * never silently clean.
 */
export const MAX_REQUIREMENTS = 20_000;

/** A logical line: its text and, for every character, the offset in the file it came from. */
interface Logical {
  text: string;
  offs: number[];
  /** Offset of the end of the last physical line (exclusive, before any line terminator). */
  lastEnd: number;
}

interface Token {
  text: string;
  /** Indices into the logical line (end exclusive). */
  start: number;
  end: number;
}

interface PhysicalLine {
  start: number;
  /** Exclusive, without "\r\n"/"\n". */
  end: number;
  text: string;
}

function physicalLines(text: string): PhysicalLine[] {
  const out: PhysicalLine[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf("\n", start);
    let end = nl < 0 ? text.length : nl;
    if (end > start && text.charCodeAt(end - 1) === 13) end--;
    out.push({ start, end, text: text.slice(start, end) });
    if (nl < 0) break;
    start = nl + 1;
  }
  return out;
}

const isCommentLine = (line: string): boolean => /^\s*#/.test(line);

function tokenize(s: string): Token[] {
  const out: Token[] = [];
  const re = /\S+/g;
  for (let m = re.exec(s); m; m = re.exec(s))
    out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

export function parseRequirements(path: string, raw: string): RequirementsFile {
  // pip splits lines with str.splitlines(), so a lone `\r` (classic Mac endings) ends a requirement
  // too. The replacement keeps every offset; positions still come from the file as written (lines
  // counted by `\n`, as GitHub and editors count them), so they always exist in the file.
  const text = raw.replace(/\r(?!\n)/g, "\n");
  const index = new LineIndex(raw);
  const file: RequirementsFile = {
    path,
    requirements: [],
    includes: [],
    options: [],
    compiled: false,
    command: null,
    diagnostics: [],
  };
  let header = false;

  /** Span of logical-line indices [a, b) (b exclusive) mapped back to the file. */
  const spanOf = (l: Logical, a: number, b: number): Span => {
    const start = l.offs[a] ?? l.lastEnd;
    const end = b > a ? l.offs[b - 1]! + 1 : undefined;
    return index.span(path, start, end);
  };
  const diag = (message: string, span: Span, severity: Diagnostic["severity"] = "error", fix?: string) => {
    const d: Diagnostic = { message, span, severity };
    if (fix) d.fix = fix;
    file.diagnostics.push(d);
  };

  // --- via annotations ------------------------------------------------------------------------
  let current: Requirement | null = null;
  let inVia = false;
  const addVia = (items: string) => {
    if (!current) return;
    for (const item of items.split(",")) {
      const t = item.trim();
      if (t === "") continue;
      if (t.startsWith("-")) {
        current.via.push(t);
        continue;
      }
      const m = /^(\S+)(.*)$/.exec(t)!;
      current.via.push(isValidName(m[1]!) ? normalizeName(m[1]!) + m[2]! : t);
    }
  };
  /** Handles one comment text (starting at `#`). */
  const onComment = (comment: string, standalone: boolean) => {
    if (COMPILED_HEADER.test(comment)) {
      file.compiled = true;
      header = true;
    }
    if (standalone && header && !file.command) {
      const cmd = /^#\s*((?:pip-compile|uv pip compile)\b.*\S)\s*$/.exec(comment);
      if (cmd) file.command = cmd[1]!.length > 300 ? null : cmd[1]!;
    }
    const via = /^#\s*via\b(.*)$/.exec(comment);
    if (via) {
      file.compiled = true;
      addVia(via[1]!);
      inVia = standalone;
      return;
    }
    const cont = /^#\s{2,}(\S.*)$/.exec(comment);
    if (standalone && inVia && cont) {
      addVia(cont[1]!);
      return;
    }
    if (standalone) {
      inVia = false;
      current = null;
    }
  };

  // --- logical lines ---------------------------------------------------------------------------
  const handleLogical = (l: Logical) => {
    // Strip the comment: `#` at the start, or whitespace followed by `#` (pip's COMMENT_RE).
    const cm = /(^|\s)#/.exec(l.text);
    let content = l.text;
    let comment: string | null = null;
    if (cm) {
      const hashAt = cm.index + cm[1]!.length;
      content = l.text.slice(0, hashAt);
      comment = l.text.slice(hashAt).trim();
    }
    handleContent(l, content);
    // An inline comment (`flask==3.0  # via -r requirements.in`, pip-compile's
    // --annotation-style=line) annotates the requirement just read.
    if (comment !== null) onComment(comment, false);
  };

  const handleContent = (l: Logical, content: string) => {
    const tokens = tokenize(content);
    if (tokens.length === 0) return;
    const firstOpt = tokens.findIndex((t) => t.text.startsWith("-"));
    const argTokens = firstOpt < 0 ? tokens : tokens.slice(0, firstOpt);
    const optTokens = firstOpt < 0 ? [] : tokens.slice(firstOpt);
    const first = tokens[0]!;
    const last = tokens[tokens.length - 1]!;
    const lineSpan = spanOf(l, first.start, last.end);
    const raw = content.slice(first.start, last.end);

    if (argTokens.length > 0) {
      const a = argTokens[0]!.start;
      const b = argTokens[argTokens.length - 1]!.end;
      const req = buildRequirement(l, content.slice(a, b), a, raw, lineSpan, false);
      current = null;
      inVia = false;
      if (!req) return;
      applyRequirementOptions(l, optTokens, req);
      pushRequirement(req);
      return;
    }

    // An options line.
    current = null;
    inVia = false;
    let i = 0;
    while (i < tokens.length) {
      const tok = tokens[i]!;
      const parsed = splitOption(tok.text);
      const spec = OPTIONS[parsed.name];
      const tokSpan = spanOf(l, tok.start, tok.end);
      if (!tok.text.startsWith("-")) {
        diag(`Unexpected \`${tok.text}\` after an option`, tokSpan);
        i++;
        continue;
      }
      if (!spec) {
        diag(
          `Unknown option \`${parsed.name}\` in requirements file`,
          tokSpan,
          "error",
          "Remove it or use an option pip accepts in requirements files.",
        );
        i++;
        // Its argument, if any, belongs to it: do not report it again.
        if (parsed.value === null && tokens[i] && !tokens[i]!.text.startsWith("-")) i++;
        continue;
      }
      let value: string | null = null;
      let valueStart = tok.start;
      let valueEnd = tok.end;
      if (spec.takesValue) {
        if (parsed.value !== null) {
          value = parsed.value;
          valueStart = tok.end - parsed.value.length;
        } else if (i + 1 < tokens.length) {
          const v = tokens[++i]!;
          value = v.text;
          valueStart = v.start;
          valueEnd = v.end;
        } else {
          diag(`Option \`${parsed.name}\` needs a value`, tokSpan);
          i++;
          continue;
        }
      }
      const optSpan = spanOf(l, tok.start, valueEnd);
      i++;
      if (spec.long === "--requirement" || spec.long === "--constraint") {
        file.includes.push({
          kind: spec.long === "--requirement" ? "requirement" : "constraint",
          path: value!,
          span: optSpan,
        });
      } else if (spec.long === "--editable") {
        const req = buildRequirement(l, value!, valueStart, raw, lineSpan, true);
        if (req) {
          applyRequirementOptions(l, tokens.slice(i), req);
          pushRequirement(req);
        }
        return;
      } else if (PER_REQUIREMENT.has(spec.long)) {
        diag(`Option \`${spec.long}\` must follow a requirement on the same line`, optSpan);
      } else {
        file.options.push({ name: spec.long, value, span: optSpan });
      }
    }
  };

  const pushRequirement = (req: Requirement) => {
    file.requirements.push(req);
    if (req.hashes.length > 0) file.compiled = true;
    current = req;
    inVia = false;
  };

  const applyRequirementOptions = (l: Logical, toks: Token[], req: Requirement) => {
    for (let i = 0; i < toks.length; i++) {
      const tok = toks[i]!;
      const parsed = splitOption(tok.text);
      const spec = OPTIONS[parsed.name];
      if (!spec || !PER_REQUIREMENT.has(spec.long)) {
        diag(
          spec
            ? `Option \`${parsed.name}\` cannot be given on a requirement line`
            : `Unknown option \`${parsed.name}\` after requirement \`${req.name}\``,
          spanOf(l, tok.start, tok.end),
        );
        // Skip the option's argument so it is not reported as another option.
        const next = toks[i + 1];
        if ((spec?.takesValue ?? true) && parsed.value === null && next && !next.text.startsWith("-")) i++;
        continue;
      }
      let value = parsed.value;
      let vTok: Token = tok;
      if (value === null) {
        const next = toks[i + 1];
        if (!next || next.text.startsWith("-")) {
          diag(`Option \`${parsed.name}\` needs a value`, spanOf(l, tok.start, tok.end));
          continue;
        }
        value = next.text;
        vTok = next;
        i++;
      }
      if (spec.long === "--hash") {
        const colon = value.indexOf(":");
        const algo = colon < 0 ? "" : value.slice(0, colon);
        if (colon < 0 || colon === value.length - 1) {
          diag(
            `\`--hash=${value}\` is not of the form <algorithm>:<hex digest>`,
            spanOf(l, tok.start, vTok.end),
          );
        } else if (!HASH_ALGORITHMS.has(algo)) {
          diag(
            `\`--hash\` algorithm \`${algo}\` is not accepted by pip (use sha256, sha384 or sha512)`,
            spanOf(l, tok.start, vTok.end),
          );
        }
        req.hashes.push(value);
      }
    }
  };

  /** Builds a requirement from `text`, which sits at logical index `at`. */
  const buildRequirement = (
    l: Logical,
    text: string,
    at: number,
    raw: string,
    lineSpan: Span,
    editable: boolean,
  ): Requirement | null => {
    const base = {
      raw,
      span: lineSpan,
      editable,
      hashes: [] as string[],
      via: [] as string[],
    };
    if (editable || looksLikeUrlOrPath(text)) {
      const isUrl = /^[A-Za-z][A-Za-z0-9+.-]*:/.test(text) && !/^[A-Za-z]:[\\/]/.test(text);
      const sep = isUrl ? /;\s/ : /;/;
      const sm = sep.exec(text);
      let location = (sm ? text.slice(0, sm.index) : text).trimEnd();
      let marker: string | null = null;
      if (sm) {
        const markerText = text.slice(sm.index + 1);
        const mr = parseMarker(markerText);
        if (!mr.ok) {
          const off = at + sm.index + 1 + mr.error.offset;
          diag(`Malformed marker in \`${text}\`: ${mr.error.message}`, spanOf(l, off, off + 1));
          return null;
        }
        marker = mr.marker;
      }
      let extras: string[] = [];
      let nameStart = at;
      let nameEnd = at + location.length;
      let name = location;
      const egg = /[#&]egg=([^&]+)/.exec(location);
      // A local path may carry extras: `./pkg[extra]` (not URLs, whose `[` would be part of the URL).
      const pathExtras = !isUrl && !egg ? /\[([^\]]*)\]$/.exec(location) : null;
      if (pathExtras) {
        extras = splitExtras(pathExtras[1]!);
        location = location.slice(0, pathExtras.index);
        name = location;
        nameEnd = at + location.length;
      }
      if (egg) {
        const eggValue = egg[1]!;
        const em = /^([^[]+)(?:\[([^\]]*)\])?$/.exec(eggValue);
        name = em ? em[1]! : eggValue;
        if (em?.[2] !== undefined) extras = splitExtras(em[2]);
        nameStart = at + egg.index + 5;
        nameEnd = nameStart + name.length;
        if (!isValidName(name)) {
          diag(`\`#egg=${name}\` is not a valid project name`, spanOf(l, nameStart, nameEnd), "warning");
        }
      }
      if (location === "") {
        diag(`Empty URL or path in \`${text}\``, spanOf(l, at, at + Math.max(1, text.length)));
        return null;
      }
      return {
        ...base,
        name,
        normalized: egg && isValidName(name) ? normalizeName(name) : name,
        extras: normExtras(extras),
        specifier: "",
        pinned: null,
        marker,
        url: location,
        nameSpan: spanOf(l, nameStart, nameEnd),
        specSpan: null,
      };
    }
    const r = parseRequirement(text);
    if (!r.ok) {
      const off = Math.min(at + r.error.offset, at + text.length - 1);
      diag(
        `Malformed requirement \`${text}\`: ${r.error.message}`,
        spanOf(l, off, off + 1),
        "error",
        "Write it as a PEP 508 requirement, e.g. `name==1.2.3` or `name>=1,<2`.",
      );
      return null;
    }
    const v = r.value;
    return {
      ...base,
      name: v.name,
      normalized: normalizeName(v.name),
      extras: normExtras(v.extras),
      specifier: v.specifier,
      pinned: exactPin(v.specifier),
      marker: v.marker,
      url: v.url,
      nameSpan: spanOf(l, at + v.nameOffset, at + v.nameEnd),
      specSpan:
        v.specOffset !== null && v.specEnd !== null ? spanOf(l, at + v.specOffset, at + v.specEnd) : null,
    };
  };

  // --- drive: join physical lines into logical ones (pip's join_lines) --------------------------
  const lines = physicalLines(text);
  let pending: Logical | null = null;
  const append = (l: Logical, p: PhysicalLine, upTo: number) => {
    l.text += p.text.slice(0, upTo);
    for (let k = 0; k < upTo; k++) l.offs.push(p.start + k);
    l.lastEnd = p.start + upTo;
  };
  for (const p of lines) {
    if (file.requirements.length >= MAX_REQUIREMENTS) {
      diag(
        `${path} lists more than ${MAX_REQUIREMENTS.toLocaleString("en-US")} requirements: deploy-drift stopped reading it here, so the rest of the file is not checked`,
        index.span(path, p.start, p.end > p.start ? p.end : undefined),
        "error",
        `deploy-drift reads at most ${MAX_REQUIREMENTS.toLocaleString("en-US")} requirements per file; if this file is real, split it with \`-r\` includes or report it.`,
      );
      pending = null;
      break;
    }
    const comment = isCommentLine(p.text);
    if (comment) {
      if (pending) {
        handleLogical(pending);
        pending = null;
      }
      onComment(p.text.trim(), true);
      continue;
    }
    if (p.text.endsWith("\\")) {
      pending ??= { text: "", offs: [], lastEnd: p.start };
      // The backslash and the newline after it are dropped; pip joins without inserting a space.
      append(pending, p, p.text.length - 1);
      continue;
    }
    const l: Logical = pending ?? { text: "", offs: [], lastEnd: p.start };
    pending = null;
    append(l, p, p.text.length);
    if (l.text.trim() === "") {
      current = null;
      inVia = false;
      continue;
    }
    handleLogical(l);
  }
  if (pending) handleLogical(pending);
  return file;
}

function splitOption(tok: string): { name: string; value: string | null } {
  if (tok.startsWith("--")) {
    const eq = tok.indexOf("=");
    return eq < 0 ? { name: tok, value: null } : { name: tok.slice(0, eq), value: tok.slice(eq + 1) };
  }
  // Short options may carry their value glued on: `-rbase.txt`.
  if (tok.length > 2) return { name: tok.slice(0, 2), value: tok.slice(2) };
  return { name: tok, value: null };
}

function splitExtras(s: string): string[] {
  return s
    .split(",")
    .map((x) => x.trim())
    .filter((x) => x !== "");
}

function normExtras(extras: string[]): string[] {
  return [...new Set(extras.map(normalizeName))].sort();
}

/**
 * Whether a requirement is a URL or a local path rather than a PEP 508 name (pip's
 * `install_req_from_line`): a URL scheme, a path-looking start, a path separator before any PEP 508
 * punctuation, or an archive/wheel file name. `name @ url` is PEP 508 and not matched here.
 */
function looksLikeUrlOrPath(text: string): boolean {
  if (/^[A-Za-z0-9][A-Za-z0-9._-]*\s*(\[[^\]]*\])?\s*@/.test(text)) return false;
  if (/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(text) || /^(git|hg|svn|bzr)\+/.test(text) || /^file:/.test(text)) {
    return true;
  }
  if (/^(\.|\/|~|[A-Za-z]:[\\/])/.test(text)) return true;
  const head = /^[^\s;<>=!~[(]*/.exec(text)![0];
  if (/[/\\]/.test(head)) return true;
  return /\.(whl|zip|tar\.gz|tgz|tar\.bz2|tar\.xz|tar)$/i.test(head);
}
