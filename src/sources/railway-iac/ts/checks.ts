/**
 * File-level checks of `.railway/railway.ts` that need no evaluation:
 * - a `${{…}}` Railway reference inside a JavaScript template literal (railway-iac.md §2.7): JS reads
 *   `${{X}}` as `${ {X} }` (an object, or a ReferenceError), and `${{svc.VAR}}` does not even parse;
 * - TypeScript that is not erasable: Railway's CLI runs the file with
 *   `node --experimental-strip-types` (§2.2), which refuses `enum`, runtime `namespace`s, parameter
 *   properties and `import x = …`.
 */
import type * as t from "@babel/types";
import type { Diagnostic } from "../../../model/finding.js";
import type { LineIndex } from "../../../model/span.js";
import { patternNames, railwayRefInTemplate } from "./syntax.js";

export interface TemplateRef {
  start: number;
  end: number;
  text: string;
}

const REF_FIX =
  'Write the value in an ordinary string (`"https://${{RAILWAY_PUBLIC_DOMAIN}}"`), or use `svc.env.NAME` / `ref(svc, "NAME")`.';

export function templateRefDiagnostic(file: string, idx: LineIndex, r: TemplateRef): Diagnostic {
  return {
    code: "railway-ts-template-reference",
    message:
      `\`${r.text}\` is a Railway reference inside a JavaScript template literal (backticks) in ${file}: ` +
      "JavaScript evaluates `${…}` itself, so Railway never receives the reference",
    span: idx.span(file, r.start, r.end),
    fix: REF_FIX,
    severity: "error",
  };
}

/** End offset of the `}}` that closes a `${{` at `start`, bounded to one line. */
function refEnd(text: string, start: number): number {
  const nl = text.indexOf("\n", start);
  const limit = nl === -1 ? text.length : nl;
  const close = text.indexOf("}}", start + 3);
  return close !== -1 && close < limit ? close + 2 : Math.min(limit, start + 3);
}

function refAt(text: string, start: number): TemplateRef {
  const end = refEnd(text, start);
  const raw = text.slice(start, end);
  return { start, end, text: raw.length > 80 ? `${raw.slice(0, 79)}…` : raw };
}

export interface AstFacts {
  templateRefs: TemplateRef[];
  nonErasable: Array<{ node: t.Node; what: string; fix: string }>;
  reassigned: Set<string>;
}

const SKIP_KEYS = new Set([
  "loc",
  "leadingComments",
  "trailingComments",
  "innerComments",
  "extra",
  "range",
  "errors",
]);

/** One iterative pass over the AST (no recursion: nesting depth is user-controlled). */
export function scanAst(text: string, root: t.Node): AstFacts {
  const facts: AstFacts = { templateRefs: [], nonErasable: [], reassigned: new Set() };
  const stack: t.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    switch (node.type) {
      case "TemplateLiteral":
        for (const e of node.expressions) {
          if (railwayRefInTemplate(text, e)) facts.templateRefs.push(refAt(text, (e.start ?? 2) - 2));
        }
        break;
      case "AssignmentExpression":
        for (const n of patternNames(node.left)) facts.reassigned.add(n);
        break;
      case "UpdateExpression":
        if (node.argument.type === "Identifier") facts.reassigned.add(node.argument.name);
        break;
      case "TSEnumDeclaration":
        if (!node.declare) {
          facts.nonErasable.push({
            node,
            what: "`enum`",
            fix: "Use a `const` object with `as const` instead.",
          });
        }
        break;
      case "TSModuleDeclaration":
        if (!node.declare && node.body.type === "TSModuleBlock" && node.body.body.some(isRuntimeStatement)) {
          facts.nonErasable.push({
            node,
            what: "a `namespace` with code",
            fix: "Use module-level `const`s instead.",
          });
        }
        break;
      case "TSParameterProperty":
        facts.nonErasable.push({
          node,
          what: "a parameter property",
          fix: "Declare the field in the class body and assign it in the constructor.",
        });
        break;
      case "TSImportEqualsDeclaration":
        if (node.importKind !== "type") {
          facts.nonErasable.push({ node, what: "`import … =`", fix: "Use an ES `import` instead." });
        }
        break;
      case "TSExportAssignment":
        facts.nonErasable.push({ node, what: "`export =`", fix: "Use `export default` instead." });
        break;
      default:
        break;
    }
    for (const [key, value] of Object.entries(node)) {
      if (SKIP_KEYS.has(key) || !value || typeof value !== "object") continue;
      if (Array.isArray(value)) {
        for (let i = value.length - 1; i >= 0; i--) {
          const c = value[i];
          if (c && typeof c === "object" && typeof c.type === "string") stack.push(c);
        }
      } else if (typeof (value as { type?: unknown }).type === "string") {
        stack.push(value as t.Node);
      }
    }
  }
  return facts;
}

function isRuntimeStatement(s: t.Statement): boolean {
  const d = s.type === "ExportNamedDeclaration" && s.declaration ? s.declaration : s;
  return !(
    d.type === "TSInterfaceDeclaration" ||
    d.type === "TSTypeAliasDeclaration" ||
    (d.type === "TSModuleDeclaration" && d.declare) ||
    (d.type === "ExportNamedDeclaration" && d.exportKind === "type")
  );
}

/**
 * Finds `${{` inside template literals by a small lexer, for files Babel cannot parse (a
 * `${{svc.VAR}}` in backticks is itself a syntax error). Regex literals are not recognised; a
 * backtick inside one may confuse the scan, which only ever adds a diagnostic.
 */
export function scanTemplateRefsInText(text: string): TemplateRef[] {
  const refs: TemplateRef[] = [];
  // Each entry: a template literal, or the `{` depth inside a template's `${ … }`.
  const stack: Array<"template" | number> = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const top = stack[stack.length - 1];
    const ch = text[i]!;
    if (top === "template") {
      if (ch === "\\") {
        i += 2;
      } else if (ch === "`") {
        stack.pop();
        i++;
      } else if (ch === "$" && text[i + 1] === "{") {
        if (text[i + 2] === "{") refs.push(refAt(text, i));
        stack.push(0);
        i += 2;
      } else {
        i++;
      }
      continue;
    }
    // Code (top level or inside `${ … }`).
    if (ch === "/" && text[i + 1] === "/") {
      const nl = text.indexOf("\n", i);
      i = nl === -1 ? n : nl + 1;
    } else if (ch === "/" && text[i + 1] === "*") {
      const close = text.indexOf("*/", i + 2);
      i = close === -1 ? n : close + 2;
    } else if (ch === '"' || ch === "'") {
      i++;
      while (i < n && text[i] !== ch && text[i] !== "\n") i += text[i] === "\\" ? 2 : 1;
      i++;
    } else if (ch === "`") {
      stack.push("template");
      i++;
    } else if (ch === "{" && typeof top === "number") {
      stack[stack.length - 1] = top + 1;
      i++;
    } else if (ch === "}" && typeof top === "number") {
      if (top === 0) stack.pop();
      else stack[stack.length - 1] = top - 1;
      i++;
    } else {
      i++;
    }
  }
  return refs;
}
