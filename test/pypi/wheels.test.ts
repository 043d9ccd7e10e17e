import { describe, expect, it } from "vitest";
import { isManylinuxX8664, parseWheelFilename, wheelSupports } from "../../src/pypi/wheels.js";

// Real file names from PyPI releases; the target is CPython on Linux x86_64 with glibc.
const CASES: Array<[filename: string, python: string, supported: boolean]> = [
  // pure Python
  ["fastapi-0.115.0-py3-none-any.whl", "3.13", true],
  ["six-1.16.0-py2.py3-none-any.whl", "3.13", true],
  ["typing_extensions-4.12.2-py3-none-any.whl", "3.8", true],
  ["futures-3.0.5-py2-none-any.whl", "3.13", false],
  // version-specific CPython wheels, PEP 600 tags with their legacy aliases (compressed tag sets)
  ["asyncpg-0.30.0-cp313-cp313-manylinux_2_17_x86_64.manylinux2014_x86_64.whl", "3.13", true],
  ["asyncpg-0.30.0-cp313-cp313-manylinux_2_17_x86_64.manylinux2014_x86_64.whl", "3.12", false],
  ["asyncpg-0.29.0-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl", "3.13", false],
  ["numpy-2.1.3-cp313-cp313-manylinux_2_17_x86_64.manylinux2014_x86_64.whl", "3.13.1", true],
  ["pydantic_core-2.27.2-cp313-cp313-manylinux_2_17_x86_64.manylinux2014_x86_64.whl", "3.13", true],
  ["psycopg2_binary-2.9.10-cp313-cp313-manylinux_2_17_x86_64.manylinux2014_x86_64.whl", "3.13", true],
  ["numpy-1.21.6-cp39-cp39-manylinux_2_12_x86_64.manylinux2010_x86_64.whl", "3.9", true],
  ["psycopg2_binary-2.8.6-cp38-cp38-manylinux1_x86_64.whl", "3.8", true],
  ["uvloop-0.21.0-cp313-cp313-manylinux_2_17_x86_64.manylinux2014_x86_64.whl", "3.13", true],
  ["greenlet-3.1.1-cp313-cp313-manylinux_2_24_x86_64.manylinux_2_28_x86_64.whl", "3.13", true],
  // the stable ABI: cp3X-abi3 runs on CPython 3.Y, Y ≥ X
  ["cryptography-43.0.3-cp39-abi3-manylinux_2_28_x86_64.whl", "3.13", true],
  ["cryptography-43.0.3-cp37-abi3-manylinux_2_17_x86_64.manylinux2014_x86_64.whl", "3.11", true],
  ["cryptography-43.0.3-cp39-abi3-manylinux_2_28_x86_64.whl", "3.8", false],
  ["bcrypt-4.2.1-cp39-abi3-musllinux_1_2_x86_64.whl", "3.13", false],
  // other platforms, ABIs and interpreters
  ["asyncpg-0.30.0-cp313-cp313-musllinux_1_2_x86_64.whl", "3.13", false],
  ["asyncpg-0.30.0-cp313-cp313-manylinux_2_17_aarch64.manylinux2014_aarch64.whl", "3.13", false],
  ["asyncpg-0.30.0-cp313-cp313-win_amd64.whl", "3.13", false],
  ["asyncpg-0.30.0-cp313-cp313-macosx_11_0_arm64.whl", "3.13", false],
  ["asyncpg-0.30.0-cp313-cp313-macosx_10_13_x86_64.whl", "3.13", false],
  ["numpy-2.1.3-cp313-cp313t-manylinux_2_17_x86_64.manylinux2014_x86_64.whl", "3.13", false],
  ["numpy-2.1.3-pp310-pypy310_pp73-manylinux_2_17_x86_64.manylinux2014_x86_64.whl", "3.10", false],
  ["numpy-1.21.6-cp37-cp37m-manylinux_2_12_x86_64.manylinux2010_x86_64.whl", "3.13", false],
  ["orjson-3.10.12-cp313-cp313-manylinux_2_17_i686.manylinux2014_i686.whl", "3.13", false],
  ["ujson-5.10.0-cp313-cp313-linux_x86_64.whl", "3.13", false],
  // a build tag, and names that are no wheels
  ["pyarrow-18.0.0-1-cp313-cp313-manylinux_2_28_x86_64.whl", "3.13", true],
  ["asyncpg-0.30.0.tar.gz", "3.13", false],
  ["not-a-wheel.whl", "3.13", false],
];

describe("wheelSupports", () => {
  it.each(CASES)("%s on CPython %s → %s", (filename, python, supported) => {
    expect(wheelSupports(filename, python)).toBe(supported);
  });
});

describe("parseWheelFilename", () => {
  it("splits compressed tag sets and the optional build tag", () => {
    expect(parseWheelFilename("six-1.16.0-py2.py3-none-any.whl")).toEqual({
      distribution: "six",
      version: "1.16.0",
      build: null,
      pythonTags: ["py2", "py3"],
      abiTags: ["none"],
      platformTags: ["any"],
    });
    expect(parseWheelFilename("pyarrow-18.0.0-1-cp313-cp313-manylinux_2_28_x86_64.whl")?.build).toBe("1");
    expect(parseWheelFilename("asyncpg-0.30.0.tar.gz")).toBeNull();
  });

  it("knows the legacy manylinux aliases", () => {
    for (const t of [
      "manylinux1_x86_64",
      "manylinux2010_x86_64",
      "manylinux2014_x86_64",
      "manylinux_2_39_x86_64",
    ])
      expect(isManylinuxX8664(t), t).toBe(true);
    for (const t of ["musllinux_1_2_x86_64", "manylinux2014_aarch64", "linux_x86_64", "manylinux_2_17_i686"])
      expect(isManylinuxX8664(t), t).toBe(false);
  });
});
