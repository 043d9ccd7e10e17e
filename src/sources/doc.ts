/**
 * A parsed configuration document (JSON or TOML) whose every key and value can be traced to its
 * position. Values come from the format's parser (smol-toml for TOML, jsonc-parser for JSON); the
 * position map comes from a positional AST of the same text.
 */
import { type Node as JsonNode, type ParseError, parseTree, printParseErrorCode } from "jsonc-parser";
import { parse as parseTomlValue, TomlError } from "smol-toml";
import { parseTOML } from "toml-eslint-parser";
import type { Diagnostic } from "../model/finding.js";
import { LineIndex, type Span } from "../model/span.js";

export type Path = ReadonlyArray<string | number>;

export interface ConfigDoc {
  file: string;
  format: "json" | "toml";
  /** null when the file did not parse. */
  value: unknown;
  diagnostics: Diagnostic[];
  /** Position of the key that names `path` (for array items: the item itself). */
  keySpan(path: Path): Span | null;
  /** Position of the value at `path`. */
  valueSpan(path: Path): Span | null;
  /** keySpan, else valueSpan, else the closest ancestor's span, else line 1. */
  spanFor(path: Path): Span;
}

interface Pos {
  key: Span | null;
  value: Span;
}

class PositionedDoc implements ConfigDoc {
  constructor(
    readonly file: string,
    readonly format: "json" | "toml",
    readonly value: unknown,
    readonly diagnostics: Diagnostic[],
    private readonly positions: Map<string, Pos>,
  ) {}
  keySpan(path: Path): Span | null {
    return this.positions.get(pathKey(path))?.key ?? null;
  }
  valueSpan(path: Path): Span | null {
    return this.positions.get(pathKey(path))?.value ?? null;
  }
  spanFor(path: Path): Span {
    for (let n = path.length; n > 0; n--) {
      const p = this.positions.get(pathKey(path.slice(0, n)));
      if (p) return p.key ?? p.value;
    }
    return { file: this.file, line: 1, column: 1 };
  }
}

/**
 * Deepest nesting deploy-drift reads in a config document. Railway's, Railpack's and Nixpacks'
 * schemas nest a handful of levels; a file nested deeper is reported as unreadable (an error
 * finding at the file) instead of walked, so no recursion over user data can overflow the stack
 * and no per-level path key makes the run quadratic.
 */
export const MAX_NESTING = 64;

function tooDeep(file: string, format: string, depth: number): Diagnostic {
  return {
    message: `${file} nests ${depth > MAX_NESTING * 4 ? `more than ${MAX_NESTING * 4}` : depth} levels deep; deploy-drift reads ${format} nested at most ${MAX_NESTING} levels, so it did not read this file`,
    span: { file, line: 1, column: 1 },
    fix: `Flatten the ${format}: builder configuration nests only a few levels; anything deeper than ${MAX_NESTING} is not configuration a builder reads.`,
  };
}

/** Deepest `{`/`[` nesting of a JSON(C) text, outside strings and comments; linear, no recursion. */
export function jsonNestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c /* \ */) i++;
        else if (d === 0x22 || d === 0x0a) break;
      }
    } else if (c === 0x2f /* / */ && text.charCodeAt(i + 1) === 0x2f) {
      while (i < text.length && text.charCodeAt(i) !== 0x0a) i++;
    } else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2a /* * */) {
      const end = text.indexOf("*/", i + 2);
      i = end < 0 ? text.length : end + 1;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      depth++;
      if (depth > max) max = depth;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      if (depth > 0) depth--;
    }
  }
  return max;
}

/** Deepest nesting of a parsed value (objects and arrays), iterative; stops counting past `limit`. */
export function valueDepth(root: unknown, limit = MAX_NESTING * 4): number {
  let max = 0;
  const stack: Array<[unknown, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    if (d > max) max = d;
    if (max > limit) return max;
    if (Array.isArray(v)) for (const x of v) stack.push([x, d + 1]);
    else if (isRecord(v)) for (const x of Object.values(v)) stack.push([x, d + 1]);
  }
  return max;
}

export function pathKey(path: Path): string {
  return JSON.stringify(path);
}

export function formatPath(path: Path): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");
}

// ---------- JSON ----------

