export const id = 82;
export const ids = [82];
export const modules = {

/***/ 4667:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BP: () => (/* binding */ MAX_STRING),
/* harmony export */   BU: () => (/* binding */ partOf),
/* harmony export */   D9: () => (/* binding */ sharedReference),
/* harmony export */   GM: () => (/* binding */ MAX_TEXT_TOTAL),
/* harmony export */   Ho: () => (/* binding */ TextBudget),
/* harmony export */   Vw: () => (/* binding */ done),
/* harmony export */   WF: () => (/* binding */ sourceProps),
/* harmony export */   _w: () => (/* binding */ prop),
/* harmony export */   bl: () => (/* binding */ newResource),
/* harmony export */   et: () => (/* binding */ lookupProperty),
/* harmony export */   g4: () => (/* binding */ StepBudget),
/* harmony export */   jR: () => (/* binding */ envReference),
/* harmony export */   x$: () => (/* binding */ bindingValue)
/* harmony export */ });
/* unused harmony export objectProp */
/* harmony import */ var _values_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9750);

/** Longest string the evaluator builds (a start command or variable is far shorter). */
const MAX_STRING = 64 * 1024;
/** Total characters of all strings the TypeScript evaluator builds in one file. */
const MAX_TEXT_TOTAL = 4 * 1024 * 1024;
/** Counts evaluation steps; past the limit every further step is refused (the value becomes unknown). */
class StepBudget {
    max;
    used = 0;
    constructor(max) {
        this.max = max;
    }
    /** Takes one step; false when the budget is spent. */
    take() {
        return ++this.used <= this.max;
    }
}
/**
 * Counts the strings an evaluator builds against MAX_STRING and a per-file total, so doubling a
 * string through constants stops at 64 KiB, not at the heap.
 */
class TextBudget {
    maxTotal;
    total = 0;
    constructor(maxTotal = Number.POSITIVE_INFINITY) {
        this.maxTotal = maxTotal;
    }
    /** Counts `s`; which budget it exceeds, or null. */
    exceeds(s) {
        if (s.length > MAX_STRING)
            return "string";
        this.total += s.length;
        return this.total > this.maxTotal ? "total" : null;
    }
}
/** A binding whose value is already known. */
function done(value) {
    return { state: "done", compute: () => value, value };
}
/**
 * The value of a binding, computed on first use and once; a binding read while it is being
 * computed (`const a = a + 1`, a helper that calls itself through a constant) is unknown.
 */
function bindingValue(b, name, span) {
    if (b.state === "evaluating")
        return (0,_values_js__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5)(`\`${name}\` refers to itself`, span);
    if (b.state === "pending") {
        b.state = "evaluating";
        b.value = b.compute();
        b.state = "done";
    }
    return b.value;
}
/** A part (property, item) of a container: obtained through a constant when the container was. */
function partOf(container, part) {
    return container.constant ? (0,_values_js__WEBPACK_IMPORTED_MODULE_0__/* .asConstant */ .lc)(part) : part;
}
/** A property written in an object, dict or keyword list. */
function prop(key, keySpan, value) {
    return { key, keySpan, value, shadowed: null };
}
/**
 * `key` of an object value: its value, unknown when an unresolved spread or key may have
 * overwritten or set it, `absent` when it is definitely not there.
 */
function objectProp(target, key) {
    const p = target.props.get(key);
    if (p) {
        if (p.shadowed) {
            return {
                t: p.shadowed.t,
                note: `\`${key}\` may be overwritten: ${p.shadowed.note}`,
                span: p.value.span,
            };
        }
        return partOf(target, p.value);
    }
    if (target.open) {
        return { t: target.open.t, note: `\`${key}\` may be set: ${target.open.note}`, span: target.span };
    }
    return "absent";
}
/**
 * `key` of a value, as the SDK's normalisation reads it: `absent` when it is definitely not there
 * (no value, null/undefined/None, an object without it, every case without it), the object's value,
 * the per-case values, or the uncertainty that hides it.
 */
function lookupProperty(target, key, hooks) {
    if (!target)
        return "absent";
    switch (target.t) {
        case "obj":
            return objectProp(target, key);
        case "prim":
            return target.value === undefined || target.value === null ? "absent" : hooks.ofPrimitive(key, target);
        case "cands": {
            const opts = target.options.map((o) => {
                const r = lookupProperty(o, key, hooks);
                return r === "absent" ? (0,_values_js__WEBPACK_IMPORTED_MODULE_0__/* .prim */ .vN)(undefined, o.span) : r;
            });
            if (opts.every((o) => o.t === "prim" && o.value === undefined))
                return "absent";
            return hooks.candidates(opts, target.cond, target.span);
        }
        case "ctxdep":
        case "unknown":
            return target;
        default:
            return hooks.ofOther(key, target);
    }
}
/** A node created by an SDK constructor, recorded in creation order by the caller. */
function newResource(kind, name, config, at) {
    return {
        kind,
        name,
        span: at.span,
        start: at.start,
        end: at.end,
        config,
        buildOverride: null,
        deployOverride: null,
        deployFields: new Map(),
        buildFields: new Map(),
    };
}
/** `svc.env.NAME` / `db.env["NAME"]` / `ref(svc, "NAME")`: a reference to another resource's variable. */
function envReference(res, variable, span) {
    const target = res.name.t === "prim" && typeof res.name.value === "string" ? res.name.value : null;
    return {
        t: "ref",
        ref: { targetKind: res.kind === "database" ? "database" : "service", target, variable },
        span,
    };
}
/** `ctx.shared.NAME`: a shared variable of the environment. */
function sharedReference(variable, span) {
    return { t: "ref", ref: { targetKind: "shared", target: null, variable }, span };
}
/**
 * The fixed part of `github(repo, …)` / `image(name, …)` / `template(code, …)` / `empty()`:
 * `{ type, <first>: first, branch: "main" }` (the SDKs' defaults; options are added by the caller).
 */
function sourceProps(type, firstKey, first, span, defaultBranch) {
    const props = new Map();
    props.set("type", prop("type", span, (0,_values_js__WEBPACK_IMPORTED_MODULE_0__/* .prim */ .vN)(type, span)));
    if (first && firstKey)
        props.set(firstKey, prop(firstKey, first.span, first));
    if (defaultBranch)
        props.set("branch", prop("branch", span, (0,_values_js__WEBPACK_IMPORTED_MODULE_0__/* .prim */ .vN)("main", span)));
    return props;
}


/***/ }),

/***/ 8402:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ evaluationFailed),
/* harmony export */   S: () => (/* binding */ finishDiagnostics)
/* harmony export */ });
/** Sorted by position, duplicates (a helper evaluated twice) removed. */
function finishDiagnostics(diagnostics) {
    const seen = new Set();
    const out = [];
    for (const d of diagnostics) {
        const key = `${d.span.line}:${d.span.column}:${d.message}`;
        if (seen.has(key))
            continue;
        seen.add(key);
        out.push(d);
    }
    return out.sort((a, b) => a.span.line - b.span.line || a.span.column - b.span.column);
}
/** The evaluator threw on this file (a deploy-drift bug): a warning at the file, and nothing read. */
function evaluationFailed(file, e, diagnostics) {
    diagnostics.push({
        message: `deploy-drift could not evaluate ${file} statically (${e instanceof Error ? e.message : String(e)}); its settings are not checked`,
        span: { file, line: 1, column: 1 },
        fix: "Report this to deploy-drift with the file attached.",
        severity: "warning",
    });
    return {
        services: [],
        partial: null,
        servicesComplete: false,
        diagnostics: finishDiagnostics(diagnostics),
    };
}


/***/ }),

/***/ 9072:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O8: () => (/* binding */ BUILD_KEYS),
/* harmony export */   hp: () => (/* binding */ DEPLOY_KEYS),
/* harmony export */   rc: () => (/* binding */ RUN_KEYS),
/* harmony export */   xI: () => (/* binding */ SERVICE_KEYS)
/* harmony export */ });
/**
 * The SDK's option keys (railway@3.11.0 `dist/iac/index.js`, railway-iac.md §2.4–§2.6); the Python SDK
 * `railway_sdk` accepts the same names as keywords. Both front ends warn on a key outside these tables.
 */
/** `IntentServiceConfig` keys of railway@3.11.0 (identical since 3.1.1; §2.4). */
const SERVICE_KEYS = new Set([
    "source",
    "root",
    "rootDirectory",
    "build",
    "deploy",
    "run",
    "start",
    "startCommand",
    "preDeploy",
    "preDeployCommand",
    "healthcheck",
    "healthcheckPath",
    "healthcheckTimeout",
    "replicas",
    "regions",
    "networking",
    "domains",
    "tcp",
    "tcpProxies",
    "env",
    "variables",
    "volumeMounts",
    "configFile",
    "parentServiceId",
    "groupId",
    "clusterRole",
    "replicaConfig",
    "clusterDisplay",
]);
/** `BuildConfig` (§2.5). */
const BUILD_KEYS = new Set([
    "builder",
    "watchPatterns",
    "buildCommand",
    "buildEnvironment",
    "dockerfilePath",
    "nixpacksConfigPath",
    "nixpacksPlan",
    "nixpacksVersion",
    "railpackVersion",
]);
/** `DeployConfig` (§2.6). */
const DEPLOY_KEYS = new Set([
    "startCommand",
    "preDeployCommand",
    "numReplicas",
    "healthcheckPath",
    "healthcheckTimeout",
    "sleepApplication",
    "runtime",
    "registryCredentials",
    "restartPolicyType",
    "restartPolicyMaxRetries",
    "cronSchedule",
    "region",
    "multiRegionConfig",
    "limitOverride",
    "requiredMountPath",
    "overlapSeconds",
    "drainingSeconds",
    "useLegacyStacker",
    "ipv6EgressEnabled",
]);
const RUN_KEYS = new Set(["command", "preDeploy", "healthcheck", "healthcheckTimeout"]);


/***/ }),

/***/ 2799:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ toValued)
/* harmony export */ });
/* harmony import */ var _values_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9750);

