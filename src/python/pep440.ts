/**
 * Thin wrapper over @renovatebot/pep440 for PEP 440 versions and specifiers
 * (https://peps.python.org/pep-0440/). The package is CommonJS; under NodeNext ESM its
 * `module.exports` object is the default export. Every function here is total: unparsable input
 * yields null/false, never an exception.
 */
import pep440 from "@renovatebot/pep440";

export function isValidVersion(version: string): boolean {
  try {
    return pep440.valid(version) !== null;
  } catch {
    return false;
  }
}

/** True when `specifier` is a syntactically valid PEP 440 specifier set ("" counts as "any version"). */
export function isValidSpecifier(specifier: string): boolean {
  try {
    return pep440.validRange(specifier.trim());
  } catch {
    return false;
  }
}

/**
 * Whether `version` satisfies `specifier` (e.g. ">=1,<2"). Pre-releases are allowed to match: a lock
 * that pins one was resolved with them allowed. Returns null when either side cannot be parsed.
 */
export function satisfies(version: string, specifier: string): boolean | null {
  const spec = specifier.trim();
  if (!isValidVersion(version)) {
    // `===` is arbitrary string equality (PEP 440 "Arbitrary equality") and needs no valid version.
    const m = /^===\s*(\S+)$/.exec(spec);
    return m ? m[1] === version : null;
  }
  if (!isValidSpecifier(spec)) return null;
  try {
    return pep440.satisfies(version, spec, { prereleases: true });
  } catch {
    return null;
  }
}

/**
 * The version an "exact pin" specifier names: exactly one clause `==X` (no `.*` wildcard) or `===X`.
 * Anything else (ranges, several clauses, wildcards, empty) yields null.
 */
export function exactPin(specifier: string): string | null {
  const s = specifier
    .trim()
    .replace(/^\((.*)\)$/s, "$1")
    .trim();
  if (s.includes(",")) return null;
  const arbitrary = /^===\s*(\S+)$/.exec(s);
  if (arbitrary) return arbitrary[1]!;
  const eq = /^==\s*([^\s=*]+)$/.exec(s);
  if (eq && !eq[1]!.endsWith(".*")) return eq[1]!;
  return null;
}

/**
 * Orders two versions per PEP 440 (negative, zero, positive). Versions that do not parse compare by
 * string so sorting stays total; use `isValidVersion` first when that matters.
 */
export function compareVersions(a: string, b: string): number {
  if (isValidVersion(a) && isValidVersion(b)) {
    try {
      return pep440.compare(a, b);
    } catch {
      // fall through
    }
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/** PEP 440 equality of two versions ("1.0" equals "1.0.0"); plain string equality when either is invalid. */
export function versionsEqual(a: string, b: string): boolean {
  if (a === b) return true;
  if (!isValidVersion(a) || !isValidVersion(b)) return false;
  return compareVersions(a, b) === 0;
}
