import { q } from "../model/quote.js";
import type { RuleContext } from "./context.js";
import { defineRule, type Emit } from "./define-rule.js";

/**
 * Shell syntax errors in a start command (`&& &&`, unterminated quotes, `sh -c` without a command):
 * Railway runs the command through a shell (`/bin/bash -c` in Railpack and Nixpacks images,
 * railway-nixpacks.md §1.3, §4), which rejects it and the deploy crashes on start.
 */
export default defineRule<RuleContext>({
  id: "start-command-syntax",
  defaultSeverity: "error",
  summary: "A start command is not valid shell syntax",
  check: ({ svc }) => {
    const out: Emit[] = [];
    for (const a of svc.commands) {
      for (const d of a.parsed.diagnostics) {
        if (d.message.includes("single quotes")) continue; // reported by start-command-port
        out.push({
          span: a.spanOf({ text: "", offset: d.offset, end: d.offset + 1 }),
          message: `${a.candidate.label}: ${d.message} in ${q(a.candidate.command)}`,
          found: a.candidate.command,
          expected: "a command the shell can run",
          fix: "Correct the shell syntax of the command.",
        });
      }
    }
    return out;
  },
});
