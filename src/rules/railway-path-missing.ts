import { q } from "../model/quote.js";
import { resolveConfigPath } from "../sources/railway.js";
import type { RuleContext } from "./context.js";
import { defineRule, type Emit } from "./define-rule.js";

/**
 * `build.nixpacksConfigPath` / `build.dockerfilePath` must name a file inside the repository. Nixpacks
 * bails with "Config file {} does not exist" (read_file_plan, railway-nixpacks.md §2–3.3). Paths that
 * climb out of the repository are reported and never read.
 */
export default defineRule<RuleContext>({
  id: "railway-path-missing",
  defaultSeverity: "error",
  summary: "A path in railway config points to a missing file or outside the repository",
  check: ({ svc }) => {
    const r = svc.railway;
    if (!r) return [];
    const out: Emit[] = [];
    for (const [key, v] of [
      ["nixpacksConfigPath", r.nixpacksConfigPath],
      ["dockerfilePath", r.dockerfilePath],
    ] as const) {
      if (!v) continue;
      const res = resolveConfigPath(svc.ws, svc.root, v.value);
      if (res.kind === "outside") {
        out.push({
          span: v.span,
          message: `\`build.${key}\` is ${q(v.value)}, which points outside the repository; it was not read`,
          found: v.value,
          expected: "a path inside the repository",
          fix: `Use a path inside the repository, such as ${q(key === "dockerfilePath" ? "Dockerfile" : "nixpacks.toml")}.`,
        });
      } else if (res.kind === "missing") {
        out.push({
          span: v.span,
          message: `\`build.${key}\` is ${q(v.value)} but no such file exists (tried ${res.tried.map((t) => `${q(t)}`).join(", ")})`,
          found: v.value,
          expected: "an existing file",
          fix: `Create ${q(v.value)} or correct the path.`,
        });
      }
    }
    return out;
  },
});
