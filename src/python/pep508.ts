/**
 * A small recursive-descent parser for one PEP 508 dependency specifier
 * (https://peps.python.org/pep-0508/#grammar), e.g.
 * `requests [security] >= 2.8.1, == 2.8.* ; python_version < "2.7"` or `name @ https://...`.
 *
 * The grammar followed (whitespace = space or tab):
 *
 *   specification = wsp* ( url_req | name_req ) wsp*
 *   name_req      = name wsp* extras? wsp* versionspec? wsp* quoted_marker?
 *   url_req       = name wsp* extras? wsp* urlspec ( wsp+ quoted_marker? | end )
 *   extras        = '[' wsp* ( identifier ( wsp* ',' wsp* identifier )* )? wsp* ']'
 *   versionspec   = '(' version_many ')' | version_many
 *   version_many  = version_one ( wsp* ',' version_one )*
 *   version_one   = wsp* version_cmp wsp* version
 *   version_cmp   = '<=' | '<' | '!=' | '===' | '==' | '>=' | '>' | '~='
 *   quoted_marker = ';' wsp* marker
 *   marker        = marker_and ( wsp+ 'or' marker_and )*
 *   marker_and    = marker_expr ( wsp+ 'and' marker_expr )*
 *   marker_expr   = wsp* ( '(' marker wsp* ')' | marker_var wsp* marker_op wsp* marker_var )
 *   marker_var    = env_var | python_str
 *   marker_op     = version_cmp | 'in' | 'not' wsp+ 'in'
 *
 * Nothing here throws: malformed input yields `{ ok: false, error: { message, offset } }`.
 */

export interface Pep508Requirement {
  /** The name as written. */
  name: string;
  /** Extras as written, in order. */
  extras: string[];
  /** Normalised specifier text: clauses without whitespace or parentheses, joined by "," ("" when none). */
  specifier: string;
  /** Canonical marker text (`python_version < "3.12" and sys_platform == "linux"`), or null. */
  marker: string | null;
  url: string | null;
  nameOffset: number;
  nameEnd: number;
  /** Offsets of the specifier clauses as written (parentheses excluded), or null when absent. */
  specOffset: number | null;
  specEnd: number | null;
  urlOffset: number | null;
  markerOffset: number | null;
}

export interface Pep508Error {
  message: string;
  /** Offset within the parsed string where the problem is. */
  offset: number;
}

export type Pep508Result = { ok: true; value: Pep508Requirement } | { ok: false; error: Pep508Error };
export type MarkerResult = { ok: true; marker: string } | { ok: false; error: Pep508Error };

/** PEP 508 name / identifier: `^([A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])$`, case-insensitive. */
export const NAME_RE = /^([A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])$/i;

export function isValidName(name: string): boolean {
  return NAME_RE.test(name);
}

/** Marker variables of PEP 508, PEP 685/751 additions, and the legacy dotted spellings packaging accepts. */
const MARKER_VARS = new Set([
  "python_version",
  "python_full_version",
  "os_name",
  "sys_platform",
  "platform_release",
  "platform_system",
  "platform_version",
  "platform_machine",
  "platform_python_implementation",
  "implementation_name",
  "implementation_version",
  "extra",
  "extras",
  "dependency_groups",
  "os.name",
  "sys.platform",
  "platform.version",
  "platform.machine",
  "platform.python_implementation",
  "python_implementation",
]);

const VERSION_CMPS = ["===", "<=", "!=", "==", ">=", "~=", "<", ">"] as const;

class Fail {
  constructor(
    readonly message: string,
    readonly offset: number,
  ) {}
}

class Parser {
  pos = 0;
  constructor(readonly s: string) {}

  get done(): boolean {
    return this.pos >= this.s.length;
  }
  peek(): string {
    return this.s[this.pos] ?? "";
  }
  wsp(): number {
    const start = this.pos;
    while (this.peek() === " " || this.peek() === "\t") this.pos++;
    return this.pos - start;
  }
  fail(message: string, offset = this.pos): never {
    throw new Fail(message, offset);
  }
  startsWith(t: string): boolean {
    return this.s.startsWith(t, this.pos);
  }