/** An abstract value as a `Valued` of the expected type; null when absent. */
function toValued(v, expect) {
    if (!v)
        return null;
    if (v.t === "prim" && (v.value === undefined || v.value === null))
        return null;
    const known = definite(v, expect);
    if (known !== NO) {
        const out = {
            provenance: known.constant ? "constant" : "literal",
            value: known.value,
            span: v.span,
        };
        if (known.constant && v.usedAt)
            out.usedAt = v.usedAt;
        return out;
    }
    if (v.t === "cands") {
        const values = [];
        let bad = null;
        for (const o of v.options) {
            const d = definite(o, expect);
            if (d === NO) {
                bad = o;
                break;
            }
            if (!values.some((x) => JSON.stringify(x.value) === JSON.stringify(d.value))) {
                values.push({ value: d.value, span: o.span });
            }
        }
        if (!bad)
            return { provenance: "candidates", values, span: v.span };
        const u = (0,_values_js__WEBPACK_IMPORTED_MODULE_0__/* .combineUncertain */ .FS)([bad]);
        return {
            provenance: u?.t === "unknown" || (!u && v.cond.t === "unknown") ? "unknown" : "ctx",
            span: v.span,
            note: `${v.cond.note}; ${u ? u.note : `one case is ${(0,_values_js__WEBPACK_IMPORTED_MODULE_0__/* .describe */ .q0)(bad)}, not a ${expect}`}`,
        };
    }
    if (v.t === "ctxdep")
        return { provenance: "ctx", span: v.span, note: v.note };
    if (v.t === "unknown")
        return { provenance: "unknown", span: v.span, note: v.note };
    return { provenance: "unknown", span: v.span, note: `expected a ${expect}, found ${(0,_values_js__WEBPACK_IMPORTED_MODULE_0__/* .describe */ .q0)(v)}` };
}
const NO = Symbol("no definite value");
function definite(v, expect) {
    if (v.t === "prim") {
        if ((expect === "string" || expect === "string|string[]") && typeof v.value === "string") {
            return { value: expect === "string" ? v.value : [v.value], constant: !!v.constant };
        }
        if (expect === "number" && typeof v.value === "number")
            return { value: v.value, constant: !!v.constant };
        return NO;
    }
    if (v.t === "arr" && (expect === "string[]" || expect === "string|string[]") && !v.open) {
        const values = [];
        let constant = !!v.constant;
        for (const i of v.items) {
            if (i.t !== "prim" || typeof i.value !== "string")
                return NO;
            values.push(i.value);
            constant ||= !!i.constant;
        }
        return { value: values, constant };
    }
    return NO;
}


/***/ }),

/***/ 9750:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FS: () => (/* binding */ combineUncertain),
/* harmony export */   HG: () => (/* binding */ Scope),
/* harmony export */   L5: () => (/* binding */ unknown),
/* harmony export */   UD: () => (/* binding */ fromUncertain),
/* harmony export */   cp: () => (/* binding */ isUncertain),
/* harmony export */   e7: () => (/* binding */ iacExport),
/* harmony export */   kx: () => (/* binding */ IAC_EXPORTS),
/* harmony export */   lc: () => (/* binding */ asConstant),
/* harmony export */   q0: () => (/* binding */ describe),
/* harmony export */   t5: () => (/* binding */ ctxdep),
/* harmony export */   vN: () => (/* binding */ prim),
/* harmony export */   w8: () => (/* binding */ truthiness)
/* harmony export */ });
const IAC_EXPORTS = {
    service: "service",
    fn: "fn",
    github: "github",
    image: "image",
    template: "template",
    empty: "empty",
    postgres: "postgres",
    mysql: "mysql",
    redis: "redis",
    mongo: "mongo",
    database: "database",
    volume: "volume",
    bucket: "bucket",
    group: "group",
    ref: "ref",
    preserve: "preserve",
    project: "project",
    defineRailway: "defineRailway",
    define: "defineRailway",
    createRailwayContext: "createRailwayContext",
};
function iacExport(name) {
    return Object.hasOwn(IAC_EXPORTS, name) ? IAC_EXPORTS[name] : null;
}
class Scope {
    parent;
    vars = new Map();
    constructor(parent) {
        this.parent = parent;
    }
    find(name) {
        for (let s = this; s; s = s.parent) {
            const b = s.vars.get(name);
            if (b)
                return b;
        }
        return null;
    }
}
function prim(value, span) {
    return { t: "prim", value, span };
}
function unknown(note, span) {
    return { t: "unknown", note, span };
}
function ctxdep(note, span) {
    return { t: "ctxdep", note, span };
}
function isUncertain(v) {
    return v.t === "ctxdep" || v.t === "unknown";
}
/** The uncertainty of several operands: unknown wins over ctx. Null when none is uncertain. */
function combineUncertain(vs) {
    let ctx = null;
    for (const v of vs) {
        if (v.t === "unknown")
            return { t: "unknown", note: v.note };
        if (v.t === "ctxdep" && !ctx)
            ctx = { t: "ctxdep", note: v.note };
    }
    return ctx;
}
function fromUncertain(u, span) {
    return { t: u.t, note: u.note, span };
}
/** Shallow copy flagged as obtained through a constant. */
function asConstant(v, usedAt) {
    const copy = { ...v, constant: true };
    if (usedAt)
        copy.usedAt = usedAt;
    return copy;
}
/** JS truthiness when known; null when the value depends on something unknown. */
function truthiness(v) {
    switch (v.t) {
        case "prim":
            return Boolean(v.value);
        case "cands": {
            const ts = v.options.map(truthiness);
            return ts.every((x) => x === true) ? true : ts.every((x) => x === false) ? false : null;
        }
        case "ctxdep":
        case "unknown":
            return null;
        default:
            return true;
    }
}
function describe(v) {
    switch (v.t) {
        case "prim":
            return v.value === null ? "null" : v.value === undefined ? "undefined" : typeof v.value;
        case "obj":
            return "an object";
        case "arr":
            return "an array";
        case "preserve":
            return "`preserve()`";
        case "ref":
            return "a variable reference";
        case "resource":
            return `a ${v.res.kind} resource`;
        case "func":
        case "builtin":
        case "method":
            return "a function";
        case "project":
            return "a project";
        default:
            return "a value";
    }
}


/***/ }),

/***/ 1082:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  definiteValue: () => (/* reexport */ types/* definiteValue */.M),
  parseRailwayTs: () => (/* binding */ parseRailwayTs),
  possibleValues: () => (/* reexport */ types/* possibleValues */.t)
});

// EXTERNAL MODULE: ./node_modules/@babel/parser/lib/index.js
var lib = __webpack_require__(5429);
// EXTERNAL MODULE: ./src/model/span.ts
var span = __webpack_require__(6769);
// EXTERNAL MODULE: ./src/sources/railway-iac/model/diagnostics.ts
var model_diagnostics = __webpack_require__(8402);
// EXTERNAL MODULE: ./src/sources/railway-iac/model/valued.ts
var valued = __webpack_require__(2799);
// EXTERNAL MODULE: ./src/sources/railway-iac/model/values.ts
var model_values = __webpack_require__(9750);
;// CONCATENATED MODULE: ./src/sources/railway-iac/ts/syntax.ts
/** Module specifier of the SDK (railway-iac.md §2.1). */
const IAC_MODULE = "railway/iac";
const NOT_FOLDED = Symbol("not folded");
function binaryOp(op, a, b) {
    const num = typeof a === "number" && typeof b === "number";
    switch (op) {
        case "+":
            if (typeof a === "string" || typeof b === "string")
                return String(a) + String(b);
            return num ? a + b : NOT_FOLDED;
        case "-":
            return num ? a - b : NOT_FOLDED;
        case "*":
            return num ? a * b : NOT_FOLDED;
        case "/":
            return num ? a / b : NOT_FOLDED;
        case "%":
            return num ? a % b : NOT_FOLDED;
        case "**":
            return num ? a ** b : NOT_FOLDED;
        case "===":
            return a === b;
        case "!==":
            return a !== b;
        case "==":
            // biome-ignore lint/suspicious/noDoubleEquals: folds the user's own `==`
            return a == b;
        case "!=":
            // biome-ignore lint/suspicious/noDoubleEquals: folds the user's own `!=`
            return a != b;
        case "<":
            return num ? a < b : NOT_FOLDED;
        case "<=":
            return num ? a <= b : NOT_FOLDED;
        case ">":
            return num ? a > b : NOT_FOLDED;
        case ">=":
            return num ? a >= b : NOT_FOLDED;
        default:
            return NOT_FOLDED;
    }
}
function describeShort(v) {
    switch (v.t) {
        case "preserve":
            return "`preserve()`";
        case "ref":
            return "a variable reference";
        case "resource":
            return `a ${v.res.kind}`;
        case "func":
        case "builtin":
        case "method":
            return "a function";
        case "obj":
            return "an object";
        case "arr":
            return "an array";
        default:
            return "a value";
    }
}
/** Identifiers a binding pattern declares. */
function patternNames(p) {
    switch (p.type) {
        case "Identifier":
            return [p.name];
        case "AssignmentPattern":
            return patternNames(p.left);
        case "RestElement":
            return patternNames(p.argument);
        case "ObjectPattern":
            return p.properties.flatMap((q) => q.type === "RestElement" ? patternNames(q.argument) : patternNames(q.value));
        case "ArrayPattern":
            return p.elements.flatMap((e) => (e ? patternNames(e) : []));
        default:
            return [];
    }
}
/**
 * True when a template-literal expression is written `${{…}}`: Railway's reference syntax, which
 * JavaScript reads as `${ {…} }` (railway-iac.md §2.7).
 */
function railwayRefInTemplate(text, expr) {
    const start = expr.start ?? -1;
    return start >= 2 && text.slice(start - 2, start + 1) === "${{";
}

;// CONCATENATED MODULE: ./src/sources/railway-iac/ts/checks.ts

