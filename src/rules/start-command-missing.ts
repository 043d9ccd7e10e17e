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
    // Without Railway-specific files the start command may well live in the dashboard, which the
    // repository cannot show: only a service configured in code is held to it.
    if (!svc.railway && !svc.nixpacks && !svc.procfile) return [];
    // With no builder set in code the service may still build with Nixpacks (older services keep it):
    // only report when no builder would find a start command.
    if (!svc.builder.configured && (svc.start.effective.nixpacks || svc.start.effective.railpack)) return [];
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
