/**
 * Reads `.railway/railway.ts` (Railway infrastructure as code) without executing it.
 *
 * Parser: `@babel/parser` 7 with the `typescript` plugin and error recovery (railway-iac.md §5.2).
 * Program shapes (§2.2, §5.3 step 1): `export default defineRailway((ctx) => …)` (also `define`, a
 * renamed import or a namespace import), `export default project(…)`, `export default <ident>`,
 * `export { x as default }`, and the CLI's other accepted exports `main` / `Railway`; plus
 * `export const partial` (also `PARTIAL` / `Partial`). Syntax errors become diagnostics; this
 * function never throws.
 */
import { parse } from "@babel/parser";
import type * as t from "@babel/types";
import type { Diagnostic } from "../../../model/finding.js";
import { LineIndex, type Span } from "../../../model/span.js";
import { evaluationFailed, finishDiagnostics } from "../model/diagnostics.js";
import type { RailwayTsConfig, RailwayTsService } from "../model/types.js";
import { toValued } from "../model/valued.js";
import { type AV, type Resource, Scope } from "../model/values.js";
import {
  type AstFacts,
  scanAst,
  scanTemplateRefsInText,
  type TemplateRef,
  templateRefDiagnostic,
} from "./checks.js";
import { Evaluator } from "./evaluate.js";
import { type CommentInfo, extractService } from "./extract.js";

export type { EnvDeclaration, EnvKind, RailwayTsConfig, RailwayTsService, Valued } from "../model/types.js";
export { definiteValue, possibleValues } from "../model/types.js";

const PARTIAL_NAMES = ["partial", "PARTIAL", "Partial"];
const PROGRAM_EXPORTS = ["main", "Railway"];

interface BabelError {
  message?: string;
  reasonCode?: string;
  loc?: { line: number; column: number; index?: number };
  pos?: number;
}

export function parseRailwayTs(file: string, text: string): RailwayTsConfig {
  const idx = new LineIndex(text);
  const diagnostics: Diagnostic[] = [];
  let ast: t.File & { errors?: unknown[] };
  try {
    ast = parse(text, {
      sourceType: "module",
      plugins: ["typescript"],
      errorRecovery: true,
    }) as unknown as t.File & { errors?: unknown[] };
  } catch (e) {
    // Babel's recovery covers only some errors (§5.1); report the fatal one with its position.
    const refs = scanTemplateRefsInText(text);
    for (const r of refs) diagnostics.push(templateRefDiagnostic(file, idx, r));
    const d = syntaxDiagnostic(file, idx, text, e as BabelError);
    if (!insideRef(refs, d.offset)) diagnostics.push(d.diagnostic);
    return {
      services: [],
      partial: null,
      servicesComplete: false,
      diagnostics: finishDiagnostics(diagnostics),
    };
  }

  let facts: AstFacts;
  try {
    facts = scanAst(text, ast.program);
  } catch {
    facts = { templateRefs: [], nonErasable: [], reassigned: new Set() };
  }
  for (const r of facts.templateRefs) diagnostics.push(templateRefDiagnostic(file, idx, r));
  for (const err of (ast.errors ?? []) as BabelError[]) {
    const d = syntaxDiagnostic(file, idx, text, err);
    if (!insideRef(facts.templateRefs, d.offset)) diagnostics.push(d.diagnostic);
  }
  for (const n of facts.nonErasable) {
    diagnostics.push({
      message:
        `${n.what} is not erasable TypeScript: Railway's CLI runs ${file} with ` +
        "`node --experimental-strip-types`, which refuses it, so the file fails before any setting is read",
      span: idx.span(file, n.node.start ?? 0, n.node.end ?? 0),
      fix: n.fix,
      severity: "error",
    });
  }

  const comments: CommentInfo[] = (ast.comments ?? []).map((c) => ({
    text: c.value,
    start: c.start ?? 0,
    end: c.end ?? 0,
    span: idx.span(file, c.start ?? 0, c.end ?? 0),
  }));

  try {
    const result = evaluateProgram(file, text, idx, ast.program, facts.reassigned, comments, diagnostics);
    return { ...result, diagnostics: finishDiagnostics(diagnostics) };
  } catch (e) {
    return evaluationFailed(file, e, diagnostics);
  }
}

