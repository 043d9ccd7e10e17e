#!/usr/bin/env node
// Extracts the few GitHub REST operations the action calls (request bodies, parameters, example
// responses) and the pull_request webhook payload schema from @octokit/openapi into a small committed
// fixture, so the end-to-end test can validate every request against GitHub's published description
// without loading the 13 MB spec.
//
//   node scripts/extract-openapi.mjs            # rewrite test/fixtures/github/openapi-subset.json
//   node scripts/extract-openapi.mjs --check    # exit 1 when the committed fixture is stale
//
// OpenAPI 3.0 schemas are converted to plain JSON Schema so ajv compiles them as they are:
// `nullable: true` becomes a `"null"` type, descriptions and examples are dropped, `$ref`s point into
// the fixture's own `components.schemas`.
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const specPath = path.join(root, "node_modules/@octokit/openapi/generated/api.github.com.json");
const pkgPath = path.join(root, "node_modules/@octokit/openapi/package.json");
const outPath = path.join(root, "test/fixtures/github/openapi-subset.json");

/** operationId → which response example the fake server starts from. */
const OPERATIONS = {
  "issues/list-comments": "issue-comment-items",
  "issues/create-comment": "issue-comment",
  "issues/update-comment": "issue-comment",
  "issues/delete-comment": null,
  "checks/create": "check-run-example-of-completed-conclusion",
  "checks/update": "check-run",
  // Reading the pull request's base revision (src/github/base-workspace.ts).
  "pulls/list-files": "diff-entry-items",
  "git/get-tree": "git-tree-default-response",
  "git/get-blob": "blob",
};
const WEBHOOK_SCHEMAS = ["webhook-pull-request-synchronize", "webhook-pull-request-opened"];

const spec = JSON.parse(fs.readFileSync(specPath, "utf8"));
const version = JSON.parse(fs.readFileSync(pkgPath, "utf8")).version;

const byId = new Map();
for (const [p, item] of Object.entries(spec.paths)) {
  for (const [method, op] of Object.entries(item)) {
    if (op && typeof op === "object" && op.operationId) byId.set(op.operationId, { path: p, method, op });
  }
}

const resolveRef = (ref) => {
  const parts = ref.replace(/^#\//, "").split("/");
  let node = spec;
  for (const part of parts) node = node[part.replace(/~1/g, "/").replace(/~0/g, "~")];
  if (node === undefined) throw new Error(`unresolved ${ref}`);
  return node;
};

const schemas = {};
const pending = [];

/** OpenAPI 3.0 schema → JSON Schema (draft-07 subset ajv understands), collecting referenced components. */
function convert(node) {
  if (Array.isArray(node)) return node.map(convert);
  if (!node || typeof node !== "object") return node;
  if (typeof node.$ref === "string") {
    const m = /^#\/components\/schemas\/(.+)$/.exec(node.$ref);
    if (!m) return convert(resolveRef(node.$ref));
    if (!(m[1] in schemas)) {
      schemas[m[1]] = null;
      pending.push(m[1]);
    }
    return { $ref: `#/components/schemas/${m[1]}` };
  }
  const out = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === "description" || k === "example" || k === "examples" || k === "externalDocs") continue;
    if (k === "nullable" || k === "readOnly" || k === "writeOnly" || k === "deprecated") continue;
    if (k.startsWith("x-")) continue;
    if (k === "properties" || k === "patternProperties") {
      out[k] = Object.fromEntries(Object.entries(v).map(([name, s]) => [name, convert(s)]));
    } else out[k] = convert(v);
  }
  if (node.nullable === true) {
    if (typeof out.type === "string") out.type = [out.type, "null"];
    else if (Array.isArray(out.type)) out.type = [...new Set([...out.type, "null"])];
    else if (out.enum) out.enum = [...out.enum, null];
    else return { anyOf: [out, { type: "null" }] };
    if (out.enum && !out.enum.includes(null)) out.enum = [...out.enum, null];
  }
  return out;
}

const operations = {};
for (const [id, exampleName] of Object.entries(OPERATIONS)) {
  const found = byId.get(id);
  if (!found) throw new Error(`operation ${id} not found in @octokit/openapi ${version}`);
  const { op, method, path: p } = found;
  const params = (op.parameters ?? []).map((prm) => (prm.$ref ? resolveRef(prm.$ref) : prm));
  const body = op.requestBody?.content?.["application/json"]?.schema;
  const status = Object.keys(op.responses).find((s) => s.startsWith("2"));
  operations[id] = {
    method: method.toUpperCase(),
    path: p,
    parameters: params.map((prm) => ({
      name: prm.name,
      in: prm.in,
      required: prm.required === true,
      schema: convert(prm.schema),
    })),
    requestBody: body ? convert(body) : null,
    successStatus: Number(status),
    responseExample: exampleName ? spec.components.examples[exampleName].value : null,
  };
}
const webhooks = {};
for (const name of WEBHOOK_SCHEMAS) webhooks[name] = convert({ $ref: `#/components/schemas/${name}` });
while (pending.length) {
  const name = pending.shift();
  schemas[name] = convert(spec.components.schemas[name]);
}

const sorted = Object.fromEntries(
  Object.keys(schemas)
    .sort()
    .map((k) => [k, schemas[k]]),
);
const fixture = {
  $comment: `Generated by scripts/extract-openapi.mjs from @octokit/openapi ${version} (generated/api.github.com.json). Do not edit.`,
  source: { package: "@octokit/openapi", version, file: "generated/api.github.com.json" },
  operations,
  webhooks,
  components: { schemas: sorted },
};
const text = `${JSON.stringify(fixture, null, 1)}\n`;

if (process.argv.includes("--check")) {
  const current = fs.existsSync(outPath) ? fs.readFileSync(outPath, "utf8") : "";
  if (current !== text) {
    console.error(`${path.relative(root, outPath)} is stale; run node scripts/extract-openapi.mjs`);
    process.exit(1);
  }
  console.log(`${path.relative(root, outPath)} is up to date (@octokit/openapi ${version})`);
} else {
  fs.writeFileSync(outPath, text);
  console.log(
    `wrote ${path.relative(root, outPath)}: ${Object.keys(operations).length} operations, ${Object.keys(sorted).length} schemas, ${text.length} bytes`,
  );
}
