/**
 * Issue 7, output safety for workflow commands: repository text that tries to start its own
 * `::error::` command. The real path runs (`emitWorkflowAnnotations` → @actions/core → stdout); the
 * bytes written are read back with the runner's parser, and every command must carry exactly the
 * message and file it was given, one command per line.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Finding } from "../../src/model/finding.js";
import {
  cleanupTempDirs,
  makeRepo,
  type Outputs,
  parseCommand,
  runAll,
  workflowCommands,
} from "./helpers.js";

const INJECT = "%0A::error::injected";
const NEWLINE_INJECT = "\n::error file=evil.py,line=1::injected\r\n::warning::also";

function expectRoundTrip(wf: Pick<Outputs, "commands" | "emitted">): void {
  // One line per command: nothing in a value ended a line early or started another command.
  expect(wf.commands).toHaveLength(wf.emitted.length);
  wf.commands.forEach((line, i) => {
    const cmd = parseCommand(line);
    expect(cmd, line).not.toBeNull();
    expect(cmd!.command).toBe(wf.emitted[i]!.level);
    expect(cmd!.message).toBe(wf.emitted[i]!.message);
    expect(cmd!.props.file).toBe(wf.emitted[i]!.file);
    // The property list has no unescaped `:` or `,` from values: only the keys @actions/core writes.
    for (const k of Object.keys(cmd!.props))
      expect(["title", "file", "line", "endLine", "col", "endColumn"]).toContain(k);
  });
}

describe("a repository whose values hold %0A::error:: and real line breaks", () => {
  let run: Outputs;
  beforeAll(async () => {
    const dir = makeRepo({
      "railway.json": JSON.stringify(
        {
          deploy: {
            startCommand: `uvicorn app.main:app --host 0.0.0.0 --port $PORT '${INJECT}`,
            restartPolicyType: `NEVER${NEWLINE_INJECT}`,
            [`key${INJECT}`]: 1,
          },
        },
        null,
        2,
      ),
      "requirements.txt": `fastapi==0.110.0\nuvicorn>=0.30\n-r more,file=x.py%3A::${INJECT}.txt\n`,
      // File names are repository text too: a comma, a colon, an escape and a line break in the name.
      [`app/evil,line=9:${INJECT}\n::error::name.py`]: 'import os\nKEY = os.environ["EVIL_KEY"]\n',
      ".env.example": "OTHER=1\n",
      "app/__init__.py": "",
      "app/main.py": "from fastapi import FastAPI\napp = FastAPI()\n",
    });
    run = await runAll(dir);
  });
  afterAll(cleanupTempDirs);

  it("quotes the hostile values in findings (so the escaping is exercised)", () => {
    const messages = run.emitted.map((e) => e.message).join("\n");
    expect(messages).toContain(INJECT);
    expect(messages).toContain("::error file=evil.py");
    expect(run.emitted.some((e) => e.file?.includes("\n::error::name.py"))).toBe(true);
  });

  it("writes one command per finding, each carrying its message and file verbatim", () => {
    expectRoundTrip(run);
  });

  it("escapes % as %25, line breaks as %0A/%0D, and : , in properties", () => {
    const text = run.commands.join("\n");
    expect(text).toContain("%250A::error::injected");
    expect(text).not.toMatch(/[^5]0A::error::injected/);
    const evil = run.commands.find((l) => l.includes("evil%2Cline=9"));
    expect(evil).toBeDefined();
    expect(evil).toContain(
      "file=app/evil%2Cline=9%3A%250A%3A%3Aerror%3A%3Ainjected%0A%3A%3Aerror%3A%3Aname.py",
    );
  });

  it("creates no annotation whose message is the injected text", () => {
    for (const line of run.commands) expect(parseCommand(line)!.message).not.toBe("injected");
    expect(run.commands.filter((l) => l.startsWith("::error::"))).toEqual([]);
  });
});

describe("workflow commands for arbitrary values (property)", () => {
  const finding = (message: string, file: string, fix: string, severity: Finding["severity"]): Finding => ({
    rule: "start-command-syntax",
    severity,
    service: ".",
    file,
    line: 3,
    column: 1,
    message,
    fix,
  });
  const hostile = fc.oneof(
    fc.string({ unit: "binary", maxLength: 80 }),
    fc
      .array(
        fc.constantFrom("%", "0A", "0D", "25", "::", ":", ",", "\n", "\r", "error", "=", "file", " ", "x"),
        {
          maxLength: 30,
        },
      )
      .map((a) => a.join("")),
  );

  it("round-trips message and file through the runner's parser, one line per command", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            hostile,
            hostile,
            hostile,
            fc.constantFrom("error", "warning", "notice") as fc.Arbitrary<Finding["severity"]>,
          ),
          {
            minLength: 1,
            maxLength: 12,
          },
        ),
        (items) => {
          const wf = workflowCommands(items.map(([m, f, x, s]) => finding(m, f || "x", x, s)));
          expectRoundTrip(wf);
        },
      ),
      { seed: 4242, numRuns: 150 },
    );
  });
});
