import type { RuleContext } from "./context.js";
import { defineRule } from "./define-rule.js";

/**
 * No file pins the Python version. Railpack then uses its default (3.13) and Railway keeps the
 * version first resolved for the service ("Previous versions", railway-nixpacks.md §4), so the
 * repository no longer says what runs.
 */
export default defineRule<RuleContext>({
  id: "python-version-unpinned",
  pythonBuild: true,
  defaultSeverity: "notice",
  summary: "No file pins the Python version",
  check: ({ svc }) => {
    if (svc.builder.name === "dockerfile") return [];
    // Any version source counts, readable or not (an unreadable one is python-version-unreadable's).
    if (svc.python.sources.length > 0) return [];
    // A version file that could not be read is unreadable-file's finding, not "no file".
    if (svc.problems.some((p) => /(^|\/)(\.python-version|runtime\.txt|\.tool-versions)$/.test(p.file)))
      return [];
    const hasPython = svc.requirementFiles.size > 0 || svc.procfile !== null || svc.nixpacks !== null;
    if (!hasPython) return [];
    return [
      {
        span: null,
        file: svc.root === "" ? ".python-version" : `${svc.root}/.python-version`,
        message: `No file pins the Python version; ${svc.python.selected.from}`,
        expected: "a `.python-version` file",
        fix: "Add a `.python-version` file with the version you test on, e.g. `3.12`.",
      },
    ];
  },
});
