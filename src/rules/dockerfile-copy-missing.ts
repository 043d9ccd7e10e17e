import * as posix from "node:path/posix";
import { copyWords } from "../facts/docker-workdir.js";
import { q } from "../model/quote.js";
import { normalizeRelPath } from "../repo/workspace.js";
import type { RuleContext } from "./context.js";
import { defineRule, type Emit } from "./define-rule.js";

/**
 * A `COPY` / `ADD` source that is not in the build context. Railway builds a Dockerfile with the
 * service's root directory as the context (https://docs.railway.com/guides/dockerfiles), and Docker
 * fails the build when a source is missing or outside it ("COPY failed: file not found in build
 * context", https://docs.docker.com/reference/dockerfile/#copy). Sources with variables or globs,
 * URLs (`ADD https://…`), `--from` stages and files a `.dockerignore` may exclude are not judged.
 */
export default defineRule<RuleContext>({
  id: "dockerfile-copy-missing",
  defaultSeverity: "error",
  summary: "A Dockerfile COPY/ADD source is not in the build context (the service root)",
  check: ({ svc }) => {
    const df = svc.dockerfileParsed;
    if (!df || svc.builder.name !== "dockerfile") return [];
    const out: Emit[] = [];
    for (const ins of df.instructions) {
      if (ins.keyword !== "COPY" && ins.keyword !== "ADD") continue;
      const words = copyWords(ins);
      if (!words || words.flags.some((f) => f.startsWith("--from"))) continue;
      for (const src of words.paths.slice(0, -1)) {
        if (/[$*?[{]/.test(src) || /^[a-z]+:\/\//i.test(src) || src.startsWith("git@")) continue;
        const inContext = posix.normalize(src.replace(/^\/+/, ""));
        const rel = inContext.startsWith("..") ? null : normalizeRelPath(inContext, svc.root);
        const exists = rel !== null && (rel === svc.root || svc.ws.isFile(rel) || svc.ws.isDir(rel));
        if (exists) continue;
        const context = svc.root === "" ? "the repository root" : `\`${svc.root}/\``;
        out.push({
          span: ins.span,
          message:
            rel === null
              ? `\`${ins.keyword} ${src}\` reaches outside the build context (${context}), which Docker refuses`
              : `\`${ins.keyword} ${src}\`: ${q(rel)} does not exist in the build context (${context}), so the build fails with "file not found in build context"`,
          found: src,
          expected: `a path inside ${context}`,
          fix: `Commit ${q(src)} under ${context}, or fix the path (the build context is the service's root directory, not the repository).`,
        });
      }
    }
    return out;
  },
});
