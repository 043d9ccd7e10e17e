import { describe, expect, it } from "vitest";
import { findTopLevelAttr } from "../../src/python/module.js";
import {
  blockBodies,
  bodyStatements,
  children,
  isInNestedScope,
  parsePython,
  stringLiteralValue,
  syntaxErrors,
  tooDeepAt,
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

describe("nesting deeper than CPython accepts (issue 12: lezer time grows faster than linearly with depth)", () => {
  // CPython 3.11: 200 nested brackets compile, 201 raise "too many nested parentheses".
  const nest = (n: number) => `x = ${"[".repeat(n)}${"]".repeat(n)}\n`;

  it("accepts 200 levels and rejects the 201st bracket, at its offset", () => {
    expect(tooDeepAt(nest(200))).toBe(-1);
    expect(tooDeepAt(nest(201))).toBe(4 + 200);
    const py = parsePython(`import os\n${nest(300)}`);
    expect(py.tooDeep).toEqual({ from: 10 + 4 + 200 });
    expect(syntaxErrors(py)).toEqual([{ from: 214, line: 2, column: 205 }]);
  });

  it("does not count brackets in comments and string literals of any kind", () => {
    const open = "(".repeat(300);
    const src = [
      `# ${open}`,
      `a = "${open}"`,
      `b = '${open}\\'${open}'`,
      `c = """${open}\n"${open}"\n"""`,
      `d = rb'${open}\\''`,
      `e = f"${open}"`,
      `f = ''' ' '' ${open} '''`,
      "g = ((1))",
    ].join("\n");
    expect(tooDeepAt(src)).toBe(-1);
    expect(parsePython(src).tooDeep).toBeUndefined();
  });

  it("a one-line string ends at the line's end, as in the tokenizer", () => {
    expect(tooDeepAt(`s = "unterminated\n${nest(201)}`)).toBeGreaterThan(0);
  });

  it("the app lookup says it is a syntax error, with CPython's reason", () => {
    expect(findTopLevelAttr(`app = 1\n${nest(250)}`, "app")).toEqual({
      kind: "syntax-error",
      line: 2,
      column: 205,
      reason: "too many nested parentheses",
    });
  });
});
