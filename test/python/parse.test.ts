import { describe, expect, it } from "vitest";
import {
  blockBodies,
  bodyStatements,
  children,
  isInNestedScope,
  parsePython,
  stringLiteralValue,
  syntaxErrors,
  topLevelStatements,
} from "../../src/python/parse.js";

describe("parsePython", () => {
  it("maps node offsets to 1-based line/column", () => {
    const py = parsePython("import os\n\nWSGI_APPLICATION = 'mysite.wsgi.application'\n");
    const stmts = topLevelStatements(py);
    expect(stmts.map((s) => s.name)).toEqual(["ImportStatement", "AssignStatement"]);
    const target = stmts[1]!.firstChild!;
    expect(py.text(target)).toBe("WSGI_APPLICATION");
    expect(py.position(target.from)).toEqual({ line: 3, column: 1 });
    expect(py.lines.lineText(3)).toBe("WSGI_APPLICATION = 'mysite.wsgi.application'");
  });

  it("flattens `a; b` statement groups", () => {
    const py = parsePython("a = 1; b = 2\n");
    expect(topLevelStatements(py).map((s) => py.text(s))).toEqual(["a = 1", "b = 2"]);
  });

  it("exposes bodies of compound statements", () => {
    const py = parsePython("if x:\n    a = 1\nelse:\n    b = 2; c = 3\n");
    const [ifs] = topLevelStatements(py);
    const bodies = blockBodies(ifs!);
    expect(bodies).toHaveLength(2);
    expect(bodyStatements(bodies[1]!).map((s) => py.text(s))).toEqual(["b = 2", "c = 3"]);
  });

  it("reports error nodes with positions, and none for valid modern syntax", () => {
    expect(syntaxErrors(parsePython("x = (\n"))).toEqual([{ from: 6, line: 2, column: 1 }]);
    const modern = [
      "match x:\n    case [1, *rest]:\n        pass\n    case _:\n        pass\n",
      "type Alias = list[int]\n",
      "def f[T](x: T) -> T:\n    return x\n",
      'x = f"{a["b"]!r:>{w}}"\n',
      "try:\n    pass\nexcept* ValueError:\n    pass\n",
      "a = 1\r\nb = 2\r\n",
      "café = 1\n",
      "a\f= 1\n",
    ];
    for (const src of modern) expect(syntaxErrors(parsePython(src))).toEqual([]);
  });

  it("never throws", () => {
    for (const src of ["", "\0", "(((((", "'''", "\uD800"]) expect(() => parsePython(src)).not.toThrow();
  });

  it("tells module scope from nested scopes", () => {
    const py = parsePython("a = 1\ndef f(d=dflt):\n    b = 2\nclass C:\n    c = 3\ng = lambda: inner\n");
    const names: Record<string, boolean> = {};
    py.tree.iterate({
      enter(ref) {
        if (ref.name === "VariableName") names[py.text(ref)] = isInNestedScope(ref.node);
      },
    });
    expect(names).toEqual({
      a: false,
      f: false,
      d: false,
      dflt: false,
      b: true,
      C: false,
      c: true,
      g: false,
      inner: true,
    });
  });
});

describe("stringLiteralValue", () => {
  const literalOf = (expr: string) => {
    const py = parsePython(`X = ${expr}\n`);
    const stmt = topLevelStatements(py)[0]!;
    return stringLiteralValue(py, children(stmt).at(-1)!);
  };
  it.each([
    ['"mysite.settings"', "mysite.settings"],
    ["'a\\'b'", "a'b"],
    ['"tab\\there"', "tab\there"],
    ['"\\x41\\u00e9"', "Aé"],
    ['r"C:\\path"', "C:\\path"],
    ['u"x"', "x"],
    ['"""triple"""', "triple"],
    ['"a" "b"', "ab"],
    ['("a"\n    "b")', "ab"],
    ['"keep \\d"', "keep \\d"],
  ])("%s", (expr, expected) => {
    expect(literalOf(expr)).toBe(expected);
  });
  it.each([['f"{x}"'], ['b"x"'], ["1"], ["name"], ['"a" + "b"'], ['"a" f"b"']])(
    "not a plain literal: %s",
    (expr) => {
      expect(literalOf(expr)).toBeNull();
    },
  );
});
