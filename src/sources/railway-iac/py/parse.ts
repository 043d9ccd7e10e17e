/**
 * Reads `.railway/railway.py` (Railway infrastructure as code, Python SDK `railway_sdk`, beta)
 * without running it, into the model `.railway/railway.ts` produces (`RailwayTsConfig`), so every
 * rule that reads railway.ts reads railway.py too, with positions in railway.py.
 *
 * Program lookup follows the CLI's Python wrapper (railwayapp/cli `src/iac/eval.rs` @ df3838bf): the
 * module attribute `main`, else `Railway`, else `default`, called with no arguments (so `ctx` takes its
 * default, `None`); `PARTIAL` / `Partial` / `partial` names a partial. Parser: @lezer/python, which
 * never throws; its error nodes become one syntax diagnostic (the CLI cannot import such a file).
 */
import type { Diagnostic } from "../../../model/finding.js";
import { parsePython, syntaxErrors, topLevelStatements } from "../../../python/parse.js";
import { evaluationFailed, finishDiagnostics } from "../model/diagnostics.js";
import type { RailwayTsConfig, RailwayTsService } from "../model/types.js";
import { toValued } from "../model/valued.js";
import { type AV, type Resource, Scope } from "../model/values.js";
import { PyEvaluator } from "./evaluate.js";
import { extractPyService } from "./extract.js";

const PARTIAL_NAMES = ["PARTIAL", "Partial", "partial"];
const PROGRAM_NAMES = ["main", "Railway", "default"];

export function parseRailwayPy(file: string, text: string): RailwayTsConfig {
  const py = parsePython(text);
  const diagnostics: Diagnostic[] = [];
  const errors = syntaxErrors(py);
  if (errors.length > 0) {
    const e = errors[0]!;
    diagnostics.push({
      message: `${file} is not valid Python (the parser stops at line ${e.line}, column ${e.column}); Railway's CLI cannot import it, so none of its settings apply`,
      span: py.lines.span(file, e.from),
      fix: "Fix the syntax (`python3 -m py_compile .railway/railway.py` shows the error).",
      severity: "error",
    });
    return { services: [], partial: null, servicesComplete: false, diagnostics };
  }
  try {
    return { ...evaluate(file, py, diagnostics), diagnostics: finishDiagnostics(diagnostics) };
  } catch (e) {
    return evaluationFailed(file, e, diagnostics);
  }
}

function evaluate(
  file: string,
  py: ReturnType<typeof parsePython>,
  diagnostics: Diagnostic[],
): Omit<RailwayTsConfig, "diagnostics"> {
  const ev = new PyEvaluator(file, py);
  const scope = new Scope(null);
  ev.execModule(topLevelStatements(py), scope);
  const here = { file, line: 1, column: 1 };

  let program: AV | null = null;
  for (const n of PROGRAM_NAMES) {
    if (scope.vars.has(n)) {
      program = ev.lookup(n, scope, here);
      break;
    }
  }
  const found: Resource[] = [];
  let complete = true;
  if (!program) {
    complete = false;
    diagnostics.push({
      message: `${file} defines no \`main\`; Railway's CLI runs the module's \`main\` (or \`Railway\` / \`default\`)`,
      span: here,
      fix: "Define the program: `@define_railway\\ndef main(ctx=None):\\n    return project(…)`.",
      severity: "warning",
    });
  } else {
    const fn = ev.functionOf(program);
    const result = fn
      ? ev.inline(
          fn,
          {
            // CLI 5.43 calls `main()` with no argument (ctx is None); newer CLIs pass a context, which
            // real files use (`ctx.is_environment(…)`): the first parameter is the unknown deploy context.
            positional: ev.takesArgument(fn) ? [{ t: "ctx", span: program.span }] : [],
            keywords: new Map(),
            keywordSpans: new Map(),
            open: null,
          },
          program.span,
        )
      : program;
    complete = collectResources(result, found);
  }
  if (!complete) {
    for (const r of [...ev.resources].sort((a, b) => a.start - b.start))
      if (!found.includes(r)) found.push(r);
  }
  diagnostics.push(...ev.diagnostics);
  const services: RailwayTsService[] = [];
  const seen = new Set<Resource>();
  for (const r of found) {
    if (r.kind !== "service" && r.kind !== "function") continue;
    if (seen.has(r)) continue;
    seen.add(r);
    services.push(extractPyService(ev, r, diagnostics));
  }
  let partial: RailwayTsConfig["partial"] = null;
  for (const n of PARTIAL_NAMES) {
    if (scope.vars.has(n)) {
      partial = toValued(ev.lookup(n, scope, here), "string");
      break;
    }
  }
  return { services, partial, servicesComplete: complete };
}

/** Adds the resources of a project value; false when some could not be resolved. */
function collectResources(v: AV, out: Resource[]): boolean {
  if (v.t === "project") return v.resources === null ? true : collectList(v.resources, out);
  if (v.t === "cands") return v.options.map((o) => collectResources(o, out)).every(Boolean);
  return false;
}

function collectList(v: AV, out: Resource[]): boolean {
  switch (v.t) {
    case "arr":
      return v.items.map((i) => collectList(i, out)).every(Boolean) && !v.open;
    case "resource":
      if (!out.includes(v.res)) out.push(v.res);
      return true;
    case "cands":
      return v.options.map((o) => collectList(o, out)).every(Boolean);
    case "prim":
      return v.value === null || v.value === false;
    default:
      return false;
  }
}

/** Sorted by position; a diagnostic raised twice (a helper called for several services) is kept once. */
