import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { findTopLevelAttr, moduleFileCandidates, resolveAppRef } from "../../src/python/module.js";
import { DiskWorkspace } from "../../src/repo/disk.js";
import { MemoryWorkspace } from "../../src/repo/workspace.js";

const fixtures = fileURLToPath(new URL("../fixtures/python-modules/", import.meta.url));
const ws = new DiskWorkspace(fixtures);

describe("moduleFileCandidates", () => {
  it.each([
    ["", "app.main", ["app/main/__init__.py", "app/main.py", "src/app/main/__init__.py", "src/app/main.py"]],
    [".", "main", ["main/__init__.py", "main.py", "src/main/__init__.py", "src/main.py"]],
    [
      "backend",
      "mysite.wsgi",
      [
        "backend/mysite/wsgi/__init__.py",
        "backend/mysite/wsgi.py",
        "backend/src/mysite/wsgi/__init__.py",
        "backend/src/mysite/wsgi.py",
      ],
    ],
    [
      "./services/api/",
      "api",
      [
        "services/api/api/__init__.py",
        "services/api/api.py",
        "services/api/src/api/__init__.py",
        "services/api/src/api.py",
      ],
    ],
  ])("root %j, module %j", (root, dotted, expected) => {
    expect(moduleFileCandidates(root, dotted)).toEqual(expected);
  });

  it.each([[".app"], ["app/main"], [""], ["app..main"], ["app.main:app"], ["1app"], ["../x"]])(
    "refuses %j",
    (dotted) => {
      expect(moduleFileCandidates("", dotted)).toEqual([]);
    },
  );

  it("refuses a service root outside the repository", () => {
    expect(moduleFileCandidates("../elsewhere", "app")).toEqual([]);
  });
});

