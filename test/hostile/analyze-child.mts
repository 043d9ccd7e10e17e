/**
 * Runs the real pipeline on a directory in its own process and prints the findings as JSON, so a test
 * can bound a run's wall time with a hard kill (synchronous work cannot be interrupted in-process).
 * Usage: node --import tsx test/hostile/analyze-child.mts DIR
 */
import { analyzeRepo } from "../../src/analyze.js";
import { DiskWorkspace } from "../../src/repo/disk.js";

const dir = process.argv[2];
if (!dir) throw new Error("usage: analyze-child.mts DIR");
const report = await analyzeRepo(new DiskWorkspace(dir), { today: new Date("2026-11-26T12:00:00Z") });
process.stdout.write(
  `${JSON.stringify({
    findings: report.findings.map((f) => ({
      rule: f.rule,
      file: f.file,
      line: f.line,
      severity: f.severity,
      message: f.message,
    })),
    packages: report.services[0]?.sections.categories.reduce((n, c) => n + c.count, 0) ?? 0,
  })}\n`,
);
