export const id = 903;
export const ids = [903];
export const modules = {

/***/ 8903:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  parseRailwayPy: () => (/* binding */ parseRailwayPy)
});

// EXTERNAL MODULE: ./src/python/parse.ts + 4 modules
var parse = __webpack_require__(3828);
// EXTERNAL MODULE: ./src/sources/railway-ts/diagnostics.ts
var railway_ts_diagnostics = __webpack_require__(196);
// EXTERNAL MODULE: ./src/sources/railway-ts/extract.ts
var extract = __webpack_require__(6517);
// EXTERNAL MODULE: ./src/sources/railway-ts/values.ts
var values = __webpack_require__(1092);
;// CONCATENATED MODULE: ./src/sources/railway-py/evaluate.ts


/** `railway_sdk.__all__` (0.3.0) and the names the CLI's older `migrate --lang py` imports from `railway_iac`. */
const PY_EXPORTS = {
    // The TypeScript SDK's exports, by the same names, plus the Python spellings of the entry points.
    ...values/* IAC_EXPORTS */.kx,
    define_railway: "defineRailway",
    create_railway_context: "createRailwayContext",
};
const SDK_MODULES = new Set(["railway_sdk", "railway_iac"]);
const MAX_STEPS = 50_000;
const MAX_DEPTH = 8;
const MAX_STRING = 64 * 1024;
const MAX_ITEMS = 2_000;
class PyEvaluator {
    file;
    py;
    diagnostics = [];
    /** Every resource created, in creation order (listed when the project does not resolve). */
    resources = [];
    steps = 0;
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
                scope.vars.set(name, done((0,values/* unknown */.L5)(`\`${name}\` is assigned more than once`, sp)));
                return;
            }
            scope.vars.set(name, lazy ? { state: "pending", compute } : done(compute()));
        };
        switch (s.name) {
            case "ImportStatement":
                this.bindImport(s, scope);
                return;
            case "AssignStatement": {
                const kids = (0,parse/* children */.Y_)(s);
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
                        scope.vars.set(name, done((0,values/* unknown */.L5)(`\`${name}\` is assigned by a form deploy-drift does not follow`, this.span(s))));
                    }
                }
                return;
            }
            case "FunctionDefinition": {
                const nameNode = (0,parse/* children */.Y_)(s).find((k) => k.name === "VariableName");
                if (!nameNode)
                    return;
                const name = this.text(nameNode);
                set(name, () => this.funcValue(name, s, scope));
                return;
            }
            case "DecoratedStatement": {
                const def = (0,parse/* children */.Y_)(s).find((k) => k.name === "FunctionDefinition" || k.name === "ClassDefinition");
                const nameNode = def && (0,parse/* children */.Y_)(def).find((k) => k.name === "VariableName");
                if (!def || !nameNode)
                    return;
                const name = this.text(nameNode);
                set(name, () => {
                    let v = def.name === "FunctionDefinition"
                        ? this.funcValue(name, def, scope)
                        : (0,values/* unknown */.L5)(`class \`${name}\` is not followed`, this.span(def));
                    const decorators = (0,parse/* children */.Y_)(s).filter((k) => k.name === "Decorator");
                    for (let i = decorators.length - 1; i >= 0; i--) {
                        const expr = (0,parse/* children */.Y_)(decorators[i]).find((k) => k.name !== "At" && k.name !== "@");
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
                const nameNode = (0,parse/* children */.Y_)(s).find((k) => k.name === "VariableName");
                if (nameNode)
                    set(this.text(nameNode), () => (0,values/* unknown */.L5)("a class is not followed", this.span(s)));
                return;
            }
            default: {
                // Compound statements (if/for/while/try/with) and augmented assignments: what they bind is unknown.
                for (const n of assignedNames(s, this.py.source)) {
                    scope.vars.set(n, done((0,values/* unknown */.L5)(`\`${n}\` is set inside a \`${this.short(s).split(" ")[0]}\` statement`, this.span(s))));
                }
            }
        }
    }
    bindImport(s, scope) {
        const kids = (0,parse/* children */.Y_)(s);
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
                scope.vars.set(local, done(b
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
            scope.vars.set(local, done(SDK_MODULES.has(name) && local === this.text(kids[i])
                ? { t: "namespace", span: sp }
                : (0,values/* unknown */.L5)(`the module \`${name}\``, sp)));
        }
    }
    funcValue(name, node, scope) {
        const v = { t: "namespace", span: this.span(node) };
        this.funcs.set(v, { name, node, scope });
        return v;
    }
    // ---- expressions ---------------------------------------------------------------------------
    eval(n, scope) {
        const sp = this.span(n);
        if (++this.steps > MAX_STEPS)
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
                const inner = (0,parse/* children */.Y_)(n).filter((c) => c.name !== "(" && c.name !== ")");
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
                const [op, arg] = (0,parse/* children */.Y_)(n);
                if (!op || !arg)
                    break;
                const v = this.eval(arg, scope);
                if (this.text(op) === "not") {
                    const t = (0,values/* truthiness */.w8)(v);
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
                const kids = (0,parse/* children */.Y_)(n).filter((c) => c.name !== "if" && c.name !== "else");
                if (kids.length !== 3)
                    break;
                const cond = this.eval(kids[1], scope);
                const t = (0,values/* truthiness */.w8)(cond);
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
        if (b.state === "evaluating")
            return (0,values/* unknown */.L5)(`\`${name}\` refers to itself`, usedAt);
        if (b.state === "pending") {
            b.state = "evaluating";
            b.value = b.compute();
            b.state = "done";
        }
        const v = b.value;
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
        const parts = n.name === "FormatString" || n.name === "String" ? [n] : (0,parse/* children */.Y_)(n);
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
            if (out.length > MAX_STRING)
                return (0,values/* unknown */.L5)("a string longer than deploy-drift follows", sp);
        }
        if (uncertain.length) {
            const u = (0,values/* combineUncertain */.FS)(uncertain);
            return (0,values/* fromUncertain */.UD)(u ?? { t: "unknown", note: "an f-string part" }, sp);
        }
        return this.capString(out, sp, constant);
    }
    capString(s, sp, constant) {
        if (s.length > MAX_STRING)
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
        for (const r of (0,parse/* children */.Y_)(n)) {
            if (r.name !== "FormatReplacement")
                continue;
            const lit = literal(pos, r.from);
            if (lit === null)
                return (0,values/* unknown */.L5)("an f-string deploy-drift cannot read", sp);
            out += lit;
            const kids = (0,parse/* children */.Y_)(r).filter((c) => c.name !== "{" && c.name !== "}");
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
        const kids = (0,parse/* children */.Y_)(n).filter((c) => c.name !== "{" && c.name !== "}" && c.name !== ",");
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
                        props.set(p.key, { ...p, value: v.constant ? (0,values/* asConstant */.lc)(p.value) : p.value });
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
                props.set(name, { key: name, keySpan: this.span(k), value, shadowed: null });
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
        const kids = (0,parse/* children */.Y_)(n).filter((c) => !["[", "]", "(", ")", ","].includes(c.name));
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
        const kids = (0,parse/* children */.Y_)(n);
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
                    return target.constant ? (0,values/* asConstant */.lc)(item) : item;
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
            return { t: "ref", ref: { targetKind: "shared", target: null, variable: name }, span: sp };
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
        const target = res.name.t === "prim" && typeof res.name.value === "string" ? res.name.value : null;
        return {
            t: "ref",
            ref: { targetKind: res.kind === "database" ? "database" : "service", target, variable },
            span: sp,
        };
    }
    evalBinary(n, scope) {
        const sp = this.span(n);
        const kids = (0,parse/* children */.Y_)(n);
        if (kids.length !== 3)
            return (0,values/* unknown */.L5)(`\`${this.short(n)}\``, sp);
        const op = this.text(kids[1]);
        const a = this.eval(kids[0], scope);
        if (op === "and" || op === "or") {
            const t = (0,values/* truthiness */.w8)(a);
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
    // ---- calls ---------------------------------------------------------------------------------
    evalCall(n, scope) {
        const sp = this.span(n);
        const kids = (0,parse/* children */.Y_)(n);
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
        const kids = (0,parse/* children */.Y_)(argList).filter((c) => !["(", ")", ","].includes(c.name));
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
                        out.keywords.set(p.key, v.constant ? (0,values/* asConstant */.lc)(p.value) : p.value);
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
        const params = (0,parse/* children */.Y_)(fn.node).find((k) => k.name === "ParamList");
        const body = (0,parse/* children */.Y_)(fn.node).find((k) => k.name === "Body");
        if (!params || !body)
            return (0,values/* unknown */.L5)(`\`${fn.name}\``, sp);
        const local = new values/* Scope */.HG(fn.scope);
        const pk = (0,parse/* children */.Y_)(params).filter((c) => c.name !== "(" && c.name !== ")");
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
                    local.vars.set(pname, done(k.name === "*"
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
            local.vars.set(pname, done(v));
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
            props.set(key, { key, keySpan: args.keywordSpans.get(key) ?? sp, value, shadowed: null });
        }
        return { t: "obj", props, open: args.open, span: sp };
    }
    runBody(fn, body, local, sp) {
        const stmts = (0,parse/* children */.Y_)(body).flatMap((c) => (c.name === "StatementGroup" ? (0,parse/* children */.Y_)(c) : [c]));
        for (const s of stmts) {
            if (s.name === "ReturnStatement") {
                const expr = (0,parse/* children */.Y_)(s).find((c) => c.name !== "return");
                return expr ? this.eval(expr, local) : (0,values/* prim */.vN)(null, sp);
            }
            if (s.name === "ExpressionStatement" || s.name === "PassStatement" || s.name === "Comment")
                continue;
            if (s.name === "AssignStatement" ||
                s.name === "FunctionDefinition" ||
                s.name === "DecoratedStatement" ||
                s.name === "ImportStatement") {
                const kids = (0,parse/* children */.Y_)(s);
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
                const props = new Map();
                const typeName = name === "image" ? "image" : name;
                props.set("type", { key: "type", keySpan: sp, value: (0,values/* prim */.vN)(typeName, sp), shadowed: null });
                const first = args.positional[0];
                const firstKey = name === "github" ? "repo" : name === "image" ? "image" : name === "template" ? "template" : null;
                if (first && firstKey)
                    props.set(firstKey, { key: firstKey, keySpan: first.span, value: first, shadowed: null });
                if (name === "github" && !args.keywords.has("branch"))
                    props.set("branch", { key: "branch", keySpan: sp, value: (0,values/* prim */.vN)("main", sp), shadowed: null });
                for (const [k, v] of args.keywords)
                    props.set(k, { key: k, keySpan: args.keywordSpans.get(k) ?? sp, value: v, shadowed: null });
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
        const res = {
            kind,
            name: args.positional[0] ?? args.keywords.get("name") ?? (0,values/* unknown */.L5)("no name", sp),
            span: sp,
            start: node.from,
            end: node.to,
            config: cfg,
            buildOverride: null,
            deployOverride: null,
            deployFields: new Map(),
            buildFields: new Map(),
        };
        if (kind === "service" || kind === "function")
            res.config = cfg;
        this.resources.push(res);
        return { t: "resource", res, span: sp };
    }
    /** `absent` when the key is definitely not there. */
    lookupProp(target, key) {
        if (!target)
            return "absent";
        switch (target.t) {
            case "obj": {
                const p = target.props.get(key);
                if (p) {
                    if (p.shadowed) {
                        return (0,values/* fromUncertain */.UD)({ t: p.shadowed.t, note: `\`${key}\` may be overwritten: ${p.shadowed.note}` }, p.value.span);
                    }
                    return target.constant ? (0,values/* asConstant */.lc)(p.value) : p.value;
                }
                if (target.open)
                    return (0,values/* fromUncertain */.UD)({ t: target.open.t, note: `\`${key}\` may be set: ${target.open.note}` }, target.span);
                return "absent";
            }
            case "prim":
                return target.value === undefined || target.value === null
                    ? "absent"
                    : (0,values/* unknown */.L5)(`\`${key}\` of a ${typeof target.value}`, target.span);
            case "cands": {
                const opts = target.options.map((o) => {
                    const r = this.lookupProp(o, key);
                    return r === "absent" ? (0,values/* prim */.vN)(undefined, o.span) : r;
                });
                if (opts.every((o) => o.t === "prim" && o.value === undefined))
                    return "absent";
                return { t: "cands", options: opts, cond: target.cond, span: target.span };
            }
            case "ctxdep":
            case "unknown":
                return target;
            default:
                return (0,values/* unknown */.L5)(`\`${key}\` of a value that is not a dict`, target.span);
        }
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
    /** True when the `def` has at least one parameter (`main(ctx=None)`). */
    takesArgument(fn) {
        const params = (0,parse/* children */.Y_)(fn.node).find((k) => k.name === "ParamList");
        return !!params && (0,parse/* children */.Y_)(params).some((k) => k.name === "VariableName");
    }
    /** The function bound to a value, when it is a `def` of this file. */
    functionOf(v) {
        return this.funcs.get(v) ?? null;
    }
}
function done(value) {
    return { state: "done", compute: () => value, value };
}
/** Names a statement binds at its own level (assignment targets, defs, loop targets, nested blocks). */
function assignedNames(s, source) {
    const out = [];
    const text = (n) => source.slice(n.from, n.to);
    const walk = (n) => {
        if (n.name === "FunctionDefinition" || n.name === "ClassDefinition") {
            const name = (0,parse/* children */.Y_)(n).find((k) => k.name === "VariableName");
            if (name)
                out.push(text(name));
            return;
        }
        if (n.name === "AssignStatement" || n.name === "UpdateStatement") {
            const kids = (0,parse/* children */.Y_)(n);
            const lastOp = [...kids].reverse().find((k) => k.name === "AssignOp" || k.name === "UpdateOp");
            for (const k of kids)
                if (k.name === "VariableName" && lastOp && k.to <= lastOp.from)
                    out.push(text(k));
            return;
        }
        if (n.name === "ForStatement") {
            const kids = (0,parse/* children */.Y_)(n);
            const inAt = kids.findIndex((k) => k.name === "in");
            for (const k of kids.slice(0, Math.max(0, inAt)))
                if (k.name === "VariableName")
                    out.push(text(k));
        }
        for (const c of (0,parse/* children */.Y_)(n)) {
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
    return (0,parse/* children */.Y_)(n).some(containsReturn);
}
/** The value of the literal text of an f-string between replacements (`{{`/`}}` already folded). */
function unescapeChunk(py, chunk) {
    const wrapped = `"""${chunk}"""`;
    return (0,parse/* stringLiteralValue */.wT)({ ...py, text: () => wrapped }, { name: "String" });
}

// EXTERNAL MODULE: ./src/sources/schema.ts
var schema = __webpack_require__(2139);
;// CONCATENATED MODULE: ./src/sources/railway-py/extract.ts



/** The keywords `_service_node` reads (railway_sdk 0.3.0). */
// The same keys as railway.ts's `IntentServiceConfig`, plus `tracing`.
const PY_SERVICE_KEYS = [...extract/* SERVICE_KEYS */.xI, "tracing"];
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
        name: (0,extract/* toValued */.$k)(res.name, "string") ?? {
            provenance: "unknown",
            span: res.span,
            note: "the service has no name",
        },
        span: res.span,
        rootDirectory: (0,extract/* toValued */.$k)(firstOr(get(source, "rootDirectory"), get(cfg, "root"), get(cfg, "rootDirectory")), "string"),
        builder: (0,extract/* toValued */.$k)(firstPresent(get(build, "builder")), "string"),
        buildCommand: (0,extract/* toValued */.$k)(buildIsString ? rawBuild : firstPresent(get(build, "buildCommand")), "string"),
        dockerfilePath: (0,extract/* toValued */.$k)(firstPresent(get(build, "dockerfilePath")), "string"),
        nixpacksConfigPath: (0,extract/* toValued */.$k)(firstPresent(get(build, "nixpacksConfigPath")), "string"),
        watchPatterns: (0,extract/* toValued */.$k)(firstPresent(get(build, "watchPatterns")), "string[]"),
        startCommand: (0,extract/* toValued */.$k)(firstOr(get(cfg, "start"), get(cfg, "startCommand"), get(run, "command"), get(deploy, "startCommand")), "string"),
        healthcheckPath: (0,extract/* toValued */.$k)(firstOr(get(cfg, "healthcheck"), get(cfg, "healthcheckPath"), get(run, "healthcheck"), get(deploy, "healthcheckPath")), "string"),
        healthcheckTimeout: (0,extract/* toValued */.$k)(firstPresent(get(cfg, "healthcheckTimeout"), get(run, "healthcheckTimeout"), get(deploy, "healthcheckTimeout")), "number"),
        preDeployCommand: (0,extract/* toValued */.$k)(firstPresent(get(cfg, "preDeploy"), get(cfg, "preDeployCommand"), get(run, "preDeploy")) ??
            firstPresent(get(deploy, "preDeployCommand")), "string|string[]"),
        restartPolicyType: (0,extract/* toValued */.$k)(firstPresent(get(deploy, "restartPolicyType")), "string"),
        restartPolicyMaxRetries: (0,extract/* toValued */.$k)(firstPresent(get(deploy, "restartPolicyMaxRetries")), "number"),
        cronSchedule: (0,extract/* toValued */.$k)(firstPresent(get(deploy, "cronSchedule")), "string"),
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
    nested("build", extract/* BUILD_KEYS */.O8);
    nested("deploy", extract/* DEPLOY_KEYS */.hp);
    nested("run", extract/* RUN_KEYS */.rc);
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
                return { ...base, kind: "literal", value: (0,extract/* toValued */.$k)(v, "string") };
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
            const value = (0,extract/* toValued */.$k)(v, "string");
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

;// CONCATENATED MODULE: ./src/sources/railway-py/parse.ts






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
        return { ...evaluate(file, py, diagnostics), diagnostics: (0,railway_ts_diagnostics/* finishDiagnostics */.S)(diagnostics) };
    }
    catch (e) {
        return (0,railway_ts_diagnostics/* evaluationFailed */.C)(file, e, diagnostics);
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
            partial = (0,extract/* toValued */.$k)(ev.lookup(n, scope, here), "string");
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


/***/ }),

/***/ 196:
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

/***/ 6517:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $k: () => (/* binding */ toValued),
/* harmony export */   O8: () => (/* binding */ BUILD_KEYS),
/* harmony export */   hp: () => (/* binding */ DEPLOY_KEYS),
/* harmony export */   rc: () => (/* binding */ RUN_KEYS),
/* harmony export */   tY: () => (/* binding */ extractService),
/* harmony export */   xI: () => (/* binding */ SERVICE_KEYS)
/* harmony export */ });
/* harmony import */ var _values_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1092);

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
        name: toValued(res.name, "string") ?? {
            provenance: "unknown",
            span: res.span,
            note: "the service has no name",
        },
        span: res.span,
        rootDirectory: toValued(first(get(source, "rootDirectory"), get(cfg, "root"), get(cfg, "rootDirectory")), "string"),
        builder: toValued(buildField("builder"), "string"),
        buildCommand: toValued(buildCommand, "string"),
        dockerfilePath: toValued(buildField("dockerfilePath"), "string"),
        nixpacksConfigPath: toValued(buildField("nixpacksConfigPath"), "string"),
        watchPatterns: toValued(buildField("watchPatterns"), "string[]"),
        startCommand: toValued(deployField("startCommand", get(cfg, "start"), get(cfg, "startCommand"), get(run, "command")), "string"),
        healthcheckPath: toValued(deployField("healthcheckPath", get(cfg, "healthcheck"), get(cfg, "healthcheckPath"), get(run, "healthcheck")), "string"),
        healthcheckTimeout: toValued(deployField("healthcheckTimeout", get(cfg, "healthcheckTimeout"), get(run, "healthcheckTimeout")), "number"),
        preDeployCommand: toValued(deployField("preDeployCommand", get(cfg, "preDeploy"), get(cfg, "preDeployCommand"), get(run, "preDeploy")), "string|string[]"),
        restartPolicyType: toValued(deployField("restartPolicyType"), "string"),
        restartPolicyMaxRetries: toValued(deployField("restartPolicyMaxRetries"), "number"),
        cronSchedule: toValued(deployField("cronSchedule"), "string"),
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
    check(cfg, SERVICE_KEYS, "`service()`", SERVICE_KEY_HOME);
    const build = ev.lookupProp(cfg, "build");
    check(build, BUILD_KEYS, "`build`", {});
    const deploy = ev.lookupProp(cfg, "deploy");
    check(deploy, DEPLOY_KEYS, "`deploy`", {
        restartPolicy: "deploy.restartPolicyType",
        start: "deploy.startCommand",
    });
    check(ev.lookupProp(cfg, "run"), RUN_KEYS, "`run`", {});
}
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
                return { ...base, kind: "literal", optional: null, value: toValued(v, "string") };
            }
            return {
                ...base,
                kind: "unknown",
                optional: null,
                value: { provenance: "unknown", span: v.span, note: `expected a string, found ${(0,_values_js__WEBPACK_IMPORTED_MODULE_0__/* .describe */ .q0)(v)}` },
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
            const value = toValued(valueAv, "string");
            if (value)
                out.value = value;
            return out;
        }
        default: {
            const value = toValued(v, "string");
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


/***/ }),

/***/ 1092:
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


/***/ })

};
