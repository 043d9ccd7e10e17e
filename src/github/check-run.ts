import type { Report } from "../model/report.js";
import { type Annotation, truncate } from "../report/annotations.js";
import {
  type CheckAnnotationBody,
  type CheckRunCreateBody,
  type Conclusion,
  type GitHubApi,
  isAmbiguous,
} from "./client.js";

/**
 * The check run: created on the PR head commit, already completed with its conclusion and the first 50
 * annotations, then PATCHed with the next 50 until all are sent (the Checks API appends annotations on
 * every update). Completing in the first request means a failure halfway through the batches never
 * leaves a check stuck "in progress", and the conclusion is always there.
 */

export const ANNOTATIONS_PER_REQUEST = 50;
/** Check-run annotation messages may be 64 KB; 16,000 UTF-16 units stay under it in any encoding. */
const MESSAGE_MAX = 16_000;

const LEVEL = { error: "failure", warning: "warning", notice: "notice" } as const;

/** failure when the step blocks; neutral for findings below fail-on; success when clean. */
export function conclusionFor(report: Report): Conclusion {
  if (report.blocking) return "failure";
  return report.findings.length > 0 ? "neutral" : "success";
}

export function titleFor(report: Report): string {
  const { error, warning, notice } = report.counts;
  if (error + warning + notice === 0) return "No deployment drift found";
  const parts: string[] = [];
  if (error) parts.push(`${error} error${error === 1 ? "" : "s"}`);
  if (warning) parts.push(`${warning} warning${warning === 1 ? "" : "s"}`);
  if (notice) parts.push(`${notice} notice${notice === 1 ? "" : "s"}`);
  return report.blocking ? `${parts.join(", ")} (blocking)` : parts.join(", ");
}

export function toCheckAnnotation(a: Annotation): CheckAnnotationBody {
  const start = a.startLine ?? 1;
  const end = a.endLine ?? start;
  const body: CheckAnnotationBody = {
    path: a.path,
    start_line: start,
    end_line: end,
    annotation_level: LEVEL[a.severity],
    message: truncate(a.message, MESSAGE_MAX),
    title: a.title,
  };
  // Columns are accepted only for single-line annotations.
  if (start === end && a.startColumn !== null) {
    body.start_column = a.startColumn;
    if (a.endColumn !== null && a.endColumn >= a.startColumn) body.end_column = a.endColumn;
  }
  return body;
}

export function batches<T>(items: readonly T[], size = ANNOTATIONS_PER_REQUEST): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export interface CheckRunOptions {
  name: string;
  headSha: string;
  report: Report;
  /** Errors first; empty when annotations are disabled. */
  annotations: readonly Annotation[];
  /** Markdown, already within CHECK_SUMMARY_MAX_BYTES. */
  summary: string;
  startedAt: Date;
  completedAt: Date;
  /**
   * This run's id for the check run (run id, attempt, job, folder, comment-key): after an ambiguous
   * failure of the create (a 5xx, a timeout) the run is looked up by it before the create is retried.
   */
  externalId?: string;
}

export interface CheckRunResult {
  id: number;
  url: string | null;
  conclusion: Conclusion;
  /** Annotations sent successfully. */
  annotationsSent: number;
  requests: number;
}

/**
 * Publishes the check run. The create request is the one that matters; if it fails the error
 * propagates. A failing annotation batch after it propagates too, with `sent` recording progress on the
 * error so the caller can fall back for the rest.
 */
export async function publishCheckRun(api: GitHubApi, o: CheckRunOptions): Promise<CheckRunResult> {
  const title = titleFor(o.report);
  const conclusion = conclusionFor(o.report);
  const [first = [], ...rest] = batches(o.annotations.map(toCheckAnnotation));
  const body: CheckRunCreateBody = {
    name: o.name,
    head_sha: o.headSha,
    ...(o.externalId ? { external_id: o.externalId } : {}),
    status: "completed",
    conclusion,
    started_at: o.startedAt.toISOString(),
    completed_at: o.completedAt.toISOString(),
    output: { title, summary: o.summary, ...(first.length ? { annotations: first } : {}) },
  };
  let requests = 1;
  let created: { id: number; html_url: string | null };
  try {
    created = await api.createCheckRun(body);
  } catch (e) {
    // A 5xx or a timeout may come after GitHub created the run: look for it before creating again,
    // so an ambiguous failure never leaves two check runs. One retry at most.
    if (!o.externalId || !isAmbiguous(e)) throw e;
    const found = await api.findCheckRun(o.headSha, o.name, o.externalId);
    requests++;
    if (found) created = found;
    else {
      created = await api.createCheckRun(body);
      requests++;
    }
  }
  let sent = first.length;
  for (const batch of rest) {
    try {
      await api.updateCheckRun(created.id, { output: { title, summary: o.summary, annotations: batch } });
    } catch (e) {
      throw new AnnotationBatchError(e, {
        id: created.id,
        url: created.html_url,
        conclusion,
        sent,
        requests,
      });
    }
    sent += batch.length;
    requests++;
  }
  return { id: created.id, url: created.html_url, conclusion, annotationsSent: sent, requests };
}

/** An annotation batch failed after the check run was created. */
export class AnnotationBatchError extends Error {
  constructor(
    readonly failure: unknown,
    readonly progress: Omit<CheckRunResult, "annotationsSent"> & { sent: number },
  ) {
    super(`annotation batch failed after ${progress.sent} annotations`);
  }
}
