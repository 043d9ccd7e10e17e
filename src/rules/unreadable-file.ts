import type { BuilderName } from "../model/report.js";
import { basename } from "../repo/workspace.js";
import type { RuleContext } from "./context.js";
import { defineRule } from "./define-rule.js";

/** Deployment files each builder never reads (so an unreadable one cannot break that build). */
const NOT_READ_BY: Record<BuilderName, ReadonlySet<string>> = {
  dockerfile: new Set([
    "Procfile",
    "nixpacks.toml",
    "nixpacks.json",
    "railpack.json",
    "runtime.txt",
    ".python-version",
    ".tool-versions",
    "mise.toml",
  ]),
  railpack: new Set(["nixpacks.toml", "nixpacks.json"]),
  nixpacks: new Set(["railpack.json", "mise.toml"]),
};

/**
 * A deployment file that deploy-drift refused to read: a symlink or include that leaves the
 * repository, a file over the size cap, binary or non-UTF-8 content. Its content is never shown.
 * An error when the selected builder reads the file; a notice when it does not (a Procfile under a
 * Dockerfile build), or when the builder's tool reads it anyway: pip decodes a requirements file
 * that starts with a UTF-16 byte-order mark (pip `_internal/utils/encoding.py` auto_decode,
 * https://github.com/pypa/pip/blob/24.3.1/src/pip/_internal/utils/encoding.py), so only its
 * checks are lost. A readable Python file deploy-drift's parser failed on (a parser defect) is a
 * warning at the file: its checks were skipped, but the repository is not at fault.
 */
export default defineRule<RuleContext>({
  id: "unreadable-file",
  defaultSeverity: "error",
  summary: "A deployment file points outside the repository or cannot be read as text",
  check: ({ svc }) =>
    svc.problems
      .filter((p) => p.kind === "unreadable")
      .map((p) => {
        // Our parser's defect on a file Python may well accept: said, never blocking (python/parse.ts).
        if (p.parserDefect)
          return {
            span: p.diagnostic.span,
            severity: "warning" as const,
            message: p.diagnostic.message,
            fix: p.diagnostic.fix!,
          };
        const name = basename(p.file);
        // Content problems only (encoding, binary): a link out of the repository stays an error.
        const content = /UTF-(8|16)|NUL bytes/.test(p.diagnostic.message);
        const unread = content && NOT_READ_BY[svc.builder.name].has(name);
        // Our own refusal text (repo/workspace.ts decodeText) for a file with a UTF-16 BOM.
        const pipDecodes =
          /^requirements.*\.(txt|in)$/i.test(name) && p.diagnostic.message.includes("is UTF-16 encoded");
        const severity = unread || pipDecodes ? ("notice" as const) : undefined;
        const why = unread
          ? ` (the ${svc.builder.name === "dockerfile" ? "Dockerfile build" : `${svc.builder.name} build`} does not read it, so the deploy is not affected; its checks are skipped)`
          : pipDecodes
            ? " (pip decodes it, so the install works; deploy-drift cannot check its requirements)"
            : "";
        return {
          span: p.diagnostic.span,
          ...(severity ? { severity } : {}),
          message: `${p.diagnostic.message}${why}`,
          fix: p.diagnostic.fix ?? "Commit the file as UTF-8 text inside the repository.",
        };
      }),
});
