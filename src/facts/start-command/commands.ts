/**
 * From tokens to command segments: split on `&&`, `||`, `;`, `|`, `&`, newlines and parentheses;
 * strip `NAME=value` prefixes and wrapper commands (exec, env, opentelemetry-instrument, uv run, …);
 * replace `sh -c '…'` / `bash -lc "…"` by the segments of the inner string (depth-bounded), offsets
 * mapped back to the original string.
 */

import { type RawWord, type Token, tokenize } from "./shell.js";
import type { ParsedStart, Separator } from "./types.js";

export const MAX_DEPTH = 4;

// ---------------------------------------------------------------------------------------------
// Segments

export interface RawSegment {
  words: RawWord[];
  next: Separator | null;
}

export interface FlatSegment extends RawSegment {
  /** Assignments and wrappers inherited from an enclosing `sh -c`. */
  outerAssign: RawWord[];
  outerWrappers: RawWord[];
}

export function splitSegments(toks: Token[], diags: ParsedStart["diagnostics"]): RawSegment[] {
  const out: RawSegment[] = [];
  let cur: RawWord[] = [];
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k]!;
    if (t.kind === "word") cur.push(t.w);
    else if (t.kind === "redir") {
      if (t.heredoc)
        diags.push({ message: "here-documents are not supported in a start command", offset: t.offset });
      if (toks[k + 1]?.kind === "word") k++;
      else diags.push({ message: "redirection without a target", offset: t.offset });
    } else {
      const op = t.op === "(" || t.op === ")" ? ";" : t.op;
      if (cur.length) out.push({ words: cur, next: op });
      else if (out.length && t.op !== "(" && t.op !== ")" && op !== ";") {
        diags.push({ message: `\`${op}\` without a command before it`, offset: t.offset });
      }
      cur = [];
    }
  }
  if (cur.length) out.push({ words: cur, next: null });
  if (out.length) out[out.length - 1]!.next = null;
  return out;
}

export function basename(p: string): string {
  const i = p.lastIndexOf("/");
  return i < 0 ? p : p.slice(i + 1);
}

export const ASSIGN = /^[A-Za-z_][A-Za-z0-9_]*=/;
export const isAssign = (w: RawWord) => !w.quotedStart && ASSIGN.test(w.text);
export const isOpt = (w: RawWord | undefined) => !!w && w.text.startsWith("-") && w.text.length > 1;

export interface Prefix {
  assign: RawWord[];
  wrappers: RawWord[];
  /** Index of the command word (may equal words.length when there is none). */
  cmd: number;
}

/** Skips `NAME=value` words and wrapper commands (exec, env, opentelemetry-instrument, uv run, ...). */
export function stripPrefix(words: RawWord[]): Prefix {
  const assign: RawWord[] = [];
  const wrappers: RawWord[] = [];
  let i = 0;
  const take = (count: number) => {
    for (let k = 0; k < count && i < words.length; k++) wrappers.push(words[i++]!);
  };
  const skipThroughDoubleDash = (): boolean => {
    const dd = words.findIndex((w, k) => k >= i && w.text === "--");
    if (dd < 0) return false;
    take(dd - i + 1);
    return true;
  };
  const skipFlags = (valued: Set<string> = new Set()) => {
    while (i < words.length && isOpt(words[i])) {
      const t = words[i]!.text;
      if (t === "--") {
        take(1);
        return;
      }
      const name = t.split("=")[0]!;
      take(valued.has(name) && !t.includes("=") ? 2 : 1);
    }
  };
  for (let guard = 0; guard < 64 && i < words.length; guard++) {
    const w = words[i]!;
    if (isAssign(w)) {
      assign.push(w);
      i++;
      continue;
    }
    const b = basename(w.text);
    switch (b) {
      case "exec":
        take(1);
        skipFlags(new Set(["-a"]));
        continue;
      case "command":
      case "builtin":
      case "nohup":
      case "time":
        take(1);
        if (b === "time" || b === "command") skipFlags();
        continue;
      case "env":
        take(1);
        while (i < words.length) {
          const t = words[i]!;
          if (isAssign(t)) {
            assign.push(t);
            i++;
          } else if (t.text === "-u" || t.text === "-C" || t.text === "--unset" || t.text === "--chdir")
            take(2);
          else if (isOpt(t) || t.text === "-") take(1);
          else break;
        }
        continue;
      case "nice":
        take(1);
        skipFlags(new Set(["-n"]));
        continue;
      case "timeout":
        take(1);
        skipFlags(new Set(["-s", "-k", "--signal", "--kill-after"]));
        take(1); // duration
        continue;
      case "stdbuf":
        take(1);
        skipFlags(new Set(["-i", "-o", "-e"]));
        continue;
      case "tini":
      case "dumb-init":
        take(1);
        skipFlags(new Set(["-s", "-p", "-e", "--rewrite"]));
        continue;
      case "gosu":
      case "su-exec":
        take(2);
        continue;
      case "opentelemetry-instrument":
        take(1);
        while (i < words.length && isOpt(words[i])) {
          const t = words[i]!.text;
          if (t === "--") {
            take(1);
            break;
          }
          take(t.includes("=") || t === "-h" || t === "--help" || t === "--version" ? 1 : 2);
        }
        continue;
      case "ddtrace-run":
        take(1);
        skipFlags();
        continue;
      case "newrelic-admin":
        if (words[i + 1]?.text === "run-program") {
          take(2);
          continue;
        }
        return { assign, wrappers, cmd: i };
      case "doppler":
      case "infisical":
      case "op":
      case "railway":
      case "dotenv":
      case "watchmedo":
      case "with-contenv":
        if (words[i + 1]?.text === "run" || b === "watchmedo" || b === "dotenv") {
          if (skipThroughDoubleDash()) continue;
          if (b === "watchmedo") return { assign, wrappers, cmd: i };
          // without `--`: skip up to and including `run`, then flags
          const run = words.findIndex((x, k) => k > i && x.text === "run");
          if (run < 0) return { assign, wrappers, cmd: i };
          take(run - i + 1);
          skipFlags(
            new Set([
              "-f",
              "--file",
              "--project",
              "--config",
              "-p",
              "-c",
              "--env",
              "--env-file",
              "-e",
              "-s",
              "--service",
            ]),
          );
          continue;
        }
        return { assign, wrappers, cmd: i };
      case "poetry":
      case "pipenv":
      case "pdm":
      case "rye":
      case "hatch":
        if (words[i + 1]?.text === "run") {
          take(2);
          skipFlags(new Set(["-C", "--directory", "-P", "--project", "-p"]));
          continue;
        }
        return { assign, wrappers, cmd: i };
      case "uv":
        if (words[i + 1]?.text === "run") {
          take(2);
          skipFlags(UV_VALUED);
          continue;
        }
        if (words[i + 1]?.text === "tool" && words[i + 2]?.text === "run") {
          take(3);
          skipFlags(UV_VALUED);
          continue;
        }
        return { assign, wrappers, cmd: i };
      case "uvx":
        take(1);
        skipFlags(UV_VALUED);
        continue;
      case "pipx":
        if (words[i + 1]?.text === "run") {
          take(2);
          skipFlags(new Set(["--spec", "--python", "--pip-args", "--index-url"]));
          continue;
        }
        return { assign, wrappers, cmd: i };
      default:
        return { assign, wrappers, cmd: i };
    }
  }
  return { assign, wrappers, cmd: i };
}

