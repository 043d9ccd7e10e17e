import { describe, expect, it } from "vitest";
import {
  compareVersions,
  exactPin,
  isValidVersion,
  satisfies,
  versionsEqual,
} from "../../src/python/pep440.js";
import { normalizeName } from "../../src/python/pep503.js";
import { parseMarker, parseRequirement } from "../../src/python/pep508.js";

describe("PEP 503 normalizeName", () => {
  it("collapses runs of -_. and lower-cases", () => {
    expect(normalizeName("Flask_SQLAlchemy")).toBe("flask-sqlalchemy");
    expect(normalizeName("zope.interface")).toBe("zope-interface");
    expect(normalizeName("Foo__.-Bar")).toBe("foo-bar");
    expect(normalizeName("requests")).toBe("requests");
  });
});

describe("PEP 440 wrapper", () => {
  it("validates versions", () => {
    expect(isValidVersion("1.2.3")).toBe(true);
    expect(isValidVersion("2.0rc1")).toBe(true);
    expect(isValidVersion("not-a-version")).toBe(false);
  });
  it("checks specifiers, including pre-releases and local versions", () => {
    expect(satisfies("1.5", ">=1,<2")).toBe(true);
    expect(satisfies("2.0", ">=1,<2")).toBe(false);
    expect(satisfies("2.0rc1", ">=1.9")).toBe(true);
    expect(satisfies("2.1.0+cpu", "==2.1.0")).toBe(true);
    expect(satisfies("1.0.5", "==1.0.*")).toBe(true);
    expect(satisfies("1.0", "")).toBe(true);
  });
  it("returns null for unparsable input instead of throwing", () => {
    expect(satisfies("1.0", ">>1")).toBeNull();
    expect(satisfies("garbage", ">=1")).toBeNull();
    expect(satisfies("garbage", "===garbage")).toBe(true);
  });
  it("finds exact pins only", () => {
    expect(exactPin("==1.2.3")).toBe("1.2.3");
    expect(exactPin("===1.0-custom")).toBe("1.0-custom");
    expect(exactPin("== 1.2.3")).toBe("1.2.3");
    expect(exactPin("==1.2.*")).toBeNull();
    expect(exactPin(">=1.2")).toBeNull();
    expect(exactPin("==1.2,!=1.3")).toBeNull();
    expect(exactPin("")).toBeNull();
  });
  it("compares versions per PEP 440", () => {
    expect(compareVersions("1.10", "1.9")).toBeGreaterThan(0);
    expect(compareVersions("1.0", "1.0.0")).toBe(0);
    expect(versionsEqual("1.0", "1.0.0")).toBe(true);
    expect(versionsEqual("1.0", "1.0.1")).toBe(false);
  });
});

describe("PEP 508 parseRequirement", () => {
  it("parses name, extras, specifier and marker with offsets", () => {
    const text = 'requests [security, socks] >= 2.8.1, == 2.8.* ; python_version < "2.7"';
    const r = parseRequirement(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({
      name: "requests",
      extras: ["security", "socks"],
      specifier: ">=2.8.1,==2.8.*",
      marker: 'python_version < "2.7"',
      url: null,
      nameOffset: 0,
      nameEnd: 8,
    });
    expect(text.slice(r.value.specOffset!, r.value.specEnd!)).toBe(">= 2.8.1, == 2.8.*");
  });
  it("accepts the parenthesised form and canonicalises markers", () => {
    const r = parseRequirement(
      "name (>=1.0,<2) ; (os_name=='nt' or sys_platform == \"win32\")and extra=='x'",
    );
    expect(r.ok && r.value.specifier).toBe(">=1.0,<2");
    expect(r.ok && r.value.marker).toBe('(os_name == "nt" or sys_platform == "win32") and extra == "x"');
  });
  it("parses url requirements; a marker needs whitespace after the URL", () => {
    const r = parseRequirement(
      'pip @ https://github.com/pypa/pip/archive/1.3.1.zip#sha1=da9234ee ; python_version >= "3"',
    );
    expect(r.ok && r.value.url).toBe("https://github.com/pypa/pip/archive/1.3.1.zip#sha1=da9234ee");
    expect(r.ok && r.value.marker).toBe('python_version >= "3"');
    const glued = parseRequirement("pip @ https://x/y.zip;python_version>'3'");
    expect(glued.ok && glued.value.url).toBe("https://x/y.zip;python_version>'3'");
  });
  it("reports errors with offsets and never throws", () => {
    const cases: Array<[string, number]> = [
      ["numpy 1.26.4", 6],
      ["-bad", 0],
      ["bad- ==1", 0],
      ["django[bcrypt==5.0", 13],
      ["foo ==", 6],
      ["foo ; python_version", 20],
      ["foo ; nonsense == '1'", 6],
      ["foo (>=1", 4],
      ["", 0],
    ];
    for (const [text, offset] of cases) {
      const r = parseRequirement(text);
      expect(r.ok, text).toBe(false);
      if (!r.ok) expect(r.error.offset, text).toBe(offset);
    }
  });
  it("parses markers on their own", () => {
    expect(parseMarker(" python_full_version < '3.12'")).toEqual({
      ok: true,
      marker: 'python_full_version < "3.12"',
    });
    expect(parseMarker("'linux' in sys_platform and os_name not in 'nt'").ok).toBe(true);
    expect(parseMarker("python_version <").ok).toBe(false);
  });
});
