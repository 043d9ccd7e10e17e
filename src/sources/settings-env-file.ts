/**
 * The `env_file` path evaluator: follows the path expressions settings code builds (literals,
 * `Path(__file__).parent / ".env"`, `os.path.join`, …) to paths relative to the working directory or
 * to the module's folder.
 */
import {
  children,
  type ParsedPython,
  type SyntaxNode,
  stringLiteralValue,
  topLevelStatements,
} from "../python/parse.js";
import type { CodePath } from "./settings.js";
import { args, dotted, qualify } from "./settings-syntax.js";

/**
 * Follows the path expressions settings code uses for `env_file`: string literals, `Path("…")`,
 * `Path(__file__)` with `.parent` / `.parents[N]` / `.resolve()` / `.absolute()`, `/` joins, `os.path.join`,
 * `os.path.dirname` / `abspath` / `realpath`, `str(…)`, tuples and lists of those, and module-level
 * names assigned once (`BASE_DIR = Path(__file__).resolve().parent`). Anything else: null (unknown).
 * Absolute paths are null too (where the repository lands in the image is not known here).
 */
export function pathEvaluator(
  py: ParsedPython,
  file: string,
  imports: Map<string, string>,
): (n: SyntaxNode) => CodePath[] | null {
  const assigned = new Map<string, SyntaxNode | null>();
  for (const st of topLevelStatements(py)) {
    if (st.name !== "AssignStatement") continue;
    const k = children(st);
    if (k.length !== 3 || k[0]!.name !== "VariableName" || k[1]!.name !== "AssignOp") continue;
    const name = py.text(k[0]!);
    assigned.set(name, assigned.has(name) ? null : k[2]!);
  }
  const moduleFile = file.split("/").pop()!;
  const norm = (p: string) => {
    const parts: string[] = [];
    for (const seg of p.split("/")) {
      if (seg === "" || seg === ".") continue;
      if (seg === ".." && parts.length > 0 && parts[parts.length - 1] !== "..") parts.pop();
      else parts.push(seg);
    }
    return parts.length === 0 ? "." : parts.join("/");
  };
  const join = (a: CodePath, rel: string): CodePath | null =>
    rel.startsWith("/") ? null : { base: a.base, path: norm(`${a.path}/${rel}`) };
  const fn = (n: SyntaxNode | null | undefined) => qualify(imports, dotted(py, n));
  const one = (n: SyntaxNode, depth: number): CodePath | null => {
    if (depth > 8) return null;
    const s = stringLiteralValue(py, n);
    if (s !== null) return s.startsWith("/") || s.startsWith("~") ? null : { base: "cwd", path: norm(s) };
    if (n.name === "ParenthesizedExpression") {
      const inner = children(n).filter((c) => c.name !== "(" && c.name !== ")");
      return inner.length === 1 ? one(inner[0]!, depth + 1) : null;
    }
    if (n.name === "VariableName") {
      if (py.text(n) === "__file__") return { base: "module", path: moduleFile };
      const v = assigned.get(py.text(n));
      return v ? one(v, depth + 1) : null;
    }
    if (n.name === "BinaryExpression") {
      const k = children(n);
      if (k.length !== 3 || py.text(k[1]!) !== "/") return null;
      const left = one(k[0]!, depth + 1);
      const right = stringLiteralValue(py, k[2]!);
      return left && right !== null ? join(left, right) : null;
    }
    if (n.name === "MemberExpression") {
      const k = children(n);
      const prop = k[2]?.name === "PropertyName" ? py.text(k[2]) : null;
      if (prop === "parent" && k[0]) {
        const b = one(k[0], depth + 1);
        return b ? join(b, "..") : null;
      }
      // `p.parents[N]`: the (N+1)th folder up.
      if (k[1]?.name === "[" && k[2]?.name === "Number" && /^\d+$/.test(py.text(k[2])) && k[0]) {
        const pk = children(k[0]);
        if (pk[2]?.name === "PropertyName" && py.text(pk[2]) === "parents" && pk[0]) {
          const b = one(pk[0], depth + 1);
          return b
            ? join(
                b,
                Array(Number(py.text(k[2])) + 1)
                  .fill("..")
                  .join("/"),
              )
            : null;
        }
      }
      return null;
    }
    if (n.name === "CallExpression") {
      const callee = n.firstChild;
      const a = args(py, n.lastChild);
      const q = fn(callee);
      if (q === "pathlib.Path" || q === "pathlib.PurePath" || q === "str" || q === "os.fspath") {
        if (a.length === 0) return { base: "cwd", path: "." };
        if (a.some((x) => x.keyword !== null || x.star)) return null;
        let cur = one(a[0]!.value, depth + 1);
        for (const x of a.slice(1)) {
          const r = stringLiteralValue(py, x.value);
          cur = cur && r !== null ? join(cur, r) : null;
        }
        return cur;
      }
      if (q === "os.path.join") {
        if (a.length === 0 || a.some((x) => x.keyword !== null || x.star)) return null;
        let cur = one(a[0]!.value, depth + 1);
        for (const x of a.slice(1)) {
          const r = stringLiteralValue(py, x.value);
          cur = cur && r !== null ? join(cur, r) : null;
        }
        return cur;
      }
      if (q === "os.path.dirname" && a.length === 1 && a[0]!.keyword === null) {
        const b = one(a[0]!.value, depth + 1);
        return b ? join(b, "..") : null;
      }
      if ((q === "os.path.abspath" || q === "os.path.realpath") && a.length === 1)
        return one(a[0]!.value, depth + 1);
      // `Path(...).resolve()`, `.absolute()`: the same place.
      if (callee?.name === "MemberExpression") {
        const ck = children(callee);
        const m = ck[2]?.name === "PropertyName" ? py.text(ck[2]) : null;
        if ((m === "resolve" || m === "absolute" || m === "expanduser") && a.length === 0 && ck[0])
          return one(ck[0], depth + 1);
        if (m === "joinpath" && ck[0]) {
          let cur = one(ck[0], depth + 1);
          for (const x of a) {
            const r = x.keyword === null && !x.star ? stringLiteralValue(py, x.value) : null;
            cur = cur && r !== null ? join(cur, r) : null;
          }
          return cur;
        }
      }
    }
    return null;
  };
  return (n) => {
    if (n.name === "TupleExpression" || n.name === "ArrayExpression") {
      const items = children(n).filter((c) => !/^[()[\],]$/.test(c.name));
      const out: CodePath[] = [];
      for (const i of items) {
        const p = one(i, 0);
        if (!p) return null;
        out.push(p);
      }
      return out;
    }
    const p = one(n, 0);
    return p ? [p] : null;
  };
}
