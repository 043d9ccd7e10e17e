import type { RuleContext } from "./context.js";
import { defineRule } from "./define-rule.js";

/**
 * Railpack installs "the newest Python" of a line instead of a fixed version when the string that
 * wins its precedence is a range or `latest`: resolveToFuzzyVersion turns `>=3.11` / `^3.11` into
 * `3` (https://github.com/railwayapp/railpack/blob/b5e80580/core/resolver/version.go), and mise
 * resolves `latest` in `.python-version` / `mise.toml` to the newest release unless a mise.lock pins
 * it (https://mise.jdx.dev/dev-tools/mise-lock.html). The version then changes under the service on
 * a rebuild, the way Railpack's own examples get 3.14 where 3.13 was tested. Facts: facts/python.ts.
 */
export default defineRule<RuleContext>({
  id: "python-version-floating",
  pythonBuild: true,
  defaultSeverity: "warning",
  summary: "Railpack installs the newest Python of a line (a range or `latest`), not a fixed version",
  check: ({ svc }) => {
    const rp = svc.python.railpack;
    if (svc.builder.name !== "railpack" || rp.version !== null || rp.isDefault || !rp.span) return [];
    return [
      {
        span: rp.span,
        message: `Railpack's Python is not fixed: ${rp.from}, so a rebuild can move the service to a newer Python than the one tested`,
        found: rp.from,
        expected: "an exact `X.Y` or `X.Y.Z` version",
        fix: "Pin the version Railpack installs: an exact `X.Y.Z` in `.python-version` (or in `RAILPACK_PYTHON_VERSION`), or commit `mise.lock` with `mise lock`.",
      },
    ];
  },
});