const REF_FIX = 'Write the value in an ordinary string (`"https://${{RAILWAY_PUBLIC_DOMAIN}}"`), or use `svc.env.NAME` / `ref(svc, "NAME")`.';
function templateRefDiagnostic(file, idx, r) {
    return {
        code: "railway-ts-template-reference",
        message: `\`${r.text}\` is a Railway reference inside a JavaScript template literal (backticks) in ${file}: ` +
            "JavaScript evaluates `${…}` itself, so Railway never receives the reference",
        span: idx.span(file, r.start, r.end),
        fix: REF_FIX,
        severity: "error",
    };
}
/** End offset of the `}}` that closes a `${{` at `start`, bounded to one line. */
function refEnd(text, start) {
    const nl = text.indexOf("\n", start);
    const limit = nl === -1 ? text.length : nl;
    const close = text.indexOf("}}", start + 3);
    return close !== -1 && close < limit ? close + 2 : Math.min(limit, start + 3);
}
function refAt(text, start) {
    const end = refEnd(text, start);
    const raw = text.slice(start, end);
    return { start, end, text: raw.length > 80 ? `${raw.slice(0, 79)}…` : raw };
}
const SKIP_KEYS = new Set([
    "loc",
    "leadingComments",
    "trailingComments",
    "innerComments",
    "extra",
    "range",
    "errors",
]);
/** One iterative pass over the AST (no recursion: nesting depth is user-controlled). */
function scanAst(text, root) {
    const facts = { templateRefs: [], nonErasable: [], reassigned: new Set() };
    const stack = [root];
    while (stack.length > 0) {
        const node = stack.pop();
        switch (node.type) {
            case "TemplateLiteral":
                for (const e of node.expressions) {
                    if (railwayRefInTemplate(text, e))
                        facts.templateRefs.push(refAt(text, (e.start ?? 2) - 2));
                }
                break;
            case "AssignmentExpression":
                for (const n of patternNames(node.left))
                    facts.reassigned.add(n);
                break;
            case "UpdateExpression":
                if (node.argument.type === "Identifier")
                    facts.reassigned.add(node.argument.name);
                break;
            case "TSEnumDeclaration":
                if (!node.declare) {
                    facts.nonErasable.push({
                        node,
                        what: "`enum`",
                        fix: "Use a `const` object with `as const` instead.",
                    });
                }
                break;
            case "TSModuleDeclaration":
                if (!node.declare && node.body.type === "TSModuleBlock" && node.body.body.some(isRuntimeStatement)) {
                    facts.nonErasable.push({
                        node,
                        what: "a `namespace` with code",
                        fix: "Use module-level `const`s instead.",
                    });
                }
                break;
            case "TSParameterProperty":
                facts.nonErasable.push({
                    node,
                    what: "a parameter property",
                    fix: "Declare the field in the class body and assign it in the constructor.",
                });
                break;
            case "TSImportEqualsDeclaration":
                if (node.importKind !== "type") {
                    facts.nonErasable.push({ node, what: "`import … =`", fix: "Use an ES `import` instead." });
                }
                break;
            case "TSExportAssignment":
                facts.nonErasable.push({ node, what: "`export =`", fix: "Use `export default` instead." });
                break;
            default:
                break;
        }
        for (const [key, value] of Object.entries(node)) {
            if (SKIP_KEYS.has(key) || !value || typeof value !== "object")
                continue;
            if (Array.isArray(value)) {
                for (let i = value.length - 1; i >= 0; i--) {
                    const c = value[i];
                    if (c && typeof c === "object" && typeof c.type === "string")
                        stack.push(c);
                }
            }
            else if (typeof value.type === "string") {
                stack.push(value);
            }
        }
    }
    return facts;
}
function isRuntimeStatement(s) {
    const d = s.type === "ExportNamedDeclaration" && s.declaration ? s.declaration : s;
    return !(d.type === "TSInterfaceDeclaration" ||
        d.type === "TSTypeAliasDeclaration" ||
        (d.type === "TSModuleDeclaration" && d.declare) ||
        (d.type === "ExportNamedDeclaration" && d.exportKind === "type"));
}
/**
 * Finds `${{` inside template literals by a small lexer, for files Babel cannot parse (a
 * `${{svc.VAR}}` in backticks is itself a syntax error). Regex literals are not recognised; a
 * backtick inside one may confuse the scan, which only ever adds a diagnostic.
 */
function scanTemplateRefsInText(text) {
    const refs = [];
    // Each entry: a template literal, or the `{` depth inside a template's `${ … }`.
    const stack = [];
    let i = 0;
    const n = text.length;
    while (i < n) {
        const top = stack[stack.length - 1];
        const ch = text[i];
        if (top === "template") {
            if (ch === "\\") {
                i += 2;
            }
            else if (ch === "`") {
                stack.pop();
                i++;
            }
            else if (ch === "$" && text[i + 1] === "{") {
                if (text[i + 2] === "{")
                    refs.push(refAt(text, i));
                stack.push(0);
                i += 2;
            }
            else {
                i++;
            }
            continue;
        }
        // Code (top level or inside `${ … }`).
        if (ch === "/" && text[i + 1] === "/") {
            const nl = text.indexOf("\n", i);
            i = nl === -1 ? n : nl + 1;
        }
        else if (ch === "/" && text[i + 1] === "*") {
            const close = text.indexOf("*/", i + 2);
            i = close === -1 ? n : close + 2;
        }
        else if (ch === '"' || ch === "'") {
            i++;
            while (i < n && text[i] !== ch && text[i] !== "\n")
                i += text[i] === "\\" ? 2 : 1;
            i++;
        }
        else if (ch === "`") {
            stack.push("template");
            i++;
        }
        else if (ch === "{" && typeof top === "number") {
            stack[stack.length - 1] = top + 1;
            i++;
        }
        else if (ch === "}" && typeof top === "number") {
            if (top === 0)
                stack.pop();
            else
                stack[stack.length - 1] = top - 1;
            i++;
        }
        else {
            i++;
        }
    }
    return refs;
}

// EXTERNAL MODULE: ./src/sources/railway-iac/model/core.ts
var core = __webpack_require__(4667);
;// CONCATENATED MODULE: ./src/sources/railway-iac/ts/expressions.ts



