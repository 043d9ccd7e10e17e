// scripts/ascii-bundle.mjs, the build step that keeps the CLI bundle one-byte: same program,
// ASCII text, and a refusal where an escape would change a value.
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
// @ts-expect-error: a build script in plain JavaScript, without type declarations
import { asciiBundle } from "../../scripts/ascii-bundle.mjs";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dd-ascii-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const write = (name: string, text: string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
};

describe("asciiBundle", () => {
  it("rewrites strings, templates, regexes and comments, and the program prints the same", () => {
    const file = write(
      "a.js",
      [
        "// ✅ a comment",
        'const a = ["é→", `x—${1}`, /–/.test("–"), { "⚠": 1 }["⚠"], "\\\\é", String.raw`plain`];',
        "process.stdout.write(JSON.stringify(a));",
      ].join("\n"),
    );
    const before = execFileSync(process.execPath, [file], { encoding: "utf8" });
    asciiBundle(file);
    const text = fs.readFileSync(file, "utf8");
    expect(/[^\x00-\x7f]/.test(text)).toBe(false);
    expect(execFileSync(process.execPath, [file], { encoding: "utf8" })).toBe(before);
  });

  it("stops on an escaped non-ASCII character, whose escape would become text", () => {
    const file = write("b.js", 'const b = "\\é";\n');
    expect(() => asciiBundle(file)).toThrow(/escaped non-ASCII character/);
  });

  it("stops on a non-ASCII character it must not touch (a tagged template's raw text)", () => {
    const file = write("c.js", "const c = String.raw`é`;\n");
    expect(() => asciiBundle(file)).toThrow(/outside a literal/);
  });
});
