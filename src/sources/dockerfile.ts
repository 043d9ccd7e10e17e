/**
 * Dockerfile instructions with positions: logical lines (backslash continuations joined, `#` comment
 * lines skipped, per the Dockerfile reference "Format" section), `FROM` images and the final
 * `CMD`/`ENTRYPOINT` in exec (JSON array) or shell form. Only what drift rules need.
 */
import type { Diagnostic } from "../model/finding.js";
import type { Span } from "../model/span.js";
import { type PyVersion, parseStrictVersion } from "../python/versions.js";

export interface Instruction {
  keyword: string;
  args: string;
  span: Span;
  /** Column where args start on the first line. */
  argsColumn: number;
}

export interface Dockerfile {
  file: string;
  instructions: Instruction[];
  /** The instructions of the final stage (from its FROM on). */
  finalStage: Instruction[];
  /** The last stage's base image, and the Python version its tag names (python:3.11-slim → 3.11). */
  finalFrom: { image: string; python: PyVersion | null; span: Span } | null;
  /** The command the container runs: ENTRYPOINT + CMD of the final stage, as one shell string. */
  command: { text: string; span: Span; form: "exec" | "shell" } | null;
  diagnostics: Diagnostic[];
}

export function parseDockerfile(file: string, text: string): Dockerfile {
  const physical = text.split("\n").map((l) => l.replace(/\r$/, ""));
  const instructions: Instruction[] = [];
  for (let i = 0; i < physical.length; i++) {
    const first = physical[i]!;
    const t = first.trim();
    if (t === "" || t.startsWith("#")) continue;
    const startLine = i + 1;
    // Continuation lines joined in one pass (only the last physical line is tested and trimmed,
    // so a 1 MiB chain of `\` lines stays linear). A comment line ends the chain, as before.
    const parts = [first];
    while (/\\\s*$/.test(parts[parts.length - 1]!) && i + 1 < physical.length) {
      parts[parts.length - 1] = parts[parts.length - 1]!.replace(/\\\s*$/, " ");
      i++;
      const next = physical[i]!;
      if (next.trim().startsWith("#")) break;
      parts.push(next);
    }
    const logical = parts.join("");
    const m = /^(\s*)([A-Za-z]+)(\s+)(.*)$/.exec(logical);
    if (!m) continue;
    const argsColumn = m[1]!.length + m[2]!.length + m[3]!.length + 1;
    instructions.push({
      keyword: m[2]!.toUpperCase(),
      args: m[4]!.trim(),
      span: {
        file,
        line: startLine,
        column: m[1]!.length + 1,
        endLine: i + 1,
        endColumn: physical[i]!.length + 1,
      },
      argsColumn,
    });
  }
  let stageStart = 0;
  instructions.forEach((ins, idx) => {
    if (ins.keyword === "FROM") stageStart = idx;
  });
  const stage = instructions.slice(stageStart);
  const fromIns = stage[0]?.keyword === "FROM" ? stage[0] : undefined;
  let finalFrom: Dockerfile["finalFrom"] = null;
  if (fromIns) {
    const image = fromIns.args.split(/\s+/).find((w) => !w.startsWith("--")) ?? "";
    const m = /^(?:[\w.-]+(?::\d+)?\/)?(?:library\/)?python:(\d+\.\d+(?:\.\d+)?)/.exec(image);
    finalFrom = {
      image,
      python: m ? parseStrictVersion(m[1]!) : null,
      span: { file, line: fromIns.span.line, column: fromIns.argsColumn },
    };
  }
  const last = (k: string) => [...stage].reverse().find((x) => x.keyword === k);
  const cmd = last("CMD");
  const entry = last("ENTRYPOINT");
  const words = (ins: Instruction): { text: string; form: "exec" | "shell" } => {
    if (ins.args.startsWith("[")) {
      try {
        const arr = JSON.parse(ins.args) as unknown;
        if (Array.isArray(arr) && arr.every((x) => typeof x === "string")) {
          // exec form `["sh","-c","..."]` runs the inner string; otherwise words are the command.
          return { text: arr.map((w) => (/\s/.test(w) ? `"${w}"` : w)).join(" "), form: "exec" };
        }
      } catch {
        /* not JSON: Docker treats it as shell form */
      }
    }
    return { text: ins.args, form: "shell" };
  };
  let command: Dockerfile["command"] = null;
  const main = cmd ?? entry;
  if (main) {
    const parts = [entry ? words(entry).text : "", cmd ? words(cmd).text : ""].filter(Boolean);
    command = {
      text: parts.join(" "),
      span: { file, line: main.span.line, column: main.argsColumn },
      form: words(main).form,
    };
  }
  return { file, instructions, finalStage: stage, finalFrom, command, diagnostics: [] };
}
