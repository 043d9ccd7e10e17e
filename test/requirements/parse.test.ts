import { describe, expect, it } from "vitest";
import { parseRequirements } from "../../src/sources/requirements/parse.js";
import { fixture } from "./helpers.js";

const parse = (text: string) => parseRequirements("requirements.txt", text);

describe("parseRequirements: basic lines", () => {
  it("parses names, specifiers and exact spans", () => {
    const f = parse("# comment\n\nDjango >= 5.0, <5.1\n  requests==2.31.0\n");
    expect(f.diagnostics).toEqual([]);
    expect(f.compiled).toBe(false);
    const [django, requests] = f.requirements;
    expect(django).toMatchObject({
      name: "Django",
      normalized: "django",
      specifier: ">=5.0,<5.1",
      pinned: null,
      raw: "Django >= 5.0, <5.1",
      span: { file: "requirements.txt", line: 3, column: 1, endLine: 3, endColumn: 20 },
      nameSpan: { file: "requirements.txt", line: 3, column: 1, endLine: 3, endColumn: 7 },
      specSpan: { file: "requirements.txt", line: 3, column: 8, endLine: 3, endColumn: 20 },
    });
    expect(requests).toMatchObject({
      pinned: "2.31.0",
      span: { line: 4, column: 3, endLine: 4, endColumn: 19 },
      nameSpan: { line: 4, column: 3, endColumn: 11 },
      specSpan: { line: 4, column: 11, endColumn: 19 },
    });
  });

  it("normalises odd spellings and extras (sorted, deduplicated)", () => {
    const f = parse(
      "Flask_SQLAlchemy==3.1.1\nuvicorn[Standard, standard]==0.27.0\npython-jose[cryptography]==3.3.0\n",
    );
    expect(f.requirements.map((r) => [r.name, r.normalized, r.extras])).toEqual([
      ["Flask_SQLAlchemy", "flask-sqlalchemy", []],
      ["uvicorn", "uvicorn", ["standard"]],
      ["python-jose", "python-jose", ["cryptography"]],
    ]);
  });

  it("keeps environment markers in canonical form", () => {
    const f = parse("numpy==1.26.4; python_version < '3.12'\nnumpy==2.1.0 ; python_version>=\"3.12\"\n");
    expect(f.requirements.map((r) => r.marker)).toEqual([
      'python_version < "3.12"',
      'python_version >= "3.12"',
    ]);
    expect(f.requirements[1]!.specSpan).toMatchObject({ line: 2, column: 6, endColumn: 13 });
  });

  it("strips comments only when # starts the line or follows whitespace", () => {
    const f = parse("requests==2.31.0  # pinned for the webhook client\n#flask==3.0\n");
    expect(f.requirements).toHaveLength(1);
    expect(f.requirements[0]!.raw).toBe("requests==2.31.0");
    expect(f.requirements[0]!.span).toMatchObject({ line: 1, column: 1, endLine: 1, endColumn: 17 });
    expect(f.compiled).toBe(false);
  });

  it("handles CRLF line endings", () => {
    const f = parse("flask==3.0.0\r\nrequests>=2 \\\r\n    --hash=sha256:abcd\r\n");
    expect(f.diagnostics).toEqual([]);
    expect(f.requirements.map((r) => r.raw)).toEqual(["flask==3.0.0", "requests>=2     --hash=sha256:abcd"]);
    expect(f.requirements[0]!.span).toMatchObject({ line: 1, column: 1, endLine: 1, endColumn: 13 });
    expect(f.requirements[1]!.span).toMatchObject({ line: 2, column: 1, endLine: 3, endColumn: 23 });
    expect(f.requirements[1]!.hashes).toEqual(["sha256:abcd"]);
  });

  it("joins continuations; spans point at the first physical line", () => {
    const f = parse(
      "flask\\\n==3.0.0\ncelery[redis]==5.3.6 \\\n  --config-settings=editable_mode=compat \\\n  --global-option=--quiet\n",
    );
    expect(f.diagnostics).toEqual([]);
    expect(f.requirements[0]).toMatchObject({
      name: "flask",
      specifier: "==3.0.0",
      span: { line: 1, column: 1, endLine: 2, endColumn: 8 },
      specSpan: { line: 2, column: 1, endLine: 2, endColumn: 8 },
    });
    expect(f.requirements[1]).toMatchObject({ name: "celery", extras: ["redis"], hashes: [] });
  });

  it("records includes and options with spans", () => {
    const f = parse(
      "-i https://pypi.org/simple\n--extra-index-url=https://x.example/simple\n-r base.txt\n--constraint constraints.txt\n-rdev.txt\n--no-binary :all: --pre\n",
    );
    expect(f.diagnostics).toEqual([]);
    expect(f.includes).toEqual([
      {
        kind: "requirement",
        path: "base.txt",
        span: { file: "requirements.txt", line: 3, column: 1, endLine: 3, endColumn: 12 },
      },
      {
        kind: "constraint",
        path: "constraints.txt",
        span: { file: "requirements.txt", line: 4, column: 1, endLine: 4, endColumn: 29 },
      },
      {
        kind: "requirement",
        path: "dev.txt",
        span: { file: "requirements.txt", line: 5, column: 1, endLine: 5, endColumn: 10 },
      },
    ]);
    expect(f.options.map((o) => [o.name, o.value, o.span.line, o.span.column])).toEqual([
      ["--index-url", "https://pypi.org/simple", 1, 1],
      ["--extra-index-url", "https://x.example/simple", 2, 1],
      ["--no-binary", ":all:", 6, 1],
      ["--pre", null, 6, 19],
    ]);
  });
});

