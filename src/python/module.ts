/**
 * Static resolution of Python modules and their top-level names. Nothing is imported or executed:
 * files are read through the Workspace and parsed with @lezer/python (see ./parse.ts).
 *
 * Decisions (mirroring what happens when a server imports the module, where `__name__` is the module
 * name, never "__main__"):
 * - A name bound only inside `if __name__ == "__main__":` does NOT count: that block does not run
 *   when uvicorn/gunicorn import the module. Its `else:` branch does count. The lookup reports such a
 *   binding in `guarded` so callers can say "app is only created under `if __name__ == ...`".
 * - Same for `if TYPE_CHECKING:` (false at runtime).
 * - Bindings inside other top-level `if`/`elif`/`else`, `try`/`except`/`else`/`finally`, `with`,
 *   `for`/`while` blocks count (we cannot tell which branch runs, so we assume it can).
 * - Imports count (`from .factory import app`, `import app`, `import a.b` binds `a`).
 * - Annotation without value (`app: FastAPI`) does NOT bind a name; `app: FastAPI = FastAPI()` does.
 * - `from x import *`, module `__getattr__` (PEP 562), `globals()[...]`/`globals().update(...)`,
 *   `vars()[...]`, `setattr(sys.modules[...], ...)`, `exec(...)` at module level, and `global <attr>`
 *   inside a function make the answer "dynamic" unless the attribute is bound explicitly.
 * - A parse error outside function/class bodies means Python cannot import the module at all, so it
 *   wins over every other answer ("syntax-error"). Errors inside function/class bodies are ignored
 *   here (lezer reports a few false errors there, e.g. a bare `yield`); use `syntaxErrors()` from
 *   ./parse.ts when you need all of them.
 */
import { joinPath, normalizeRelPath, type Workspace } from "../repo/workspace.js";
import {
  blockBodies,
  bodyStatements,
  children,
  isInNestedScope,
  type ParsedPython,
  parsePython,
  type SyntaxNode,
  topLevelStatements,
} from "./parse.js";

export type AttrLookup =
  | {
      kind: "defined";
      line: number;
      column: number;
      how: "assignment" | "function" | "class" | "import" | "annotated";
    }
  | {
      kind: "not-defined";
      /** Names bound at module level (unguarded), in source order, without duplicates. */
      topLevelNames: string[];
      /** Set when the attribute is bound only under `if __name__ == "__main__":` or `if TYPE_CHECKING:`. */
      guarded?: { line: number; column: number; guard: "__main__" | "TYPE_CHECKING" };
    }
  /** Where the parser noticed the error; it can sit after the real cause (e.g. an unclosed bracket). */
  | { kind: "syntax-error"; line: number; column: number; reason?: string }
  | { kind: "dynamic" };

const IDENT = /^[\p{L}_][\p{L}\p{N}_]*$/u;

/** True when `dotted` is an absolute dotted Python module name (`pkg.mod`). */
export function isDottedModuleName(dotted: string): boolean {
  const parts = dotted.split(".");
  return parts.length > 0 && parts.every((p) => IDENT.test(p));
}

/**
 * Candidate files for a dotted module inside the service root, in the order Python's path finder
 * would pick them for one sys.path entry (a package directory wins over a same-named `.py` file),
 * first at the service root (what uvicorn/gunicorn put on sys.path: the working directory), then
 * under `src/` (src layout; importable only when the project is installed, e.g. `pip install .`).
 * Paths are repo-relative. Returns [] for names that are not valid dotted module names (relative
 * names, paths, empty strings) or a service root that leaves the repository.
 */
export function moduleFileCandidates(serviceRoot: string, dotted: string): string[] {
  if (!isDottedModuleName(dotted)) return [];
  const root = normalizeRelPath(serviceRoot === "." ? "" : serviceRoot);
  if (root === null) return [];
  const rel = dotted.split(".").join("/");
  const out: string[] = [];
  for (const base of [root, joinPath(root, "src")]) {
    out.push(joinPath(base, `${rel}/__init__.py`), joinPath(base, `${rel}.py`));
  }
  return out;
}

/** Strips a factory call and sub-attributes from an app-ref attribute: `create_app()` → `create_app`, `api.app` → `api`. */
export function baseAttrName(attr: string): string {
  const t = attr.trim();
  const m = /^[\p{L}_][\p{L}\p{N}_]*/u.exec(t);
  return m ? m[0] : t;
}

interface Binding {
  name: string;
  node: SyntaxNode;
  how: "assignment" | "function" | "class" | "import" | "annotated";
  guard: "__main__" | "TYPE_CHECKING" | null;
}

/**
 * Is `attr` bound at module top level in this Python source? `attr` may be given as in an app ref
 * (`create_app()` looks up `create_app`). Never throws.
 */
export function findTopLevelAttr(source: string, attr: string): AttrLookup {
  const py = parsePython(source);
  // A parser defect: whether the attribute exists cannot be decided (unknown, never an error).
  if (py.defect) return { kind: "dynamic" };
  try {
    return lookupAttr(py, attr);
  } catch {
    return { kind: "dynamic" };
  }
}