const MAX_DEPTH = 300;
const MAX_STEPS = 200_000;
const MAX_CANDIDATES = 16;
const MAX_ARRAY = 500;
class ExpressionEvaluator {
    file;
    text;
    idx;
    resources = [];
    diagnostics = [];
    steps = new core/* StepBudget */.g4(MAX_STEPS);
    /** Every string built so far, against MAX_STRING and MAX_TEXT_TOTAL. */
    textBudget = new core/* TextBudget */.Ho(core/* MAX_TEXT_TOTAL */.GM);
    depth = 0;
    constructor(file, text, idx) {
        this.file = file;
        this.text = text;
        this.idx = idx;
    }
    span(node) {
        return this.idx.span(this.file, node.start ?? 0, node.end ?? node.start ?? 0);
    }
    snippet(node, max = 60) {
        const s = this.text
            .slice(node.start ?? 0, node.end ?? 0)
            .replace(/\s+/g, " ")
            .trim();
        return s.length > max ? `${s.slice(0, max - 1)}…` : s;
    }
    lookup(name, scope, node) {
        const span = node ? this.span(node) : { file: this.file, line: 1, column: 1 };
        const b = scope.find(name);
        if (!b)
            return this.global(name, span);
        const v = (0,core/* bindingValue */.x$)(b, name, span);
        if (!node)
            return v;
        // Resource nodes, functions and ctx keep their identity; data values become constants.
        if (v.t === "prim" || v.t === "obj" || v.t === "arr" || v.t === "cands")
            return (0,model_values/* asConstant */.lc)(v, span);
        return v;
    }
    global(name, span) {
        switch (name) {
            case "undefined":
                return (0,model_values/* prim */.vN)(undefined, span);
            case "NaN":
                return (0,model_values/* prim */.vN)(Number.NaN, span);
            case "Infinity":
                return (0,model_values/* prim */.vN)(Number.POSITIVE_INFINITY, span);
            case "Object":
                return { t: "builtin", name: "Object", span };
            case "process":
                return (0,model_values/* unknown */.L5)("`process` is read when Railway's CLI runs the file; its value is not in the repository", span);
            default:
                return (0,model_values/* unknown */.L5)(`\`${name}\` is not defined in this file`, span);
        }
    }
    // ---------- expressions ----------
    eval(node, scope) {
        const span = this.span(node);
        if (!this.steps.take())
            return (0,model_values/* unknown */.L5)("the file is too complex to evaluate statically", span);
        if (this.depth > MAX_DEPTH)
            return (0,model_values/* unknown */.L5)("the expression is nested too deeply", span);
        this.depth++;
        try {
            return this.evalInner(node, scope, span);
        }
        finally {
            this.depth--;
        }
    }
    evalInner(node, scope, span) {
        switch (node.type) {
            case "StringLiteral":
            case "NumericLiteral":
            case "BooleanLiteral":
                return (0,model_values/* prim */.vN)(node.value, span);
            case "NullLiteral":
                return (0,model_values/* prim */.vN)(null, span);
            case "Identifier":
                return this.lookup(node.name, scope, node);
            case "TemplateLiteral":
                return this.template(node, scope, span);
            case "ObjectExpression":
                return this.object(node, scope, span);
            case "ArrayExpression":
                return this.array(node, scope, span);
            case "TSAsExpression":
            case "TSSatisfiesExpression":
            case "TSNonNullExpression":
            case "TSTypeAssertion":
            case "TSInstantiationExpression":
            case "ParenthesizedExpression":
                return this.eval(node.expression, scope);
            case "MemberExpression":
            case "OptionalMemberExpression":
                return this.member(node, scope, span);
            case "CallExpression":
            case "OptionalCallExpression":
                return this.call(node, scope, span);
            case "ConditionalExpression": {
                const test = this.eval(node.test, scope);
                const truth = (0,model_values/* truthiness */.w8)(test);
                if (truth !== null) {
                    // A branch chosen by a constant (`role === "web" ? …` in a factory) was followed through it.
                    const branch = this.eval(truth ? node.consequent : node.alternate, scope);
                    return test.constant && (branch.t === "prim" || branch.t === "obj" || branch.t === "arr")
                        ? (0,model_values/* asConstant */.lc)(branch)
                        : branch;
                }
                return this.candidates([this.eval(node.consequent, scope), this.eval(node.alternate, scope)], this.condOf(test, node.test), span);
            }
            case "LogicalExpression":
                return this.logical(node, scope, span);
            case "BinaryExpression":
                return this.binary(node, scope, span);
            case "UnaryExpression":
                return this.unary(node, scope, span);
            case "ArrowFunctionExpression":
            case "FunctionExpression":
                return { t: "func", node, scope, span };
            case "SequenceExpression": {
                const last = node.expressions[node.expressions.length - 1];
                return last ? this.eval(last, scope) : (0,model_values/* prim */.vN)(undefined, span);
            }
            case "AwaitExpression":
                return (0,model_values/* unknown */.L5)(`\`${this.snippet(node)}\` is awaited at evaluation time`, span);
            default:
                return (0,model_values/* unknown */.L5)(`\`${this.snippet(node)}\` is not evaluated statically`, span);
        }
    }
    /** The deploy-context or unknown condition behind an uncertain test. */
    condOf(test, node) {
        const u = (0,model_values/* combineUncertain */.FS)([test]) ?? (test.t === "cands" ? test.cond : null);
        return {
            t: u?.t ?? "unknown",
            note: `depends on \`${this.snippet(node)}\`${u?.t === "ctxdep" ? ", which is known only per deploy environment" : ""}`,
        };
    }
    /** Several possible values. Nested candidates are flattened; the list is capped. */
    candidates(options, cond, span) {
        const flat = [];
        for (const o of options) {
            if (o.t === "cands")
                flat.push(...o.options);
            else
                flat.push(o);
        }
        if (flat.length > MAX_CANDIDATES)
            return (0,model_values/* fromUncertain */.UD)({ t: cond.t, note: `${cond.note} (too many cases)` }, span);
        return { t: "cands", options: flat, cond, span };
    }
    template(node, scope, span) {
        const parts = [];
        for (const e of node.expressions) {
            if (railwayRefInTemplate(this.text, e)) {
                return (0,model_values/* unknown */.L5)("a `${{…}}` Railway reference inside a JavaScript template literal is evaluated by JavaScript, not Railway", span);
            }
            parts.push(this.eval(e, scope));
        }
        const quasis = node.quasis.map((q) => q.value.cooked ?? q.value.raw);
        const constant = parts.some((p) => p.constant || p.t === "cands");
        const combos = this.combine(parts, span);
        if (!Array.isArray(combos))
            return combos;
        const strings = combos.map((c) => {
            let s = quasis[0] ?? "";
            c.forEach((v, i) => {
                s += String(v) + (quasis[i + 1] ?? "");
            });
            return s;
        });
        return this.fromStrings(strings, parts, constant, span);
    }
    /** Cartesian product of primitive operands (candidates expand); or the first uncertainty. */
    combine(parts, span) {
        let combos = [[]];
        for (const p of parts) {
            const opts = p.t === "cands" ? p.options : [p];
            const values = [];
            for (const o of opts) {
                if (o.t !== "prim") {
                    const u = (0,model_values/* combineUncertain */.FS)([o]);
                    if (u)
                        return (0,model_values/* fromUncertain */.UD)(u, span);
                    return (0,model_values/* unknown */.L5)(`${describeShort(o)} cannot be turned into text statically`, span);
                }
                values.push(o.value);
            }
            const next = [];
            for (const c of combos)
                for (const v of values)
                    next.push([...c, v]);
            combos = next;
            if (combos.length > MAX_CANDIDATES)
                return (0,model_values/* unknown */.L5)("too many possible values", span);
        }
        return combos;
    }
    /** Counts the strings just built against the text budget; a value over it becomes unknown. */
    overTextBudget(values, span) {
        for (const v of values) {
            if (typeof v !== "string")
                continue;
            const over = this.textBudget.exceeds(v);
            if (over === "string")
                return (0,model_values/* unknown */.L5)(`the string is longer than ${core/* MAX_STRING */.BP} characters`, span);
            if (over === "total")
                return (0,model_values/* unknown */.L5)("the file builds too much text to evaluate statically", span);
        }
        return null;
    }
    fromStrings(values, parts, constant, span) {
        const over = this.overTextBudget(values, span);
        if (over)
            return over;
        const unique = [...new Set(values)];
        if (unique.length === 1) {
            const v = (0,model_values/* prim */.vN)(unique[0], span);
            return constant ? (0,model_values/* asConstant */.lc)(v) : v;
        }
        const cands = parts.find((p) => p.t === "cands");
        const cond = cands?.t === "cands" ? cands.cond : { t: "unknown", note: "several values" };
        return { t: "cands", options: unique.map((u) => (0,model_values/* prim */.vN)(u, span)), cond, span };
    }
    object(node, scope, span) {
        const props = new Map();
        let open = null;
        const written = new Set();
        const shadowAll = (u) => {
            for (const p of props.values())
                if (!p.shadowed)
                    p.shadowed = u;
        };
        for (const p of node.properties) {
            if (p.type === "SpreadElement") {
                const v = this.eval(p.argument, scope);
                this.spreadInto(props, v, this.span(p), (u) => {
                    shadowAll(u);
                    open = open ?? u;
                });
                continue;
            }
            const key = this.propertyKeyName(p, scope);
            const keySpan = this.span(p.key);
            if (key === null) {
                const u = {
                    t: "unknown",
                    note: `the computed key \`${this.snippet(p.key)}\` did not resolve`,
                };
                shadowAll(u);
                open = open ?? u;
                continue;
            }
            if (!p.computed && written.has(key)) {
                this.diagnostics.push({
                    message: `\`${key}\` appears twice in the same object in ${this.file}; only the last value is used`,
                    span: keySpan,
                    fix: "Remove the duplicate key.",
                    severity: "warning",
                });
            }
            written.add(key);
            const value = p.type === "ObjectMethod"
                ? { t: "func", node: p, scope, span: this.span(p) }
                : this.eval(p.value, scope);
            props.set(key, { key, keySpan, value, shadowed: null });
        }
        return { t: "obj", props, open, span };
    }
    spreadInto(props, v, span, markOpen) {
        switch (v.t) {
            case "obj":
                if (v.open)
                    markOpen(v.open);
                for (const p of v.props.values()) {
                    props.set(p.key, { ...p, value: (0,core/* partOf */.BU)(v, p.value) });
                }
                return;
            case "prim":
                return; // spreading null/undefined/false/a string's indices: no object keys we care about
            case "arr":
                return;
            case "cands": {
                // `...(cond && {…})` or `...(cond ? a : b)`: every key written in a branch is conditional.
                const note = `set by a conditional spread; ${v.cond.note}`;
                for (const o of v.options) {
                    if (o.t === "obj") {
                        if (o.open)
                            markOpen(o.open);
                        for (const p of o.props.values()) {
                            props.set(p.key, {
                                ...p,
                                value: (0,model_values/* fromUncertain */.UD)({ t: v.cond.t, note }, p.value.span),
                                shadowed: null,
                            });
                        }
                    }
                    else if (o.t !== "prim") {
                        markOpen((0,model_values/* combineUncertain */.FS)([o]) ?? { t: "unknown", note: `spread of ${describeShort(o)}` });
                    }
                }
                return;
            }
            case "ctxdep":
            case "unknown":
                markOpen({ t: v.t, note: v.note });
                return;
            default:
                markOpen({ t: "unknown", note: `spread of ${describeShort(v)} at line ${span.line}` });
        }
    }
    propertyKeyName(p, scope) {
        const k = p.key;
        if (!p.computed) {
            if (k.type === "Identifier")
                return k.name;
            if (k.type === "StringLiteral" || k.type === "NumericLiteral")
                return String(k.value);
            return null;
        }
        const v = this.eval(k, scope);
        return v.t === "prim" && (typeof v.value === "string" || typeof v.value === "number")
            ? String(v.value)
            : null;
    }
    array(node, scope, span) {
        const items = [];
        let open = null;
        for (const el of node.elements) {
            if (!el) {
                items.push((0,model_values/* prim */.vN)(undefined, span));
            }
            else if (el.type === "SpreadElement") {
                const v = this.eval(el.argument, scope);
                if (v.t === "arr") {
                    items.push(...(v.constant ? v.items.map((i) => (0,model_values/* asConstant */.lc)(i)) : v.items));
                    if (v.open)
                        open = open ?? v.open;
                }
                else {
                    open = open ?? (0,model_values/* combineUncertain */.FS)([v]) ?? { t: "unknown", note: `spread of ${describeShort(v)}` };
                }
            }
            else {
                items.push(this.eval(el, scope));
            }
            if (items.length > MAX_ARRAY)
                return (0,model_values/* unknown */.L5)("the array is too long to evaluate", span);
        }
        return { t: "arr", items, open, span };
    }
    memberKey(node, scope) {
        const p = node.property;
        if (!node.computed)
            return p.type === "Identifier" ? p.name : null;
        const v = this.eval(p, scope);
        return v.t === "prim" && (typeof v.value === "string" || typeof v.value === "number")
            ? String(v.value)
            : null;
    }
    member(node, scope, span) {
        const obj = node.object;
        // `process.env.X`: read by the CLI's Node process, never in the repository.
        if (obj.type === "MemberExpression" &&
            obj.object.type === "Identifier" &&
            obj.object.name === "process" &&
            !scope.find("process")) {
            return (0,model_values/* unknown */.L5)(`\`${this.snippet(node)}\` is read when Railway's CLI runs the file; its value is not in the repository`, span);
        }
        const target = this.eval(obj, scope);
        const key = this.memberKey(node, scope);
        if (key === null) {
            const u = (0,model_values/* combineUncertain */.FS)([target]);
            return u
                ? (0,model_values/* fromUncertain */.UD)(u, span)
                : (0,model_values/* unknown */.L5)(`the key of \`${this.snippet(node)}\` did not resolve`, span);
        }
        return this.getMember(target, key, span, node);
    }
    getMember(target, key, span, node) {
        switch (target.t) {
            case "obj":
                return this.getProp(target, key, span);
            case "arr": {
                if (key === "length" && !target.open)
                    return (0,model_values/* prim */.vN)(target.items.length, span);
                if (/^\d+$/.test(key))
                    return this.index(target, Number(key), span);
                return { t: "method", target, name: key, span };
            }
            case "prim":
                if (typeof target.value === "string" && key === "length")
                    return (0,model_values/* prim */.vN)(target.value.length, span);
                if (typeof target.value === "string")
                    return { t: "method", target, name: key, span };
                if (target.value === null || target.value === undefined)
                    return (0,model_values/* prim */.vN)(undefined, span);
                return (0,model_values/* unknown */.L5)(`\`${key}\` of a ${typeof target.value}`, span);
            case "resource":
                if (key === "env")
                    return { t: "envProxy", res: target.res, span };
                if (key === "name")
                    return target.res.name;
                return (0,model_values/* unknown */.L5)(`\`${key}\` of a resource is not modelled`, span);
            case "envProxy":
                return (0,core/* envReference */.jR)(target.res, key, span);
            case "sharedProxy":
                return (0,core/* sharedReference */.D9)(key, span);
            case "ctx":
                if (key === "shared")
                    return { t: "sharedProxy", span };
                if (key === "isEnvironment")
                    return { t: "builtin", name: "ctx.isEnvironment", span };
                if (key === "randomString")
                    return { t: "builtin", name: "ctx.randomString", span };
                return (0,model_values/* ctxdep */.t5)(`\`${node ? this.snippet(node) : `ctx.${key}`}\` depends on the deploy context, known only when Railway evaluates the file per environment`, span);
            case "builtin":
                if (target.name === "Object" && key === "fromEntries")
                    return { t: "builtin", name: "Object.fromEntries", span };
                return (0,model_values/* unknown */.L5)(`\`${key}\` is not modelled`, span);
            case "namespace": {
                const b = (0,model_values/* iacExport */.e7)(key);
                return b
                    ? { t: "builtin", name: b, span }
                    : (0,model_values/* unknown */.L5)(`\`${key}\` is not a known \`railway/iac\` export`, span);
            }
            case "cands": {
                const opts = target.options.map((o) => this.getMember(o, key, span, node));
                return this.candidates(opts, target.cond, span);
            }
            case "ctxdep":
            case "unknown":
                return { ...target, span };
            default:
                return (0,model_values/* unknown */.L5)(`\`${key}\` of ${describeShort(target)} is not modelled`, span);
        }
    }
    /** A property of an object value; `absent` is reported as `undefined`. */
    getProp(target, key, span) {
        const r = this.lookupProp(target, key);
        if (r === "absent")
            return (0,model_values/* prim */.vN)(undefined, span);
        return r;
    }
    /** `absent` when the key is definitely not there. */
    lookupProp(target, key) {
        return (0,core/* lookupProperty */.et)(target, key, this.propertyHooks);
    }
    propertyHooks = {
        ofPrimitive: (key, target) => (0,model_values/* unknown */.L5)(`\`${key}\` of a primitive`, target.span),
        // Flattened and capped like every other set of candidates.
        candidates: (options, cond, span) => this.candidates(options, cond, span),
        ofOther: (key, target) => this.getMember(target, key, target.span, null),
    };
    index(target, i, span) {
        if (target.t === "arr") {
            const item = target.items[i];
            if (item && !target.open)
                return (0,core/* partOf */.BU)(target, item);
            if (target.open)
                return (0,model_values/* fromUncertain */.UD)(target.open, span);
            return (0,model_values/* prim */.vN)(undefined, span);
        }
        if ((0,model_values/* isUncertain */.cp)(target))
            return { ...target, span };
        return (0,model_values/* unknown */.L5)(`index ${i} of ${describeShort(target)}`, span);
    }
    restOf(v, taken, span) {
        if (v.t !== "obj")
            return (0,model_values/* isUncertain */.cp)(v) ? { ...v, span } : (0,model_values/* unknown */.L5)("rest of a non-object", span);
        const props = new Map([...v.props].filter(([k]) => !taken.includes(k)));
        return { ...v, props };
    }
    logical(node, scope, span) {
        const left = this.eval(node.left, scope);
        if (node.operator === "??") {
            if (left.t === "prim")
                return left.value === null || left.value === undefined ? this.eval(node.right, scope) : left;
            if ((0,model_values/* isUncertain */.cp)(left))
                return { ...left, span };
            if (left.t === "cands")
                return this.candidates([left, this.eval(node.right, scope)], left.cond, span);
            return left;
        }
        const truth = (0,model_values/* truthiness */.w8)(left);
        if (node.operator === "||") {
            if (truth === true)
                return left;
            if (truth === false)
                return this.eval(node.right, scope);
        }
        else {
            if (truth === false)
                return left;
            if (truth === true)
                return this.eval(node.right, scope);
        }
        // Uncertain: the result is one of the two operands.
        const cond = this.condOf(left, node.left);
        if ((0,model_values/* isUncertain */.cp)(left) && node.operator === "||")
            return { ...left, span };
        return this.candidates([node.operator === "&&" ? (0,model_values/* prim */.vN)(false, span) : left, this.eval(node.right, scope)], cond, span);
    }
    binary(node, scope, span) {
        if (node.left.type === "PrivateName")
            return (0,model_values/* unknown */.L5)("private name", span);
        const l = this.eval(node.left, scope);
        const r = this.eval(node.right, scope);
        const combos = this.combine([l, r], span);
        if (!Array.isArray(combos))
            return combos;
        const out = [];
        for (const [a, b] of combos) {
            const v = binaryOp(node.operator, a, b);
            if (v === NOT_FOLDED)
                return (0,model_values/* unknown */.L5)(`\`${this.snippet(node)}\` is not folded`, span);
            out.push(v);
        }
        return this.fromStrings(out, [l, r], !!(l.constant || r.constant), span);
    }
    unary(node, scope, span) {
        const v = this.eval(node.argument, scope);
        if (node.operator === "void")
            return (0,model_values/* prim */.vN)(undefined, span);
        if (node.operator === "!") {
            const truth = (0,model_values/* truthiness */.w8)(v);
            if (truth !== null)
                return (0,model_values/* prim */.vN)(!truth, span);
            return v.t === "cands"
                ? (0,model_values/* fromUncertain */.UD)(v.cond, span)
                : (0,model_values/* isUncertain */.cp)(v)
                    ? { ...v, span }
                    : (0,model_values/* unknown */.L5)("negation", span);
        }
        const combos = this.combine([v], span);
        if (!Array.isArray(combos))
            return combos;
        const out = [];
        for (const [a] of combos) {
            if (node.operator === "-" && typeof a === "number")
                out.push(-a);
            else if (node.operator === "+" && (typeof a === "number" || typeof a === "string"))
                out.push(Number(a));
            else if (node.operator === "typeof")
                out.push(a === null ? "object" : typeof a);
            else
                return (0,model_values/* unknown */.L5)(`\`${this.snippet(node)}\` is not folded`, span);
        }
        return this.fromStrings(out, [v], !!v.constant, span);
    }
}

