import { q } from "../model/quote.js";
import type { Span } from "../model/span.js";
import { resolveConfigPath } from "../sources/railway.js";
import { definiteValue } from "../sources/railway-iac/model/types.js";
import type { RuleContext } from "./context.js";
import { defineRule, type Emit } from "./define-rule.js";

/**
 * `build.nixpacksConfigPath` / `build.dockerfilePath` must name a file inside the repository. Nixpacks
 * bails with "Config file {} does not exist" (read_file_plan, railway-nixpacks.md §2–3.3). Paths that
 * climb out of the repository are reported and never read. When `.railway/railway.ts` or
 * `.railway/railway.py` configures the service, its `build.dockerfilePath` / `nixpacksConfigPath`
 * are checked the same way (positions in the IaC file); a value that depends on the deploy context is
 * not checked.
 */
export default defineRule<RuleContext>({
  id: "railway-path-missing",
  defaultSeverity: "error",
  summary: "A path in railway config points to a missing file or outside the repository",
  check: ({ svc }) => {
    const out: Emit[] = [];
    // The IaC file, when it configures this service, sets these paths (railway config apply writes them
    // into the service settings); otherwise railway.json/railway.toml while Railway still reads it.
    const iac = svc.railwayTs;
    const paths: Array<{ key: string; value: string; span: Span; file: string }> = [];
    if (iac) {
      for (const [key, v] of [
        ["nixpacksConfigPath", iac.nixpacksConfigPath],
        ["dockerfilePath", iac.dockerfilePath],
      ] as const) {
        const value = definiteValue(v);
        if (v && value !== null) paths.push({ key, value, span: v.span, file: v.span.file });
      }
    } else if (svc.railway) {
      const r = svc.railway;
      for (const [key, v] of [
        ["nixpacksConfigPath", r.nixpacksConfigPath],
        ["dockerfilePath", r.dockerfilePath],
      ] as const) {
        if (v) paths.push({ key, value: v.value, span: v.span, file: r.file });
      }
    }
    for (const { key, value, span, file } of paths) {
      const where = iac ? ` in ${file}` : "";
      const res = resolveConfigPath(svc.ws, svc.root, value);
      if (res.kind === "outside") {
        out.push({
          span,
          message: `\`build.${key}\`${where} is ${q(value)}, which points outside the repository; it was not read`,
          found: value,
          expected: "a path inside the repository",
          fix: `Use a path inside the repository, such as ${q(key === "dockerfilePath" ? "Dockerfile" : "nixpacks.toml")}.`,
        });
      } else if (res.kind === "missing") {
        out.push({
          span,
          message: `\`build.${key}\`${where} is ${q(value)} but no such file exists (tried ${res.tried.map((t) => `${q(t)}`).join(", ")})`,
          found: value,
          expected: "an existing file",
          fix: `Create ${q(value)} or correct the path.`,
        });
      }
    }
    return out;
  },
});
