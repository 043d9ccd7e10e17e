/**
 * Finds and validates deploy-drift's own configuration. Invalid keys and values are findings at
 * their line (rule `invalid-deploy-drift-config`), never crashes; the valid rest still applies.
 */
import type { z } from "zod";
import type { Finding } from "../model/finding.js";
import type { Workspace } from "../repo/workspace.js";
import { type ConfigDoc, getPath, isRecord, type Path, parseTomlDoc } from "../sources/doc.js";
import { didYouMean } from "../sources/schema.js";
import { CONFIG_KEYS, defaultConfig } from "./defaults.js";
import type { Config, ConfigSchema } from "./schema.js";

/** The zod schema, passed in: it is loaded only when a configuration exists (see `analyzeRepo`). */
export type ConfigValidator = typeof ConfigSchema;

export const CONFIG_RULE = "invalid-deploy-drift-config";

export interface LoadedConfig {
  config: Config;
  /** Where it came from, or null for defaults. */
  file: string | null;
  findings: Finding[];
  doc: ConfigDoc | null;
  /** Path of the config table inside the document ([] or ["tool","deploy-drift"]). */
  base: Path;
}

export const CONFIG_FILES = ["deploy-drift.toml", ".deploy-drift.toml"];

/** Where the configuration is: nothing (defaults), a file that cannot be read, or a parsed document. */
export type ConfigSource =
  | { kind: "none" }
  | { kind: "unreadable"; file: string; finding: Finding }
  | { kind: "doc"; doc: ConfigDoc; base: Path };

export function findConfig(ws: Workspace, explicit?: { file: string; text: string } | string): ConfigSource {
  if (explicit !== undefined) {
    if (typeof explicit === "string") {
      const r = ws.read(explicit);
      if (r.kind !== "ok") {
        return {
          kind: "unreadable",
          file: explicit,
          finding: configFinding(
            explicit,
            null,
            r.kind === "missing" ? `config file \`${explicit}\` does not exist` : r.detail,
            "Point `config` at a TOML file inside the repository.",
          ),
        };
      }
      return fromText(explicit, r.text);
    }
    return fromText(explicit.file, explicit.text);
  }
  for (const f of CONFIG_FILES) {
    const r = ws.read(f);
    if (r.kind === "ok") return { kind: "doc", doc: parseTomlDoc(f, r.text), base: [] };
  }
  const py = ws.read("pyproject.toml");
  if (py.kind === "ok") {
    const doc = parseTomlDoc("pyproject.toml", py.text);
    if (getPath(doc.value, ["tool", "deploy-drift"]) !== undefined)
      return { kind: "doc", doc, base: ["tool", "deploy-drift"] };
  }
  return { kind: "none" };
}

/**
 * The configuration for a run. `schema` validates a configuration document; without it (a caller
 * that did not load it) a run with a configuration is refused rather than run on the defaults.
 */
export function loadConfig(
  ws: Workspace,
  explicit?: { file: string; text: string } | string,
  schema?: ConfigValidator,
): LoadedConfig {
  const found = findConfig(ws, explicit);
  if (found.kind === "none")
    return { config: defaultConfig(), file: null, findings: [], doc: null, base: [] };
  if (found.kind === "unreadable")
    return { config: defaultConfig(), file: found.file, doc: null, base: [], findings: [found.finding] };
  if (!schema)
    throw new Error("a deploy-drift configuration exists: call analyzeRepo(), which loads its schema");
  return fromDoc(found.doc, found.base, schema);
}

function fromText(file: string, text: string): ConfigSource {
  const base = file.endsWith("pyproject.toml") ? ["tool", "deploy-drift"] : [];
  return { kind: "doc", doc: parseTomlDoc(file, text), base };
}

function fromDoc(doc: ConfigDoc, base: Path, schema: ConfigValidator): LoadedConfig {
  const findings: Finding[] = doc.diagnostics.map((d) =>
    configFinding(doc.file, d.span, d.message, d.fix ?? "Fix the TOML syntax."),
  );
  const raw = doc.value === null ? {} : getPath(doc.value, base);
  if (!isRecord(raw)) {
    if (doc.value !== null) {
      findings.push(
        configFinding(
          doc.file,
          doc.spanFor(base),
          "deploy-drift's configuration must be a table",
          "Write it as a TOML table.",
        ),
      );
    }
    return { config: defaultConfig(), file: doc.file, findings, doc, base };
  }
  const input: Record<string, unknown> = { ...raw };
  // Validate key by key so one bad value does not discard the rest.
  for (let attempt = 0; attempt < 50; attempt++) {
    const res = schema.safeParse(input);
    if (res.success) return { config: res.data, file: doc.file, findings, doc, base };
    const removed = new Set<string>();
    for (const issue of res.error.issues) {
      const top = issue.code === "unrecognized_keys" ? undefined : issue.path[0];
      if (issue.code === "unrecognized_keys") {
        for (const k of issue.keys) {
          const p = [...base, ...issue.path.map(String), k];
          const s = didYouMean(k, CONFIG_KEYS);
          findings.push(
            configFinding(
              doc.file,
              doc.keySpan(p) ?? doc.spanFor(p),
              `\`${k}\` is not a deploy-drift setting${s ? `; did you mean \`${s}\`?` : ""}`,
              s
                ? `Rename it to \`${s}\`.`
                : `Remove it; settings are ${CONFIG_KEYS.map((c) => `\`${c}\``).join(", ")}.`,
            ),
          );
          if (issue.path.length === 0) removed.add(k);
          else removed.add(String(issue.path[0]));
        }
      } else if (typeof top === "string") {
        const p = [...base, ...(issue.path as Array<string | number>)];
        findings.push(
          configFinding(
            doc.file,
            doc.valueSpan(p) ?? doc.spanFor(p),
            `\`${issue.path.join(".")}\`: ${describeIssue(issue)}`,
            "Correct the value; see README's configuration section.",
          ),
        );
        removed.add(top);
      }
    }
    if (removed.size === 0) break;
    for (const k of removed) delete input[k];
  }
  return { config: defaultConfig(), file: doc.file, findings, doc, base };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === "invalid_value")
    return `must be one of ${issue.values.map((v) => `\`${String(v)}\``).join(", ")}`;
  return issue.message;
}

function configFinding(
  file: string,
  span: { line: number; column: number } | null,
  message: string,
  fix: string,
): Finding {
  return {
    rule: CONFIG_RULE,
    severity: "error",
    service: ".",
    file,
    line: span?.line ?? null,
    column: span?.column ?? null,
    message,
    fix,
  };
}
