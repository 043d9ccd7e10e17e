import { BUILDER_LABEL } from "../facts/builder.js";
import type { RuleContext } from "./context.js";
import { defineRule } from "./define-rule.js";

/**
 * No start command for the selected builder: Railpack fails the build on Railway
 * (ErrorMissingStartCommand, railway-nixpacks.md §4); Nixpacks builds an image that starts nothing.
 */
export default defineRule<RuleContext>({
  id: "start-command-missing",
  defaultSeverity: "error",
  summary: "No start command for the builder Railway will use",
  check: ({ svc }) => {
    if (svc.start.selected || svc.requirementFiles.size === 0) return [];
    if (svc.builder.name === "dockerfile") return [];
    return [
      {
        span: null,
        file: svc.railway?.file ?? (svc.root === "" ? "Procfile" : `${svc.root}/Procfile`),
        message: `${BUILDER_LABEL[svc.builder.name]} finds no start command: no \`deploy.startCommand\`, no Procfile \`web\`, and no main file it recognises`,
        expected: "a start command",
        fix: "Set `deploy.startCommand` (or a Procfile `web:` line), e.g. `uvicorn app.main:app --host 0.0.0.0 --port $PORT`.",
      },
    ];
  },
});