function evaluateProgram(
  file: string,
  text: string,
  idx: LineIndex,
  program: t.Program,
  reassigned: ReadonlySet<string>,
  comments: readonly CommentInfo[],
  diagnostics: Diagnostic[],
): Omit<RailwayTsConfig, "diagnostics"> {
  const ev = new Evaluator(file, text, idx, reassigned);
  const scope = new Scope(null);
  ev.exec(program.body, scope);

  // Locate the program (§5.3 step 1).
  let exported: { value: AV; node: t.Node } | null = null;
  const named = new Map<string, t.Node>();
  let partialNode: t.Identifier | null = null;
  for (const s of program.body) {
    if (s.type === "ExportDefaultDeclaration") {
      const d = s.declaration;
      if (d.type === "FunctionDeclaration") {
        exported = { value: { t: "func", node: d, scope, span: ev.span(d) }, node: d };
      } else if (d.type !== "ClassDeclaration" && d.type !== "TSDeclareFunction") {
        exported = { value: ev.eval(d, scope), node: d };
      }
    } else if (s.type === "ExportNamedDeclaration") {
      if (s.exportKind === "type") continue;
      for (const spec of s.specifiers) {
        if (spec.type !== "ExportSpecifier") continue;
        const out = spec.exported.type === "Identifier" ? spec.exported.name : spec.exported.value;
        if (out === "default")
          exported = { value: ev.lookup(spec.local.name, scope, spec.local), node: spec };
        else named.set(out, spec.local);
      }
      const d = s.declaration;
      if (d?.type === "VariableDeclaration") {
        for (const decl of d.declarations) {
          if (decl.id.type === "Identifier") named.set(decl.id.name, decl.id);
        }
      } else if (d?.type === "FunctionDeclaration" && d.id) {
        named.set(d.id.name, d.id);
      }
    }
  }
  for (const p of PARTIAL_NAMES) {
    const n = named.get(p);
    if (n?.type === "Identifier" && !partialNode) partialNode = n;
  }
  if (!exported) {
    for (const name of PROGRAM_EXPORTS) {
      const n = named.get(name);
      if (n?.type === "Identifier") {
        exported = { value: ev.lookup(n.name, scope, n), node: n };
        break;
      }
    }
  }

  const found: Resource[] = [];
  let complete = true;
  if (!exported) {
    complete = false;
    diagnostics.push({
      message: `${file} has no \`export default\`; Railway's CLI evaluates the default export (or \`main\` / \`Railway\`)`,
      span: { file, line: 1, column: 1 },
      fix: "Export the program: `export default defineRailway((ctx) => project(…))`.",
      severity: "warning",
    });
  } else {
    const result = runProgram(ev, exported.value, exported.node);
    complete = collectResources(result, found);
  }

  // When the project's resources did not resolve, list every service the reader saw created.
  if (!complete) {
    const extra = ev.resources.filter((r) => !found.includes(r)).sort((a, b) => a.start - b.start);
    found.push(...extra);
  }

  diagnostics.push(...ev.diagnostics);
  const services: RailwayTsService[] = [];
  for (const r of found) {
    if (r.kind !== "service" && r.kind !== "function") continue;
    if (services.some((s) => s.span === r.span)) continue;
    services.push(extractService(ev, r, comments, diagnostics));
  }

  const partialValue = partialNode ? ev.lookup(partialNode.name, scope, partialNode) : null;
  return {
    services,
    partial: partialValue ? toValued(partialValue, "string") : null,
    servicesComplete: complete,
  };
}

/** Calls the exported program the way the CLI does (`exported(ctx, project)`); ctx is unknowable. */
function runProgram(ev: Evaluator, value: AV, node: t.Node): AV {
  if (value.t !== "func") return value;
  const span = ev.span(node);
  const ctx: AV = { t: "ctx", span };
  const project: AV = { t: "builtin", name: "project", span };
  return ev.inline(value, [ctx, project], node, span, true);
}

/** Adds the resources of a project value; false when some could not be resolved. */
function collectResources(v: AV, out: Resource[]): boolean {
  switch (v.t) {
    case "project":
      return v.resources === null ? true : collectList(v.resources, out);
    case "cands": {
      let ok = true;
      for (const o of v.options) ok = collectResources(o, out) && ok;
      return ok;
    }
    default:
      return false;
  }
}

function collectList(v: AV, out: Resource[]): boolean {
  switch (v.t) {
    case "arr": {
      let ok = !v.open;
      for (const i of v.items) ok = collectList(i, out) && ok;
      return ok;
    }
    case "resource":
      if (!out.includes(v.res)) out.push(v.res);
      return true;
    case "cands": {
      let ok = true;
      for (const o of v.options) ok = collectList(o, out) && ok;
      return ok;
    }
    case "prim":
      return v.value === undefined || v.value === null || v.value === false;
    default:
      return false;
  }
}

function syntaxDiagnostic(
  file: string,
  idx: LineIndex,
  text: string,
  e: BabelError,
): { diagnostic: Diagnostic; offset: number } {
  const raw = typeof e?.message === "string" ? e.message : String(e);
  if (!e?.loc && typeof e?.pos !== "number") {
    // Not a syntax error: the parser itself gave up (e.g. nesting deep enough to exhaust the stack).
    return {
      diagnostic: {
        message: `deploy-drift could not parse ${file} (${raw}); its settings are not checked`,
        span: { file, line: 1, column: 1 },
        fix: "Simplify the deepest nesting in the file.",
        severity: "warning",
      },
      offset: -1,
    };
  }
  const message = raw.replace(/\s*\(\d+:\d+\)\s*$/, "");
  let offset = 0;
  const loc = e?.loc;
  if (Number.isFinite(loc?.index)) offset = loc!.index!;
  else if (Number.isFinite(e?.pos)) offset = e.pos!;
  // Babel reports `index: NaN` (and `pos: NaN`) for some errors found while looking ahead
  // (`arguments\0`); its line and column are still right.
  else if (loc && Number.isFinite(loc.line) && Number.isFinite(loc.column))
    offset = offsetAt(text, loc.line, loc.column);
  offset = Math.max(0, Math.min(offset, text.length));
  const span: Span = idx.span(file, offset);
  return {
    diagnostic: {
      message: `${file} is not valid TypeScript: ${message}`,
      span,
      fix: "Fix the syntax; Railway's CLI cannot run a file it cannot parse, so none of its settings apply.",
      severity: "error",
    },
    offset,
  };
}

function insideRef(refs: readonly TemplateRef[], offset: number): boolean {
  return refs.some((r) => offset >= r.start && offset <= r.end);
}

/** The offset of Babel's 1-based line and 0-based column (lines end at \n, \r\n, \r, U+2028, U+2029). */
function offsetAt(text: string, line: number, column: number): number {
  let at = 0;
  for (let l = 1; l < line; l++) {
    const m = /\r\n?|[\n\u2028\u2029]/g;
    m.lastIndex = at;
    const hit = m.exec(text);
    if (!hit) return text.length;
    at = hit.index + hit[0].length;
  }
  return at + column;
}
