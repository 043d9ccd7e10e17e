import type { SourceKind } from "../facts/python.js";
import { q } from "../model/quote.js";
import { NIXPACKS_DEFAULT_DESCRIPTION } from "../python/versions.js";
import type { RuleContext } from "./context.js";
import { defineRule, type Emit } from "./define-rule.js";

/**
 * A Python version a builder cannot read. Nixpacks applies one regex to the whole file and silently
 * falls back to its default on a non-match or an unsupported minor (python.rs
 * get_nix_python_package, railway-nixpacks.md §1.2) — so a malformed value deploys another Python
 * without any error. Heroku rejects anything but `python-X.Y[.Z]` in runtime.txt (§5).
 */
export default defineRule<RuleContext>({
  id: "python-version-unreadable",
  pythonBuild: true,
  defaultSeverity: "error",
  summary: "A Python version file is malformed or names a version the builder cannot install",
  check: ({ svc }) => {
    const out: Emit[] = [];
    const nix = svc.python.nixpacksFile;
    const nixSelected = svc.builder.name === "nixpacks";
    for (const s of svc.python.sources) {
      if (nixSelected && nix?.source === s && nix.fallbackReason) {
        out.push({
          span: s.span,
          message: `${s.file}: ${nix.fallbackReason} (${NIXPACKS_DEFAULT_DESCRIPTION})`,
          found: s.raw,
          expected: "a single line such as `3.11` or `3.11.9`",
          fix: `Write only the version in ${s.file}, e.g. \`3.11.9\`, with no comments or ranges.`,
        });
        continue;
      }
      // `latest` is a value mise (Railpack's version reader) accepts: python-version-floating reports it.
      const miseLatest =
        svc.builder.name === "railpack" &&
        (s.kind === "mise.toml" || s.kind === ".python-version" || s.kind === ".tool-versions") &&
        s.raw.trim().toLowerCase() === "latest";
      if (s.problem && !miseLatest) {
        out.push({
          span: s.span,
          // Only the selected builder's own inputs break the deploy; other files are drift to tidy.
          ...(readBySelected(svc, s.kind) ? {} : { severity: "warning" as const }),
          message: `${s.file} ${s.problem}: ${q(s.raw)}`,
          found: s.raw,
          expected: s.kind === "runtime.txt" ? "`python-X.Y.Z`" : "`X.Y` or `X.Y.Z`",
          fix:
            s.kind === "runtime.txt"
              ? "Write one line such as `python-3.11.9`."
              : `Write one version such as \`3.11.9\` in ${s.file}.`,
        });
      }
    }
    return out;
  },
});

/** Whether the selected builder reads this kind of source (railway-nixpacks.md §1.2, §4). */
function readBySelected(svc: RuleContext["svc"], kind: SourceKind): boolean {
  switch (svc.builder.name) {
    case "nixpacks":
      return (
        svc.python.nixpacksFile?.source.kind === kind ||
        kind === "nixpacks-nixpkgs" ||
        kind === "railway-nixpkgs"
      );
    case "railpack":
      return (
        kind === ".python-version" ||
        kind === "runtime.txt" ||
        kind === ".tool-versions" ||
        kind === "Pipfile"
      );
    case "dockerfile":
      return false;
  }
}