  identifier(what: string): { text: string; start: number; end: number } {
    const start = this.pos;
    while (/[A-Za-z0-9._-]/.test(this.peek())) this.pos++;
    const text = this.s.slice(start, this.pos);
    if (text === "") this.fail(`expected ${what}`, start);
    if (!NAME_RE.test(text)) {
      this.fail(`\`${text}\` is not a valid ${what}: it must start and end with a letter or digit`, start);
    }
    return { text, start, end: this.pos };
  }

  extras(): string[] {
    // at '['
    this.pos++;
    this.wsp();
    const out: string[] = [];
    if (this.peek() === "]") {
      this.pos++;
      return out;
    }
    for (;;) {
      out.push(this.identifier("extra name").text);
      this.wsp();
      const c = this.peek();
      if (c === ",") {
        this.pos++;
        this.wsp();
        continue;
      }
      if (c === "]") {
        this.pos++;
        return out;
      }
      this.fail(
        c === "" ? "unterminated extras: expected `]`" : `expected \`,\` or \`]\` in extras, found \`${c}\``,
      );
    }
  }

  versionCmp(): string | null {
    for (const op of VERSION_CMPS) {
      if (this.startsWith(op)) {
        this.pos += op.length;
        return op;
      }
    }
    return null;
  }

  /** version_many; returns the clauses and the offsets they span. */
  versionMany(closing: string | null): { clauses: string[]; start: number; end: number } {
    const clauses: string[] = [];
    let start = -1;
    let end = -1;
    for (;;) {
      this.wsp();
      const opStart = this.pos;
      const op = this.versionCmp();
      if (op === null) {
        this.fail(
          this.done || this.peek() === closing
            ? "expected a version clause after `,`"
            : `expected a version operator (==, >=, <=, !=, ~=, <, >, ===), found \`${this.peek()}\``,
        );
      }
      this.wsp();
      const vStart = this.pos;
      if (op === "===") {
        // Arbitrary equality: any run of non-whitespace, stopping at the separators of the grammar.
        while (!this.done && !/[\s,;)]/.test(this.peek())) this.pos++;
      } else {
        while (/[A-Za-z0-9\-_.*+!]/.test(this.peek())) this.pos++;
      }
      const version = this.s.slice(vStart, this.pos);
      if (version === "") this.fail(`expected a version after \`${op}\``);
      if (start < 0) start = opStart;
      end = this.pos;
      clauses.push(`${op}${version}`);
      const save = this.pos;
      this.wsp();
      if (this.peek() === ",") {
        this.pos++;
        continue;
      }
      this.pos = save;
      return { clauses, start, end };
    }
  }

  // --- markers -------------------------------------------------------------------------------
  marker(): string {
    const parts = [this.markerAnd()];
    for (;;) {
      const save = this.pos;
      this.wsp();
      if (this.keyword("or")) {
        parts.push(this.markerAnd());
        continue;
      }
      this.pos = save;
      return parts.join(" or ");
    }
  }

  markerAnd(): string {
    const parts = [this.markerExpr()];
    for (;;) {
      const save = this.pos;
      this.wsp();
      if (this.keyword("and")) {
        parts.push(this.markerExpr());
        continue;
      }
      this.pos = save;
      return parts.join(" and ");
    }
  }

  /** Consumes `word` when it is followed by whitespace, a quote or a parenthesis. */
  keyword(word: string): boolean {
    if (!this.startsWith(word)) return false;
    const next = this.s[this.pos + word.length] ?? "";
    if (/[A-Za-z0-9_.]/.test(next)) return false;
    this.pos += word.length;
    return true;
  }

  markerExpr(): string {
    this.wsp();
    if (this.peek() === "(") {
      const open = this.pos;
      this.pos++;
      const inner = this.marker();
      this.wsp();
      if (this.peek() !== ")") this.fail("expected `)` to close the marker group opened here", open);
      this.pos++;
      return `(${inner})`;
    }
    const left = this.markerVar();
    this.wsp();
    const op = this.markerOp();
    this.wsp();
    const right = this.markerVar();
    return `${left} ${op} ${right}`;
  }

  markerOp(): string {
    const cmp = this.versionCmp();
    if (cmp) return cmp;
    if (this.keyword("in")) return "in";
    const start = this.pos;
    if (this.keyword("not")) {
      if (this.wsp() > 0 && this.keyword("in")) return "not in";
      this.fail("expected `in` after `not`", start);
    }
    this.fail(
      this.done
        ? "incomplete marker: expected a comparison operator"
        : `expected a marker operator (==, !=, <, <=, >, >=, ~=, ===, in, not in), found \`${this.peek()}\``,
    );
  }

  markerVar(): string {
    const c = this.peek();
    if (c === '"' || c === "'") {
      const start = this.pos;
      const close = this.s.indexOf(c, this.pos + 1);
      if (close < 0) this.fail("unterminated string in marker", start);
      const value = this.s.slice(this.pos + 1, close);
      this.pos = close + 1;
      return value.includes('"') ? `'${value}'` : `"${value}"`;
    }
    const start = this.pos;
    while (/[A-Za-z0-9_.]/.test(this.peek())) this.pos++;
    const name = this.s.slice(start, this.pos);
    if (name === "") {
      this.fail(
        this.done
          ? "incomplete marker: expected a variable or a quoted string"
          : `unexpected \`${c}\` in marker`,
        start,
      );
    }
    if (!MARKER_VARS.has(name)) this.fail(`unknown marker variable \`${name}\``, start);
    return name;
  }
}

