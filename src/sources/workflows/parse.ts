/**
 * GitHub Actions workflows (`.github/workflows/*.yml`): the Python versions CI tests with, from
 * `actions/setup-python` steps (`python-version`, `python-version-file`), with positions. Parsed with
 * the `yaml` package (a real YAML parser with a line counter), loaded only when workflows exist.
 */
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from "yaml";
import type { Diagnostic } from "../../model/finding.js";
import type { Span } from "../../model/span.js";

export interface SetupPython {
  file: string;
  job: string;
  /** Literal versions (a matrix expression is expanded when the matrix lists literals). */
  versions: Array<{ value: string; span: Span }>;
  /** `python-version-file`, when CI reads the version from a file. */
  versionFile: { value: string; span: Span } | null;
  /** The step's `uses:` position. */
  span: Span;
}

/**
 * A step that applies Railway IaC on Railway: `railway config apply` in a `run:` script, or Railway's
 * own action `railwayapp/config` (which applies the pinned plan on merge).
 */
export interface IacApply {
  file: string;
  job: string;
  how: "railway config apply" | "railwayapp/config";
  span: Span;
}

export interface Workflow {
  file: string;
  setupPython: SetupPython[];
  iacApply: IacApply[];
  diagnostics: Diagnostic[];
}

export function parseWorkflow(file: string, text: string): Workflow {
  const lc = new LineCounter();
  const out: Workflow = { file, setupPython: [], iacApply: [], diagnostics: [] };
  let doc: ReturnType<typeof parseDocument>;
  try {
    doc = parseDocument(text, { lineCounter: lc, uniqueKeys: false });
  } catch {
    return out;
  }
  const span = (n: Node | null | undefined): Span => {
    const p = lc.linePos(n?.range?.[0] ?? 0);
    return { file, line: p.line, column: p.col };
  };
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const p = lc.linePos(e.pos[0]);
    out.diagnostics.push({
      message: `${file} is not valid YAML: ${e.message.split("\n")[0]}`,
      span: { file, line: p.line, column: p.col },
      fix: "Fix the YAML syntax; GitHub will not run this workflow.",
      severity: "warning",
    });
    return out;
  }
  const jobs = doc.get("jobs", true);
  if (!isMap(jobs)) return out;
  for (const pair of jobs.items) {
    const job = String(isScalar(pair.key) ? pair.key.value : pair.key);
    const body = pair.value;
    if (!isMap(body)) continue;
    const matrix = body.getIn(["strategy", "matrix"], true);
    const steps = body.get("steps", true);
    if (!isSeq(steps)) continue;
    for (const step of steps.items) {
      if (!isMap(step)) continue;
      const uses = step.get("uses", true);
      const run = step.get("run", true);
      if (isScalar(uses) && typeof uses.value === "string" && /^railwayapp\/config(@|$)/.test(uses.value))
        out.iacApply.push({ file, job, how: "railwayapp/config", span: span(uses) });
      // A word match in the step's script (a YAML scalar): `railway config apply`, also through
      // `npx @railway/cli config apply`.
      if (
        isScalar(run) &&
        typeof run.value === "string" &&
        /(?:\brailway|@railway\/cli(?:@\S*)?)\s+config\s+apply\b/.test(run.value)
      )
        out.iacApply.push({ file, job, how: "railway config apply", span: span(run) });
      if (!isScalar(uses) || typeof uses.value !== "string" || !/^actions\/setup-python@/.test(uses.value))
        continue;
      const withNode = step.get("with", true);
      const versions: SetupPython["versions"] = [];
      let versionFile: SetupPython["versionFile"] = null;
      if (isMap(withNode)) {
        const pv = withNode.get("python-version", true);
        if (isScalar(pv) && pv.value !== null && pv.value !== undefined) {
          const raw = String(pv.value);
          const m = /^\$\{\{\s*matrix\.([\w-]+)\s*\}\}$/.exec(raw.trim());
          if (m && isMap(matrix)) {
            const list = matrix.get(m[1]!, true);
            if (isSeq(list)) {
              for (const item of list.items)
                if (isScalar(item)) versions.push({ value: String(item.value), span: span(item) });
            }
          } else if (!raw.includes("${{")) {
            for (const v of raw.split(/\s+/).filter(Boolean)) versions.push({ value: v, span: span(pv) });
          }
        }
        const pvf = withNode.get("python-version-file", true);
        if (isScalar(pvf) && typeof pvf.value === "string")
          versionFile = { value: pvf.value, span: span(pvf) };
      }
      out.setupPython.push({ file, job, versions, versionFile, span: span(uses) });
    }
  }
  return out;
}
