export const id = 22;
export const ids = [22];
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

/***/ 9022:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  parseRailwayPy: () => (/* binding */ parseRailwayPy)
});

// EXTERNAL MODULE: ./src/python/parse.ts + 4 modules
var parse = __webpack_require__(3828);
// EXTERNAL MODULE: ./src/sources/railway-iac/model/diagnostics.ts
var model_diagnostics = __webpack_require__(8402);
// EXTERNAL MODULE: ./src/sources/railway-iac/model/valued.ts
var valued = __webpack_require__(2799);
// EXTERNAL MODULE: ./src/sources/railway-iac/model/values.ts
var values = __webpack_require__(9750);
// EXTERNAL MODULE: ./src/sources/railway-iac/model/core.ts
var core = __webpack_require__(4667);
;// CONCATENATED MODULE: ./src/sources/railway-iac/py/syntax.ts


/** `railway_sdk.__all__` (0.3.0) and the names the CLI's older `migrate --lang py` imports from `railway_iac`. */
const PY_EXPORTS = {
    // The TypeScript SDK's exports, by the same names, plus the Python spellings of the entry points.
    ...values/* IAC_EXPORTS */.kx,
    define_railway: "defineRailway",
    create_railway_context: "createRailwayContext",
};
const SDK_MODULES = new Set(["railway_sdk", "railway_iac"]);
/** Python's side of a property lookup: a dict key of a str/int/bool, or of anything not a dict. */
const PY_PROPERTIES = {
    ofPrimitive: (key, target) => (0,values/* unknown */.L5)(`\`${key}\` of a ${typeof target.value}`, target.span),
    candidates: (options, cond, span) => ({ t: "cands", options, cond, span }),
    ofOther: (key, target) => (0,values/* unknown */.L5)(`\`${key}\` of a value that is not a dict`, target.span),
};
/**
 * A node's children without comments: @lezer/python keeps `# …` as `Comment` nodes among a dict's
 * entries, a list's items, call arguments and parameters, where they are not code.
 */
function codeChildren(n) {
    return (0,parse/* children */.Y_)(n).filter((c) => c.name !== "Comment");
}
/** Names a statement binds at its own level (assignment targets, defs, loop targets, nested blocks). */
function assignedNames(s, source) {
    const out = [];
    const text = (n) => source.slice(n.from, n.to);
    const walk = (n) => {
        if (n.name === "FunctionDefinition" || n.name === "ClassDefinition") {
            const name = codeChildren(n).find((k) => k.name === "VariableName");
            if (name)
                out.push(text(name));
            return;
        }
        if (n.name === "AssignStatement" || n.name === "UpdateStatement") {
            const kids = codeChildren(n);
            const lastOp = [...kids].reverse().find((k) => k.name === "AssignOp" || k.name === "UpdateOp");
            for (const k of kids)
                if (k.name === "VariableName" && lastOp && k.to <= lastOp.from)
                    out.push(text(k));
            return;
        }
        if (n.name === "ForStatement") {
            const kids = codeChildren(n);
            const inAt = kids.findIndex((k) => k.name === "in");
            for (const k of kids.slice(0, Math.max(0, inAt)))
                if (k.name === "VariableName")
                    out.push(text(k));
        }
        for (const c of codeChildren(n)) {
            if (c.name === "Body" || c.name === "StatementGroup" || /(Statement|Definition|Clause)$/.test(c.name))
                walk(c);
        }
    };
    walk(s);
    return out;
}
function containsReturn(n) {
    if (n.name === "ReturnStatement")
        return true;
    if (n.name === "FunctionDefinition" || n.name === "LambdaExpression" || n.name === "ClassDefinition")
        return false;
    return codeChildren(n).some(containsReturn);
}
/** The value of the literal text of an f-string between replacements (`{{`/`}}` already folded). */
function unescapeChunk(py, chunk) {
    const wrapped = `"""${chunk}"""`;
    return (0,parse/* stringLiteralValue */.wT)({ ...py, text: () => wrapped }, { name: "String" });
}
/**
 * Python's truth value: JavaScript's for str/int/float/bool/None (`truthiness`), but an empty dict,
 * list or tuple is false (`{} or x` is `x`); one that may hold more (an unresolved `**`/`*`) is unknown.
 */
function pyTruthiness(v) {
    switch (v.t) {
        case "obj":
            return v.props.size > 0 ? true : v.open ? null : false;
        case "arr":
            return v.items.length > 0 ? true : v.open ? null : false;
        case "cands": {
            const ts = v.options.map(pyTruthiness);
            return ts.every((x) => x === true) ? true : ts.every((x) => x === false) ? false : null;
        }
        default:
            return (0,values/* truthiness */.w8)(v);
    }
}

;// CONCATENATED MODULE: ./src/sources/railway-iac/py/expressions.ts




