"use strict";
exports.id = 611;
exports.ids = [611];
exports.modules = {

/***/ 9611:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  renderSarif: () => (/* binding */ renderSarif),
  toSarif: () => (/* binding */ toSarif)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/report/annotations.ts

/** GitHub's per-step cap on workflow-command annotations, per type (runner: _maxCountPerIssueType). */
const WORKFLOW_ANNOTATIONS_PER_TYPE = 10;
/** The runner truncates workflow-command messages at 4,096 characters. */
const WORKFLOW_MESSAGE_MAX = 4096;
const TITLE_MAX = 255;
/**
 * Joins the scanned folder (relative to the repository root) and a finding's path, resolving `.` and
 * `..` (a config file above the scanned folder is `../deploy-drift.toml` to the engine).
 */
function repoPath(dir, file) {
    const out = [];
    for (const seg of `${dir}/${file}`.replace(/\\/g, "/").split("/")) {
        if (seg === "" || seg === ".")
            continue;
        if (seg === "..")
            out.pop();
        else
            out.push(seg);
    }
    return out.length ? out.join("/") : ".";
}
function truncate(s, max) {
    if (s.length <= max)
        return s;
    const cut = s.slice(0, max - 1);
    // Do not split a surrogate pair.
    const safe = /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
    return `${safe}\u2026`;
}
function messageOf(f, dir) {
    const parts = [f.message];
    if (f.fix)
        parts.push(`Fix: ${f.fix}`);
    if (f.related?.length) {
        parts.push(`Also: ${f.related.map((s) => `${repoPath(dir, s.file)}:${s.line}`).join(", ")}`);
    }
    return parts.join("\n\n");
}
/** Every finding as an annotation, errors first (then the report's own order), paths from the repo root. */
function toAnnotations(findings, dir) {
    return findings
        .map((f, i) => ({ f, i }))
        .sort((a, b) => severityRank(a.f.severity) - severityRank(b.f.severity) || a.i - b.i)
        .map(({ f }) => {
        const startLine = f.line !== null && f.line >= 1 ? f.line : null;
        const endLine = startLine === null ? null : Math.max(startLine, f.endLine ?? startLine);
        const startColumn = startLine !== null && f.column !== null && f.column >= 1 ? f.column : null;
        const endColumn = startColumn !== null && f.endColumn != null && (endLine !== startLine || f.endColumn >= startColumn)
            ? f.endColumn
            : null;
        return {
            severity: f.severity,
            path: repoPath(dir, f.file),
            startLine,
            endLine,
            startColumn,
            endColumn,
            title: truncate(`deploy-drift: ${f.rule}`, TITLE_MAX),
            message: messageOf(f, dir),
        };
    });
}
/**
 * Chooses which annotations fit GitHub's per-step cap of ten per type. `reserved` counts annotations of
 * each type the step emits anyway (for example the `::error` of setFailed); one notice slot is kept for
 * the overflow message when anything is left out.
 */
function planWorkflowAnnotations(annotations, reserved = {}, where = "the job summary") {
    const cap = (s) => Math.max(0, WORKFLOW_ANNOTATIONS_PER_TYPE - (reserved[s] ?? 0));
    const total = { error: 0, warning: 0, notice: 0 };
    for (const a of annotations)
        total[a.severity]++;
    const overflow = ["error", "warning", "notice"].some((s) => total[s] > cap(s));
    const limit = {
        error: cap("error"),
        warning: cap("warning"),
        notice: Math.max(0, cap("notice") - (overflow ? 1 : 0)),
    };
    const taken = { error: 0, warning: 0, notice: 0 };
    const emit = [];
    for (const a of annotations) {
        if (taken[a.severity] < limit[a.severity]) {
            taken[a.severity]++;
            emit.push({ ...a, message: truncate(a.message, WORKFLOW_MESSAGE_MAX - 96) });
        }
    }
    const omitted = {
        error: total.error - taken.error,
        warning: total.warning - taken.warning,
        notice: total.notice - taken.notice,
    };
    const n = omitted.error + omitted.warning + omitted.notice;
    const overflowNotice = n === 0
        ? null
        : `${n} more finding${n === 1 ? "" : "s"} (${omitted.error} error, ${omitted.warning} warning, ${omitted.notice} notice) not shown as annotations: GitHub shows ${WORKFLOW_ANNOTATIONS_PER_TYPE} per type per step. The full list is in ${where}.`;
    return { emit, omitted, overflowNotice };
}

;// CONCATENATED MODULE: ./src/report/sarif.ts


const LEVEL = { error: "error", warning: "warning", notice: "note" };
/** Percent-encodes each path segment so the value is a valid relative URI reference. */
function toUri(path) {
    return path
        .split("/")
        .map((seg) => encodeURIComponent(seg))
        .join("/");
}
function regionOf(line, column, endLine, endColumn) {
    if (line === null || line < 1)
        return undefined;
    const r = { startLine: line };
    if (column !== null && column >= 1)
        r.startColumn = column;
    if (endLine != null && endLine >= line)
        r.endLine = endLine;
    if (endColumn != null && r.startColumn !== undefined)
        r.endColumn = endColumn;
    return r;
}
function sarif_location(prefix, file, region) {
    const loc = {
        physicalLocation: { artifactLocation: { uri: toUri(repoPath(prefix, file)), uriBaseId: "%SRCROOT%" } },
    };
    if (region)
        loc.physicalLocation.region = region;
    return loc;
}
function relatedLocation(prefix, s) {
    return sarif_location(prefix, s.file, regionOf(s.line, s.column, s.endLine, s.endColumn));
}
function fingerprint(prefix, f) {
    return (0,external_node_crypto_.createHash)("sha256")
        .update([f.rule, repoPath(prefix, f.file), f.message].join("\u0000"))
        .digest("hex")
        .slice(0, 32);
}
function kebabToPascal(id) {
    return id
        .split("-")
        .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
        .join("");
}
function toSarif(report, opts = {}) {
    const prefix = opts.pathPrefix ?? ".";
    const meta = new Map((opts.rules ?? []).map((r) => [r.id, r]));
    const ruleIds = [...new Set([...meta.keys(), ...report.findings.map((f) => f.rule)])].sort();
    const index = new Map(ruleIds.map((id, i) => [id, i]));
    const rules = ruleIds.map((id) => {
        const m = meta.get(id);
        const fromFinding = report.findings.find((f) => f.rule === id);
        const rule = {
            id,
            name: kebabToPascal(id),
            shortDescription: { text: m?.summary ?? id },
            defaultConfiguration: { level: LEVEL[m?.defaultSeverity ?? fromFinding?.severity ?? "warning"] },
        };
        const help = opts.helpUri?.(id);
        if (help)
            rule.helpUri = help;
        return rule;
    });
    const results = report.findings.map((f) => {
        const r = {
            ruleId: f.rule,
            ruleIndex: index.get(f.rule),
            level: LEVEL[f.severity],
            message: { text: f.fix ? `${f.message}\nFix: ${f.fix}` : f.message },
            locations: [sarif_location(prefix, f.file, regionOf(f.line, f.column, f.endLine, f.endColumn))],
            partialFingerprints: { "deployDrift/v1": fingerprint(prefix, f) },
            properties: { service: repoPath(prefix, f.service), fix: f.fix },
        };
        if (f.found !== undefined)
            r.properties.found = f.found;
        if (f.expected !== undefined)
            r.properties.expected = f.expected;
        if (f.related?.length)
            r.relatedLocations = f.related.map((s) => relatedLocation(prefix, s));
        return r;
    });
    const driver = {
        name: report.tool.name,
        version: report.tool.version,
        semanticVersion: report.tool.version,
        rules,
    };
    if (opts.informationUri)
        driver.informationUri = opts.informationUri;
    return {
        $schema: "https://json.schemastore.org/sarif-2.1.0.json",
        version: "2.1.0",
        runs: [
            {
                tool: { driver },
                columnKind: "utf16CodeUnits",
                originalUriBaseIds: { "%SRCROOT%": { description: { text: "The repository root" } } },
                results,
            },
        ],
    };
}
/** The SARIF log as JSON text (what `--format sarif` prints). */
function renderSarif(report, opts = {}) {
    return `${JSON.stringify(toSarif(report, opts), null, 2)}\n`;
}


/***/ })

};
;