"use strict";
exports.id = 956;
exports.ids = [956];
exports.modules = {

/***/ 2956:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   sarifOptions: () => (/* binding */ sarifOptions)
/* harmony export */ });
/* harmony import */ var _rules_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7207);
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8718);


/** SARIF options shared by the CLI and the action: every rule's metadata and its docs page as helpUri. */
function sarifOptions(pathPrefix) {
    return {
        rules: [..._rules_index_js__WEBPACK_IMPORTED_MODULE_0__/* .RULES */ .y, ..._rules_index_js__WEBPACK_IMPORTED_MODULE_0__/* .ENGINE_RULES */ .N],
        helpUri: (id) => `${_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .RULE_DOCS_BASE */ .h}${id}.md`,
        pathPrefix,
    };
}


/***/ })

};
;