;// CONCATENATED MODULE: ./src/sources/railway-iac/ts/calls.ts



const MAX_CALL_DEPTH = 6;
class CallEvaluator extends ExpressionEvaluator {
    callDepth = 0;
    call(node, scope, span) {
        if (node.callee.type === "V8IntrinsicIdentifier" ||
            node.callee.type === "Super" ||
            node.callee.type === "Import") {
            return (0,model_values/* unknown */.L5)(`\`${this.snippet(node)}\` is not evaluated statically`, span);
        }
        const callee = this.eval(node.callee, scope);
        const args = [];
        for (const a of node.arguments) {
            if (a.type === "SpreadElement") {
                const v = this.eval(a.argument, scope);
                if (v.t === "arr" && !v.open)
                    args.push(...v.items);
                else
                    return (0,model_values/* unknown */.L5)(`\`${this.snippet(node)}\` spreads arguments that did not resolve`, span);
            }
            else if (a.type === "ArgumentPlaceholder") {
                return (0,model_values/* unknown */.L5)("unsupported argument", span);
            }
            else {
                args.push(this.eval(a, scope));
            }
        }
        switch (callee.t) {
            case "builtin":
                return this.builtin(callee.name, args, node, span);
            case "func":
                return this.inline(callee, args, node, span);
            case "method":
                return this.method(callee.target, callee.name, args, node, span);
            case "ctxdep":
                return (0,model_values/* ctxdep */.t5)(`\`${this.snippet(node)}\` depends on the deploy context`, span);
            case "unknown":
                return (0,model_values/* unknown */.L5)(`\`${this.snippet(node)}\` is not evaluated statically (${callee.note})`, span);
            default:
                return (0,model_values/* unknown */.L5)(`\`${this.snippet(node)}\` is not evaluated statically`, span);
        }
    }
    /** Inlines a helper (`const source = () => github(…)`, factories) with a bounded depth. */
    inline(fn, args, node, span, program = false) {
        if (this.callDepth >= MAX_CALL_DEPTH)
            return (0,model_values/* unknown */.L5)(`\`${this.snippet(node)}\` calls helpers too deeply`, span);
        const f = fn.node;
        // The program may be async (it returns `ProjectDefinition | Promise<…>`); helpers must not be.
        if ((f.async && !program) || f.generator)
            return (0,model_values/* unknown */.L5)(`\`${this.snippet(node)}\` is async or a generator`, span);
        const scope = new model_values/* Scope */.HG(fn.scope);
        f.params.forEach((p, i) => {
            if (p.type === "RestElement") {
                const rest = args.slice(i);
                this.bindPattern(p.argument, () => ({ t: "arr", items: [...rest], open: null, span }), scope, "param");
                return;
            }
            const arg = args[i] ?? (0,model_values/* prim */.vN)(undefined, span);
            this.bindPattern(p, () => arg, scope, "param");
        });
        this.callDepth++;
        try {
            let result;
            if (f.body.type === "BlockStatement") {
                const c = this.exec(f.body.body, scope);
                result =
                    c.kind === "return"
                        ? c.value
                        : c.kind === "throw"
                            ? (0,model_values/* unknown */.L5)("the helper throws", span)
                            : (0,model_values/* prim */.vN)(undefined, span);
            }
            else {
                result = this.eval(f.body, scope);
            }
            return result.t === "prim" || result.t === "obj" || result.t === "arr" ? (0,model_values/* asConstant */.lc)(result) : result;
        }
        finally {
            this.callDepth--;
        }
    }
    method(target, name, args, node, span) {
        if (target.t === "arr" && !target.open) {
            if (name === "map") {
                const fn = args[0];
                if (fn?.t !== "func")
                    return (0,model_values/* unknown */.L5)(`\`${this.snippet(node)}\` maps with an unknown function`, span);
                const items = target.items.map((item, i) => this.inline(fn, [item, (0,model_values/* prim */.vN)(i, item.span)], node, item.span));
                return { t: "arr", items, open: null, span, constant: target.constant };
            }
            if (name === "flat") {
                const items = [];
                for (const i of target.items) {
                    if (i.t === "arr")
                        items.push(...i.items);
                    else
                        items.push(i);
                }
                return { t: "arr", items, open: null, span, constant: target.constant };
            }
            if (name === "concat") {
                const items = [...target.items];
                for (const a of args) {
                    if (a.t === "arr" && !a.open)
                        items.push(...a.items);
                    else if (a.t === "arr" || (0,model_values/* isUncertain */.cp)(a))
                        return (0,model_values/* unknown */.L5)(`\`${this.snippet(node)}\` did not resolve`, span);
                    else
                        items.push(a);
                }
                return { t: "arr", items, open: null, span, constant: target.constant };
            }
            if (name === "join") {
                const sep = args[0];
                const sepText = sep?.t === "prim" && typeof sep.value === "string" ? sep.value : ",";
                if (target.items.every((i) => i.t === "prim")) {
                    let length = 0;
                    for (const i of target.items)
                        length += String(i.value ?? "").length + sepText.length;
                    if (length > core/* MAX_STRING */.BP)
                        return (0,model_values/* unknown */.L5)(`the string is longer than ${core/* MAX_STRING */.BP} characters`, span);
                    const joined = target.items.map((i) => String(i.value ?? "")).join(sepText);
                    const over = this.overTextBudget([joined], span);
                    if (over)
                        return over;
                    const v = (0,model_values/* prim */.vN)(joined, span);
                    return target.constant ? (0,model_values/* asConstant */.lc)(v) : v;
                }
            }
        }
        const u = (0,model_values/* combineUncertain */.FS)([target]);
        if (u)
            return (0,model_values/* fromUncertain */.UD)(u, span);
        return (0,model_values/* unknown */.L5)(`\`${this.snippet(node)}\` is not evaluated statically`, span);
    }
    builtin(name, args, node, span) {
        const arg = (i) => args[i] ?? null;
        switch (name) {
            case "service":
            case "fn":
                return this.resource(name === "fn" ? "function" : "service", arg(0), arg(1), node, span);
            case "postgres":
            case "mysql":
            case "redis":
            case "mongo":
                return this.resource("database", arg(0), arg(1), node, span);
            case "database":
                return this.resource("database", arg(0), arg(2), node, span);
            case "volume":
                return this.resource("volume", arg(0), arg(1), node, span);
            case "bucket":
                return this.resource("bucket", arg(0), arg(1), node, span);
            case "group": {
                const group = this.resource("group", arg(0), null, node, span);
                const children = arg(1);
                if (children?.t === "arr")
                    return { t: "arr", items: [group, ...children.items], open: children.open, span };
                if (!children || children.t === "obj" || (children.t === "prim" && children.value === undefined)) {
                    return { t: "arr", items: [group], open: null, span };
                }
                return {
                    t: "arr",
                    items: [group],
                    open: (0,model_values/* combineUncertain */.FS)([children]) ?? { t: "unknown", note: "group children" },
                    span,
                };
            }
            case "github":
            case "image":
            case "template": {
                // `github(repo, opts)` = `{ type: "github", repo, branch: opts.branch ?? "main", ...opts }` (§2.3).
                const typeValue = name === "github" ? "github" : name === "image" ? "docker-image" : "template";
                const firstKey = name === "github" ? "repo" : name === "image" ? "image" : "template";
                const props = (0,core/* sourceProps */.WF)(typeValue, firstKey, arg(0), span, name === "github");
                let open = null;
                const opts = arg(1);
                if (opts)
                    this.spreadInto(props, opts, span, (u) => (open = open ?? u));
                return { t: "obj", props, open, span };
            }
            case "empty":
                return { t: "obj", props: (0,core/* sourceProps */.WF)("empty", null, null, span, false), open: null, span };
            case "ref": {
                const res = arg(0);
                const out = arg(1);
                if (res?.t === "resource" && out?.t === "prim" && typeof out.value === "string") {
                    return this.getMember({ t: "envProxy", res: res.res, span }, out.value, span, node);
                }
                return (0,model_values/* unknown */.L5)(`\`${this.snippet(node)}\` names a resource or variable that did not resolve`, span);
            }
            case "preserve":
                return { t: "preserve", span };
            case "project": {
                const def = arg(1);
                if (!def)
                    return { t: "project", resources: null, span };
                const r = this.lookupProp(def, "resources");
                const resources = r === "absent" ? this.lookupProp(def, "services") : r;
                return { t: "project", resources: resources === "absent" ? null : resources, span };
            }
            case "defineRailway":
                return arg(0) ?? (0,model_values/* unknown */.L5)("`defineRailway()` without a program", span);
            case "createRailwayContext":
                return { t: "ctx", span };
            case "Object":
                return (0,model_values/* unknown */.L5)("`Object(…)`", span);
            case "Object.fromEntries":
                return this.fromEntries(arg(0), span);
            case "ctx.isEnvironment":
            case "ctx.randomString":
                return (0,model_values/* ctxdep */.t5)(`\`${this.snippet(node)}\` depends on the deploy context, known only when Railway evaluates the file per environment`, span);
        }
    }
    resource(kind, name, config, node, span) {
        const res = (0,core/* newResource */.bl)(kind, name ?? (0,model_values/* unknown */.L5)("no name", span), config, {
            span,
            start: node.start ?? 0,
            end: node.end ?? 0,
        });
        this.resources.push(res);
        return { t: "resource", res, span };
    }
    /** `Object.fromEntries([[k, v], …])`, typically `Object.fromEntries(KEYS.map((k) => [k, preserve()]))`. */
    fromEntries(entries, span) {
        if (entries?.t !== "arr") {
            const u = entries ? (0,model_values/* combineUncertain */.FS)([entries]) : null;
            return {
                t: "obj",
                props: new Map(),
                open: u ?? { t: "unknown", note: "`Object.fromEntries` of entries that did not resolve" },
                span,
            };
        }
        const props = new Map();
        let open = entries.open;
        for (const e of entries.items) {
            const k = e.t === "arr" ? e.items[0] : undefined;
            const v = e.t === "arr" ? e.items[1] : undefined;
            if (k?.t === "prim" && (typeof k.value === "string" || typeof k.value === "number") && v) {
                props.set(String(k.value), (0,core/* prop */._w)(String(k.value), k.span, v));
            }
            else {
                open = open ?? { t: "unknown", note: "an entry of `Object.fromEntries` did not resolve" };
            }
        }
        return { t: "obj", props, open, span, constant: entries.constant };
    }
}

