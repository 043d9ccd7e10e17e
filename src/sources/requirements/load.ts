/**
 * Reads a requirements file and every file it pulls in with `-r`/`--requirement` and
 * `-c`/`--constraint`. As in pip, an include path is relative to the directory of the file that names
 * it. Only the Workspace is used for reading: paths that leave the repository are never read.
 */
import type { Diagnostic } from "../../model/finding.js";
import type { Span } from "../../model/span.js";
import { dirname, normalizeRelPath, type Workspace } from "../../repo/workspace.js";
import { type Include, parseRequirements, type RequirementsFile } from "./parse.js";

export const MAX_INCLUDE_DEPTH = 10;

export interface RequirementsGraph {
  /** The entry file first, then included files in depth-first order; each file appears once. */
  files: RequirementsFile[];
  /**
   * Every diagnostic: each file's own parse diagnostics (also kept on the file) followed by problems
   * met while following includes (outside the repository, missing, refused, cycles, too deep).
   */
  diagnostics: Diagnostic[];
  /** Include edges that were resolved to a file inside the repository (read or not). */
  edges: Array<{ from: string; to: string; kind: Include["kind"] }>;
}

export function loadRequirementsGraph(ws: Workspace, entry: string): RequirementsGraph {
  const files: RequirementsFile[] = [];
  const includeDiagnostics: Diagnostic[] = [];
  const edges: RequirementsGraph["edges"] = [];
  const seen = new Set<string>();
  const stack: string[] = [];

  /** Include problems are about reading (outside the repo, refused, missing): code `unreadable`. */
  const problem = (message: string, span: Span, fix?: string) => {
    const d: Diagnostic = { code: "unreadable", message, span, severity: "error" };
    if (fix) d.fix = fix;
    includeDiagnostics.push(d);
  };

  const visit = (path: string, depth: number, via: Include | null) => {
    const at: Span = via?.span ?? { file: path, line: 1, column: 1 };
    let result: ReturnType<Workspace["read"]>;
    try {
      result = ws.read(path);
    } catch (e) {
      problem(`${path} could not be read: ${String(e)}`, at);
      return;
    }
    if (result.kind === "missing") {
      problem(
        via ? `${via.span.file} includes ${via.path}, which does not exist` : `${path} does not exist`,
        at,
        via ? `Fix the path in \`${optionFor(via)} ${via.path}\` or add the file.` : undefined,
      );
      return;
    }
    if (result.kind === "refused") {
      problem(via ? `${via.span.file} includes ${via.path}: ${result.detail}` : result.detail, at);
      return;
    }
    const file = parseRequirements(path, result.text);
    files.push(file);
    seen.add(path);
    stack.push(path);
    for (const inc of file.includes) {
      if (/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(inc.path)) {
        problem(
          `${path} includes ${inc.path}, a URL; it was not read`,
          inc.span,
          "Vendor the file into the repository so its requirements can be checked.",
        );
        continue;
      }
      const target = normalizeRelPath(inc.path, dirname(path));
      if (target === null || target === "") {
        problem(
          `${path} includes ${inc.path}, which is outside the repository; it was not read`,
          inc.span,
          "Keep included requirements files inside the repository.",
        );
        continue;
      }
      edges.push({ from: path, to: target, kind: inc.kind });
      if (stack.includes(target)) {
        problem(
          `${path} includes ${inc.path}, which includes ${path} again (include cycle: ${[...stack.slice(stack.indexOf(target)), target].join(" -> ")})`,
          inc.span,
          "Remove one of the includes to break the cycle.",
        );
        continue;
      }
      if (seen.has(target)) continue;
      if (depth + 1 > MAX_INCLUDE_DEPTH) {
        problem(
          `${path} includes ${inc.path}, more than ${MAX_INCLUDE_DEPTH} levels of -r/-c deep; it was not read`,
          inc.span,
        );
        continue;
      }
      visit(target, depth + 1, inc);
    }
    stack.pop();
  };

  const start = normalizeRelPath(entry);
  if (start === null || start === "") {
    problem(`${entry} is outside the repository; it was not read`, { file: entry, line: 1, column: 1 });
  } else {
    visit(start, 0, null);
  }
  return {
    files,
    diagnostics: [...files.flatMap((f) => f.diagnostics), ...includeDiagnostics],
    edges,
  };
}

function optionFor(inc: Include): string {
  return inc.kind === "requirement" ? "-r" : "-c";
}
