import * as fs from "node:fs";
import { describe, expect, it } from "vitest";
import { ACTION_YML_DEFAULTS, INPUT_NAMES, inputsSchema, parseInputs } from "../../src/config/inputs.js";

/**
 * A tiny reader for our own action.yml: top-level sections and their two-level maps of scalars. It
 * accepts only the subset action.yml uses and fails loudly on anything else.
 */
function readActionYml(text: string): Record<string, Record<string, Record<string, string>>> {
  const out: Record<string, Record<string, Record<string, string>>> = {};
  let section: string | null = null;
  let item: string | null = null;
  const scalar = (raw: string) => {
    const v = raw.trim();
    if (v.startsWith('"') && v.endsWith('"')) return JSON.parse(v) as string;
    if (v.startsWith("'") && v.endsWith("'")) return v.slice(1, -1).replace(/''/g, "'");
    return v;
  };
  for (const line of text.split(/\r?\n/)) {
    if (/^\s*(#.*)?$/.test(line)) continue;
    let m = /^(\S[^:]*):\s*(.*)$/.exec(line);
    if (m) {
      section = m[1]!;
      item = null;
      out[section] ??= {};
      continue;
    }
    m = /^ {2}(\S[^:]*):\s*(.*)$/.exec(line);
    if (m && section) {
      item = m[1]!;
      out[section]![item] = m[2] ? { value: scalar(m[2]) } : {};
      continue;
    }
    m = /^ {4}(\S[^:]*):\s*(.*)$/.exec(line);
    if (m && section && item) {
      out[section]![item]![m[1]!] = scalar(m[2]!);
      continue;
    }
    throw new Error(`action.yml line not understood by the test reader: ${line}`);
  }
  return out;
}

const yml = readActionYml(fs.readFileSync(new URL("../../action.yml", import.meta.url), "utf8"));

describe("action.yml and the inputs schema agree", () => {
  it("declares exactly the schema's inputs, with the same defaults", () => {
    expect(Object.keys(yml.inputs!).sort()).toEqual([...INPUT_NAMES].sort());
    for (const name of INPUT_NAMES) {
      expect({ name, default: yml.inputs![name]!.default }).toEqual({
        name,
        default: ACTION_YML_DEFAULTS[name],
      });
      expect(yml.inputs![name]!.description, `${name} needs a description`).toBeTruthy();
    }
  });
  it("the schema resolves every action.yml default to the same value as an absent input", () => {
    const fromYml = parseInputs((n) =>
      n === "github-token" ? "" : ACTION_YML_DEFAULTS[n as keyof typeof ACTION_YML_DEFAULTS],
    );
    const absent = parseInputs(() => undefined);
    expect(fromYml).toEqual(absent);
    expect(absent).toEqual({ ok: true, inputs: inputsSchema.parse({}) });
  });
  it("runs on node24 from dist/index.js and declares the outputs the action sets", () => {
    expect(yml.runs).toEqual({ using: { value: "node24" }, main: { value: "dist/index.js" } });
    expect(Object.keys(yml.outputs!).sort()).toEqual(
      [
        "blocking",
        "errors",
        "lockfile-in-sync",
        "notices",
        "python-version",
        "report-json",
        "sarif",
        "warnings",
      ].sort(),
    );
  });
});

describe("parseInputs", () => {
  it("validates enums and booleans with a message naming the allowed values", () => {
    const r = parseInputs((n) => ({ "fail-on": "fatal", annotations: "yes", comment: "sometimes" })[n]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      "input `fail-on` must be one of error | warning | notice | never; got `fatal`",
      "input `comment` must be one of always | on-findings | never; got `sometimes`",
      "input `annotations` must be true or false; got `yes`",
    ]);
  });
  it("treats blank enum and boolean inputs as unset, but a blank check-run as 'skip'", () => {
    const r = parseInputs(
      (n) => ({ "fail-on": " ", annotations: "", "check-run": "", comment: "on-findings" })[n],
    );
    expect(r).toEqual({
      ok: true,
      inputs: expect.objectContaining({
        annotations: true,
        "check-run": "",
        comment: "on-findings",
      }),
    });
    // A blank fail-on is unset: the config's fail-on decides (input only when set > config > default).
    expect(r.ok && r.inputs["fail-on"]).toBeUndefined();
    const f = parseInputs((n) => ({ annotations: "FALSE", "fail-on": "never" })[n]);
    expect(f.ok && f.inputs).toMatchObject({ annotations: false, "fail-on": "never" });
  });
  it("accepts fail-on notice like the CLI, and filter-mode", () => {
    const r = parseInputs((n) => ({ "fail-on": "notice", "filter-mode": "added" })[n]);
    expect(r.ok && r.inputs).toMatchObject({ "fail-on": "notice", "filter-mode": "added" });
    const unset = parseInputs(() => undefined);
    expect(unset.ok && [unset.inputs["fail-on"], unset.inputs["filter-mode"]]).toEqual([
      undefined,
      undefined,
    ]);
  });
});