describe("parseRequirements: URL, VCS and path requirements", () => {
  const f = parseRequirements("vcs-and-paths/requirements.txt", fixture("vcs-and-paths", "requirements.txt"));

  it("reads them without diagnostics", () => {
    expect(f.diagnostics).toEqual([]);
    expect(f.requirements).toHaveLength(6);
  });
  it("takes the name of an editable VCS requirement from #egg=", () => {
    expect(f.requirements[0]).toMatchObject({
      name: "acme_shared",
      normalized: "acme-shared",
      editable: true,
      url: "git+https://github.com/acme/shared-lib.git@8f2c1e4b9d0a7c6e5f4b3a2918d7c6b5a4f3e2d1#egg=acme_shared",
      span: { line: 1, column: 1, endLine: 1, endColumn: 103 },
      nameSpan: { line: 1, column: 92, endColumn: 103 },
      specSpan: null,
    });
  });
  it("parses `name @ url ; marker`", () => {
    expect(f.requirements[1]).toMatchObject({
      name: "acme-billing",
      url: "git+https://github.com/acme/billing.git@v1.4.0",
      marker: 'python_version >= "3.10"',
      editable: false,
    });
  });
  it("uses the path as the name when there is no #egg=", () => {
    expect(f.requirements.slice(2, 4).map((r) => [r.name, r.url])).toEqual([
      ["./vendor/acme-utils", "./vendor/acme-utils"],
      [
        "./wheels/orjson-3.9.10-cp311-cp311-manylinux_2_17_x86_64.whl",
        "./wheels/orjson-3.9.10-cp311-cp311-manylinux_2_17_x86_64.whl",
      ],
    ]);
    expect(f.requirements[4]).toMatchObject({ name: "acme-metrics", nameSpan: { line: 5, column: 62 } });
    expect(f.requirements[5]).toMatchObject({
      name: ".",
      url: ".",
      editable: true,
      nameSpan: { line: 6, column: 4 },
    });
  });
  it("does not treat a #fragment glued to a URL as a comment", () => {
    const g = parse("git+https://github.com/a/b.git@main#egg=b # the b library\n");
    expect(g.requirements[0]).toMatchObject({ name: "b", url: "git+https://github.com/a/b.git@main#egg=b" });
  });
  it("splits a URL line's marker only at `; `", () => {
    const g = parse('https://x.example/p.whl; python_version >= "3.10"\nhttps://x.example/q;v=1.whl\n');
    expect(g.diagnostics).toEqual([]);
    expect(g.requirements.map((r) => [r.url, r.marker])).toEqual([
      ["https://x.example/p.whl", 'python_version >= "3.10"'],
      ["https://x.example/q;v=1.whl", null],
    ]);
  });
});

