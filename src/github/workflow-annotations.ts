import type { Counts } from "../model/report.js";
import { type Annotation, planWorkflowAnnotations } from "../report/annotations.js";
import type { ActionIO, AnnotationProps } from "./io.js";

/**
 * The fallback when no check run can carry the annotations (fork or Dependabot PRs, a 403, check-run
 * disabled): `::error` / `::warning` / `::notice` workflow commands, errors first, within GitHub's cap of
 * ten per type per step, plus one notice that states how many were left out.
 */
export function propsOf(a: Annotation): AnnotationProps {
  const p: AnnotationProps = { title: a.title, file: a.path };
  if (a.startLine !== null) {
    p.startLine = a.startLine;
    if (a.endLine !== null) p.endLine = a.endLine;
    // Workflow commands, like check runs, take columns only on single-line annotations.
    if (a.startColumn !== null && (a.endLine === null || a.endLine === a.startLine)) {
      p.startColumn = a.startColumn;
      if (a.endColumn !== null) p.endColumn = a.endColumn;
    }
  }
  return p;
}

export function emitWorkflowAnnotations(
  io: ActionIO,
  annotations: readonly Annotation[],
  reserved: Partial<Counts> = {},
): { emitted: number; omitted: Counts } {
  const plan = planWorkflowAnnotations(annotations, reserved);
  for (const a of plan.emit) {
    const props = propsOf(a);
    if (a.severity === "error") io.error(a.message, props);
    else if (a.severity === "warning") io.warning(a.message, props);
    else io.notice(a.message, props);
  }
  if (plan.overflowNotice) io.notice(plan.overflowNotice, { title: "deploy-drift" });
  return { emitted: plan.emit.length, omitted: plan.omitted };
}