function run<T>(fn: () => T): { ok: true; value: T } | { ok: false; error: Pep508Error } {
  try {
    return { ok: true, value: fn() };
  } catch (e) {
    if (e instanceof Fail) return { ok: false, error: { message: e.message, offset: e.offset } };
    return { ok: false, error: { message: `could not parse: ${String(e)}`, offset: 0 } };
  }
}

/** Parses an environment marker (the part after `;`). The result is a canonical spelling. */
export function parseMarker(text: string): MarkerResult {
  const p = new Parser(text);
  const r = run(() => {
    p.wsp();
    if (p.done) p.fail("empty marker after `;`");
    const m = p.marker();
    p.wsp();
    if (!p.done) p.fail(`unexpected \`${p.peek()}\` in marker`);
    return m;
  });
  return r.ok ? { ok: true, marker: r.value } : r;
}

/** Parses one PEP 508 requirement. */
export function parseRequirement(text: string): Pep508Result {
  const p = new Parser(text);
  const r = run((): Pep508Requirement => {
    p.wsp();
    if (p.done) p.fail("empty requirement");
    const name = p.identifier("project name");
    p.wsp();
    let extras: string[] = [];
    if (p.peek() === "[") {
      extras = p.extras();
      p.wsp();
    }
    let specifier = "";
    let specOffset: number | null = null;
    let specEnd: number | null = null;
    let url: string | null = null;
    let urlOffset: number | null = null;
    let marker: string | null = null;
    let markerOffset: number | null = null;
    const c = p.peek();
    if (c === "@") {
      p.pos++;
      p.wsp();
      urlOffset = p.pos;
      while (!p.done && !/\s/.test(p.peek())) p.pos++;
      url = text.slice(urlOffset, p.pos);
      // The URL runs to the next whitespace, so a `;` glued to it is part of the URL (PEP 508 needs
      // whitespace between a URL and its marker).
      if (url === "") p.fail("expected a URL after `@`");
    } else if (c === "(") {
      const open = p.pos;
      p.pos++;
      p.wsp();
      if (p.peek() === ")") {
        p.pos++;
      } else {
        const v = p.versionMany(")");
        p.wsp();
        if (p.peek() !== ")") p.fail("expected `)` to close the version specifier opened here", open);
        p.pos++;
        specifier = v.clauses.join(",");
        specOffset = v.start;
        specEnd = v.end;
      }
    } else if (c !== ";" && c !== "" && /[<>=!~]/.test(c)) {
      const v = p.versionMany(null);
      specifier = v.clauses.join(",");
      specOffset = v.start;
      specEnd = v.end;
    }
    p.wsp();
    if (p.peek() === ";") {
      p.pos++;
      p.wsp();
      markerOffset = p.pos;
      if (p.done) p.fail("empty marker after `;`");
      marker = p.marker();
      p.wsp();
    }
    if (!p.done) {
      const ch = p.peek();
      p.fail(
        /[A-Za-z0-9]/.test(ch) && specOffset === null && url === null && marker === null
          ? `unexpected \`${ch}\`: a version needs an operator such as \`==\``
          : `unexpected \`${ch}\``,
      );
    }
    return {
      name: name.text,
      extras,
      specifier,
      marker,
      url,
      nameOffset: name.start,
      nameEnd: name.end,
      specOffset,
      specEnd,
      urlOffset,
      markerOffset,
    };
  });
  return r;
}