/**
 * `jwcc`: JSON with comments and trailing commas, as Railpack reads railpack.json (hujson's
 * Standardize before encoding/json: railwayapp/railpack internal/utils StandardizeJSON, core.go
 * readConfigJSON). Railway's railway.json and Nixpacks' nixpacks.json are strict JSON.
 */
export function parseJsonDoc(file: string, text: string, opts: { jwcc?: boolean } = {}): ConfigDoc {
  const idx = new LineIndex(text);
  const depth = jsonNestingDepth(text);
  if (depth > MAX_NESTING)
    return new PositionedDoc(file, "json", null, [tooDeep(file, "JSON", depth)], new Map());
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: !!opts.jwcc, disallowComments: !opts.jwcc });
  // Only the first syntax error is reported: later ones are usually cascades of it.
  const diagnostics: Diagnostic[] = errors.slice(0, 1).map((e) => {
    const code = printParseErrorCode(e.error);
    // jsonc-parser reports a trailing comma at the `}`/`]` after it; point at the comma itself.
    if (code === "PropertyNameExpected" || code === "ValueExpected") {
      let k = e.offset - 1;
      while (k >= 0 && /\s/.test(text[k]!)) k--;
      if (text[k] === ",") {
        return {
          message: `${file} is not valid JSON: trailing comma`,
          span: idx.span(file, k, k + 1),
          fix: "Remove the comma after the last item; JSON does not allow trailing commas.",
        };
      }
    }
    return {
      message: `${file} is not valid JSON: ${describeJsonError(code)}`,
      span: idx.span(file, e.offset, e.offset + e.length),
      fix: "Fix the JSON syntax; Railway rejects or ignores a config file it cannot parse.",
    };
  });
  const positions = new Map<string, Pos>();
  if (!tree || errors.length > 0) return new PositionedDoc(file, "json", null, diagnostics, positions);
  const walk = (node: JsonNode, path: (string | number)[], key: Span | null) => {
    positions.set(pathKey(path), { key, value: idx.span(file, node.offset, node.offset + node.length) });
    if (node.type === "object") {
      for (const prop of node.children ?? []) {
        const [k, v] = prop.children ?? [];
        if (!k || !v) continue;
        const name = String(k.value);
        const childPath = [...path, name];
        if (positions.has(pathKey(childPath))) {
          diagnostics.push({
            message: `\`${formatPath(childPath)}\` appears twice in ${file}; only the last value is used`,
            span: idx.span(file, k.offset, k.offset + k.length),
            fix: "Remove the duplicate key.",
            severity: "warning",
          });
        }
        walk(v, childPath, idx.span(file, k.offset, k.offset + k.length));
      }
    } else if (node.type === "array") {
      (node.children ?? []).forEach((c, i) => {
        walk(c, [...path, i], null);
      });
    }
  };
  walk(tree, [], null);
  return new PositionedDoc(file, "json", jsonValue(tree), diagnostics, positions);
}

function jsonValue(node: JsonNode): unknown {
  switch (node.type) {
    case "object": {
      const o: Record<string, unknown> = {};
      for (const prop of node.children ?? []) {
        const [k, v] = prop.children ?? [];
        if (k && v) o[String(k.value)] = jsonValue(v);
      }
      return o;
    }
    case "array":
      return (node.children ?? []).map(jsonValue);
    default:
      return node.value;
  }
}

function describeJsonError(code: string): string {
  const words: Record<string, string> = {
    InvalidSymbol: "unexpected character",
    InvalidNumberFormat: "invalid number",
    PropertyNameExpected: "a property name is expected",
    ValueExpected: "a value is expected",
    ColonExpected: "`:` is expected",
    CommaExpected: "`,` is expected",
    CloseBraceExpected: "`}` is expected",
    CloseBracketExpected: "`]` is expected",
    EndOfFileExpected: "end of file expected",
    InvalidCommentToken: "comments are not allowed in JSON",
    UnexpectedEndOfComment: "unterminated comment",
    UnexpectedEndOfString: "unterminated string",
    UnexpectedEndOfNumber: "unterminated number",
    InvalidUnicode: "invalid unicode escape",
    InvalidEscapeCharacter: "invalid escape character",
    InvalidCharacter: "invalid character",
  };
  return words[code] ?? code;
}

// ---------- TOML ----------

