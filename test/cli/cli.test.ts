// The CLI as a user meets it: text on a terminal (colour per NO_COLOR / FORCE_COLOR), markdown in a
// pipe, --help with every option's default and the exit codes, `rule ID` / `--explain ID`.
import { describe, expect, it } from "vitest";
import { main, useColor } from "../../src/cli.js";

async function run(argv: string[], isTTY = false) {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    stdout: { write: (s: string) => (stdout += s), isTTY },
    stderr: { write: (s: string) => (stderr += s) },
  });
  return { code, stdout, stderr };
}

const ARGS = ["examples/maya-backend", "--today", "2026-11-26"];

describe("deploy-drift CLI", () => {
  it("prints text on a terminal and markdown in a pipe", async () => {
    const tty = await run(ARGS, true);
    expect(tty.code).toBe(1);
    const plain = tty.stdout.replace(/\u001b\[[0-9;]*m/g, "");
    expect(plain).toMatch(/^requirements\.txt:16:1: error \[lockfile-missing-package\] /m);
    expect(plain).toMatch(/deploy-drift: 5 errors, 8 warnings, 2 notices — blocking/);
    const pipe = await run(ARGS, false);
    expect(pipe.stdout.startsWith("❌ **deploy-drift: ")).toBe(true);
    expect((await run([...ARGS, "--format", "markdown"], true)).stdout).toBe(pipe.stdout);
  });

  it("says 'no drift found' when there is none", async () => {
    const r = await run(["test/fixtures/github/repo-clean", "--today", "2026-11-26", "--format", "text"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/deploy-drift: no drift found\n/);
  });

  it("colours per NO_COLOR and FORCE_COLOR", () => {
    expect(useColor(true, {})).toBe(true);
    expect(useColor(false, {})).toBe(false);
    expect(useColor(true, { NO_COLOR: "1" })).toBe(false);
    expect(useColor(true, { NO_COLOR: "" })).toBe(true);
    expect(useColor(false, { FORCE_COLOR: "1" })).toBe(true);
    expect(useColor(true, { FORCE_COLOR: "0" })).toBe(false);
    expect(useColor(false, { FORCE_COLOR: "1", NO_COLOR: "1" })).toBe(true);
  });

  it("--help lists every option with its default, and the exit codes", async () => {
    const { code, stdout } = await run(["--help"]);
    expect(code).toBe(0);
    for (const opt of [
      "--format",
      "--config",
      "--fail-on",
      "--today",
      "--base",
      "--label",
      "--filter-mode",
      "--pypi",
      "--explain",
      "--help",
      "--version",
    ])
      expect(stdout).toContain(opt);
    expect(stdout.match(/\(default: /g)!.length).toBeGreaterThanOrEqual(8);
    expect(stdout).toMatch(/exit codes:\n {2}0 .*\n {2}1 .*\n {2}2 /);
  });

  it("`rule ID` and `--explain ID` print the rule's page; an unknown id is a usage error", async () => {
    const a = await run(["rule", "lockfile-missing-package"]);
    expect(a.code).toBe(0);
    expect(a.stdout.startsWith("# lockfile-missing-package")).toBe(true);
    expect((await run(["--explain", "lockfile-missing-package"])).stdout).toBe(a.stdout);
    const bad = await run(["rule", "../../package"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("is not a deploy-drift rule");
  });

  it("rejects an unknown --filter-mode", async () => {
    const r = await run([...ARGS, "--filter-mode", "some"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--filter-mode must be nofilter, added or file");
  });
});