;// CONCATENATED MODULE: ./src/sources/railway-iac/ts/evaluate.ts




/** The railway.ts evaluator: statements, bindings and scope on top of expressions.ts and calls.ts. */
class Evaluator extends CallEvaluator {
    reassigned;
    constructor(file, text, idx, 
    /** Names that are the target of an assignment or `++`/`--` anywhere in the file. */
    reassigned) {
        super(file, text, idx);
        this.reassigned = reassigned;
    }
    // ---------- statements ----------
    /** Declares hoisted bindings of a statement list, then runs it in order. */
    exec(stmts, scope) {
        for (const s of stmts)
            this.declare(s, scope);
        return this.run(stmts, 0, scope);
    }
    run(stmts, from, scope) {
        for (let i = from; i < stmts.length; i++) {
            const c = this.execOne(stmts[i], scope);
            if (c.kind !== "normal")
                return c;
            if (this.lastUncertainBranch) {
                // `if (!ctx.isEnvironment("dev")) return a;` then more statements: both paths are possible.
                const branch = this.lastUncertainBranch;
                this.lastUncertainBranch = null;
                const rest = this.run(stmts, i + 1, scope);
                if (rest.kind === "return") {
                    return {
                        kind: "return",
                        value: this.candidates([branch.value, rest.value], branch.cond, branch.span),
                    };
                }
                return { kind: "return", value: branch.value };
            }
        }
        return { kind: "normal" };
    }
    lastUncertainBranch = null;
    declare(s, scope) {
        if (s.type === "ImportDeclaration") {
            this.declareImport(s, scope);
            return;
        }
        const decl = s.type === "ExportNamedDeclaration" ? s.declaration : s;
        if (!decl)
            return;
        if (decl.type === "VariableDeclaration") {
            for (const d of decl.declarations) {
                const init = d.init;
                const kind = decl.kind;
                const getter = () => {
                    if (!init)
                        return (0,model_values/* prim */.vN)(undefined, this.span(d));
                    return this.eval(init, scope);
                };
                this.bindPattern(d.id, getter, scope, kind === "const" ? "const" : "let");
            }
        }
        else if (decl.type === "FunctionDeclaration" && decl.id) {
            const fn = decl;
            const name = decl.id.name;
            scope.vars.set(name, {
                state: "pending",
                compute: () => ({ t: "func", node: fn, scope, span: this.span(fn), constant: true }),
            });
        }
    }
    /** `railway/iac` imports are recognised by binding, including renames and namespaces (§5.3 step 1). */
    declareImport(s, scope) {
        if (s.importKind === "type" || s.importKind === "typeof")
            return;
        const from = s.source.value;
        for (const spec of s.specifiers) {
            if (spec.type === "ImportSpecifier" && spec.importKind === "type")
                continue;
            const local = spec.local.name;
            const span = this.span(spec);
            let value;
            if (from !== IAC_MODULE) {
                value = (0,model_values/* unknown */.L5)(`\`${local}\` is imported from \`${from}\`; imports are not followed`, span);
            }
            else if (spec.type === "ImportNamespaceSpecifier") {
                value = { t: "namespace", span };
            }
            else if (spec.type === "ImportSpecifier") {
                const imported = spec.imported.type === "Identifier" ? spec.imported.name : spec.imported.value;
                const b = (0,model_values/* iacExport */.e7)(imported);
                value = b
                    ? { t: "builtin", name: b, span }
                    : (0,model_values/* unknown */.L5)(`\`${imported}\` from \`${IAC_MODULE}\` is not modelled`, span);
            }
            else {
                value = (0,model_values/* unknown */.L5)(`\`${IAC_MODULE}\` has no default export`, span);
            }
            scope.vars.set(local, (0,core/* done */.Vw)(value));
        }
    }
    execOne(s, scope) {
        if (!this.steps.take())
            return { kind: "normal" };
        switch (s.type) {
            case "VariableDeclaration":
                for (const d of s.declarations)
                    this.force(d.id, scope);
                return { kind: "normal" };
            case "ExportNamedDeclaration":
                if (s.declaration?.type === "VariableDeclaration")
                    return this.execOne(s.declaration, scope);
                return { kind: "normal" };
            case "ExpressionStatement":
                this.statementExpression(s.expression, scope);
                return { kind: "normal" };
            case "ReturnStatement":
                return {
                    kind: "return",
                    value: s.argument ? this.eval(s.argument, scope) : (0,model_values/* prim */.vN)(undefined, this.span(s)),
                };
            case "ThrowStatement":
                return { kind: "throw" };
            case "BlockStatement":
                return this.exec(s.body, new model_values/* Scope */.HG(scope));
            case "IfStatement": {
                const test = this.eval(s.test, scope);
                const truth = (0,model_values/* truthiness */.w8)(test);
                const run = (b) => b ? this.exec(b.type === "BlockStatement" ? b.body : [b], new model_values/* Scope */.HG(scope)) : { kind: "normal" };
                if (truth === true)
                    return run(s.consequent);
                if (truth === false)
                    return run(s.alternate);
                const cond = this.condOf(test, s.test);
                const a = run(s.consequent);
                const b = run(s.alternate);
                if (a.kind === "return" && b.kind === "return") {
                    return { kind: "return", value: this.candidates([a.value, b.value], cond, this.span(s)) };
                }
                if (a.kind === "throw" && b.kind === "throw")
                    return a;
                // A guard: one branch returns, the other falls through to the following statements.
                const one = a.kind === "return" ? a : b.kind === "return" ? b : null;
                if (one && one.kind === "return")
                    this.lastUncertainBranch = { value: one.value, cond, span: this.span(s) };
                return { kind: "normal" };
            }
            default:
                return { kind: "normal" };
        }
    }
    /** `X.deploy = {…}`, `X.deploy.startCommand = "…"`: applied to the resource, in order. */
    statementExpression(e, scope) {
        if (e.type !== "AssignmentExpression" || e.operator !== "=") {
            if (e.type === "CallExpression")
                this.eval(e, scope);
            return;
        }
        const left = e.left;
        if (left.type !== "MemberExpression")
            return;
        const key = this.memberKey(left, scope);
        if (key === null)
            return;
        const target = this.eval(left.object, scope);
        if (target.t === "resource") {
            if (key === "deploy")
                target.res.deployOverride = this.eval(e.right, scope);
            else if (key === "build")
                target.res.buildOverride = this.eval(e.right, scope);
            return;
        }
        const inner = left.object;
        if (inner.type === "MemberExpression") {
            const section = this.memberKey(inner, scope);
            const owner = this.eval(inner.object, scope);
            if (owner.t === "resource" && (section === "deploy" || section === "build")) {
                const map = section === "deploy" ? owner.res.deployFields : owner.res.buildFields;
                map.set(key, this.eval(e.right, scope));
            }
        }
    }
    // ---------- bindings ----------
    bindPattern(pattern, get, scope, kind) {
        let cached = null;
        const once = () => {
            if (!cached)
                cached = get();
            return cached;
        };
        switch (pattern.type) {
            case "Identifier": {
                const name = pattern.name;
                const idSpan = this.span(pattern);
                scope.vars.set(name, {
                    state: "pending",
                    compute: () => {
                        if (kind === "let" && this.reassigned.has(name)) {
                            return (0,model_values/* unknown */.L5)(`\`${name}\` is reassigned; only \`const\` values are followed`, idSpan);
                        }
                        return once();
                    },
                });
                return;
            }
            case "AssignmentPattern":
                this.bindPattern(pattern.left, () => {
                    const v = once();
                    if (v.t === "prim" && v.value === undefined)
                        return this.eval(pattern.right, scope);
                    return v;
                }, scope, kind);
                return;
            case "ObjectPattern": {
                const taken = [];
                for (const p of pattern.properties) {
                    if (p.type === "RestElement") {
                        this.bindPattern(p.argument, () => this.restOf(once(), taken, this.span(p)), scope, kind);
                        continue;
                    }
                    const key = this.propertyKeyName(p, scope);
                    if (key !== null)
                        taken.push(key);
                    this.bindPattern(p.value, () => key === null ? (0,model_values/* unknown */.L5)("computed key", this.span(p)) : this.getProp(once(), key, this.span(p)), scope, kind);
                }
                return;
            }
            case "ArrayPattern":
                pattern.elements.forEach((el, i) => {
                    if (!el)
                        return;
                    if (el.type === "RestElement") {
                        this.bindPattern(el.argument, () => (0,model_values/* unknown */.L5)("array rest", this.span(el)), scope, kind);
                        return;
                    }
                    this.bindPattern(el, () => this.index(once(), i, this.span(el)), scope, kind);
                });
                return;
            case "TSParameterProperty":
                this.bindPattern(pattern.parameter, get, scope, kind);
                return;
            default:
                return;
        }
    }
    /** Evaluates the bindings a declaration introduced, in statement order. */
    force(pattern, scope) {
        for (const name of patternNames(pattern))
            this.lookup(name, scope, null);
    }
}

