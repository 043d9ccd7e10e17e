import type { Finding, Severity } from "../model/finding.js";
import { q } from "../model/quote.js";
import type { Workspace, WorkspaceGap } from "./workspace.js";

/** The rule a gap is reported under: what was not read cannot be called clean. */
export const GAP_RULE = "unreadable-file";

function list(paths: readonly string[], count: number | null): string {
  const shown = paths.map((p) => q(p)).join(", ");
  const more = count !== null && count > paths.length ? ` and ${count - paths.length} more` : "";
  return `${shown}${more}`;
}

function describe(g: WorkspaceGap, where: string): { message: string; fix: string } {
  switch (g.kind) {
    case "file-count":
      return {
        message: `${where} has more than ${g.limit} files outside vendored and VCS folders; the listing stopped there, so ${list(g.paths, g.count)}${g.count === null ? " and whatever sorts after them" : ""} were not read: services, deployment files and Python modules there were not checked`,
        fix: "Run deploy-drift on the folder Railway deploys (or name the service roots in the configuration's `services`), so the files that matter are within the limit.",
      };
    case "depth":
      return {
        message: `${where} has folders nested more than ${g.limit} levels deep; ${list(g.paths, g.count)} ${g.count === 1 ? "was" : "were"} not read, so deployment files below ${g.count === 1 ? "it" : "them"} were not checked`,
        fix: "Run deploy-drift on the folder Railway deploys, or move deployment files out of the deep folders.",
      };
    case "read-budget":
      return {
        message: `${where}'s files exceed the per-run read budget of ${g.limit} bytes; ${list(g.paths, g.count)} ${g.count === 1 ? "was" : "were"} not read, so what they hold was not checked`,
        fix: "Run deploy-drift on the folder Railway deploys, or keep large generated files out of the service folders.",
      };
  }
}

/**
 * One blocking finding per budget a workspace hit (file count, depth, per-run read bytes), so a run
 * that did not see everything never looks clean. `label` names the revision ("the base revision").
 */
export function gapFindings(ws: Workspace, severity: Severity, label?: string): Finding[] {
  const where = label ?? "The repository";
  return (ws.gaps?.() ?? []).map((g) => {
    const d = describe(g, where);
    return {
      rule: GAP_RULE,
      severity,
      service: ".",
      file: ".",
      line: null,
      column: null,
      message: d.message,
      fix: d.fix,
    };
  });
}