const MAX_STEPS = 50_000;
const MAX_ITEMS = 2_000;
class PyExpressionEvaluator {
    file;
    py;
    diagnostics = [];
    /** Every resource created, in creation order (listed when the project does not resolve). */
    resources = [];
    steps = new core/* StepBudget */.g4(MAX_STEPS);
    /** Strings built, against MAX_STRING (no per-file total here: see ../README.md). */
    textBudget = new core/* TextBudget */.Ho();
    depth = 0;
    funcs = new WeakMap();
    constructor(file, py) {
        this.file = file;
        this.py = py;
    }
    span(n) {
        return this.py.lines.span(this.file, n.from, n.to);
    }
    text(n) {
        return this.py.text(n);
    }
    short(n) {
        const t = this.text(n).replace(/\s+/g, " ");
        return t.length > 40 ? `${t.slice(0, 37)}…` : t;
    }
    // ---- expressions ---------------------------------------------------------------------------
    eval(n, scope) {
        const sp = this.span(n);
        if (!this.steps.take())
            return (0,values/* unknown */.L5)("the file is too large to follow (step budget)", sp);
        switch (n.name) {
            case "String":
            case "ContinuedString":
            case "ConcatenatedString":
            case "FormatString":
                return this.evalString(n, scope);
            case "Number":
                return this.evalNumber(n);
            case "Boolean":
                return (0,values/* prim */.vN)(this.text(n) === "True", sp);
            case "None":
                return (0,values/* prim */.vN)(null, sp);
            case "VariableName":
                return this.lookup(this.text(n), scope, sp);
            case "ParenthesizedExpression": {
                const inner = codeChildren(n).filter((c) => c.name !== "(" && c.name !== ")");
                return inner.length === 1 ? this.eval(inner[0], scope) : (0,values/* unknown */.L5)(`\`${this.short(n)}\``, sp);
            }
            case "DictionaryExpression":
                return this.evalDict(n, scope);
            case "ArrayExpression":
            case "TupleExpression":
                return this.evalList(n, scope);
            case "MemberExpression":
                return this.evalMember(n, scope);
            case "CallExpression":
                return this.evalCall(n, scope);
            case "BinaryExpression":
                return this.evalBinary(n, scope);
            case "UnaryExpression": {
                const [op, arg] = codeChildren(n);
                if (!op || !arg)
                    break;
                const v = this.eval(arg, scope);
                if (this.text(op) === "not") {
                    const t = pyTruthiness(v);
                    return t === null
                        ? (0,values/* isUncertain */.cp)(v)
                            ? { ...v, span: sp }
                            : (0,values/* unknown */.L5)("`not` of an unknown value", sp)
                        : (0,values/* prim */.vN)(!t, sp);
                }
                if (this.text(op) === "-" && v.t === "prim" && typeof v.value === "number")
                    return { ...(0,values/* prim */.vN)(-v.value, sp), constant: v.constant };
                if ((0,values/* isUncertain */.cp)(v))
                    return { ...v, span: sp };
                break;
            }
            case "ConditionalExpression": {
                const kids = codeChildren(n).filter((c) => c.name !== "if" && c.name !== "else");
                if (kids.length !== 3)
                    break;
                const cond = this.eval(kids[1], scope);
                const t = pyTruthiness(cond);
                if (t === true)
                    return this.eval(kids[0], scope);
                if (t === false)
                    return this.eval(kids[2], scope);
                const u = (0,values/* combineUncertain */.FS)([cond]) ?? {
                    t: "unknown",
                    note: `\`${this.short(kids[1])}\``,
                };
                return {
                    t: "cands",
                    options: [this.eval(kids[0], scope), this.eval(kids[2], scope)],
                    cond: u,
                    span: sp,
                };
            }
        }
        return (0,values/* unknown */.L5)(`\`${this.short(n)}\` is not followed`, sp);
    }
    lookup(name, scope, usedAt) {
        const b = scope.find(name);
        if (!b) {
            return (0,values/* unknown */.L5)(`\`${name}\` is not defined in this file`, usedAt);
        }
        const v = (0,core/* bindingValue */.x$)(b, name, usedAt);
        if (v.t === "builtin" || v.t === "namespace" || v.t === "resource" || (0,values/* isUncertain */.cp)(v))
            return v;
        return (0,values/* asConstant */.lc)(v, usedAt);
    }
    evalNumber(n) {
        const raw = this.text(n).replace(/_/g, "");
        const sp = this.span(n);
        let v;
        if (/^0[xX][0-9a-fA-F]+$/.test(raw))
            v = Number.parseInt(raw.slice(2), 16);
        else if (/^0[oO][0-7]+$/.test(raw))
            v = Number.parseInt(raw.slice(2), 8);
        else if (/^0[bB][01]+$/.test(raw))
            v = Number.parseInt(raw.slice(2), 2);
        else if (/^[0-9]*\.?[0-9]+([eE][+-]?[0-9]+)?$|^[0-9]+\.$/.test(raw))
            v = Number(raw);
        else
            return (0,values/* unknown */.L5)(`the number \`${raw}\``, sp);
        return (0,values/* prim */.vN)(v, sp);
    }
    evalString(n, scope) {
        const sp = this.span(n);
        const plain = (0,parse/* stringLiteralValue */.wT)(this.py, n);
        if (plain !== null)
            return this.capString(plain, sp, false);
        const parts = n.name === "FormatString" || n.name === "String" ? [n] : codeChildren(n);
        let out = "";
        let constant = false;
        const uncertain = [];
        for (const p of parts) {
            if (p.name === "String") {
                const v = (0,parse/* stringLiteralValue */.wT)(this.py, p);
                if (v === null)
                    return (0,values/* unknown */.L5)(`\`${this.short(p)}\` (bytes) is not a string`, this.span(p));
                out += v;
                continue;
            }
            if (p.name !== "FormatString")
                return (0,values/* unknown */.L5)(`\`${this.short(n)}\``, sp);
            const f = this.evalFString(p, scope);
            if (f.t === "prim" && typeof f.value === "string") {
                out += f.value;
                constant ||= !!f.constant;
            }
            else
                uncertain.push(f);
            if (out.length > core/* MAX_STRING */.BP)
                return (0,values/* unknown */.L5)("a string longer than deploy-drift follows", sp);
        }
        if (uncertain.length) {
            const u = (0,values/* combineUncertain */.FS)(uncertain);
            return (0,values/* fromUncertain */.UD)(u ?? { t: "unknown", note: "an f-string part" }, sp);
        }
        return this.capString(out, sp, constant);
    }
    capString(s, sp, constant) {
        if (this.textBudget.exceeds(s))
            return (0,values/* unknown */.L5)("a string longer than deploy-drift follows", sp);
        return constant ? { ...(0,values/* prim */.vN)(s, sp), constant: true } : (0,values/* prim */.vN)(s, sp);
    }
    /** `f"…{x}…"`: the literal text between replacements, plus each replacement's value. */
    evalFString(n, scope) {
        const sp = this.span(n);
        const raw = this.text(n);
        const m = /^([fFrR]{1,2})('''|"""|'|")/.exec(raw);
        if (!m || !raw.endsWith(m[2]))
            return (0,values/* unknown */.L5)("an f-string deploy-drift cannot read", sp);
        const isRaw = /[rR]/.test(m[1]);
        const q = m[2];
        const bodyFrom = n.from + m[1].length + q.length;
        const bodyTo = n.to - q.length;
        let out = "";
        let constant = false;
        let pos = bodyFrom;
        const literal = (a, b) => {
            const chunk = this.py.source.slice(a, b).replace(/\{\{/g, "{").replace(/\}\}/g, "}");
            return isRaw ? chunk : unescapeChunk(this.py, chunk);
        };
        for (const r of codeChildren(n)) {
            if (r.name !== "FormatReplacement")
                continue;
            const lit = literal(pos, r.from);
            if (lit === null)
                return (0,values/* unknown */.L5)("an f-string deploy-drift cannot read", sp);
            out += lit;
            const kids = codeChildren(r).filter((c) => c.name !== "{" && c.name !== "}");
            if (kids.length !== 1)
                return (0,values/* unknown */.L5)(`the f-string part \`${this.short(r)}\` (conversion or format spec) is not followed`, this.span(r));
            const v = this.eval(kids[0], scope);
            if (v.t === "prim" && (typeof v.value === "string" || typeof v.value === "number")) {
                out += String(v.value);
                constant ||= !!v.constant;
            }
            else if (v.t === "prim" && typeof v.value === "boolean") {
                out += v.value ? "True" : "False";
            }
            else if ((0,values/* isUncertain */.cp)(v)) {
                return { ...v, span: sp };
            }
            else
                return (0,values/* unknown */.L5)(`the f-string part \`${this.short(r)}\` is not a string`, this.span(r));
            pos = r.to;
        }
        const tail = literal(pos, bodyTo);
        if (tail === null)
            return (0,values/* unknown */.L5)("an f-string deploy-drift cannot read", sp);
        out += tail;
        return this.capString(out, sp, constant);
    }
    evalDict(n, scope) {
        const sp = this.span(n);
        const props = new Map();
        let open = null;
        const kids = codeChildren(n).filter((c) => c.name !== "{" && c.name !== "}" && c.name !== ",");
        for (let i = 0; i < kids.length; i++) {
            const k = kids[i];
            if (k.name === "**") {
                const src = kids[++i];
                if (!src)
                    break;
                const v = this.mergeCands(this.eval(src, scope));
                if (v.t === "obj") {
                    for (const p of v.props.values()) {
                        props.delete(p.key);
                        props.set(p.key, { ...p, value: (0,core/* partOf */.BU)(v, p.value) });
                    }
                    if (v.open)
                        open = v.open;
                }
                else {
                    const u = (0,values/* combineUncertain */.FS)([v]) ?? {
                        t: "unknown",
                        note: `\`**${this.short(src)}\` is not a dict deploy-drift follows`,
                    };
                    open = u;
                    for (const p of props.values())
                        p.shadowed ??= u;
                }
                continue;
            }
            if (k.name === "for" || k.name === "async") {
                return (0,values/* unknown */.L5)("a dict comprehension is not followed", sp);
            }
            const colon = kids[i + 1];
            const valueNode = kids[i + 2];
            if (colon?.name !== ":" || !valueNode)
                return (0,values/* unknown */.L5)(`\`${this.short(n)}\``, sp);
            i += 2;
            const key = this.eval(k, scope);
            const value = this.eval(valueNode, scope);
            if (key.t === "prim" && (typeof key.value === "string" || typeof key.value === "number")) {
                const name = String(key.value);
                props.delete(name);
                props.set(name, (0,core/* prop */._w)(name, this.span(k), value));
            }
            else {
                open = (0,values/* combineUncertain */.FS)([key]) ?? { t: "unknown", note: `the key \`${this.short(k)}\`` };
                for (const p of props.values())
                    p.shadowed ??= open;
            }
            if (props.size > MAX_ITEMS)
                return (0,values/* unknown */.L5)("a dict larger than deploy-drift follows", sp);
        }
        const out = { t: "obj", props, open, span: sp };
        return out;
    }
    evalList(n, scope) {
        const sp = this.span(n);
        const items = [];
        let open = null;
        const kids = codeChildren(n).filter((c) => !["[", "]", "(", ")", ","].includes(c.name));
        for (let i = 0; i < kids.length; i++) {
            const k = kids[i];
            if (k.name === "for" || k.name === "async")
                return (0,values/* unknown */.L5)("a list comprehension is not followed", sp);
            if (k.name === "*") {
                const src = kids[++i];
                if (!src)
                    break;
                const v = this.eval(src, scope);
                if (v.t === "arr") {
                    items.push(...v.items);
                    if (v.open)
                        open = v.open;
                }
                else
                    open = (0,values/* combineUncertain */.FS)([v]) ?? { t: "unknown", note: `\`*${this.short(src)}\`` };
                continue;
            }
            items.push(this.eval(k, scope));
            if (items.length > MAX_ITEMS)
                return (0,values/* unknown */.L5)("a list longer than deploy-drift follows", sp);
        }
        return { t: "arr", items, open, span: sp };
    }
    evalMember(n, scope) {
        const sp = this.span(n);
        const kids = codeChildren(n);
        const target = this.eval(kids[0], scope);
        if (kids[1]?.name === ".") {
            const prop = kids[2];
            if (!prop)
                return (0,values/* unknown */.L5)("an attribute", sp);
            return this.attribute(target, this.text(prop), sp);
        }
        if (kids[1]?.name === "[") {
            const idxNode = kids[2];
            if (!idxNode || kids.length !== 4)
                return (0,values/* unknown */.L5)(`the subscript \`${this.short(n)}\``, sp);
            const key = this.eval(idxNode, scope);
            if (key.t !== "prim")
                return (0,values/* isUncertain */.cp)(key) ? { ...key, span: sp } : (0,values/* unknown */.L5)(`the subscript \`${this.short(n)}\``, sp);
            if (target.t === "envProxy" && typeof key.value === "string")
                return this.envRef(target.res, key.value, sp);
            if (target.t === "obj" && (typeof key.value === "string" || typeof key.value === "number")) {
                const r = this.lookupProp(target, String(key.value));
                return r === "absent"
                    ? (0,values/* unknown */.L5)(`the key ${JSON.stringify(key.value)} is not in the dict (KeyError)`, sp)
                    : r;
            }
            if (target.t === "arr" && typeof key.value === "number" && Number.isInteger(key.value)) {
                const i = key.value < 0 ? target.items.length + key.value : key.value;
                const item = target.items[i];
                if (item && !target.open)
                    return (0,core/* partOf */.BU)(target, item);
            }
            if ((0,values/* isUncertain */.cp)(target))
                return { ...target, span: sp };
            return (0,values/* unknown */.L5)(`the subscript \`${this.short(n)}\``, sp);
        }
        return (0,values/* unknown */.L5)(`\`${this.short(n)}\``, sp);
    }
    attribute(target, name, sp) {
        if (target.t === "namespace" && !this.funcs.has(target)) {
            return Object.hasOwn(PY_EXPORTS, name)
                ? { t: "builtin", name: PY_EXPORTS[name], span: sp }
                : (0,values/* unknown */.L5)(`\`${name}\` of the SDK module`, sp);
        }
        if (target.t === "resource") {
            if (name === "env")
                return { t: "envProxy", res: target.res, span: sp };
            if (name === "name")
                return target.res.name;
            return (0,values/* unknown */.L5)(`the attribute \`${name}\` of a resource`, sp);
        }
        if (target.t === "envProxy")
            return this.envRef(target.res, name, sp);
        if (target.t === "ctx")
            return name === "shared"
                ? { t: "sharedProxy", span: sp }
                : (0,values/* ctxdep */.t5)(`\`ctx.${name}\` depends on the deploy context`, sp);
        if (target.t === "sharedProxy")
            return (0,core/* sharedReference */.D9)(name, sp);
        if (target.t === "obj" && (name === "get" || name === "keys" || name === "items")) {
            return { t: "method", target, name, span: sp };
        }
        if (target.t === "prim" && typeof target.value === "string")
            return { t: "method", target, name, span: sp };
        if (target.t === "prim" && target.value === null)
            return (0,values/* unknown */.L5)(`\`.${name}\` of None (the CLI calls the program with no arguments, so \`ctx\` is None)`, sp);
        if ((0,values/* isUncertain */.cp)(target))
            return { ...target, span: sp };
        return (0,values/* unknown */.L5)(`the attribute \`${name}\``, sp);
    }
    envRef(res, variable, sp) {
        return (0,core/* envReference */.jR)(res, variable, sp);
    }
    evalBinary(n, scope) {
        const sp = this.span(n);
        const kids = codeChildren(n);
        if (kids.length !== 3)
            return (0,values/* unknown */.L5)(`\`${this.short(n)}\``, sp);
        const op = this.text(kids[1]);
        const a = this.eval(kids[0], scope);
        if (op === "and" || op === "or") {
            const t = pyTruthiness(a);
            if (t !== null)
                return (op === "or") === t ? a : this.eval(kids[2], scope);
            const b = this.eval(kids[2], scope);
            const u = (0,values/* combineUncertain */.FS)([a]) ?? { t: "unknown", note: `\`${this.short(kids[0])}\`` };
            return { t: "cands", options: [a, b], cond: u, span: sp };
        }
        const b = this.eval(kids[2], scope);
        const constant = !!(a.constant || b.constant);
        if (op === "+" && a.t === "prim" && b.t === "prim") {
            if (typeof a.value === "string" && typeof b.value === "string")
                return this.capString(a.value + b.value, sp, constant);
            if (typeof a.value === "number" && typeof b.value === "number")
                return { ...(0,values/* prim */.vN)(a.value + b.value, sp), constant };
        }
        if (op === "+" && a.t === "arr" && b.t === "arr" && !a.open && !b.open) {
            return { t: "arr", items: [...a.items, ...b.items], open: null, span: sp, constant };
        }
        if (op === "|" && a.t === "obj" && b.t === "obj") {
            const props = new Map(a.props);
            for (const p of b.props.values()) {
                props.delete(p.key);
                props.set(p.key, p);
            }
            return { t: "obj", props, open: a.open ?? b.open, span: sp, constant };
        }
        const u = (0,values/* combineUncertain */.FS)([a, b]);
        if (u)
            return (0,values/* fromUncertain */.UD)(u, sp);
        return (0,values/* unknown */.L5)(`\`${this.short(n)}\` is not followed`, sp);
    }
    /** `absent` when the key is definitely not there. */
    lookupProp(target, key) {
        return (0,core/* lookupProperty */.et)(target, key, PY_PROPERTIES);
    }
    /**
     * `**({"a": 1} if c else {})`: when every case is a dict with known keys, one dict whose keys are
     * the union and whose values are the cases (absent where a case lacks the key). Else unchanged.
     */
    mergeCands(v) {
        if (v.t !== "cands" || !v.options.every((o) => o.t === "obj" && !o.open))
            return v;
        const props = new Map();
        for (const o of v.options) {
            for (const p of o.props.values()) {
                if (props.has(p.key))
                    continue;
                const options = v.options.map((x) => {
                    const q = x.props.get(p.key);
                    return q ? q.value : (0,values/* prim */.vN)(undefined, x.span);
                });
                props.set(p.key, {
                    key: p.key,
                    keySpan: p.keySpan,
                    value: { t: "cands", options, cond: v.cond, span: v.span },
                    shadowed: null,
                });
            }
        }
        return { t: "obj", props, open: null, span: v.span };
    }
}

;// CONCATENATED MODULE: ./src/sources/railway-iac/py/calls.ts




const MAX_DEPTH = 8;
class PyCallEvaluator extends PyExpressionEvaluator {
    // ---- calls ---------------------------------------------------------------------------------
    evalCall(n, scope) {
        const sp = this.span(n);
        const kids = codeChildren(n);
        const callee = this.eval(kids[0], scope);
        const argList = kids.find((k) => k.name === "ArgList");
        if (!argList)
            return (0,values/* unknown */.L5)(`\`${this.short(n)}\``, sp);
        const args = this.evalArgs(argList, scope);
        if (callee.t === "builtin")
            return this.callBuiltin(callee.name, args, n, sp);
        const fn = this.funcs.get(callee);
        if (fn)
            return this.inline(fn, args, sp);
        if (callee.t === "method")
            return this.callMethod(callee, args, sp);
        if ((0,values/* isUncertain */.cp)(callee))
            return { ...callee, span: sp, note: `${callee.note} (called)` };
        return (0,values/* unknown */.L5)(`the call \`${this.short(n)}\` is not followed`, sp);
    }
    evalArgs(argList, scope) {
        const out = { positional: [], keywords: new Map(), open: null, keywordSpans: new Map() };
        const kids = codeChildren(argList).filter((c) => !["(", ")", ","].includes(c.name));
        for (let i = 0; i < kids.length; i++) {
            const k = kids[i];
            if (k.name === "*" || k.name === "**") {
                const src = kids[++i];
                if (!src)
                    break;
                const v = k.name === "**" ? this.mergeCands(this.eval(src, scope)) : this.eval(src, scope);
                if (k.name === "*" && v.t === "arr" && !v.open)
                    out.positional.push(...v.items);
                else if (k.name === "**" && v.t === "obj") {
                    for (const p of v.props.values()) {
                        out.keywords.set(p.key, (0,core/* partOf */.BU)(v, p.value));
                        out.keywordSpans.set(p.key, p.keySpan);
                    }
                    if (v.open)
                        out.open = v.open;
                }
                else
                    out.open = (0,values/* combineUncertain */.FS)([v]) ?? { t: "unknown", note: `\`${this.text(k)}${this.short(src)}\`` };
                continue;
            }
            if (k.name === "VariableName" && kids[i + 1]?.name === "AssignOp" && kids[i + 2]) {
                const name = this.text(k);
                out.keywords.set(name, this.eval(kids[i + 2], scope));
                out.keywordSpans.set(name, this.span(k));
                i += 2;
                continue;
            }
            if (kids[i + 1]?.name === "for")
                return { ...out, open: { t: "unknown", note: "a generator argument" } };
            out.positional.push(this.eval(k, scope));
        }
        return out;
    }
    /** Calls a helper `def`: binds its parameters and evaluates straight-line code up to `return`. */
    inline(fn, args, sp) {
        if (this.depth >= MAX_DEPTH)
            return (0,values/* unknown */.L5)(`\`${fn.name}()\` calls nest deeper than deploy-drift follows`, sp);
        const params = codeChildren(fn.node).find((k) => k.name === "ParamList");
        const body = codeChildren(fn.node).find((k) => k.name === "Body");
        if (!params || !body)
            return (0,values/* unknown */.L5)(`\`${fn.name}\``, sp);
        const local = new values/* Scope */.HG(fn.scope);
        const pk = codeChildren(params).filter((c) => c.name !== "(" && c.name !== ")");
        let pos = 0;
        let star = false;
        const used = new Set();
        for (let i = 0; i < pk.length; i++) {
            const k = pk[i];
            if (k.name === ",")
                continue;
            if (k.name === "*" || k.name === "**") {
                const nameNode = pk[i + 1]?.name === "VariableName" ? pk[++i] : null;
                if (k.name === "*")
                    star = true;
                if (nameNode) {
                    const pname = this.text(nameNode);
                    local.vars.set(pname, (0,core/* done */.Vw)(k.name === "*"
                        ? { t: "arr", items: args.positional.slice(pos), open: args.open, span: this.span(nameNode) }
                        : this.restKeywords(args, used, this.span(nameNode))));
                    if (k.name === "*")
                        pos = args.positional.length;
                    if (k.name === "**")
                        for (const key of args.keywords.keys())
                            used.add(key);
                }
                continue;
            }
            if (k.name === "/")
                continue;
            if (k.name !== "VariableName")
                continue;
            const pname = this.text(k);
            let j = i + 1;
            if (pk[j]?.name === "TypeDef")
                j++;
            let defaultNode = null;
            if (pk[j]?.name === "AssignOp" && pk[j + 1]) {
                defaultNode = pk[j + 1];
                j++;
            }
            i = j;
            let v = null;
            if (!star && pos < args.positional.length)
                v = args.positional[pos++];
            else if (args.keywords.has(pname)) {
                v = args.keywords.get(pname);
                used.add(pname);
            }
            else if (args.open)
                v = (0,values/* fromUncertain */.UD)(args.open, sp);
            else if (defaultNode)
                v = this.eval(defaultNode, fn.scope);
            else
                v = (0,values/* unknown */.L5)(`\`${fn.name}()\` is called without \`${pname}\``, sp);
            local.vars.set(pname, (0,core/* done */.Vw)(v));
        }
        this.depth++;
        try {
            return this.runBody(fn, body, local, sp);
        }
        finally {
            this.depth--;
        }
    }
    restKeywords(args, used, sp) {
        const props = new Map();
        for (const [key, value] of args.keywords) {
            if (used.has(key))
                continue;
            props.set(key, (0,core/* prop */._w)(key, args.keywordSpans.get(key) ?? sp, value));
        }
        return { t: "obj", props, open: args.open, span: sp };
    }
    runBody(fn, body, local, sp) {
        const stmts = codeChildren(body).flatMap((c) => (c.name === "StatementGroup" ? codeChildren(c) : [c]));
        for (const s of stmts) {
            if (s.name === "ReturnStatement") {
                const expr = codeChildren(s).find((c) => c.name !== "return");
                return expr ? this.eval(expr, local) : (0,values/* prim */.vN)(null, sp);
            }
            if (s.name === "ExpressionStatement" || s.name === "PassStatement" || s.name === "Comment")
                continue;
            if (s.name === "AssignStatement" ||
                s.name === "FunctionDefinition" ||
                s.name === "DecoratedStatement" ||
                s.name === "ImportStatement") {
                const kids = codeChildren(s);
                // `x.attr = …` / `x[k] = …` after creation: the Python SDK copies the node, so it changes nothing.
                if (s.name === "AssignStatement" && kids[0]?.name === "MemberExpression")
                    continue;
                this.bindStatement(s, local, new Map(), false);
                continue;
            }
            if (/Statement$/.test(s.name) && !/^(If|For|While|Try|With|Match)Statement$/.test(s.name))
                continue;
            if (/(Statement|Definition)$/.test(s.name) || s.type.isError) {
                if (containsReturn(s)) {
                    return (0,values/* unknown */.L5)(`\`${fn.name}()\` returns from inside a \`${this.short(s).split(" ")[0]}\` block, which is not followed`, this.span(s));
                }
                this.bindStatement(s, local, new Map(), false);
            }
        }
        return (0,values/* prim */.vN)(null, sp);
    }
    callMethod(m, args, sp) {
        const t = m.target;
        if (t.t === "obj" && m.name === "get" && args.positional.length >= 1) {
            const key = args.positional[0];
            if (key.t === "prim" && typeof key.value === "string") {
                const r = this.lookupProp(t, key.value);
                return r === "absent" ? (args.positional[1] ?? (0,values/* prim */.vN)(null, sp)) : r;
            }
        }
        if (t.t === "prim" && typeof t.value === "string") {
            const s = t.value;
            const c = !!t.constant;
            if (args.positional.length === 0 && ["strip", "lower", "upper"].includes(m.name)) {
                const v = m.name === "strip" ? s.trim() : m.name === "lower" ? s.toLowerCase() : s.toUpperCase();
                return this.capString(v, sp, c);
            }
            if (m.name === "join" && args.positional.length === 1) {
                const a = args.positional[0];
                if (a.t === "arr" && !a.open && a.items.every((i) => i.t === "prim" && typeof i.value === "string")) {
                    return this.capString(a.items.map((i) => i.value).join(s), sp, true);
                }
            }
            if (m.name === "format")
                return (0,values/* unknown */.L5)("`str.format()` is not followed", sp);
        }
        return (0,values/* unknown */.L5)(`\`.${m.name}()\` is not followed`, sp);
    }
    callBuiltin(name, args, node, sp) {
        const kw = (k) => args.keywords.get(k) ?? null;
        const config = () => this.restKeywords(args, new Set(), sp);
        switch (name) {
            case "defineRailway":
                return args.positional[0] ?? (0,values/* unknown */.L5)("`define_railway()` without a program", sp);
            case "preserve":
                return { t: "preserve", span: sp };
            case "createRailwayContext":
                return { t: "ctx", span: sp };
            case "service":
            case "fn":
                return this.resource(name === "fn" ? "function" : "service", args, config(), node, sp);
            case "postgres":
            case "mysql":
            case "redis":
            case "mongo":
            case "database":
                return this.resource("database", args, config(), node, sp);
            case "volume":
            case "bucket":
                return this.resource(name, args, args.positional[1] ?? config(), node, sp);
            case "group": {
                const g = this.resource("group", args, null, node, sp);
                const items = args.positional[1];
                if (!items || (items.t === "obj" && !args.positional[2]))
                    return g;
                if (items.t === "arr")
                    return { t: "arr", items: [g, ...items.items], open: items.open, span: sp };
                return {
                    t: "arr",
                    items: [g],
                    open: (0,values/* combineUncertain */.FS)([items]) ?? { t: "unknown", note: "the group's resources" },
                    span: sp,
                };
            }
            case "github":
            case "image":
            case "template":
            case "empty": {
                const firstKey = name === "github" ? "repo" : name === "image" ? "image" : name === "template" ? "template" : null;
                const defaultBranch = name === "github" && !args.keywords.has("branch");
                const props = (0,core/* sourceProps */.WF)(name, firstKey, args.positional[0], sp, defaultBranch);
                for (const [k, v] of args.keywords)
                    props.set(k, (0,core/* prop */._w)(k, args.keywordSpans.get(k) ?? sp, v));
                return { t: "obj", props, open: args.open, span: sp };
            }
            case "ref": {
                const [res, out] = args.positional;
                if (res?.t === "resource" && out?.t === "prim" && typeof out.value === "string")
                    return this.envRef(res.res, out.value, sp);
                return (0,values/* unknown */.L5)("a `ref()` that does not resolve", sp);
            }
            case "project": {
                const def = args.positional[1];
                const fromDef = def?.t === "obj"
                    ? this.lookupProp(def, "resources") !== "absent"
                        ? this.lookupProp(def, "resources")
                        : this.lookupProp(def, "services")
                    : "absent";
                const resources = kw("resources") ?? kw("services") ?? (fromDef === "absent" ? null : fromDef);
                if (!resources && args.open)
                    return (0,values/* unknown */.L5)(`the project's resources (${args.open.note})`, sp);
                return { t: "project", resources, span: sp };
            }
            default:
                return (0,values/* unknown */.L5)(`\`${name}()\` is not followed`, sp);
        }
    }
    resource(kind, args, cfg, node, sp) {
        const name = args.positional[0] ?? args.keywords.get("name") ?? (0,values/* unknown */.L5)("no name", sp);
        const res = (0,core/* newResource */.bl)(kind, name, cfg, { span: sp, start: node.from, end: node.to });
        this.resources.push(res);
        return { t: "resource", res, span: sp };
    }
    takesArgument(fn) {
        const params = codeChildren(fn.node).find((k) => k.name === "ParamList");
        return !!params && codeChildren(params).some((k) => k.name === "VariableName");
    }
    /** The function bound to a value, when it is a `def` of this file. */
    functionOf(v) {
        return this.funcs.get(v) ?? null;
    }
}

;// CONCATENATED MODULE: ./src/sources/railway-iac/py/evaluate.ts




/** The railway.py evaluator: module statements, imports and bindings, on top of expressions.ts and calls.ts. */
class PyEvaluator extends PyCallEvaluator {
    // ---- statements ----------------------------------------------------------------------------
    /** Binds the module's names (lazily: a constant is evaluated on first use, once). */
    execModule(stmts, scope) {
        const assigned = new Map();
        for (const s of stmts)
            for (const n of assignedNames(s, this.py.source))
                assigned.set(n, (assigned.get(n) ?? 0) + 1);
        for (const s of stmts)
            this.bindStatement(s, scope, assigned, true);
    }
    bindStatement(s, scope, assigned, lazy) {
        const set = (name, compute) => {
            if ((assigned.get(name) ?? 0) > 1) {
                const sp = this.span(s);
                scope.vars.set(name, (0,core/* done */.Vw)((0,values/* unknown */.L5)(`\`${name}\` is assigned more than once`, sp)));
                return;
            }
            scope.vars.set(name, lazy ? { state: "pending", compute } : (0,core/* done */.Vw)(compute()));
        };
        switch (s.name) {
            case "ImportStatement":
                this.bindImport(s, scope);
                return;
            case "AssignStatement": {
                const kids = codeChildren(s);
                const ops = kids.filter((k) => k.name === "AssignOp");
                const valueNode = kids[kids.length - 1];
                const targets = kids.filter((k) => k.name === "VariableName" && k.to <= ops[0].from);
                const commas = kids.some((k) => k.name === "," && k.to <= (ops[ops.length - 1]?.from ?? 0));
                if (ops.length === 0)
                    return;
                if (ops.length === 1 && targets.length === 1 && !commas) {
                    const name = this.text(targets[0]);
                    set(name, () => this.eval(valueNode, scope));
                    return;
                }
                for (const t of kids) {
                    if (t.name === "VariableName" && t.to <= ops[ops.length - 1].from) {
                        const name = this.text(t);
                        scope.vars.set(name, (0,core/* done */.Vw)((0,values/* unknown */.L5)(`\`${name}\` is assigned by a form deploy-drift does not follow`, this.span(s))));
                    }
                }
                return;
            }
            case "FunctionDefinition": {
                const nameNode = codeChildren(s).find((k) => k.name === "VariableName");
                if (!nameNode)
                    return;
                const name = this.text(nameNode);
                set(name, () => this.funcValue(name, s, scope));
                return;
            }
            case "DecoratedStatement": {
                const def = codeChildren(s).find((k) => k.name === "FunctionDefinition" || k.name === "ClassDefinition");
                const nameNode = def && codeChildren(def).find((k) => k.name === "VariableName");
                if (!def || !nameNode)
                    return;
                const name = this.text(nameNode);
                set(name, () => {
                    let v = def.name === "FunctionDefinition"
                        ? this.funcValue(name, def, scope)
                        : (0,values/* unknown */.L5)(`class \`${name}\` is not followed`, this.span(def));
                    const decorators = codeChildren(s).filter((k) => k.name === "Decorator");
                    for (let i = decorators.length - 1; i >= 0; i--) {
                        const expr = codeChildren(decorators[i]).find((k) => k.name !== "At" && k.name !== "@");
                        const d = expr ? this.eval(expr, scope) : (0,values/* unknown */.L5)("a decorator", this.span(decorators[i]));
                        if (d.t === "builtin" && d.name === "defineRailway")
                            continue;
                        v = (0,values/* unknown */.L5)(`the decorator \`${this.short(decorators[i])}\` is not followed`, this.span(decorators[i]));
                    }
                    return v;
                });
                return;
            }
            case "ClassDefinition": {
                const nameNode = codeChildren(s).find((k) => k.name === "VariableName");
                if (nameNode)
                    set(this.text(nameNode), () => (0,values/* unknown */.L5)("a class is not followed", this.span(s)));
                return;
            }
            default: {
                // Compound statements (if/for/while/try/with) and augmented assignments: what they bind is unknown.
                for (const n of assignedNames(s, this.py.source)) {
                    scope.vars.set(n, (0,core/* done */.Vw)((0,values/* unknown */.L5)(`\`${n}\` is set inside a \`${this.short(s).split(" ")[0]}\` statement`, this.span(s))));
                }
            }
        }
    }
    bindImport(s, scope) {
        const kids = codeChildren(s);
        const isFrom = kids[0]?.name === "from";
        if (isFrom) {
            const importAt = kids.findIndex((k) => k.name === "import");
            const module = kids
                .slice(1, importAt)
                .map((k) => this.text(k))
                .join("");
            const sdk = SDK_MODULES.has(module);
            for (let i = importAt + 1; i < kids.length; i++) {
                const k = kids[i];
                if (k.name !== "VariableName")
                    continue;
                const orig = this.text(k);
                let local = orig;
                if (kids[i + 1]?.name === "as" && kids[i + 2]?.name === "VariableName") {
                    local = this.text(kids[i + 2]);
                    i += 2;
                }
                const sp = this.span(k);
                const b = sdk && Object.hasOwn(PY_EXPORTS, orig) ? PY_EXPORTS[orig] : null;
                scope.vars.set(local, (0,core/* done */.Vw)(b
                    ? { t: "builtin", name: b, span: sp }
                    : (0,values/* unknown */.L5)(`\`${orig}\` is imported from \`${module}\``, sp)));
            }
            return;
        }
        // `import railway_sdk [as r]`
        for (let i = 1; i < kids.length; i++) {
            const k = kids[i];
            if (k.name !== "VariableName")
                continue;
            let name = this.text(k);
            let local = name;
            while (kids[i + 1]?.name === "." && kids[i + 2]?.name === "VariableName") {
                name += `.${this.text(kids[i + 2])}`;
                i += 2;
            }
            if (kids[i + 1]?.name === "as" && kids[i + 2]?.name === "VariableName") {
                local = this.text(kids[i + 2]);
                i += 2;
            }
            else
                local = name.split(".")[0];
            const sp = this.span(k);
            scope.vars.set(local, (0,core/* done */.Vw)(SDK_MODULES.has(name) && local === this.text(kids[i])
                ? { t: "namespace", span: sp }
                : (0,values/* unknown */.L5)(`the module \`${name}\``, sp)));
        }
    }
    funcValue(name, node, scope) {
        const v = { t: "namespace", span: this.span(node) };
        this.funcs.set(v, { name, node, scope });
        return v;
    }
}

// EXTERNAL MODULE: ./src/sources/schema.ts
var schema = __webpack_require__(2139);
// EXTERNAL MODULE: ./src/sources/railway-iac/model/keys.ts
var keys = __webpack_require__(9072);
;// CONCATENATED MODULE: ./src/sources/railway-iac/py/extract.ts




/** The keywords `_service_node` reads (railway_sdk 0.3.0). */
// The same keys as railway.ts's `IntentServiceConfig`, plus `tracing`.
const PY_SERVICE_KEYS = [...keys/* SERVICE_KEYS */.xI, "tracing"];
/** Keywords that belong inside `build={…}` or `deploy={…}` (written at the top level, they are dropped). */
const NESTED_HOME = {
    builder: 'build={"builder": …}',
    watchPatterns: 'build={"watchPatterns": …}',
    buildCommand: 'build="…" or build={"buildCommand": …}',
    dockerfilePath: 'build={"dockerfilePath": …}',
    dockerfile: 'build={"dockerfilePath": …}',
    nixpacksConfigPath: 'build={"nixpacksConfigPath": …}',
    railpackVersion: 'build={"railpackVersion": …}',
    restartPolicyType: 'deploy={"restartPolicyType": …}',
    restartPolicyMaxRetries: 'deploy={"restartPolicyMaxRetries": …}',
    cronSchedule: 'deploy={"cronSchedule": …}',
    sleepApplication: 'deploy={"sleepApplication": …}',
    numReplicas: "replicas",
    healthCheckPath: "healthcheck",
    healthCheckTimeout: "healthcheckTimeout",
    environment: "env",
};
function camel(key) {
    return key.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());
}
/** Where a keyword the SDK does not read was meant to go, or null. */
function suggestKey(key, known, home) {
    const c = camel(key);
    if (c !== key && known.includes(c))
        return c;
    if (Object.hasOwn(home, c))
        return home[c];
    if (Object.hasOwn(home, key))
        return home[key];
    return (0,schema/* didYouMean */.au)(key, known);
}
function extractPyService(ev, res, diagnostics) {
    const cfg = res.config;
    const get = (container, key) => {
        if (!container || container === "absent")
            return "absent";
        if (container.t === "prim" && (container.value === undefined || container.value === null))
            return "absent";
        return ev.lookupProp(container, key);
    };
    /** Python `a or b or …`: skips None, "", 0, False, empty containers when known. */
    const firstOr = (...vs) => {
        for (const v of vs) {
            if (v === "absent")
                continue;
            if (v.t === "prim" && !v.value)
                continue;
            if (v.t === "obj" && v.props.size === 0 && !v.open)
                continue;
            if (v.t === "arr" && v.items.length === 0 && !v.open)
                continue;
            return v;
        }
        return null;
    };
    /** `d.get(k, default)` chains: the first key that is present wins, even when it is None. */
    const firstPresent = (...vs) => {
        for (const v of vs)
            if (v !== "absent")
                return v.t === "prim" && v.value === null ? null : v;
        return null;
    };
    if (cfg)
        validatePyKeys(ev, cfg, diagnostics);
    const source = get(cfg, "source");
    const rawBuild = get(cfg, "build");
    const buildIsString = rawBuild !== "absent" && rawBuild.t === "prim" && typeof rawBuild.value === "string";
    const build = buildIsString ? "absent" : rawBuild;
    const run = get(cfg, "run");
    const deploy = get(cfg, "deploy");
    const env = extractPyEnv(ev, get(cfg, "variables"), get(cfg, "env"));
    return {
        kind: res.kind === "function" ? "function" : "service",
        name: (0,valued/* toValued */.$)(res.name, "string") ?? {
            provenance: "unknown",
            span: res.span,
            note: "the service has no name",
        },
        span: res.span,
        rootDirectory: (0,valued/* toValued */.$)(firstOr(get(source, "rootDirectory"), get(cfg, "root"), get(cfg, "rootDirectory")), "string"),
        builder: (0,valued/* toValued */.$)(firstPresent(get(build, "builder")), "string"),
        buildCommand: (0,valued/* toValued */.$)(buildIsString ? rawBuild : firstPresent(get(build, "buildCommand")), "string"),
        dockerfilePath: (0,valued/* toValued */.$)(firstPresent(get(build, "dockerfilePath")), "string"),
        nixpacksConfigPath: (0,valued/* toValued */.$)(firstPresent(get(build, "nixpacksConfigPath")), "string"),
        watchPatterns: (0,valued/* toValued */.$)(firstPresent(get(build, "watchPatterns")), "string[]"),
        startCommand: (0,valued/* toValued */.$)(firstOr(get(cfg, "start"), get(cfg, "startCommand"), get(run, "command"), get(deploy, "startCommand")), "string"),
        healthcheckPath: (0,valued/* toValued */.$)(firstOr(get(cfg, "healthcheck"), get(cfg, "healthcheckPath"), get(run, "healthcheck"), get(deploy, "healthcheckPath")), "string"),
        healthcheckTimeout: (0,valued/* toValued */.$)(firstPresent(get(cfg, "healthcheckTimeout"), get(run, "healthcheckTimeout"), get(deploy, "healthcheckTimeout")), "number"),
        preDeployCommand: (0,valued/* toValued */.$)(firstPresent(get(cfg, "preDeploy"), get(cfg, "preDeployCommand"), get(run, "preDeploy")) ??
            firstPresent(get(deploy, "preDeployCommand")), "string|string[]"),
        restartPolicyType: (0,valued/* toValued */.$)(firstPresent(get(deploy, "restartPolicyType")), "string"),
        restartPolicyMaxRetries: (0,valued/* toValued */.$)(firstPresent(get(deploy, "restartPolicyMaxRetries")), "number"),
        cronSchedule: (0,valued/* toValued */.$)(firstPresent(get(deploy, "cronSchedule")), "string"),
        env: env.entries,
        envComplete: env.complete,
        migratedComments: [],
    };
}
function validatePyKeys(ev, cfg, diagnostics) {
    if (cfg.t !== "obj")
        return;
    for (const p of cfg.props.values()) {
        if (PY_SERVICE_KEYS.includes(p.key))
            continue;
        const s = suggestKey(p.key, PY_SERVICE_KEYS, NESTED_HOME);
        diagnostics.push({
            message: `\`${p.key}=\` is not a \`service()\` keyword of railway_sdk (0.3.0); ` +
                `the SDK ignores keywords it does not know without a warning, so this setting never reaches Railway${s ? `; did you mean \`${s}\`?` : ""}`,
            span: p.keySpan,
            fix: s
                ? `Use \`${s}\`.`
                : "Remove the keyword or use one the SDK reads (see railway_sdk `_service_node`).",
            severity: "warning",
        });
    }
    const nested = (key, allowed) => {
        const obj = ev.lookupProp(cfg, key);
        if (obj === "absent" || obj.t !== "obj")
            return;
        for (const p of obj.props.values()) {
            if (allowed.has(p.key))
                continue;
            const s = suggestKey(p.key, [...allowed], {});
            diagnostics.push({
                message: `\`${p.key}\` is not a \`${key}\` key of Railway's IaC graph; railway_sdk passes the dict through unchecked ` +
                    `and the setting is not one Railway reads${s ? `; did you mean \`${s}\`?` : ""}`,
                span: p.keySpan,
                fix: s ? `Use \`${s}\`.` : `Remove the key or use one of ${key}'s documented keys.`,
                severity: "warning",
            });
        }
    };
    nested("build", keys/* BUILD_KEYS */.O8);
    nested("deploy", keys/* DEPLOY_KEYS */.hp);
    nested("run", keys/* RUN_KEYS */.rc);
}
function extractPyEnv(ev, variables, env) {
    const byName = new Map();
    let complete = true;
    for (const src of [variables, env]) {
        if (src === "absent" || (src.t === "prim" && src.value === null))
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
            byName.delete(p.key);
            byName.set(p.key, pyEnvDeclaration(p.key, p.keySpan, value));
        }
    }
    return { entries: [...byName.values()], complete };
}
function pyEnvDeclaration(name, nameSpan, v) {
    const base = { name, nameSpan, span: v.span, optional: null };
    switch (v.t) {
        case "preserve":
            return { ...base, kind: "preserve" };
        case "ref":
            return { ...base, kind: "reference", reference: v.ref };
        case "prim":
            if (typeof v.value === "string")
                return { ...base, kind: "literal", value: (0,valued/* toValued */.$)(v, "string") };
            if (typeof v.value === "number") {
                // `_normalize_variables` stores it as {"type": "raw", "value": 8080}; Railway's variable is its text.
                const text = String(v.value);
                return {
                    ...base,
                    kind: "literal",
                    value: { provenance: v.constant ? "constant" : "literal", value: text, span: v.span },
                };
            }
            return {
                ...base,
                kind: "unknown",
                value: {
                    provenance: "unknown",
                    span: v.span,
                    note: `${v.value === null ? "None" : typeof v.value}, stored by the SDK as a raw value; the text Railway keeps is not known`,
                },
            };
        default: {
            const value = (0,valued/* toValued */.$)(v, "string");
            if (value?.provenance === "candidates")
                return { ...base, kind: "literal", value };
            return {
                ...base,
                kind: "unknown",
                value: value ?? { provenance: "unknown", span: v.span, note: `${(0,values/* describe */.q0)(v)}` },
            };
        }
    }
}

;// CONCATENATED MODULE: ./src/sources/railway-iac/py/parse.ts






const PARTIAL_NAMES = ["PARTIAL", "Partial", "partial"];
const PROGRAM_NAMES = ["main", "Railway", "default"];
function parseRailwayPy(file, text) {
    const py = (0,parse/* parsePython */.w_)(text);
    const diagnostics = [];
    const errors = (0,parse/* syntaxErrors */.B_)(py);
    if (errors.length > 0) {
        const e = errors[0];
        diagnostics.push({
            message: `${file} is not valid Python (the parser stops at line ${e.line}, column ${e.column}); Railway's CLI cannot import it, so none of its settings apply`,
            span: py.lines.span(file, e.from),
            fix: "Fix the syntax (`python3 -m py_compile .railway/railway.py` shows the error).",
            severity: "error",
        });
        return { services: [], partial: null, servicesComplete: false, diagnostics };
    }
    try {
        return { ...evaluate(file, py, diagnostics), diagnostics: (0,model_diagnostics/* finishDiagnostics */.S)(diagnostics) };
    }
    catch (e) {
        return (0,model_diagnostics/* evaluationFailed */.C)(file, e, diagnostics);
    }
}
function evaluate(file, py, diagnostics) {
    const ev = new PyEvaluator(file, py);
    const scope = new values/* Scope */.HG(null);
    ev.execModule((0,parse/* topLevelStatements */.sr)(py), scope);
    const here = { file, line: 1, column: 1 };
    let program = null;
    for (const n of PROGRAM_NAMES) {
        if (scope.vars.has(n)) {
            program = ev.lookup(n, scope, here);
            break;
        }
    }
    const found = [];
    let complete = true;
    if (!program) {
        complete = false;
        diagnostics.push({
            message: `${file} defines no \`main\`; Railway's CLI runs the module's \`main\` (or \`Railway\` / \`default\`)`,
            span: here,
            fix: "Define the program: `@define_railway\\ndef main(ctx=None):\\n    return project(…)`.",
            severity: "warning",
        });
    }
    else {
        const fn = ev.functionOf(program);
        const result = fn
            ? ev.inline(fn, {
                // CLI 5.43 calls `main()` with no argument (ctx is None); newer CLIs pass a context, which
                // real files use (`ctx.is_environment(…)`): the first parameter is the unknown deploy context.
                positional: ev.takesArgument(fn) ? [{ t: "ctx", span: program.span }] : [],
                keywords: new Map(),
                keywordSpans: new Map(),
                open: null,
            }, program.span)
            : program;
        complete = collectResources(result, found);
    }
    if (!complete) {
        for (const r of [...ev.resources].sort((a, b) => a.start - b.start))
            if (!found.includes(r))
                found.push(r);
    }
    diagnostics.push(...ev.diagnostics);
    const services = [];
    const seen = new Set();
    for (const r of found) {
        if (r.kind !== "service" && r.kind !== "function")
            continue;
        if (seen.has(r))
            continue;
        seen.add(r);
        services.push(extractPyService(ev, r, diagnostics));
    }
    let partial = null;
    for (const n of PARTIAL_NAMES) {
        if (scope.vars.has(n)) {
            partial = (0,valued/* toValued */.$)(ev.lookup(n, scope, here), "string");
            break;
        }
    }
    return { services, partial, servicesComplete: complete };
}
/** Adds the resources of a project value; false when some could not be resolved. */
function collectResources(v, out) {
    if (v.t === "project")
        return v.resources === null ? true : collectList(v.resources, out);
    if (v.t === "cands")
        return v.options.map((o) => collectResources(o, out)).every(Boolean);
    return false;
}
function collectList(v, out) {
    switch (v.t) {
        case "arr":
            return v.items.map((i) => collectList(i, out)).every(Boolean) && !v.open;
        case "resource":
            if (!out.includes(v.res))
                out.push(v.res);
            return true;
        case "cands":
            return v.options.map((o) => collectList(o, out)).every(Boolean);
        case "prim":
            return v.value === null || v.value === false;
        default:
            return false;
    }
}
/** Sorted by position; a diagnostic raised twice (a helper called for several services) is kept once. */


/***/ })

};
