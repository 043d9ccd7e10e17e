export const id = 160;
export const ids = [160];
export const modules = {

/***/ 7160:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parseWorkflow: () => (/* binding */ parseWorkflow)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/**
 * GitHub Actions workflows (`.github/workflows/*.yml`): the Python versions CI tests with, from
 * `actions/setup-python` steps (`python-version`, `python-version-file`), with positions. Parsed with
 * the `yaml` package (a real YAML parser with a line counter), loaded only when workflows exist.
 */

function parseWorkflow(file, text) {
    const lc = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .LineCounter */ .HN();
    const out = { file, setupPython: [], iacApply: [], diagnostics: [] };
    let doc;
    try {
        doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(text, { lineCounter: lc, uniqueKeys: false });
    }
    catch {
        return out;
    }
    const span = (n) => {
        const p = lc.linePos(n?.range?.[0] ?? 0);
        return { file, line: p.line, column: p.col };
    };
    if (doc.errors.length > 0) {
        const e = doc.errors[0];
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
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(jobs))
        return out;
    for (const pair of jobs.items) {
        const job = String((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(pair.key) ? pair.key.value : pair.key);
        const body = pair.value;
        if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(body))
            continue;
        const matrix = body.getIn(["strategy", "matrix"], true);
        const steps = body.get("steps", true);
        if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(steps))
            continue;
        for (const step of steps.items) {
            if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(step))
                continue;
            const uses = step.get("uses", true);
            const run = step.get("run", true);
            if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(uses) && typeof uses.value === "string" && /^railwayapp\/config(@|$)/.test(uses.value))
                out.iacApply.push({ file, job, how: "railwayapp/config", span: span(uses) });
            // A word match in the step's script (a YAML scalar): `railway config apply`, also through
            // `npx @railway/cli config apply`.
            if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(run) &&
                typeof run.value === "string" &&
                /(?:\brailway|@railway\/cli(?:@\S*)?)\s+config\s+apply\b/.test(run.value))
                out.iacApply.push({ file, job, how: "railway config apply", span: span(run) });
            if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(uses) || typeof uses.value !== "string" || !/^actions\/setup-python@/.test(uses.value))
                continue;
            const withNode = step.get("with", true);
            const versions = [];
            let versionFile = null;
            if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(withNode)) {
                const pv = withNode.get("python-version", true);
                if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(pv) && pv.value !== null && pv.value !== undefined) {
                    const raw = String(pv.value);
                    const m = /^\$\{\{\s*matrix\.([\w-]+)\s*\}\}$/.exec(raw.trim());
                    if (m && (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(matrix)) {
                        const list = matrix.get(m[1], true);
                        if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(list)) {
                            for (const item of list.items)
                                if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(item))
                                    versions.push({ value: String(item.value), span: span(item) });
                        }
                    }
                    else if (!raw.includes("${{")) {
                        for (const v of raw.split(/\s+/).filter(Boolean))
                            versions.push({ value: v, span: span(pv) });
                    }
                }
                const pvf = withNode.get("python-version-file", true);
                if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(pvf) && typeof pvf.value === "string")
                    versionFile = { value: pvf.value, span: span(pvf) };
            }
            out.setupPython.push({ file, job, versions, versionFile, span: span(uses) });
        }
    }
    return out;
}


/***/ })

};
