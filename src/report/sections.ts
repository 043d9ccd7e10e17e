/**
 * The report's tables as pure data, one set per service, computed from facts and findings. Renderers
 * turn them into markdown or text; nothing here formats for a medium.
 */
import { BUILDER_LABEL } from "../facts/builder.js";
import { categorize } from "../facts/categories.js";
import { declares, isProvidedByPlatform } from "../facts/env-names.js";
import type { ServiceFacts } from "../facts/service.js";
import type { Finding } from "../model/finding.js";
import type { EnvRow, Sections } from "../model/report.js";
import { sameSpan } from "../model/span.js";
import { formatVersion, minorOf, sameMinor } from "../python/versions.js";
import { formatPath, isRecord } from "../sources/doc.js";

export const CHECKLIST: Array<{ group: string; item: string; rules: string[] }> = [
  {
    group: "Build",
    item: "Python version agrees across files",
    rules: ["python-version-mismatch", "python-version-unreadable", "ci-python-mismatch"],
  },
  { group: "Build", item: "Python version is supported", rules: ["python-end-of-life"] },
  {
    group: "Build",
    item: "Pinned packages install on that Python",
    rules: ["pin-python-incompatible", "requires-python-unsatisfied"],
  },
  {
    group: "Build",
    item: "Config keys and values are valid",
    rules: [
      "nixpacks-unknown-key",
      "railpack-unknown-key",
      "railway-unknown-key",
      "railway-invalid-value",
      "railway-path-missing",
      "invalid-config-syntax",
    ],
  },
  {
    group: "Build",
    item: "Build config does what it says",
    rules: [
      "builder-config-conflict",
      "nixpacks-list-replaced",
      "nixpacks-plan-overrides-file",
      "nixpacks-python-missing",
      "install-missing-file",
      "venv-path-mismatch",
      "system-library-missing",
    ],
  },
  {
    group: "Runtime",
    item: "One start command, no differing overrides",
    rules: ["start-command-overridden", "start-command-missing", "start-command-syntax"],
  },
  { group: "Runtime", item: "App module and object exist", rules: ["start-command-app-not-found"] },
  { group: "Runtime", item: "Binds all interfaces (0.0.0.0)", rules: ["start-command-host"] },
  { group: "Runtime", item: "Listens on $PORT", rules: ["start-command-port"] },
  {
    group: "Runtime",
    item: "Server installed, interpreter exists",
    rules: ["start-command-server-not-installed", "start-command-interpreter"],
  },
  { group: "Runtime", item: "No reload/dev mode", rules: ["start-command-reload"] },
  {
    group: "Dependencies",
    item: "Lockfile matches requirements",
    rules: [
      "lockfile-missing-package",
      "lockfile-extra-package",
      "lockfile-version-mismatch",
      "lockfile-extras-mismatch",
      "pyproject-lock-stale",
    ],
  },
  { group: "Dependencies", item: "Requirements pinned", rules: ["requirement-not-pinned"] },
  { group: "Dependencies", item: "No duplicate requirements", rules: ["requirements-duplicate"] },
  {
    group: "Environment",
    item: "Required variables documented and required in railway.ts/railway.py",
    rules: ["env-required-undocumented", "env-optional-in-railway"],
  },
  { group: "Environment", item: "No committed secrets", rules: ["committed-secret"] },
  {
    group: "Platform",
    item: "No deprecated Railway config",
    rules: ["config-as-code-deprecated", "nixpacks-deprecated"],
  },
  {
    group: "Platform",
    item: "One Railway config per service, migrated completely",
    rules: ["railway-config-conflict", "railway-ts-template-reference"],
  },
];