describe("findTopLevelAttr: each behaviour fires and does not fire", () => {
  type Case = [name: string, source: string, attr: string, expected: unknown];
  const cases: Case[] = [
    ["assignment", "app = FastAPI()\n", "app", { kind: "defined", line: 1, column: 1, how: "assignment" }],
    [
      "assignment of another name",
      "api = FastAPI()\n",
      "app",
      { kind: "not-defined", topLevelNames: ["api"] },
    ],
    [
      "annotated assignment",
      "app: FastAPI = FastAPI()\n",
      "app",
      { kind: "defined", line: 1, column: 1, how: "annotated" },
    ],
    ["bare annotation binds nothing", "app: FastAPI\n", "app", { kind: "not-defined", topLevelNames: [] }],
    [
      "function",
      "def create_app():\n    ...\n",
      "create_app()",
      { kind: "defined", line: 1, column: 5, how: "function" },
    ],
    [
      "async function",
      "async def app(scope, receive, send):\n    ...\n",
      "app",
      { kind: "defined", line: 1, column: 11, how: "function" },
    ],
    [
      "decorated class",
      "@dataclass\nclass app:\n    pass\n",
      "app",
      { kind: "defined", line: 2, column: 7, how: "class" },
    ],
    [
      "name only inside a class",
      "class K:\n    app = 1\n",
      "app",
      { kind: "not-defined", topLevelNames: ["K"] },
    ],
    [
      "name only inside a function",
      "def f():\n    app = 1\n",
      "app",
      { kind: "not-defined", topLevelNames: ["f"] },
    ],
    [
      "relative import",
      "from .factory import app\n",
      "app",
      { kind: "defined", line: 1, column: 22, how: "import" },
    ],
    [
      "import alias",
      "from .factory import make as app\n",
      "app",
      { kind: "defined", line: 1, column: 30, how: "import" },
    ],
    [
      "import aliased away",
      "from .factory import app as application\n",
      "app",
      { kind: "not-defined", topLevelNames: ["application"] },
    ],
    [
      "parenthesised import",
      "from a import (b,\n    c as app)\n",
      "app",
      { kind: "defined", line: 2, column: 10, how: "import" },
    ],
    [
      "dotted import binds the first name",
      "import app.main\n",
      "app",
      { kind: "defined", line: 1, column: 8, how: "import" },
    ],
    [
      "dotted import does not bind the last name",
      "import pkg.app\n",
      "app",
      { kind: "not-defined", topLevelNames: ["pkg"] },
    ],
    [
      "tuple unpacking",
      "a, (b, app) = 1, (2, 3)\n",
      "app",
      { kind: "defined", line: 1, column: 8, how: "assignment" },
    ],
    [
      "chained assignment",
      "app = application = make()\n",
      "application",
      { kind: "defined", line: 1, column: 7, how: "assignment" },
    ],
    [
      "attribute assignment binds nothing",
      "app.state = 1\n",
      "app",
      { kind: "not-defined", topLevelNames: [] },
    ],
    [
      "statement group",
      "x = 1; app = 2\n",
      "app",
      { kind: "defined", line: 1, column: 8, how: "assignment" },
    ],
    ["walrus", "(app := make())\n", "app", { kind: "defined", line: 1, column: 2, how: "assignment" }],
    [
      "with target",
      "with ctx() as app:\n    pass\n",
      "app",
      { kind: "defined", line: 1, column: 15, how: "assignment" },
    ],
    [
      "try/except import",
      "try:\n    from a import app\nexcept ImportError:\n    app = None\n",
      "app",
      { kind: "defined", line: 2, column: 19, how: "import" },
    ],
    [
      "plain if counts",
      "if DEBUG:\n    app = 1\n",
      "app",
      { kind: "defined", line: 2, column: 5, how: "assignment" },
    ],
    [
      "__main__ guard does not count",
      'if __name__ == "__main__":\n    app = make()\n',
      "app",
      { kind: "not-defined", topLevelNames: [], guarded: { line: 2, column: 5, guard: "__main__" } },
    ],
    [
      "reversed __main__ guard",
      "if '__main__' == __name__:\n    app = make()\n",
      "app",
      { kind: "not-defined", topLevelNames: [], guarded: { line: 2, column: 5, guard: "__main__" } },
    ],
    [
      "else of the __main__ guard counts",
      'if __name__ == "__main__":\n    pass\nelse:\n    app = make()\n',
      "app",
      { kind: "defined", line: 4, column: 5, how: "assignment" },
    ],
    [
      "TYPE_CHECKING does not count",
      "if TYPE_CHECKING:\n    from a import app\n",
      "app",
      { kind: "not-defined", topLevelNames: [], guarded: { line: 2, column: 19, guard: "TYPE_CHECKING" } },
    ],
    ["star import is dynamic", "from .base import *\n", "app", { kind: "dynamic" }],
    [
      "star import does not hide an explicit binding",
      "from .base import *\napp = 1\n",
      "app",
      { kind: "defined", line: 2, column: 1, how: "assignment" },
    ],
    ["module __getattr__ is dynamic", "def __getattr__(name):\n    ...\n", "app", { kind: "dynamic" }],
    ["globals() subscript is dynamic", "globals()['app'] = make()\n", "app", { kind: "dynamic" }],
    ["globals().update is dynamic", "globals().update(x)\n", "app", { kind: "dynamic" }],
    [
      "setattr on sys.modules is dynamic",
      "setattr(sys.modules[__name__], 'app', 1)\n",
      "app",
      { kind: "dynamic" },
    ],
    [
      "setattr on an object is not",
      "setattr(obj, 'app', 1)\n",
      "app",
      { kind: "not-defined", topLevelNames: [] },
    ],
    [
      "global in a function is dynamic",
      "def init():\n    global app\n    app = 1\n",
      "app",
      { kind: "dynamic" },
    ],
    [
      "global of another name is not",
      "def init():\n    global db\n    db = 1\n",
      "app",
      { kind: "not-defined", topLevelNames: ["init"] },
    ],
    ["module-level syntax error", "app = FastAPI(\n", "app", { kind: "syntax-error", line: 2, column: 1 }],
    [
      "error inside a function body is ignored",
      "def f():\n    yield\napp = 1\n",
      "app",
      { kind: "defined", line: 3, column: 1, how: "assignment" },
    ],
    [
      "form feed is whitespace",
      "import os\n\f\napp = 1\n",
      "app",
      { kind: "defined", line: 3, column: 1, how: "assignment" },
    ],
    [
      "sub-attribute ref looks up the first name",
      "api = make()\n",
      "api.app",
      { kind: "defined", line: 1, column: 1, how: "assignment" },
    ],
  ];
  it.each(cases)("%s", (_name, source, attr, expected) => {
    expect(findTopLevelAttr(source, attr)).toEqual(expected);
  });

  it("never throws on garbage", () => {
    for (const s of ["", "\0\0", ")))", "def", "class :", "'''", "if:\n  else", "\uFEFFapp=1"]) {
      expect(() => findTopLevelAttr(s, "app")).not.toThrow();
    }
  });

  it("lists top-level names in order without duplicates", () => {
    const r = findTopLevelAttr("import os\nx = 1\nx = 2\ndef f(): pass\nclass C: pass\n", "app");
    expect(r).toEqual({ kind: "not-defined", topLevelNames: ["os", "x", "f", "C"] });
  });
});