function lookupAttr(py: ParsedPython, attr: string): AttrLookup {
  const name = baseAttrName(attr);

  if (py.tooDeep)
    return { kind: "syntax-error", ...py.position(py.tooDeep.from), reason: "too many nested parentheses" };
  const err = firstModuleLevelError(py);
  if (err) return { kind: "syntax-error", ...py.position(err.from) };

  const bindings: Binding[] = [];
  const state = { dynamic: false };
  collect(py, topLevelStatements(py), null, bindings, state);

  const hit = bindings.find((b) => b.name === name && b.guard === null);
  if (hit) return { kind: "defined", ...py.position(hit.node.from), how: hit.how };

  if (state.dynamic || hasDynamicGlobals(py, name)) return { kind: "dynamic" };

  const topLevelNames: string[] = [];
  for (const b of bindings)
    if (b.guard === null && !topLevelNames.includes(b.name)) topLevelNames.push(b.name);
  const guarded = bindings.find((b) => b.name === name && b.guard !== null);
  const result: AttrLookup = { kind: "not-defined", topLevelNames };
  if (guarded) result.guarded = { ...py.position(guarded.node.from), guard: guarded.guard! };
  return result;
}

/** Resolves `moduleDotted` via the workspace, then looks up `attr` in the first candidate that exists. */
export function resolveAppRef(
  ws: Workspace,
  serviceRoot: string,
  moduleDotted: string,
  attr: string,
): { file: string; lookup: AttrLookup } | { kind: "module-missing"; tried: string[] } {
  const tried = moduleFileCandidates(serviceRoot, moduleDotted);
  for (const file of tried) {
    const r = ws.read(file);
    if (r.kind === "missing") continue;
    if (r.kind === "refused") {
      if (r.reason === "not-a-file") continue;
      // Exists but cannot be read (too large, binary, symlink out of the repo...): cannot decide.
      return { file, lookup: { kind: "dynamic" } };
    }
    return { file: r.path, lookup: findTopLevelAttr(r.text, attr) };
  }
  return { kind: "module-missing", tried };
}

// ---------------------------------------------------------------------------------------------

function firstModuleLevelError(py: ParsedPython): { from: number } | null {
  let found: { from: number } | null = null;
  py.tree.iterate({
    enter(ref) {
      if (found) return false;
      if (ref.type.isError && !isInNestedScope(ref.node)) {
        found = { from: ref.from };
        return false;
      }
      return undefined;
    },
  });
  return found;
}

function collect(
  py: ParsedPython,
  stmts: SyntaxNode[],
  guard: Binding["guard"],
  out: Binding[],
  state: { dynamic: boolean },
): void {
  const add = (node: SyntaxNode | null | undefined, how: Binding["how"]) => {
    if (node && node.name === "VariableName") out.push({ name: py.text(node), node, how, guard });
  };
  for (const stmt of stmts) {
    switch (stmt.name) {
      case "AssignStatement": {
        const kids = children(stmt);
        let lastOp = -1;
        kids.forEach((k, i) => {
          if (k.name === "AssignOp") lastOp = i;
        });
        if (lastOp < 0) break; // bare annotation: binds nothing
        const annotated = kids.some((k, i) => i < lastOp && k.name === "TypeDef");
        for (let i = 0; i < lastOp; i++) {
          for (const v of targetNames(kids[i]!)) add(v, annotated ? "annotated" : "assignment");
        }
        addWalrus(py, stmt, guard, out);
        break;
      }
      case "ImportStatement":
        for (const b of importBindings(stmt, state)) add(b, "import");
        break;
      case "FunctionDefinition":
      case "ClassDefinition": {
        const nameNode = children(stmt).find((c) => c.name === "VariableName");
        if (stmt.name === "FunctionDefinition" && nameNode && py.text(nameNode) === "__getattr__") {
          state.dynamic = true;
        }
        add(nameNode, stmt.name === "FunctionDefinition" ? "function" : "class");
        break;
      }
      case "DecoratedStatement": {
        const def = children(stmt).find(
          (c) => c.name === "FunctionDefinition" || c.name === "ClassDefinition",
        );
        if (def) collect(py, [def], guard, out, state);
        break;
      }
      case "IfStatement": {
        // if cond Body (elif cond Body)* (else Body)?  — `else` (no condition) keeps the outer guard,
        // so the else-branch of `if __name__ == "__main__":` counts as running on import.
        let cond: SyntaxNode | null = null;
        for (const c of children(stmt)) {
          if (c.name === "Body") {
            const kind = cond ? guardKind(py.text(cond)) : null;
            const g = kind === "main" ? "__main__" : kind === "typecheck" ? "TYPE_CHECKING" : guard;
            collect(py, bodyStatements(c), g, out, state);
            cond = null;
          } else if (c.name !== "if" && c.name !== "elif" && c.name !== "else") {
            cond = c;
          }
        }
        break;
      }
      case "WithStatement": {
        const kids = children(stmt);
        kids.forEach((k, i) => {
          if (k.name === "as") for (const v of targetNames(kids[i + 1])) add(v, "assignment");
        });
        for (const b of blockBodies(stmt)) collect(py, bodyStatements(b), guard, out, state);
        break;
      }
      case "ForStatement": {
        const kids = children(stmt);
        const forIdx = kids.findIndex((k) => k.name === "for");
        const inIdx = kids.findIndex((k) => k.name === "in");
        for (let i = forIdx + 1; forIdx >= 0 && i < inIdx; i++) {
          for (const v of targetNames(kids[i]!)) add(v, "assignment");
        }
        for (const b of blockBodies(stmt)) collect(py, bodyStatements(b), guard, out, state);
        break;
      }
      case "TryStatement":
      case "WhileStatement":
        for (const b of blockBodies(stmt)) collect(py, bodyStatements(b), guard, out, state);
        break;
      case "ExpressionStatement":
        addWalrus(py, stmt, guard, out);
        break;
      default:
        break;
    }
  }
}

