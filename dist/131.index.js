export const id = 131;
export const ids = [131];
export const modules = {

/***/ 131:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ConfigSchema: () => (/* binding */ ConfigSchema),
/* harmony export */   SEVERITY_SETTING: () => (/* binding */ SEVERITY_SETTING)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8816);
/* harmony import */ var _defaults_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1954);
/**
 * The one schema for deploy-drift's configuration; its defaults live in defaults.ts. Sources, lowest first:
 * defaults < `[tool.deploy-drift]` in pyproject.toml or `deploy-drift.toml` / `.deploy-drift.toml`
 * (or `--config FILE`) < action inputs / CLI flags. Loaded (with zod) only when a config exists:
 * `analyzeRepo` passes it to the pure run as `parsers.configSchema`.
 */


const SEVERITY_SETTING = zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(["error", "warning", "notice", "off"]);
const ConfigSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    "fail-on": zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(["error", "warning", "notice", "never"]).default((0,_defaults_js__WEBPACK_IMPORTED_MODULE_0__/* .defaultOf */ .HA)("fail-on")),
    severity: zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), SEVERITY_SETTING).default((0,_defaults_js__WEBPACK_IMPORTED_MODULE_0__/* .defaultOf */ .HA)("severity")),
    ignore: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
        rule: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().min(1),
        path: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
        reason: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().min(1, "a suppression needs a reason"),
        until: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
            .regex(/^\d{4}-\d{2}-\d{2}$/, "use a YYYY-MM-DD date")
            .optional(),
    })
        .strict())
        .default((0,_defaults_js__WEBPACK_IMPORTED_MODULE_0__/* .defaultOf */ .HA)("ignore")),
    "protected-paths": zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()).default((0,_defaults_js__WEBPACK_IMPORTED_MODULE_0__/* .defaultOf */ .HA)("protected-paths")),
    "protected-label": zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().default((0,_defaults_js__WEBPACK_IMPORTED_MODULE_0__/* .defaultOf */ .HA)("protected-label")),
    pinning: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(["exact", "compatible", "off"]).default((0,_defaults_js__WEBPACK_IMPORTED_MODULE_0__/* .defaultOf */ .HA)("pinning")),
    "python-version": zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
    services: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()).optional(),
    "dependency-changes": zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(["allow", "warn", "block"]).default((0,_defaults_js__WEBPACK_IMPORTED_MODULE_0__/* .defaultOf */ .HA)("dependency-changes")),
    /**
     * With a base revision, what blocks (and is annotated): `nofilter` every finding, `added` only
     * findings this change introduces, `file` those and the ones in files it changes (reviewdog's names).
     */
    "filter-mode": zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(["nofilter", "added", "file"]).default((0,_defaults_js__WEBPACK_IMPORTED_MODULE_0__/* .defaultOf */ .HA)("filter-mode")),
    /** Look up every exact pin on the PyPI JSON API (`--pypi` turns it on too). Off: fully offline. */
    pypi: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY().default((0,_defaults_js__WEBPACK_IMPORTED_MODULE_0__/* .defaultOf */ .HA)("pypi")),
    /** The JSON API root the look-ups use (a mirror, or a local server in tests). */
    "pypi-url": zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
        .regex(/^https?:\/\/[^/\s]+/, "use an http(s) URL such as https://pypi.org/pypi")
        .default((0,_defaults_js__WEBPACK_IMPORTED_MODULE_0__/* .defaultOf */ .HA)("pypi-url")),
    /**
     * The day Railway stops reading railway.json / railway.toml (docs: "hard cutoff" 2026-12-01). A team
     * whose services Railway still reads (an extension granted to them) sets a later date; from this date
     * on, deploy-drift models the services without those files.
     */
    "config-as-code-cutoff": zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
        .regex(/^\d{4}-\d{2}-\d{2}$/, "use a YYYY-MM-DD date")
        .default((0,_defaults_js__WEBPACK_IMPORTED_MODULE_0__/* .defaultOf */ .HA)("config-as-code-cutoff")),
})
    .strict();


/***/ })

};