describe("parseRequirements: pip-compile output", () => {
  const f = parseRequirements(
    "pip-compile-hashes/requirements.txt",
    fixture("pip-compile-hashes", "requirements.txt"),
  );

  it("is recognised as compiled and parses cleanly", () => {
    expect(f.compiled).toBe(true);
    expect(f.diagnostics).toEqual([]);
    expect(f.options).toEqual([
      {
        name: "--index-url",
        value: "https://pypi.org/simple",
        span: { file: "pip-compile-hashes/requirements.txt", line: 7, column: 1, endLine: 7, endColumn: 36 },
      },
    ]);
    expect(f.requirements).toHaveLength(40);
    expect(f.requirements.every((r) => r.hashes.length > 0 && r.pinned !== null)).toBe(true);
  });
  it("attaches hashes and single-line or block `# via` annotations", () => {
    const anyio = f.requirements.find((r) => r.name === "anyio")!;
    expect(anyio.hashes).toHaveLength(2);
    expect(anyio.hashes[0]).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(anyio.via).toEqual(["starlette", "watchfiles"]);
    expect(anyio.span).toMatchObject({ line: 13, column: 1, endLine: 15, endColumn: 83 });
    expect(f.requirements.find((r) => r.name === "urllib3")!.via).toEqual(["-c constraints.txt", "requests"]);
    expect(f.requirements.find((r) => r.name === "fastapi")!.via).toEqual(["-r requirements.in"]);
  });
  it("keeps markers on compiled entries, including nested groups", () => {
    expect(f.requirements.find((r) => r.name === "gunicorn")!.marker).toBe('sys_platform != "win32"');
    expect(f.requirements.find((r) => r.name === "greenlet")!.marker).toMatch(
      /^platform_machine == "aarch64" or \(/,
    );
  });
  it("reads the unsafe section after its comment", () => {
    expect(f.requirements.at(-1)).toMatchObject({ name: "setuptools", via: ["gunicorn"] });
    // the section header closed werkzeug's via block
    expect(f.requirements.find((r) => r.name === "werkzeug")!.via).toEqual(["flask"]);
  });
  it("recognises a `\\` continuation into a `# via` comment (old pip-compile output)", () => {
    const g = parse("numpy==1.18.1 \\\n    --hash=sha256:aa \\\n    # via scipy\nscipy==1.4.1\n");
    expect(g.diagnostics).toEqual([]);
    expect(g.requirements.map((r) => [r.name, r.hashes, r.via])).toEqual([
      ["numpy", ["sha256:aa"], ["scipy"]],
      ["scipy", [], []],
    ]);
  });
  it("reads line-style annotations and the uv header", () => {
    const g = parse(
      "# This file was autogenerated by uv via the following command:\n#    uv pip compile requirements.in -o requirements.txt\nflask==3.0.0  # via -r requirements.in\nwerkzeug==3.0.1  # via Flask, Flask_Login\n",
    );
    expect(g.compiled).toBe(true);
    expect(g.requirements.map((r) => r.via)).toEqual([["-r requirements.in"], ["flask", "flask-login"]]);
  });
  it("attaches `# via` only to the requirement directly above it", () => {
    expect(parse("flask==3.0.0\n# via werkzeug\n").requirements[0]!.via).toEqual(["werkzeug"]);
    expect(parse("flask==3.0.0\n\n# via werkzeug\n").requirements[0]!.via).toEqual([]);
    expect(parse("-i https://pypi.org/simple\n# via werkzeug\nflask\n").requirements[0]!.via).toEqual([]);
  });
  it("is compiled with a pip-compile header, `# via` or hashes, and not otherwise", () => {
    expect(parse("# autogenerated by pip-compile with Python 3.12\nflask==3.0.0\n").compiled).toBe(true);
    expect(parse("flask==3.0.0\n    # via -r requirements.in\n").compiled).toBe(true);
    expect(parse("flask==3.0.0 --hash=sha256:ab\n").compiled).toBe(true);
    expect(parse("# pinned by hand\nflask==3.0.0\n").compiled).toBe(false);
    expect(parseRequirements("r.in", fixture("pip-compile-hashes", "requirements.in")).compiled).toBe(false);
  });
});

describe("parseRequirements: diagnostics", () => {
  const f = parseRequirements("malformed/requirements.txt", fixture("malformed", "requirements.txt"));

  it("reports malformed lines at the offending character and keeps going", () => {
    expect(f.requirements.map((r) => r.name)).toEqual(["flask", "pandas", "celery"]);
    expect(f.diagnostics.map((d) => [d.span.line, d.span.column, d.message])).toEqual([
      [2, 15, "Malformed requirement `requests>=2.31,`: expected a version clause after `,`"],
      [
        3,
        7,
        "Malformed requirement `numpy 1.26.4`: unexpected `1`: a version needs an operator such as `==`",
      ],
      [4, 14, "Malformed requirement `django[bcrypt==5.0`: expected `,` or `]` in extras, found `=`"],
      [5, 1, "Unknown option `--no-such-option` in requirements file"],
      [6, 15, "`--hash` algorithm `md5` is not accepted by pip (use sha256, sha384 or sha512)"],
      [7, 1, "Option `-r` needs a value"],
    ]);
    expect(f.diagnostics.every((d) => d.span.file === "malformed/requirements.txt")).toBe(true);
  });
  it("reports a per-requirement option on its own line or unknown after a requirement, not when valid", () => {
    expect(parse("flask==3.0.0\n--hash=sha256:ab\n").diagnostics.map((d) => d.message)).toEqual([
      "Option `--hash` must follow a requirement on the same line",
    ]);
    expect(parse("flask==3.0.0 --hash=sha256:ab --hash sha512:cd\n").diagnostics).toEqual([]);
    expect(parse("flask==3.0.0 --frobnicate x\n").diagnostics.map((d) => d.message)).toEqual([
      "Unknown option `--frobnicate` after requirement `flask`",
    ]);
  });
  it("reports options that do not belong on a requirement line, and bad hashes", () => {
    const g = parse("flask==3.0.0 --index-url https://x\nrequests --hash=nocolon\n");
    expect(g.diagnostics.map((d) => [d.span.line, d.span.column, d.message])).toEqual([
      [1, 14, "Option `--index-url` cannot be given on a requirement line"],
      [2, 10, "`--hash=nocolon` is not of the form <algorithm>:<hex digest>"],
    ]);
  });
  it("never throws on junk", () => {
    for (const junk of [
      "\\",
      "\\\n\\\n",
      "-",
      "--",
      "[",
      "@",
      "a @",
      ";",
      "a;",
      "-e",
      "\u0000\u0001",
      "x".repeat(5000),
    ]) {
      expect(() => parse(junk)).not.toThrow();
    }
    expect(parse("a @").diagnostics[0]!.message).toContain("expected a URL");
  });
});

describe("parseRequirements: robustness", () => {
  it("never throws and keeps spans inside the file for arbitrary input", async () => {
    const fc = await import("fast-check");
    const piece = fc.constantFrom(
      "flask",
      "==1.0",
      " ",
      "\n",
      "\r\n",
      "\\",
      "#",
      " # via x",
      "-r",
      "-e",
      "--hash=sha256:ab",
      "[a,b]",
      ";",
      ' python_version < "3"',
      "@",
      "git+https://h/x#egg=y",
      "(",
      ")",
      ",",
      "'",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
        const text = parts.join("");
        const lines = text.split("\n").length;
        const f = parseRequirements("r.txt", text);
        for (const s of [...f.requirements.map((r) => r.span), ...f.diagnostics.map((d) => d.span)]) {
          if (s.line < 1 || s.line > lines || s.column < 1) return false;
        }
        return true;
      }),
      { numRuns: 500 },
    );
  });
});