// EXTERNAL MODULE: ./src/sources/railway-iac/model/keys.ts
var keys = __webpack_require__(9072);
;// CONCATENATED MODULE: ./src/sources/railway-iac/ts/extract.ts



/** Where a misplaced key belongs (mistakes seen in real files, §2.4). */
const SERVICE_KEY_HOME = {
    watchPatterns: "build.watchPatterns",
    builder: "build.builder",
    dockerfilePath: "build.dockerfilePath",
    dockerfile: "build.dockerfilePath",
    dockerFilePath: "build.dockerfilePath",
    buildCommand: "build (a string) or build.buildCommand",
    nixpacksConfigPath: "build.nixpacksConfigPath",
    railpackVersion: "build.railpackVersion",
    restartPolicy: "deploy.restartPolicyType and deploy.restartPolicyMaxRetries",
    restartPolicyType: "deploy.restartPolicyType",
    restartPolicyMaxRetries: "deploy.restartPolicyMaxRetries",
    cronSchedule: "deploy.cronSchedule",
    sleepApplication: "deploy.sleepApplication",
    numReplicas: "replicas",
    healthCheckPath: "healthcheck",
    healthCheckTimeout: "healthcheckTimeout",
    variable: "env",
    environment: "env",
};
const MIGRATED = /^\s*([A-Za-z]+) from CaC:\s*(.*?)\s*$/;
function extractService(ev, res, comments, diagnostics) {
    const cfg = res.config && !(res.config.t === "prim" && res.config.value === undefined) ? res.config : null;
    const get = (container, key) => {
        if (!container || container === "absent")
            return "absent";
        if (container.t === "prim" && (container.value === undefined || container.value === null))
            return "absent";
        return ev.lookupProp(container, key);
    };
    const first = (...vs) => {
        for (const v of vs) {
            if (v === "absent")
                continue;
            if (v.t === "prim" && (v.value === undefined || v.value === null))
                continue;
            return v;
        }
        return null;
    };
    if (cfg)
        validateKeys(ev, cfg, diagnostics);
    const source = get(cfg, "source");
    const rawBuild = get(cfg, "build");
    // `build: "cmd"` is only a build command; an object is a BuildConfig.
    const buildIsString = rawBuild !== "absent" && rawBuild.t === "prim" && typeof rawBuild.value === "string";
    const build = res.buildOverride ?? (buildIsString ? "absent" : rawBuild);
    const buildField = (key) => res.buildFields.get(key) ?? first(get(build, key));
    const run = get(cfg, "run");
    const deploy = get(cfg, "deploy");
    const override = res.deployOverride;
    const deployField = (key, ...shorthands) => {
        const set = res.deployFields.get(key);
        if (set)
            return set;
        if (override)
            return first(get(override, key));
        return first(...shorthands, get(deploy, key));
    };
    const buildCommand = res.buildFields.get("buildCommand") ??
        (res.buildOverride
            ? first(get(build, "buildCommand"))
            : buildIsString
                ? rawBuild
                : first(get(build, "buildCommand")));
    const env = extractEnv(ev, get(cfg, "variables"), get(cfg, "env"));
    return {
        kind: res.kind === "function" ? "function" : "service",
        name: (0,valued/* toValued */.$)(res.name, "string") ?? {
            provenance: "unknown",
            span: res.span,
            note: "the service has no name",
        },
        span: res.span,
        rootDirectory: (0,valued/* toValued */.$)(first(get(source, "rootDirectory"), get(cfg, "root"), get(cfg, "rootDirectory")), "string"),
        builder: (0,valued/* toValued */.$)(buildField("builder"), "string"),
        buildCommand: (0,valued/* toValued */.$)(buildCommand, "string"),
        dockerfilePath: (0,valued/* toValued */.$)(buildField("dockerfilePath"), "string"),
        nixpacksConfigPath: (0,valued/* toValued */.$)(buildField("nixpacksConfigPath"), "string"),
        watchPatterns: (0,valued/* toValued */.$)(buildField("watchPatterns"), "string[]"),
        startCommand: (0,valued/* toValued */.$)(deployField("startCommand", get(cfg, "start"), get(cfg, "startCommand"), get(run, "command")), "string"),
        healthcheckPath: (0,valued/* toValued */.$)(deployField("healthcheckPath", get(cfg, "healthcheck"), get(cfg, "healthcheckPath"), get(run, "healthcheck")), "string"),
        healthcheckTimeout: (0,valued/* toValued */.$)(deployField("healthcheckTimeout", get(cfg, "healthcheckTimeout"), get(run, "healthcheckTimeout")), "number"),
        preDeployCommand: (0,valued/* toValued */.$)(deployField("preDeployCommand", get(cfg, "preDeploy"), get(cfg, "preDeployCommand"), get(run, "preDeploy")), "string|string[]"),
        restartPolicyType: (0,valued/* toValued */.$)(deployField("restartPolicyType"), "string"),
        restartPolicyMaxRetries: (0,valued/* toValued */.$)(deployField("restartPolicyMaxRetries"), "number"),
        cronSchedule: (0,valued/* toValued */.$)(deployField("cronSchedule"), "string"),
        env: env.entries,
        envComplete: env.complete,
        migratedComments: migratedComments(res, comments),
    };
}
function migratedComments(res, comments) {
    const out = [];
    for (const c of comments) {
        if (c.start < res.start || c.end > res.end)
            continue;
        const m = MIGRATED.exec(c.text);
        if (m)
            out.push({ key: m[1], text: m[2], span: c.span });
    }
    return out;
}
function validateKeys(ev, cfg, diagnostics) {
    const check = (obj, allowed, where, home) => {
        if (obj === "absent" || obj.t !== "obj")
            return;
        for (const p of obj.props.values()) {
            if (allowed.has(p.key))
                continue;
            const belongs = Object.hasOwn(home, p.key) ? home[p.key] : undefined;
            diagnostics.push({
                message: `\`${p.key}\` is not a ${where} option of railway/iac (railway@3.11); ` +
                    "the SDK drops keys it does not know without a warning, so this setting never reaches Railway",
                span: p.keySpan,
                fix: belongs ? `Move it to \`${belongs}\`.` : "Remove the key or use one the SDK documents.",
                severity: "warning",
            });
        }
    };
    check(cfg, keys/* SERVICE_KEYS */.xI, "`service()`", SERVICE_KEY_HOME);
    const build = ev.lookupProp(cfg, "build");
    check(build, keys/* BUILD_KEYS */.O8, "`build`", {});
    const deploy = ev.lookupProp(cfg, "deploy");
    check(deploy, keys/* DEPLOY_KEYS */.hp, "`deploy`", {
        restartPolicy: "deploy.restartPolicyType",
        start: "deploy.startCommand",
    });
    check(ev.lookupProp(cfg, "run"), keys/* RUN_KEYS */.rc, "`run`", {});
}
function extractEnv(ev, variables, env) {
    const byName = new Map();
    let complete = true;
    for (const src of [variables, env]) {
        if (src === "absent" || (src.t === "prim" && (src.value === undefined || src.value === null)))
            continue;
        if (src.t !== "obj") {
            complete = false;
            continue;
        }
        if (src.open)
            complete = false;
        for (const p of src.props.values()) {
            const value = ev.lookupProp(src, p.key);
            if (value === "absent")
                continue;
            byName.set(p.key, envDeclaration(ev, p.key, p.keySpan, value));
        }
    }
    return { entries: [...byName.values()], complete };
}
function envDeclaration(ev, name, nameSpan, v) {
    const base = { name, nameSpan, span: v.span };
    switch (v.t) {
        case "preserve":
            return { ...base, kind: "preserve", optional: null };
        case "ref":
            return { ...base, kind: "reference", optional: null, reference: v.ref };
        case "prim":
            if (typeof v.value === "string") {
                return { ...base, kind: "literal", optional: null, value: (0,valued/* toValued */.$)(v, "string") };
            }
            return {
                ...base,
                kind: "unknown",
                optional: null,
                value: { provenance: "unknown", span: v.span, note: `expected a string, found ${(0,model_values/* describe */.q0)(v)}` },
            };
        case "obj": {
            // A VariableConfig: `{ value?, defaultValue?, description?, isOptional?, … }` (§2.7).
            const get = (k) => {
                const r = ev.lookupProp(v, k);
                return r === "absent" ? null : r;
            };
            const desc = get("description");
            const opt = get("isOptional");
            const valueAv = get("value") ?? get("defaultValue");
            const out = {
                ...base,
                kind: "described",
                optional: opt?.t === "prim" && typeof opt.value === "boolean" ? opt.value : null,
            };
            if (desc?.t === "prim" && typeof desc.value === "string")
                out.description = desc.value;
            const value = (0,valued/* toValued */.$)(valueAv, "string");
            if (value)
                out.value = value;
            return out;
        }
        default: {
            const value = (0,valued/* toValued */.$)(v, "string");
            if (value?.provenance === "candidates")
                return { ...base, kind: "literal", optional: null, value };
            return {
                ...base,
                kind: "unknown",
                optional: null,
                value: value ?? { provenance: "unknown", span: v.span, note: "no value" },
            };
        }
    }
}

