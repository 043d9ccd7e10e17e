// Rewrites a bundle's non-ASCII characters as \u escapes, inside string literals, untagged template
// literals and regular expressions only (where an escape means the same character) and comments,
// and fails if any remain elsewhere. Why: V8 keeps a source that holds one non-ASCII character as a two-byte
// string, twice the bytes to read, hash and compile on every CLI run. The bundle's ~100 such
// characters (report icons, arrows, dashes) make the whole 0.46 MB source two-byte.
import { readFileSync, writeFileSync } from "node:fs";
import { parse } from "@babel/parser";

// A character after an odd run of backslashes is itself escaped (`\é` means `é`): rewriting it would
// make `\\u00e9`, a backslash and text. No bundle has one; if one ever does, the build stops.
const toEscapes = (text, file) =>
  text.replace(/(\\*)([^\x00-\x7f])/g, (_, slashes, c) => {
    if (slashes.length % 2 === 1)
      throw new Error(`${file}: an escaped non-ASCII character ${JSON.stringify(c)}`);
    return `${slashes}\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
  });

export function asciiBundle(file) {
  const src = readFileSync(file, "utf8");
  if (!/[^\x00-\x7f]/.test(src)) return;
  const ast = parse(src, { sourceType: "script", allowReturnOutsideFunction: true, errorRecovery: false });
  const edits = []; // [start, end] ranges of literal source text to escape
  const tagged = new Set();
  const visit = (node) => {
    if (!node || typeof node.type !== "string") return;
    if (node.type === "TaggedTemplateExpression") tagged.add(node.quasi);
    if (node.type === "StringLiteral" || node.type === "RegExpLiteral") edits.push([node.start, node.end]);
    if (node.type === "TemplateLiteral" && !tagged.has(node))
      for (const q of node.quasis) edits.push([q.start, q.end]);
    for (const key of Object.keys(node)) {
      if (key === "loc" || key === "extra") continue;
      const v = node[key];
      if (Array.isArray(v)) for (const c of v) visit(c);
      else if (v && typeof v === "object" && typeof v.type === "string") visit(v);
    }
  };
  visit(ast.program);
  for (const c of ast.comments ?? []) edits.push([c.start, c.end]);
  edits.sort((a, b) => a[0] - b[0]);
  let out = "";
  let at = 0;
  for (const [start, end] of edits) {
    if (start < at) continue; // nested (a template inside a template's expression is visited apart)
    out += src.slice(at, start) + toEscapes(src.slice(start, end), file);
    at = end;
  }
  out += src.slice(at);
  const left = out.match(/[^\x00-\x7f]/);
  if (left) throw new Error(`${file}: non-ASCII character ${JSON.stringify(left[0])} outside a literal`);
  writeFileSync(file, out);
}