interface TomlKeyNode {
  type: string;
  name?: string;
  value?: unknown;
  range: [number, number];
}
interface TomlNode {
  type: string;
  range: [number, number];
  kind?: string;
  resolvedKey?: Array<string | number>;
  key?: { keys: TomlKeyNode[]; range: [number, number] };
  value?: TomlNode;
  body?: TomlNode[];
  elements?: TomlNode[];
}

export function parseTomlDoc(file: string, text: string): ConfigDoc {
  const idx = new LineIndex(text);
  const positions = new Map<string, Pos>();
  let value: unknown;
  try {
    value = parseTomlValue(text);
  } catch (e) {
    const diag: Diagnostic =
      e instanceof TomlError
        ? {
            message: `${file} is not valid TOML: ${firstLine(e.message)}`,
            span: { file, line: e.line, column: e.column },
            fix: "Fix the TOML syntax; a builder that cannot parse this file fails or ignores it.",
          }
        : {
            message: `${file} could not be parsed as TOML`,
            span: { file, line: 1, column: 1 },
            fix: "Fix the TOML syntax.",
          };
    return new PositionedDoc(file, "toml", null, [diag], positions);
  }
  const depth = valueDepth(value);
  if (depth > MAX_NESTING)
    return new PositionedDoc(file, "toml", null, [tooDeep(file, "TOML", depth)], positions);
  try {
    const ast = parseTOML(text) as unknown as { body: Array<{ body: TomlNode[] }> };
    const top = ast.body[0]?.body ?? [];
    const keyName = (k: TomlKeyNode) => String(k.name ?? k.value);
    const walkValue = (node: TomlNode, path: (string | number)[], key: Span | null) => {
      positions.set(pathKey(path), { key, value: idx.span(file, node.range[0], node.range[1]) });
      if (node.type === "TOMLArray") {
        node.elements?.forEach((el, i) => {
          walkValue(el, [...path, i], null);
        });
      } else if (node.type === "TOMLInlineTable") {
        for (const kv of node.body ?? []) walkKeyValue(kv, path);
      }
    };
    const walkKeyValue = (kv: TomlNode, prefix: (string | number)[]) => {
      if (kv.type !== "TOMLKeyValue" || !kv.key || !kv.value) return;
      const keys = kv.key.keys;
      // Dotted keys: each intermediate table gets the position of its key segment.
      for (let i = 0; i < keys.length - 1; i++) {
        const p = [...prefix, ...keys.slice(0, i + 1).map(keyName)];
        const k = keys[i]!;
        if (!positions.has(pathKey(p))) {
          const s = idx.span(file, k.range[0], k.range[1]);
          positions.set(pathKey(p), { key: s, value: s });
        }
      }
      const last = keys[keys.length - 1]!;
      walkValue(kv.value, [...prefix, ...keys.map(keyName)], idx.span(file, last.range[0], last.range[1]));
    };
    for (const node of top) {
      if (node.type === "TOMLTable" && node.resolvedKey && node.key) {
        const path = node.resolvedKey;
        const span = idx.span(file, node.key.range[0], node.key.range[1]);
        if (!positions.has(pathKey(path))) positions.set(pathKey(path), { key: span, value: span });
        // Parent tables of [a.b.c] headers point at the header too, unless defined elsewhere.
        for (let i = 1; i < path.length; i++) {
          const p = path.slice(0, i);
          if (!positions.has(pathKey(p))) positions.set(pathKey(p), { key: span, value: span });
        }
        for (const kv of node.body ?? []) walkKeyValue(kv, [...path]);
      } else {
        walkKeyValue(node, []);
      }
    }
  } catch {
    // smol-toml accepted the file; if the positional parser disagrees, values still stand and
    // spans fall back to the closest known ancestor (spanFor) — never guessed lines.
  }
  return new PositionedDoc(file, "toml", value, [], positions);
}

function firstLine(s: string): string {
  return s.split("\n")[0]!.trim();
}

/** Narrowing helpers for untyped parsed values. */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export function getPath(root: unknown, path: Path): unknown {
  let cur = root;
  for (const p of path) {
    if (typeof p === "number") {
      if (!Array.isArray(cur)) return undefined;
      cur = cur[p];
    } else {
      if (!isRecord(cur)) return undefined;
      cur = cur[p];
    }
  }
  return cur;
}
