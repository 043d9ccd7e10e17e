import { q } from "../model/quote.js";
import type { RuleContext } from "./context.js";
import { defineRule, type Emit } from "./define-rule.js";

/**
 * The ASGI/WSGI app a start command names (`module:attr`) must exist: the module as a file in the
 * repository (read, never imported) that binds `attr` at top level. uvicorn/daphne refuse a ref
 * without `:attr`; gunicorn defaults to `application`, hypercorn to `app`.
 */
export default defineRule<RuleContext>({
  id: "start-command-app-not-found",
  defaultSeverity: "error",
  summary: "The start command's app module or object does not exist",
  check: ({ svc }) => {
    const out: Emit[] = [];
    const installable = svc.ws.isFile(svc.root === "" ? "pyproject.toml" : `${svc.root}/pyproject.toml`);
    const where =
      svc.commandDir !== null && svc.commandDir !== svc.root && svc.builder.name === "dockerfile"
        ? `; it runs in ${q(svc.commandDir || ".")}, the Dockerfile's WORKDIR`
        : "";
    for (const a of svc.commands) {
      const app = a.app;
      const inv = a.parsed.server;
      if (!app || !inv) continue;
      const at = a.spanOf(inv.appRef);
      // A command Railway does not run (a Dockerfile CMD under a startCommand) is dead config: a warning.
      const dead = a.replacedBy
        ? { severity: "warning" as const, note: ` (Railway runs ${a.replacedBy.label} instead)` }
        : null;
      if (app.missingRequiredAttr) {
        out.push({
          span: at,
          ...(dead ? { severity: dead.severity } : {}),
          message: `${a.candidate.label} runs ${q(inv.appRef?.text)}, but ${inv.kind} needs \`module:attribute\`${dead?.note ?? ""}`,
          found: inv.appRef?.text ?? "",
          expected: `${inv.appRef?.text}:app`,
          fix: "Name the application object after a colon, e.g. `app.main:app`.",
        });
        continue;
      }
      if (inv.kind === "python-script") {
        if (!app.file) {
          out.push({
            span: at,
            ...(dead ? { severity: dead.severity } : {}),
            message: `${a.candidate.label} runs ${q(app.module)}, but ${q(app.tried[0])} does not exist${where}${dead?.note ?? ""}`,
            found: app.module,
            expected: "an existing script",
            fix: "Correct the script path (relative to the service's root directory).",
          });
        }
        continue;
      }
      if (!app.file) {
        out.push({
          span: at,
          ...(installable || dead ? { severity: "warning" as const } : {}),
          message: `${a.candidate.label} loads \`${app.module}:${app.attr}\`, but no module file exists (tried ${app.tried.map((t) => `${q(t)}`).join(", ")})${where}${dead?.note ?? ""}`,
          found: `${app.module}:${app.attr}`,
          expected: "a module file in the repository",
          fix: `Correct the module path, or add \`cd <dir> &&\` / \`--app-dir\` so ${q(app.module)} resolves.`,
        });
        continue;
      }
      const l = app.lookup;
      if (l?.kind === "not-defined") {
        out.push({
          span: at,
          ...(dead ? { severity: dead.severity } : {}),
          message:
            (l.guarded
              ? `${q(app.attr)} is bound only under \`if ${l.guarded.guard === "__main__" ? '__name__ == "__main__"' : "TYPE_CHECKING"}\` in ${q(app.file)} (line ${l.guarded.line}), so \`${app.module}:${app.attr}\` fails to import`
              : `${q(app.file)} defines no top-level ${q(app.attr)} (it defines ${
                  l.topLevelNames
                    .slice(0, 8)
                    .map((n) => `${q(n)}`)
                    .join(", ") || "nothing"
                })`) + (dead?.note ?? ""),
          found: `${app.module}:${app.attr}`,
          expected: `a top-level ${q(app.attr)} in ${app.file}`,
          fix: `Point the command at the object that exists, or define ${q(app.attr)} at module level.`,
        });
      } else if (l?.kind === "syntax-error") {
        out.push({
          span: { file: app.file, line: l.line, column: l.column },
          message: `${q(app.file)}, which ${a.candidate.label} loads, has a Python syntax error at line ${l.line}${l.reason ? ` (${l.reason})` : ""}`,
          found: l.reason ? `syntax error: ${l.reason}` : "syntax error",
          expected: "a module that parses",
          fix: "Fix the syntax error; the server cannot import the module.",
        });
      }
    }
    return out;
  },
});