// EXTERNAL MODULE: ./src/sources/railway-iac/model/types.ts
var types = __webpack_require__(6639);
;// CONCATENATED MODULE: ./src/sources/railway-iac/ts/parse.ts
/**
 * Reads `.railway/railway.ts` (Railway infrastructure as code) without executing it.
 *
 * Parser: `@babel/parser` 7 with the `typescript` plugin and error recovery (railway-iac.md §5.2).
 * Program shapes (§2.2, §5.3 step 1): `export default defineRailway((ctx) => …)` (also `define`, a
 * renamed import or a namespace import), `export default project(…)`, `export default <ident>`,
 * `export { x as default }`, and the CLI's other accepted exports `main` / `Railway`; plus
 * `export const partial` (also `PARTIAL` / `Partial`). Syntax errors become diagnostics; this
 * function never throws.
 */









const PARTIAL_NAMES = ["partial", "PARTIAL", "Partial"];
const PROGRAM_EXPORTS = ["main", "Railway"];
function parseRailwayTs(file, text) {
    const idx = new span/* LineIndex */.r(text);
    const diagnostics = [];
    let ast;
    try {
        ast = (0,lib/* parse */.qg)(text, {
            sourceType: "module",
            plugins: ["typescript"],
            errorRecovery: true,
        });
    }
    catch (e) {
        // Babel's recovery covers only some errors (§5.1); report the fatal one with its position.
        const refs = scanTemplateRefsInText(text);
        for (const r of refs)
            diagnostics.push(templateRefDiagnostic(file, idx, r));
        const d = syntaxDiagnostic(file, idx, text, e);
        if (!insideRef(refs, d.offset))
            diagnostics.push(d.diagnostic);
        return {
            services: [],
            partial: null,
            servicesComplete: false,
            diagnostics: (0,model_diagnostics/* finishDiagnostics */.S)(diagnostics),
        };
    }
    let facts;
    try {
        facts = scanAst(text, ast.program);
    }
    catch {
        facts = { templateRefs: [], nonErasable: [], reassigned: new Set() };
    }
    for (const r of facts.templateRefs)
        diagnostics.push(templateRefDiagnostic(file, idx, r));
    for (const err of (ast.errors ?? [])) {
        const d = syntaxDiagnostic(file, idx, text, err);
        if (!insideRef(facts.templateRefs, d.offset))
            diagnostics.push(d.diagnostic);
    }
    for (const n of facts.nonErasable) {
        diagnostics.push({
            message: `${n.what} is not erasable TypeScript: Railway's CLI runs ${file} with ` +
                "`node --experimental-strip-types`, which refuses it, so the file fails before any setting is read",
            span: idx.span(file, n.node.start ?? 0, n.node.end ?? 0),
            fix: n.fix,
            severity: "error",
        });
    }
    const comments = (ast.comments ?? []).map((c) => ({
        text: c.value,
        start: c.start ?? 0,
        end: c.end ?? 0,
        span: idx.span(file, c.start ?? 0, c.end ?? 0),
    }));
    try {
        const result = evaluateProgram(file, text, idx, ast.program, facts.reassigned, comments, diagnostics);
        return { ...result, diagnostics: (0,model_diagnostics/* finishDiagnostics */.S)(diagnostics) };
    }
    catch (e) {
        return (0,model_diagnostics/* evaluationFailed */.C)(file, e, diagnostics);
    }
}
function evaluateProgram(file, text, idx, program, reassigned, comments, diagnostics) {
    const ev = new Evaluator(file, text, idx, reassigned);
    const scope = new model_values/* Scope */.HG(null);
    ev.exec(program.body, scope);
    // Locate the program (§5.3 step 1).
    let exported = null;
    const named = new Map();
    let partialNode = null;
    for (const s of program.body) {
        if (s.type === "ExportDefaultDeclaration") {
            const d = s.declaration;
            if (d.type === "FunctionDeclaration") {
                exported = { value: { t: "func", node: d, scope, span: ev.span(d) }, node: d };
            }
            else if (d.type !== "ClassDeclaration" && d.type !== "TSDeclareFunction") {
                exported = { value: ev.eval(d, scope), node: d };
            }
        }
        else if (s.type === "ExportNamedDeclaration") {
            if (s.exportKind === "type")
                continue;
            for (const spec of s.specifiers) {
                if (spec.type !== "ExportSpecifier")
                    continue;
                const out = spec.exported.type === "Identifier" ? spec.exported.name : spec.exported.value;
                if (out === "default")
                    exported = { value: ev.lookup(spec.local.name, scope, spec.local), node: spec };
                else
                    named.set(out, spec.local);
            }
            const d = s.declaration;
            if (d?.type === "VariableDeclaration") {
                for (const decl of d.declarations) {
                    if (decl.id.type === "Identifier")
                        named.set(decl.id.name, decl.id);
                }
            }
            else if (d?.type === "FunctionDeclaration" && d.id) {
                named.set(d.id.name, d.id);
            }
        }
    }
    for (const p of PARTIAL_NAMES) {
        const n = named.get(p);
        if (n?.type === "Identifier" && !partialNode)
            partialNode = n;
    }
    if (!exported) {
        for (const name of PROGRAM_EXPORTS) {
            const n = named.get(name);
            if (n?.type === "Identifier") {
                exported = { value: ev.lookup(n.name, scope, n), node: n };
                break;
            }
        }
    }
    const found = [];
    let complete = true;
    if (!exported) {
        complete = false;
        diagnostics.push({
            message: `${file} has no \`export default\`; Railway's CLI evaluates the default export (or \`main\` / \`Railway\`)`,
            span: { file, line: 1, column: 1 },
            fix: "Export the program: `export default defineRailway((ctx) => project(…))`.",
            severity: "warning",
        });
    }
    else {
        const result = runProgram(ev, exported.value, exported.node);
        complete = collectResources(result, found);
    }
    // When the project's resources did not resolve, list every service the reader saw created.
    if (!complete) {
        const extra = ev.resources.filter((r) => !found.includes(r)).sort((a, b) => a.start - b.start);
        found.push(...extra);
    }
    diagnostics.push(...ev.diagnostics);
    const services = [];
    for (const r of found) {
        if (r.kind !== "service" && r.kind !== "function")
            continue;
        if (services.some((s) => s.span === r.span))
            continue;
        services.push(extractService(ev, r, comments, diagnostics));
    }
    const partialValue = partialNode ? ev.lookup(partialNode.name, scope, partialNode) : null;
    return {
        services,
        partial: partialValue ? (0,valued/* toValued */.$)(partialValue, "string") : null,
        servicesComplete: complete,
    };
}
/** Calls the exported program the way the CLI does (`exported(ctx, project)`); ctx is unknowable. */
function runProgram(ev, value, node) {
    if (value.t !== "func")
        return value;
    const span = ev.span(node);
    const ctx = { t: "ctx", span };
    const project = { t: "builtin", name: "project", span };
    return ev.inline(value, [ctx, project], node, span, true);
}
/** Adds the resources of a project value; false when some could not be resolved. */
function collectResources(v, out) {
    switch (v.t) {
        case "project":
            return v.resources === null ? true : collectList(v.resources, out);
        case "cands": {
            let ok = true;
            for (const o of v.options)
                ok = collectResources(o, out) && ok;
            return ok;
        }
        default:
            return false;
    }
}
function collectList(v, out) {
    switch (v.t) {
        case "arr": {
            let ok = !v.open;
            for (const i of v.items)
                ok = collectList(i, out) && ok;
            return ok;
        }
        case "resource":
            if (!out.includes(v.res))
                out.push(v.res);
            return true;
        case "cands": {
            let ok = true;
            for (const o of v.options)
                ok = collectList(o, out) && ok;
            return ok;
        }
        case "prim":
            return v.value === undefined || v.value === null || v.value === false;
        default:
            return false;
    }
}
function syntaxDiagnostic(file, idx, text, e) {
    const raw = typeof e?.message === "string" ? e.message : String(e);
    if (!e?.loc && typeof e?.pos !== "number") {
        // Not a syntax error: the parser itself gave up (e.g. nesting deep enough to exhaust the stack).
        return {
            diagnostic: {
                message: `deploy-drift could not parse ${file} (${raw}); its settings are not checked`,
                span: { file, line: 1, column: 1 },
                fix: "Simplify the deepest nesting in the file.",
                severity: "warning",
            },
            offset: -1,
        };
    }
    const message = raw.replace(/\s*\(\d+:\d+\)\s*$/, "");
    let offset = 0;
    const loc = e?.loc;
    if (Number.isFinite(loc?.index))
        offset = loc.index;
    else if (Number.isFinite(e?.pos))
        offset = e.pos;
    // Babel reports `index: NaN` (and `pos: NaN`) for some errors found while looking ahead
    // (`arguments\0`); its line and column are still right.
    else if (loc && Number.isFinite(loc.line) && Number.isFinite(loc.column))
        offset = offsetAt(text, loc.line, loc.column);
    offset = Math.max(0, Math.min(offset, text.length));
    const span = idx.span(file, offset);
    return {
        diagnostic: {
            message: `${file} is not valid TypeScript: ${message}`,
            span,
            fix: "Fix the syntax; Railway's CLI cannot run a file it cannot parse, so none of its settings apply.",
            severity: "error",
        },
        offset,
    };
}
function insideRef(refs, offset) {
    return refs.some((r) => offset >= r.start && offset <= r.end);
}
/** The offset of Babel's 1-based line and 0-based column (lines end at \n, \r\n, \r, U+2028, U+2029). */
function offsetAt(text, line, column) {
    let at = 0;
    for (let l = 1; l < line; l++) {
        const m = /\r\n?|[\n\u2028\u2029]/g;
        m.lastIndex = at;
        const hit = m.exec(text);
        if (!hit)
            return text.length;
        at = hit.index + hit[0].length;
    }
    return at + column;
}


/***/ })

};