describe("resolveAppRef on fixture repositories", () => {
  it("FastAPI app in app/main.py", () => {
    expect(resolveAppRef(ws, "fastapi-app", "app.main", "app")).toEqual({
      file: "fastapi-app/app/main.py",
      lookup: { kind: "defined", line: 5, column: 1, how: "assignment" },
    });
  });

  it("FastAPI app: a missing attribute is reported with the names that exist", () => {
    expect(resolveAppRef(ws, "fastapi-app", "app.main", "application")).toEqual({
      file: "fastapi-app/app/main.py",
      lookup: { kind: "not-defined", topLevelNames: ["FastAPI", "router", "app", "health"] },
    });
  });

  it("app created only under if __name__ == '__main__' is not importable", () => {
    expect(resolveAppRef(ws, "main-guard", "main", "app")).toEqual({
      file: "main-guard/main.py",
      lookup: {
        kind: "not-defined",
        topLevelNames: ["os", "uvicorn", "FastAPI", "build"],
        guarded: { line: 12, column: 5, guard: "__main__" },
      },
    });
  });

  it("a factory defined in the same module resolves", () => {
    expect(resolveAppRef(ws, "main-guard", "main", "build()")).toEqual({
      file: "main-guard/main.py",
      lookup: { kind: "defined", line: 7, column: 5, how: "function" },
    });
  });

  it("re-export from .factory counts (package __init__.py wins)", () => {
    expect(resolveAppRef(ws, "reexport", "app", "app")).toEqual({
      file: "reexport/app/__init__.py",
      lookup: { kind: "defined", line: 3, column: 22, how: "import" },
    });
  });

  it("re-export does not invent names", () => {
    const r = resolveAppRef(ws, "reexport", "app", "create_app");
    expect(r).toEqual({
      file: "reexport/app/__init__.py",
      lookup: { kind: "not-defined", topLevelNames: ["app", "__all__"] },
    });
  });

  it("annotated assignment counts, bare annotation does not", () => {
    expect(resolveAppRef(ws, "annotated", "main", "app")).toEqual({
      file: "annotated/main.py",
      lookup: { kind: "defined", line: 3, column: 1, how: "annotated" },
    });
    expect(resolveAppRef(ws, "annotated", "main", "api")).toEqual({
      file: "annotated/main.py",
      lookup: { kind: "not-defined", topLevelNames: ["FastAPI", "app"] },
    });
  });

  it("Django wsgi.py application", () => {
    expect(resolveAppRef(ws, "django", "mysite.wsgi", "application")).toEqual({
      file: "django/mysite/wsgi.py",
      lookup: { kind: "defined", line: 11, column: 1, how: "assignment" },
    });
  });

  it("Django: a wrong module is module-missing with the paths tried", () => {
    expect(resolveAppRef(ws, "django", "mysite.asgi", "application")).toEqual({
      kind: "module-missing",
      tried: [
        "django/mysite/asgi/__init__.py",
        "django/mysite/asgi.py",
        "django/src/mysite/asgi/__init__.py",
        "django/src/mysite/asgi.py",
      ],
    });
  });

  it("syntax error at module level", () => {
    // The unclosed `(` opens on line 3; the parser notices the problem at `def` on line 7. The position
    // is where the parser gave up, which can be after the real cause.
    expect(resolveAppRef(ws, "syntax-error", "app.main", "app")).toEqual({
      file: "syntax-error/app/main.py",
      lookup: { kind: "syntax-error", line: 7, column: 1 },
    });
  });

  it("a valid module next to it has no syntax error", () => {
    expect(resolveAppRef(ws, "syntax-error", "app", "app")).toEqual({
      file: "syntax-error/app/__init__.py",
      lookup: { kind: "not-defined", topLevelNames: [] },
    });
  });

  it("missing attribute (app vs application)", () => {
    expect(resolveAppRef(ws, "missing-attr", "main", "app")).toEqual({
      file: "missing-attr/main.py",
      lookup: { kind: "not-defined", topLevelNames: ["Flask", "application", "index"] },
    });
    expect(resolveAppRef(ws, "missing-attr", "main", "application")).toMatchObject({
      lookup: { kind: "defined", how: "assignment" },
    });
  });

  it("package __init__.py factory", () => {
    expect(resolveAppRef(ws, "package-init", "api", "create_app()")).toEqual({
      file: "package-init/api/__init__.py",
      lookup: { kind: "defined", line: 4, column: 5, how: "function" },
    });
    // `app` inside create_app() is local, not module-level
    expect(resolveAppRef(ws, "package-init", "api", "app")).toEqual({
      file: "package-init/api/__init__.py",
      lookup: { kind: "not-defined", topLevelNames: ["Flask", "create_app"] },
    });
  });

  it("src layout", () => {
    expect(resolveAppRef(ws, "src-layout", "myservice.main", "app")).toEqual({
      file: "src-layout/src/myservice/main.py",
      lookup: { kind: "defined", line: 3, column: 1, how: "assignment" },
    });
    expect(resolveAppRef(ws, "src-layout", "main", "app")).toMatchObject({ kind: "module-missing" });
  });

  it("star import is dynamic (callers stay silent)", () => {
    expect(resolveAppRef(ws, "star-import", "svc.main", "app")).toEqual({
      file: "star-import/svc/main.py",
      lookup: { kind: "dynamic" },
    });
    expect(resolveAppRef(ws, "star-import", "svc.base", "app")).toMatchObject({
      lookup: { kind: "defined" },
    });
  });

  it("a module that cannot be read is dynamic, a directory is skipped", () => {
    const mem = new MemoryWorkspace({
      "big.py": "x".repeat(1024 * 1024 + 1),
      "out.py": { symlinkTo: "/etc/passwd" },
      "pkg/mod/inner.py": "",
      "pkg/mod.py": "app = 1\n",
    });
    expect(resolveAppRef(mem, "", "big", "app")).toEqual({ file: "big.py", lookup: { kind: "dynamic" } });
    expect(resolveAppRef(mem, "", "out", "app")).toEqual({ file: "out.py", lookup: { kind: "dynamic" } });
    expect(resolveAppRef(mem, "", "pkg.mod", "app")).toMatchObject({ file: "pkg/mod.py" });
  });

  it("an invalid module name tries nothing", () => {
    expect(resolveAppRef(ws, "", "app/main.py", "app")).toEqual({ kind: "module-missing", tried: [] });
  });
});
