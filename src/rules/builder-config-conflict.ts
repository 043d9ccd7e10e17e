import { q } from "../model/quote.js";
import type { RuleContext } from "./context.js";
import { defineRule, type Emit } from "./define-rule.js";

/**
 * The configured builder disagrees with the files present:
 * - a Dockerfile always wins ("Railway will always build with a Dockerfile if it finds one", §3.1);
 * - `DOCKERFILE` with no Dockerfile cannot build;
 * - Railpack ignores nixpacks.toml, `build.nixpacksPlan` and `nixpacksConfigPath` (§3.4).
 */
export default defineRule<RuleContext>({
  id: "builder-config-conflict",
  defaultSeverity: "warning",
  summary: "The builder setting disagrees with the build files present",
  check: ({ svc }) => {
    const out: Emit[] = [];
    const b = svc.railway?.builder;
    const configured = svc.builder.configured;
    if (svc.dockerfile && b && configured !== "DOCKERFILE") {
      out.push({
        span: b.span,
        message: `\`build.builder\` is ${q(b.value)} but ${q(svc.dockerfile)} exists, and Railway always builds with a Dockerfile when it finds one`,
        found: b.value,
        expected: "DOCKERFILE",
        fix: "Set `builder` to `DOCKERFILE`, or remove/rename the Dockerfile if you mean the other builder.",
      });
    }
    if (configured === "DOCKERFILE" && !svc.dockerfile && b) {
      out.push({
        span: b.span,
        severity: "error",
        message: `\`build.builder\` is ${q(b.value)} but the service has no Dockerfile`,
        found: b.value,
        expected: "a Dockerfile, or builder RAILPACK",
        fix: "Add the Dockerfile (or set `build.dockerfilePath`), or choose `RAILPACK`.",
      });
    }
    if (svc.builder.name === "railpack") {
      const ignored: Array<{ what: string; span: Emit["span"] }> = [];
      if (svc.nixpacks)
        ignored.push({ what: `${q(svc.nixpacks.doc.file)}`, span: svc.nixpacks.doc.spanFor([]) });
      if (svc.railway?.nixpacksPlanPath) {
        ignored.push({
          what: "`build.nixpacksPlan`",
          span: svc.railway.doc.keySpan(svc.railway.nixpacksPlanPath),
        });
      }
      for (const i of ignored) {
        out.push({
          span: b?.span ?? i.span,
          // Without a builder in code the service may still be on Nixpacks in the dashboard.
          ...(b ? {} : { severity: "notice" as const }),
          message: b
            ? `${svc.builder.reason}, so ${i.what} is ignored: its packages, phases and start command do not apply`
            : `No builder is set in code; Railway builds new services with Railpack, which ignores ${i.what}. If this service still uses Nixpacks in the dashboard, it moves to Railpack when Nixpacks goes away`,
          found: "Nixpacks-only configuration",
          expected: "railpack.json (or builder NIXPACKS)",
          fix: "Move what you need to `railpack.json` (packages, buildAptPackages, deploy.startCommand) or railway config, then delete the Nixpacks config.",
          ...(b ? { related: i.span ? [i.span] : [] } : {}),
        });
      }
    }
    return out;
  },
});
