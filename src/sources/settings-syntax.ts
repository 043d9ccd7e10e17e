/**
 * Syntax helpers for reading Python settings code: call arguments (positional, keyword, `*`/`**`),
 * dotted names, defaults as written, and the import map that qualifies a local name
 * (`BaseSettings` → `pydantic_settings.BaseSettings`).
 */
import { children, type ParsedPython, type SyntaxNode, stringLiteralValue } from "../python/parse.js";
import type { PyDefault } from "./settings.js";

export interface Arg {
  /** Keyword name, or null for a positional argument. */
  keyword: string | null;
  star: boolean;
  value: SyntaxNode;
}

export function args(py: ParsedPython, argList: SyntaxNode | null | undefined): Arg[] {
  if (argList?.name !== "ArgList") return [];
  const out: Arg[] = [];
  let group: SyntaxNode[] = [];
  const flush = () => {
    if (group.length === 0) return;
    if (group.length >= 3 && group[0]!.name === "VariableName" && group[1]!.name === "AssignOp") {
      out.push({ keyword: py.text(group[0]!), star: false, value: group[2]! });
    } else if (group[0]!.name === "*" || group[0]!.name === "**") {
      if (group[1]) out.push({ keyword: null, star: true, value: group[1] });
    } else out.push({ keyword: null, star: false, value: group[0]! });
    group = [];
  };
  for (const c of children(argList)) {
    if (c.name === "(" || c.name === ")") continue;
    if (c.name === ",") flush();
    else group.push(c);
  }
  flush();
  return out;
}

export function kw(a: Arg[], name: string): SyntaxNode | null {
  return a.find((x) => x.keyword === name)?.value ?? null;
}

export function positional(a: Arg[], i: number): SyntaxNode | null {
  const p = a.filter((x) => x.keyword === null && !x.star);
  return a.some((x) => x.star) && i >= p.length ? null : (p[i]?.value ?? null);
}

/** Dotted text of a name or attribute chain (`os.environ`), or null. */
export function dotted(py: ParsedPython, n: SyntaxNode | null | undefined): string | null {
  if (!n) return null;
  if (n.name === "VariableName") return py.text(n);
  if (n.name === "MemberExpression") {
    const k = children(n);
    if (k.length === 3 && k[1]!.name === "." && k[2]!.name === "PropertyName") {
      const base = dotted(py, k[0]);
      return base === null ? null : `${base}.${py.text(k[2]!)}`;
    }
  }
  return null;
}

export function toDefault(py: ParsedPython, n: SyntaxNode): PyDefault {
  if (n.name === "None") return { kind: "none" };
  const s = stringLiteralValue(py, n);
  if (s !== null) return { kind: "string", value: s };
  return { kind: "expression", text: py.text(n).replace(/\s+/g, " ") };
}

/** Local names → what they are bound to by imports (`BaseSettings` → `pydantic_settings.BaseSettings`). */
export function importMap(py: ParsedPython): Map<string, string> {
  const map = new Map<string, string>();
  py.tree.iterate({
    enter(ref) {
      if (ref.name !== "ImportStatement") return undefined;
      const kids = children(ref.node);
      if (kids[0]?.name === "from") {
        const imp = kids.findIndex((k) => k.name === "import");
        const mod = kids
          .slice(1, imp)
          .map((k) => py.text(k))
          .join("");
        for (let i = imp + 1; i < kids.length; i++) {
          const k = kids[i]!;
          if (k.name !== "VariableName") continue;
          const name = py.text(k);
          if (kids[i + 1]?.name === "as" && kids[i + 2]?.name === "VariableName") {
            map.set(py.text(kids[i + 2]!), `${mod}.${name}`);
            i += 2;
          } else map.set(name, `${mod}.${name}`);
        }
      } else {
        // import a.b [as c], d
        let parts: string[] = [];
        for (let i = 1; i <= kids.length; i++) {
          const k = kids[i];
          if (!k || k.name === ",") {
            if (parts.length) map.set(parts[0]!, parts[0]!);
            parts = [];
          } else if (k.name === "VariableName") parts.push(py.text(k));
          else if (k.name === "as" && kids[i + 1]?.name === "VariableName") {
            map.set(py.text(kids[i + 1]!), parts.join("."));
            parts = [];
            i++;
          }
        }
      }
      return false;
    },
  });
  return map;
}

/** Resolves `x.y` through the import map: `ps.BaseSettings` with `import pydantic_settings as ps`. */
export function qualify(imports: Map<string, string>, d: string | null): string | null {
  if (d === null) return null;
  const [head, ...rest] = d.split(".");
  const q = imports.get(head!);
  return q === undefined ? d : [q, ...rest].join(".");
}

export function dictArgs(py: ParsedPython, dict: SyntaxNode): Arg[] {
  const out: Arg[] = [];
  const k = children(dict);
  for (let i = 0; i + 2 < k.length; i++) {
    if (k[i]!.name === "String" && k[i + 1]!.name === ":") {
      const key = stringLiteralValue(py, k[i]!);
      if (key !== null) out.push({ keyword: key, star: false, value: k[i + 2]! });
    }
  }
  return out;
}