/** "main" for `__name__ == "__main__"` (either order), "typecheck" for `TYPE_CHECKING`. */
function guardKind(cond: string): "main" | "typecheck" | null {
  const c = cond.replace(/\s+/g, "");
  if (/^__name__==(['"])__main__\1$/.test(c) || /^(['"])__main__\1==__name__$/.test(c)) return "main";
  if (c === "TYPE_CHECKING" || c === "typing.TYPE_CHECKING") return "typecheck";
  return null;
}

function targetNames(node: SyntaxNode | undefined): SyntaxNode[] {
  if (!node) return [];
  if (node.name === "VariableName") return [node];
  if (
    node.name === "TupleExpression" ||
    node.name === "ArrayExpression" ||
    node.name === "ParenthesizedExpression"
  ) {
    return children(node).flatMap((c) => targetNames(c));
  }
  return [];
}

function addWalrus(py: ParsedPython, stmt: SyntaxNode, guard: Binding["guard"], out: Binding[]): void {
  const cursor = stmt.cursor();
  const found: SyntaxNode[] = [];
  do {
    if (cursor.name === "NamedExpression") {
      const n = cursor.node;
      const target = n.firstChild;
      if (target?.name === "VariableName" && !isInNestedScope(n)) found.push(target);
    }
  } while (cursor.next() && cursor.from < stmt.to);
  for (const t of found) out.push({ name: py.text(t), node: t, how: "assignment", guard });
}

function importBindings(stmt: SyntaxNode, state: { dynamic: boolean }): SyntaxNode[] {
  const kids = children(stmt);
  const out: SyntaxNode[] = [];
  if (kids[0]?.name === "from") {
    const imp = kids.findIndex((k) => k.name === "import");
    if (imp < 0) return out;
    for (let i = imp + 1; i < kids.length; i++) {
      const k = kids[i]!;
      if (k.name === "*") state.dynamic = true;
      if (k.name !== "VariableName") continue;
      if (kids[i + 1]?.name === "as" && kids[i + 2]?.name === "VariableName") {
        out.push(kids[i + 2]!);
        i += 2;
      } else out.push(k);
    }
    return out;
  }
  // import a.b.c [as x], d
  let first: SyntaxNode | null = null;
  for (let i = 1; i < kids.length; i++) {
    const k = kids[i]!;
    if (k.name === "VariableName" && first === null) first = k;
    else if (k.name === "as" && kids[i + 1]?.name === "VariableName") {
      out.push(kids[i + 1]!);
      first = null;
      i++;
      // skip to the next comma
      while (i + 1 < kids.length && kids[i + 1]!.name !== ",") i++;
    } else if (k.name === ",") {
      if (first) out.push(first);
      first = null;
    }
  }
  if (first) out.push(first);
  return out;
}

/** globals()/vars() mutation, setattr on sys.modules, module-level exec, or `global <name>` in a function. */
function hasDynamicGlobals(py: ParsedPython, name: string): boolean {
  let dynamic = false;
  py.tree.iterate({
    enter(ref) {
      if (dynamic) return false;
      if (ref.name === "CallExpression") {
        const n = ref.node;
        const callee = n.firstChild;
        const fn = callee?.name === "VariableName" ? py.text(callee) : "";
        const args = n.lastChild;
        const argText = args ? py.text(args).replace(/\s+/g, "") : "";
        if (
          (fn === "globals" || fn === "vars") &&
          argText === "()" &&
          n.parent?.name === "MemberExpression"
        ) {
          dynamic = true;
        } else if (fn === "setattr" && argText.includes("sys.modules")) {
          dynamic = true;
        } else if (fn === "exec" && !isInNestedScope(n)) {
          dynamic = true;
        }
      } else if (ref.name === "ScopeStatement") {
        const n = ref.node;
        if (n.firstChild?.name === "global") {
          for (const c of children(n)) if (c.name === "VariableName" && py.text(c) === name) dynamic = true;
        }
      }
      return undefined;
    },
  });
  return dynamic;
}