export const UV_VALUED = new Set([
  "--with",
  "--with-editable",
  "--with-requirements",
  "--python",
  "-p",
  "--env-file",
  "--project",
  "--directory",
  "--package",
  "--extra",
  "--group",
  "--only-group",
  "--no-group",
  "--index",
  "--index-url",
  "--default-index",
  "--extra-index-url",
  "--find-links",
  "-f",
  "--config-file",
  "--cache-dir",
  "--from",
  "--refresh-package",
  "--upgrade-package",
  "-P",
  "--reinstall-package",
  "--color",
  "--index-strategy",
  "--keyring-provider",
  "--resolution",
  "--prerelease",
  "--exclude-newer",
  "--link-mode",
  "--allow-insecure-host",
  "--no-binary-package",
  "--no-build-package",
  "--python-platform",
]);

export const SHELLS = new Set(["sh", "bash", "dash", "zsh", "ash", "ksh", "mksh", "busybox"]);

/** Replaces `sh -c '...'` segments by the segments of the inner string. */
export function flatten(
  seg: RawSegment,
  outerAssign: RawWord[],
  outerWrappers: RawWord[],
  depth: number,
  out: FlatSegment[],
  diags: ParsedStart["diagnostics"],
): void {
  const p = stripPrefix(seg.words);
  let cmd = p.cmd;
  let shellWord = seg.words[cmd];
  // `busybox sh -c`
  if (shellWord && basename(shellWord.text) === "busybox" && SHELLS.has(seg.words[cmd + 1]?.text ?? "")) {
    cmd++;
    shellWord = seg.words[cmd];
  }
  if (shellWord && SHELLS.has(basename(shellWord.text)) && depth < MAX_DEPTH) {
    let k = cmd + 1;
    let dashC = false;
    while (k < seg.words.length) {
      const t = seg.words[k]!.text;
      if (t === "--") {
        k++;
        break;
      }
      if (t === "-o" || t === "+o" || t === "--rcfile" || t === "--init-file") {
        k += 2;
        continue;
      }
      if (/^[-+][A-Za-z]+$/.test(t)) {
        if (t.startsWith("-") && t.includes("c")) dashC = true;
        k++;
        continue;
      }
      if (t.startsWith("--")) {
        k++;
        continue;
      }
      break;
    }
    if (dashC) {
      const inner = seg.words[k];
      if (!inner) {
        diags.push({ message: `\`${shellWord.text} -c\` has no command string`, offset: shellWord.offset });
        out.push({ ...seg, outerAssign, outerWrappers });
        return;
      }
      const wrappers = [...outerWrappers, ...p.wrappers, ...seg.words.slice(p.cmd, k)];
      const assign = [...outerAssign, ...p.assign];
      const innerToks = tokenize(
        inner.text,
        (i) => inner.map[i] ?? inner.end,
        inner.text.length ? inner.map[inner.text.length - 1]! + 1 : inner.end,
        diags,
      );
      const innerSegs = splitSegments(innerToks, diags);
      if (innerSegs.length === 0) {
        diags.push({ message: `\`${shellWord.text} -c\` has an empty command string`, offset: inner.offset });
        return;
      }
      innerSegs[innerSegs.length - 1]!.next = seg.next;
      for (const s of innerSegs) flatten(s, assign, wrappers, depth + 1, out, diags);
      return;
    }
  }
  out.push({ ...seg, outerAssign, outerWrappers });
}