export function buildSections(svc: ServiceFacts, allFindings: Finding[]): Sections {
  const findings = allFindings.filter((f) => f.service === svc.display);
  const eff = svc.python.selected;
  const builderLabel = BUILDER_LABEL[svc.builder.name];

  const python: Sections["python"] = {
    sources: svc.python.sources.map((s) => {
      let status: string;
      if (!s.version) status = `❌ ${s.problem ?? "unreadable"}`;
      else if (
        svc.builder.name === "nixpacks" &&
        svc.python.nixpacksFile?.source === s &&
        svc.python.nixpacksFile.fallbackReason
      ) {
        status = "❌ unreadable by Nixpacks (falls back to default)";
      } else if (!eff.parsed || eff.isDefault) status = "➖ no effective version to compare";
      else if (sameSpan(s.span, eff.span)) status = `✅ used by ${builderLabel}`;
      else if (!sameMinor(s.version, eff.parsed))
        status = `❌ disagrees (${minorOf(s.version)} ≠ ${minorOf(eff.parsed)})`;
      else if (
        s.version.patch !== null &&
        eff.parsed.patch !== null &&
        s.version.patch !== eff.parsed.patch
      ) {
        status = `⚠️ patch differs (${formatVersion(s.version)} ≠ ${eff.version})`;
      } else status = "✅ agrees";
      return {
        file: s.file,
        line: s.span.line,
        raw: s.raw,
        version: s.version ? formatVersion(s.version) : null,
        format: s.format,
        status,
      };
    }),
  };

  const selected = svc.start.selected;
  const start: Sections["start"] = {
    candidates: svc.start.candidates.map((c) => {
      let status: string;
      if (c === selected) status = `▶ runs (${builderLabel})`;
      else if (!c.readBy.includes(svc.builder.name)) status = `➖ not read by ${builderLabel}`;
      else if (c.kind === "railway-env-start") status = "▶ runs in that environment";
      else if (
        selected &&
        c.command.trim().replace(/\s+/g, " ") === selected.command.trim().replace(/\s+/g, " ")
      ) {
        status = "✅ overridden, identical";
      } else status = "⚠️ overridden, differs";
      return { source: c.label, file: c.file ?? "", line: c.span?.line ?? null, command: c.command, status };
    }),
    effective: { command: selected?.command ?? null, from: selected?.label ?? "none" },
  };

  const lock: Sections["lock"] = svc.lockPairs.map((p) => ({
    requirements: p.requirements,
    lock: p.lock,
    kind: p.diff.kind,
    requirementsCount: new Set(p.declared.map((r) => r.normalized)).size,
    lockCount: new Set(p.locked.map((r) => r.normalized)).size,
    missingInLock: p.diff.missingInLock.map((r) => r.raw),
    extraInLock: p.diff.extraInLock.map((r) => r.raw),
    mismatched: [
      ...p.diff.versionMismatch.map((m) => `${m.req.raw} ≠ ${m.lock.raw}`),
      ...p.diff.extrasMismatch.map((m) => `${m.req.raw} ≠ ${m.lock.raw}`),
    ],
    inSync: p.diff.inSync,
  }));

  const names = svc.requirements.flatMap((f) => f.requirements.map((r) => r.normalized));
  const categories = categorize(names);

  const build: Sections["build"] = [];
  build.push({
    item: "Builder",
    value: builderLabel,
    file: svc.builder.span?.file ?? "",
    line: svc.builder.span?.line ?? null,
    status: svc.builder.reason,
  });
  if (svc.builder.name === "nixpacks") {
    build.push({
      item: "Setup nixPkgs (merged)",
      value: svc.python.nixPkgs.items.map((i) => i.value).join(", "),
      file: "",
      line: null,
      status: statusFor(findings, [
        "nixpacks-list-replaced",
        "nixpacks-plan-overrides-file",
        "nixpacks-python-missing",
      ]),
    });
    const install =
      svc.railwayPlan?.phases.get("install")?.lists.cmds ?? svc.nixpacks?.phases.get("install")?.lists.cmds;
    build.push({
      item: "Install commands",
      value: install
        ? install.items.map((i) => i.value).join(" && ")
        : "provider default (venv at /opt/venv, pip install -r requirements.txt)",
      file: install?.span.file ?? "",
      line: install?.span.line ?? null,
      status: statusFor(findings, ["install-missing-file", "venv-path-mismatch"]),
    });
    build.push({
      item: "Virtualenv",
      value: "/opt/venv",
      file: "",
      line: null,
      status: "Nixpacks (python.rs VENV_LOCATION)",
    });
  } else if (svc.builder.name === "railpack") {
    build.push({
      item: "Virtualenv",
      value: "/app/.venv",
      file: "",
      line: null,
      status: "Railpack (VENV_PATH)",
    });
  }
  build.push({
    item: "Python",
    value: eff.version ?? "builder default",
    file: eff.span?.file ?? "",
    line: eff.span?.line ?? null,
    status: eff.from,
  });

  const railway: Sections["railway"] = [];
  const cac = svc.railway ?? svc.railwayUnread;
  if (cac && isRecord(cac.doc.value)) {
    const doc = cac.doc;
    // Iterative, depth-capped and row-capped: a `[a.a.a…]` header with thousands of segments must
    // neither overflow the stack nor copy its path at every level.
    const stack: Array<{ v: unknown; path: Array<string | number> }> = [{ v: doc.value, path: [] }];
    while (stack.length && railway.length < RAILWAY_ROWS_MAX) {
      const { v, path } = stack.pop()!;
      const nested = isRecord(v) && !(path.length >= 2 && path[1] === "nixpacksPlan");
      if (nested && path.length < RAILWAY_DEPTH_MAX) {
        const entries = Object.entries(v);
        for (let i = entries.length - 1; i >= 0; i--)
          stack.push({ v: entries[i]![1], path: [...path, entries[i]![0]] });
        continue;
      }
      const deep = nested;
      const span = doc.keySpan(path) ?? doc.spanFor(path);
      const key = formatPath(path);
      const f = findings.find(
        (x) =>
          x.file === doc.file &&
          x.line === span.line &&
          (x.rule.startsWith("railway-") ||
            x.rule === "nixpacks-plan-overrides-file" ||
            x.rule === "builder-config-conflict"),
      );
      railway.push({
        key: deep ? `${key}.…` : key,
        value: deep ? `(nested deeper than ${RAILWAY_DEPTH_MAX} levels, not shown)` : valueText(v),
        file: doc.file,
        line: span.line,
        status: f ? `${f.severity === "error" ? "❌" : "⚠️"} ${f.rule}` : "✅",
      });
    }
  }

  const envRows: EnvRow[] = svc.env.variables.map((v) => {
    const r = v.reads.find((x) => x.required === v.required) ?? v.reads[0]!;
    const via = `${r.owner ? `\`${r.owner}\` · ` : ""}${r.reader}${r.scope === "function" ? " (inside a function)" : ""}`;
    return {
      name: v.name,
      file: v.span.file,
      line: v.span.line,
      via,
      default: v.required ? null : (v.default ?? "None"),
      documentedIn: svc.env.declarations
        .filter((d) => declares(d, v))
        .map((d) => `${d.span.file}:${d.span.line}`)
        .filter((x, i, a) => a.indexOf(x) === i),
      providedBy: isProvidedByPlatform(v.name) ? "railway" : null,
    };
  });
  const env: Sections["env"] = {
    required: envRows.filter((r) => r.default === null),
    optional: envRows.filter((r) => r.default !== null),
    documentation: [
      ...svc.env.docFiles,
      ...new Set(svc.env.declarations.filter((d) => d.source !== "env-example").map((d) => d.span.file)),
    ],
    scannedFiles: svc.env.scan.files.length,
  };

  const checklist = CHECKLIST.map((c) => ({
    group: c.group,
    item: c.item,
    ok: !findings.some((f) => c.rules.includes(f.rule) && f.severity !== "notice"),
    rule: c.rules[0]!,
  }));

  return { python, plans: svc.plans, start, lock, categories, build, railway, env, checklist };
}

/** Keys of railway.json/railway.toml listed in the Railway configuration table. */
export const RAILWAY_ROWS_MAX = 500;
/** Nesting shown in that table; deeper values are one row saying so. */
export const RAILWAY_DEPTH_MAX = 16;

/** A value's display text, bounded (a key's value can be a large array or object). */
function valueText(v: unknown): string {
  if (typeof v === "string") return v.length > 300 ? `${v.slice(0, 300)}…` : v;
  let s: string;
  try {
    // One space after each `,` and `:` of the JSON, so a long value can wrap in a table cell.
    s = JSON.stringify(v, null, 1)?.replace(/\n\s*/g, " ") ?? String(v);
  } catch {
    s = "(too deep to show)";
  }
  return s.length > 300 ? `${s.slice(0, 300)}…` : s;
}

function statusFor(findings: Finding[], rules: string[]): string {
  const hit = findings.filter((f) => rules.includes(f.rule));
  if (hit.length === 0) return "✅";
  const worst = hit.some((f) => f.severity === "error")
    ? "❌"
    : hit.some((f) => f.severity === "warning")
      ? "⚠️"
      : "ℹ️";
  return `${worst} ${[...new Set(hit.map((f) => f.rule))].join(", ")}`;
}
