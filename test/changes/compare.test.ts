import { describe, expect, it } from "vitest";
import { analyze } from "../../src/analyze.js";
import type { Finding } from "../../src/model/finding.js";
import { DiskWorkspace } from "../../src/repo/disk.js";
import { renderMarkdown } from "../../src/report/markdown.js";
import { ALL_PARSERS } from "../helpers/parsers.js";
import { analyzeChange, makeRepo, SERVICE, TODAY } from "./git-repo.js";

const CHANGE_RULES = [
  "dependency-changed",
  "lock-not-updated",
  "lock-changed-inconsistently",
  "python-version-partially-changed",
  "protected-path-changed",
];

const pick = (fs: Finding[], rule: string) =>
  fs
    .filter((f) => f.rule === rule)
    .map((f) => ({ severity: f.severity, file: f.file, line: f.line, message: f.message }));

describe("base vs head on real git repositories", () => {
  it("a dependency added to requirements.txt without the lock is an error naming the package, at its line", () => {
    const dir = makeRepo(SERVICE, {
      "requirements.txt": "fastapi==0.115.0\nuvicorn==0.32.0\nhttpx==0.27.0\n",
    });
    const { report } = analyzeChange(dir);
    expect(report.changes).toEqual([
      {
        service: ".",
        file: "requirements.txt",
        line: 3,
        package: "httpx",
        change: "added",
        from: null,
        to: "0.27.0",
      },
    ]);
    // One root cause, one finding: the lock lacks httpx (lockfile-missing-package), the message says it
    // came with this change; lock-not-updated and dependency-changed at the same line are folded in.
    expect(pick(report.findings, "lock-not-updated")).toEqual([]);
    expect(pick(report.findings, "dependency-changed")).toEqual([]);
    expect(pick(report.findings, "lockfile-missing-package")).toEqual([
      {
        severity: "error",
        file: "requirements.txt",
        line: 3,
        message:
          "`httpx==0.27.0` in requirements.txt is missing from requirements.lock (changed in this pull request without its lock)",
      },
    ]);
    expect(report.findings.find((f) => f.rule === "lockfile-missing-package")?.baseline).toBe("new");
    expect(report.blocking).toBe(true);
  });

  it("shows a bump as `0.115.0 → 0.115.5` and stays quiet when the lock moved with it", () => {
    const dir = makeRepo(SERVICE, {
      "requirements.txt": "fastapi==0.115.5\nuvicorn==0.32.0\n",
      "requirements.lock": "fastapi==0.115.5\nuvicorn==0.32.0\n",
    });
    const { report } = analyzeChange(dir);
    expect(report.changes?.map((c) => [c.file, c.line, c.package, c.change, c.from, c.to])).toEqual([
      ["requirements.lock", 1, "fastapi", "upgraded", "0.115.0", "0.115.5"],
      ["requirements.txt", 1, "fastapi", "upgraded", "0.115.0", "0.115.5"],
    ]);
    // The default policy (`dependency-changes = "allow"`) lists changes in the table only.
    expect(pick(report.findings, "dependency-changed")).toEqual([]);
    expect(report.findings.filter((f) => f.rule.startsWith("lock"))).toEqual([]);
    const md = renderMarkdown(report);
    expect(md).toContain("| `fastapi` | ⬆️ upgraded | `0.115.0` → `0.115.5` | `requirements.txt:1` |");
  });

  it("reports removals, downgrades and specifier changes", () => {
    const dir = makeRepo(
      { ...SERVICE, "requirements-dev.txt": "pytest>=8\nruff==0.6.0\nmypy==1.11.0\n" },
      { "requirements-dev.txt": "pytest>=8.3\nruff==0.5.7\n" },
    );
    const { report } = analyzeChange(dir);
    expect(report.changes?.map((c) => [c.line, c.package, c.change, c.from, c.to])).toEqual([
      [1, "pytest", "changed", ">=8", ">=8.3"],
      [2, "ruff", "downgraded", "0.6.0", "0.5.7"],
      [3, "mypy", "removed", "1.11.0", null],
    ]);
    // No lock pairs requirements-dev.txt: nothing to keep in step.
    expect(report.findings.filter((f) => f.rule.startsWith("lock"))).toEqual([]);
  });

  it("a lock that changed but still disagrees with the changed requirement is lock-changed-inconsistently", () => {
    const dir = makeRepo(SERVICE, {
      "requirements.txt": "fastapi==0.115.5\nuvicorn==0.32.0\n",
      "requirements.lock": "fastapi==0.115.0\nuvicorn==0.32.1\n",
    });
    const { report } = analyzeChange(dir);
    // Folded into the lock line's lockfile-version-mismatch, which names requirements.txt:1 as related.
    expect(pick(report.findings, "lock-changed-inconsistently")).toEqual([]);
    expect(pick(report.findings, "lockfile-version-mismatch")[0]!.message).toContain(
      "(changed in this pull request; the lock changed too but still disagrees)",
    );
    expect(pick(report.findings, "lock-not-updated")).toEqual([]);
  });

  it("a change under a protected glob is an error naming the glob", () => {
    const dir = makeRepo(
      { ...SERVICE, "deploy-drift.toml": 'protected-paths = ["railway.json", ".github/workflows/**"]\n' },
      { ".github/workflows/deploy.yml": "on: push\n" },
    );
    const { report } = analyzeChange(dir);
    expect(pick(report.findings, "protected-path-changed")).toEqual([
      {
        severity: "error",
        file: ".github/workflows/deploy.yml",
        line: null,
        message:
          "`.github/workflows/deploy.yml` matches the protected path `.github/workflows/**` and was changed",
      },
    ]);
    const f = report.findings.find((x) => x.rule === "protected-path-changed")!;
    expect(f.fix).toContain("triage or write permission");
    expect(f.fix).toContain("`deploy-drift: allow-protected`");
    expect(renderMarkdown(report)).toContain("**Protected files:** 1 changed");
  });

  it("the override label turns a protected change into a notice", () => {
    const dir = makeRepo(
      {
        ...SERVICE,
        "deploy-drift.toml": 'protected-paths = ["railway.json"]\nprotected-label = "ops-approved"\n',
      },
      { "railway.json": SERVICE["railway.json"]!.toString().replace("RAILPACK", "NIXPACKS") },
    );
    expect(
      pick(
        analyzeChange(dir, ["deploy-drift: allow-protected"]).report.findings,
        "protected-path-changed",
      )[0]!.severity,
    ).toBe("error");
    const { report } = analyzeChange(dir, ["ops-approved"]);
    expect(pick(report.findings, "protected-path-changed")).toEqual([
      {
        severity: "notice",
        file: "railway.json",
        line: null,
        message:
          "`railway.json` matches the protected path `railway.json`; the change is allowed by the `ops-approved` label",
      },
    ]);
  });

  it("an expired suppression is a warning and no longer hides the finding; a live one does", () => {
    const config = (until: string) =>
      `[[ignore]]\nrule = "lock-not-updated"\nreason = "lock regenerated by the release job"\nuntil = "${until}"\n`;
    const head = { "requirements.txt": "fastapi==0.115.0\nuvicorn==0.32.0\nhttpx==0.27.0\n" };
    const expired = analyzeChange(
      makeRepo({ ...SERVICE, "deploy-drift.toml": config("2026-01-31") }, head),
    ).report;
    expect(pick(expired.findings, "suppression-expired").map((f) => [f.severity, f.file])).toEqual([
      ["warning", "deploy-drift.toml"],
    ]);
    // No longer hidden: folded into the lockfile-missing-package finding at the same line.
    expect(pick(expired.findings, "lockfile-missing-package")[0]!.message).toContain("without its lock");
    const live = analyzeChange(
      makeRepo({ ...SERVICE, "deploy-drift.toml": config("2027-01-31") }, head),
    ).report;
    expect(pick(live.findings, "lock-not-updated")).toEqual([]);
    expect(pick(live.findings, "lockfile-missing-package")[0]!.message).not.toContain("without its lock");
    expect(pick(live.findings, "suppression-expired")).toEqual([]);
  });

  it("an invalid config key is a finding at its line", () => {
    const dir = makeRepo(SERVICE, {
      "deploy-drift.toml": 'fail-on = "error"\nprotected-path = ["railway.json"]\n',
    });
    const { report } = analyzeChange(dir);
    expect(pick(report.findings, "invalid-deploy-drift-config")).toEqual([
      {
        severity: "error",
        file: "deploy-drift.toml",
        line: 2,
        message: "`protected-path` is not a deploy-drift setting; did you mean `protected-paths`?",
      },
    ]);
  });

  it("`severity` and `dependency-changes` configure the change rules", () => {
    const head = { "requirements.txt": "fastapi==0.115.0\nuvicorn==0.32.0\nhttpx==0.27.0\n" };
    // A bump made in both files: no lock finding for a dependency-changed finding to fold into.
    const bump = {
      "requirements.txt": "fastapi==0.115.5\nuvicorn==0.32.0\n",
      "requirements.lock": "fastapi==0.115.5\nuvicorn==0.32.0\n",
    };
    const run = (toml: string, h: Record<string, string> = bump) =>
      analyzeChange(makeRepo({ ...SERVICE, "deploy-drift.toml": toml }, h)).report;
    expect(pick(run('dependency-changes = "allow"\n').findings, "dependency-changed")).toEqual([]);
    expect(pick(run('dependency-changes = "block"\n').findings, "dependency-changed")[0]!.severity).toBe(
      "error",
    );
    expect(pick(run('dependency-changes = "warn"\n').findings, "dependency-changed")[0]!.severity).toBe(
      "warning",
    );
    const off = run('severity = { "lock-not-updated" = "off", "dependency-changed" = "notice" }\n', head);
    expect(pick(off.findings, "lock-not-updated")).toEqual([]);
    expect(pick(off.findings, "lockfile-missing-package")[0]!.message).not.toContain("without its lock");
    expect(
      pick(
        run('dependency-changes = "warn"\nseverity = { "dependency-changed" = "notice" }\n').findings,
        "dependency-changed",
      )[0]!.severity,
    ).toBe("notice");
  });

  it("a Python version changed in one file but not the others is an error at each file left behind", () => {
    const base = { ...SERVICE, "runtime.txt": "python-3.12.7\n", Dockerfile: "FROM python:3.12-slim\n" };
    const dir = makeRepo(base, { "runtime.txt": "python-3.13.1\n" });
    const { report } = analyzeChange(dir);
    const found = pick(report.findings, "python-version-partially-changed");
    // Each file left behind is reported once: by this rule, or folded into a python-version-mismatch
    // finding that names it (which then says the change caused it).
    expect(found[0]!.file).toBe(".python-version");
    const dockerfile = found.filter((f) => f.file === "Dockerfile").length;
    const folded = report.findings.filter(
      (f) =>
        f.rule === "python-version-mismatch" &&
        f.message.includes("(changed in this pull request in only some of the files)"),
    ).length;
    expect(dockerfile + folded).toBe(1);
    expect(found[0]!.message).toBe(
      "This change moved the Python version in runtime.txt (`3.12.7` → `3.13.1`), but .python-version still says `3.12`",
    );
  });

  it("a Python change that brings a file in line with the others does not fire", () => {
    const dir = makeRepo(
      { ...SERVICE, "runtime.txt": "python-3.11.9\n" },
      { "runtime.txt": "python-3.12.7\n" },
    );
    expect(pick(analyzeChange(dir).report.findings, "python-version-partially-changed")).toEqual([]);
  });

  it("pyproject dependencies changed without uv.lock are lock-not-updated; with it, nothing", () => {
    const pyproject = (deps: string) =>
      `[project]\nname = "svc"\nversion = "0.1.0"\ndependencies = [\n${deps}]\n`;
    const uvLock = (v: string) =>
      `version = 1\n\n[[package]]\nname = "fastapi"\nversion = "${v}"\n\n[[package]]\nname = "svc"\nversion = "0.1.0"\n`;
    const base = {
      ...SERVICE,
      "pyproject.toml": pyproject('  "fastapi>=0.115,<0.116",\n'),
      "uv.lock": uvLock("0.115.0"),
    };
    const stale = analyzeChange(
      makeRepo(base, { "pyproject.toml": pyproject('  "fastapi>=0.115.4,<0.116",\n') }),
    ).report;
    expect(pick(stale.findings, "lock-not-updated")).toEqual([
      {
        severity: "error",
        file: "pyproject.toml",
        line: 5,
        message:
          "`fastapi` was changed (`>=0.115,<0.116 → >=0.115.4,<0.116`) in pyproject.toml, but its lock uv.lock was not updated",
      },
    ]);
    const wrong = analyzeChange(
      makeRepo(base, {
        "pyproject.toml": pyproject('  "fastapi>=0.115.4,<0.116",\n'),
        "uv.lock": uvLock("0.115.2"),
      }),
    ).report;
    expect(pick(wrong.findings, "lock-changed-inconsistently").map((f) => f.message)).toEqual([
      "`fastapi` was changed (`>=0.115,<0.116 → >=0.115.4,<0.116`) in pyproject.toml; uv.lock changed too but does not match: uv.lock locks `0.115.2`, which does not satisfy `>=0.115.4,<0.116`",
    ]);
    const good = analyzeChange(
      makeRepo(base, {
        "pyproject.toml": pyproject('  "fastapi>=0.115.4,<0.116",\n'),
        "uv.lock": uvLock("0.115.5"),
      }),
    ).report;
    expect(good.findings.filter((f) => f.rule.startsWith("lock"))).toEqual([]);
    expect(good.changes?.map((c) => [c.file, c.package, c.change, c.from, c.to])).toEqual([
      ["pyproject.toml", "fastapi", "changed", ">=0.115,<0.116", ">=0.115.4,<0.116"],
      ["uv.lock", "fastapi", "upgraded", "0.115.0", "0.115.5"],
    ]);
  });

  it("must not fire: a base/head pair with no dependency change", () => {
    const dir = makeRepo(
      { ...SERVICE, "deploy-drift.toml": 'protected-paths = [".github/**"]\n' },
      { "README.md": "# svc\n", "main.py": "from fastapi import FastAPI\n\napp = FastAPI(title='svc')\n" },
    );
    const { report } = analyzeChange(dir);
    expect(report.changes).toEqual([]);
    expect(report.findings.filter((f) => CHANGE_RULES.includes(f.rule))).toEqual([]);
    expect(renderMarkdown(report)).toContain("No dependency changed. ✅");
  });

  it("without a base there is no changes section", () => {
    const dir = makeRepo(SERVICE, {});
    const report = analyze(new DiskWorkspace(dir), { today: TODAY, parsers: ALL_PARSERS });
    expect(report.changes).toBeNull();
    expect(renderMarkdown(report)).not.toContain("Dependency Policy Compliance");
  });
});
