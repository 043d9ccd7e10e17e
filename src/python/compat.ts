/**
 * Known-breaking pins: package versions that do not install on a given CPython (no wheels and a
 * source build that fails against that C API). Curated, each entry with its source (railway-nixpacks.md
 * §7 and the packages' changelogs). Checked offline.
 */
export interface CompatEntry {
  /** PEP 503 normalised name. */
  package: string;
  /** Versions strictly below this break on `python` and newer. */
  below: string;
  /** First CPython minor the pin breaks on, e.g. "3.13". */
  python: string;
  why: string;
  source: string;
}

export const KNOWN_BREAKING: readonly CompatEntry[] = [
  {
    package: "asyncpg",
    below: "0.30.0",
    python: "3.13",
    why: "fails to build on Python 3.13 (`_PyLong_AsByteArray` API change); 0.30.0 adds 3.13",
    source: "MagicStack/asyncpg#1181; asyncpg 0.30.0 release (Test and build on Python 3.13, #1188)",
  },
  {
    package: "asyncpg",
    below: "0.31.0",
    python: "3.14",
    why: "has no Python 3.14 support; 0.31.0 (2025-11-24) adds it",
    source: "asyncpg 0.31.0 release notes",
  },
  {
    package: "uvloop",
    below: "0.21.0",
    python: "3.13",
    why: "fails to build on Python 3.13 (Cython 0.29 pin; `_PyLong_AsByteArray`); 0.21.0 adds 3.13",
    source: "MagicStack/uvloop#622, #680; uvloop v0.21.0 (cp313 wheels)",
  },
  {
    package: "uvloop",
    below: "0.19.0",
    python: "3.12",
    why: "has no Python 3.12 support; 0.19.0 is the first release with it",
    source: "uvloop v0.19.0 pyproject classifiers",
  },
  {
    package: "psycopg2",
    below: "2.9.10",
    python: "3.13",
    why: "has no Python 3.13 support; 2.9.10 adds it",
    source: "psycopg2 NEWS, 2.9.10: Add support for Python 3.13",
  },
  {
    package: "psycopg2-binary",
    below: "2.9.10",
    python: "3.13",
    why: "has no Python 3.13 wheels; 2.9.10 adds them",
    source: "psycopg2 NEWS, 2.9.10: Add support for Python 3.13",
  },
  {
    package: "greenlet",
    below: "3.1.0",
    python: "3.13",
    why: "does not build on Python 3.13; 3.1.0 adds support",
    source: "greenlet changelog 3.1.0 (2024-09-10): Adds support for Python 3.13",
  },
  {
    package: "pydantic",
    below: "2.8.0",
    python: "3.13",
    why: "pins a pydantic-core without Python 3.13 wheels (a Rust source build); 2.8.0 adds 3.13",
    source: "pydantic HISTORY.md v2.8.0: Add support for Python 3.13",
  },
  {
    package: "pydantic",
    below: "2.12.0",
    python: "3.14",
    why: "pins a pydantic-core without Python 3.14 wheels; 2.12.0 adds initial 3.14 support",
    source: "pydantic HISTORY.md v2.12.0 (2025-10-07)",
  },
  {
    package: "pandas",
    below: "2.2.3",
    python: "3.13",
    why: "has no Python 3.13 wheels; 2.2.3 is the first with cp313 wheels",
    source: "pandas 2.2.3 release notes; pandas-dev/pandas#61139",
  },
  {
    package: "pandas",
    below: "2.3.3",
    python: "3.14",
    why: "is not compatible with Python 3.14; 2.3.3 is the first that is",
    source: "pandas-dev/pandas#62415",
  },
  {
    package: "numpy",
    below: "2.1.0",
    python: "3.13",
    why: "has no Python 3.13 support; 2.1 supports 3.10–3.13",
    source: "numpy 2.1.0 release notes",
  },
];
