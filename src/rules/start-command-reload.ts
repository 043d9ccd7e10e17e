import { q } from "../model/quote.js";
import type { RuleContext } from "./context.js";
import { defineRule, type Emit } from "./define-rule.js";

/** `--reload` (or a dev server) in production: a file watcher, one worker, and restarts on writes. */
export default defineRule<RuleContext>({
  id: "start-command-reload",
  defaultSeverity: "warning",
  summary: "The start command runs a development/reload mode",
  check: ({ svc }) => {
    const out: Emit[] = [];
    for (const a of svc.commands) {
      const inv = a.parsed.server;
      if (!inv?.reload) continue;
      out.push({
        span: a.spanOf(inv.reload),
        message: `${a.candidate.label} runs ${inv.kind} with ${q(inv.reload.text)}, a development mode that watches files and restarts`,
        found: inv.reload.text,
        expected: "no reload in production",
        fix: "Remove the reload option from the deployed start command.",
      });
    }
    return out;
  },
});
