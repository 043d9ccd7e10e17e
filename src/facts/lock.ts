/**
 * Compares the top-level requirements of a project (requirements.in, or a hand-written
 * requirements.txt) with a lock of them. Two lock shapes exist:
 *
 * - "compiled": pip-compile / uv pip compile output. It pins every package, including transitive
 *   ones, so extra entries are expected; a lock entry matches when its pinned version satisfies the
 *   requirement's specifier.
 * - "mirror": a second hand-maintained list that should say the same thing (e.g. a copy of
 *   requirements.txt). Entries match when they pin the same version (or give the same specifier).
 *
 * Environment markers: requirements are matched marker-to-marker. A lock entry with the identical
 * (canonical) marker is the match; otherwise a lock entry without a marker covers every environment;
 * otherwise, when the lock holds only entries under other markers (a universal uv resolution that
 * forks `numpy` by Python version), the requirement is satisfied when any of them satisfies it,
 * because the markers' overlap cannot be decided here without evaluating them.
 */
import { satisfies, versionsEqual } from "../python/pep440.js";
import type { Requirement } from "../sources/requirements/parse.js";

export type LockKind = "mirror" | "compiled";

export interface LockDiff {
  /** "compiled" if the lock looks compiled, else "mirror". */
  kind: LockKind;
  /** Requirements with no lock entry (by normalised name; a requirement under a marker still needs one). */
  missingInLock: Requirement[];
  /**
   * Mirror only: lock entries whose name no requirement has. Compiled locks legitimately hold
   * transitive dependencies, so nothing is reported for them.
   */
  extraInLock: Requirement[];
  /** Mirror: pinned versions (or URLs / specifiers) differ. Compiled: the lock's version does not satisfy the specifier. */
  versionMismatch: Array<{ req: Requirement; lock: Requirement; reason: string }>;
  /**
   * Mirror only: the requirement's extras are not a subset of the lock entry's. Compiled locks drop
   * extras (uv pip compile strips them by default, pip-compile with --strip-extras) and list the
   * extra's own dependencies as separate entries instead, so `python-jose[cryptography]` locked as
   * `python-jose==3.3.0` plus `cryptography==...` is in sync.
   */
  extrasMismatch: Array<{ req: Requirement; lock: Requirement }>;
  /** Same normalised name and overlapping markers within one file (requirements first, then lock). */
  duplicates: Array<{ first: Requirement; second: Requirement; conflicting: boolean }>;
  /** No missing, extra, mismatched entries and no conflicting duplicates. */
  inSync: boolean;
}

/** Markers overlap for duplicate detection when identical or both absent. */
function sameMarker(a: Requirement, b: Requirement): boolean {
  return (a.marker ?? null) === (b.marker ?? null);
}

function normSpecifier(spec: string): string {
  return spec
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "")
    .sort()
    .join(",");
}

/**
 * Pairs of requirements in one list with the same normalised name and overlapping markers. Each
 * later occurrence is paired with the first. `conflicting` when they ask for different things
 * (specifier, URL or extras differ).
 */
export function findDuplicates(reqs: Requirement[]): LockDiff["duplicates"] {
  const out: LockDiff["duplicates"] = [];
  // Indexed by name: a 10,000-line requirements file must not cost a quadratic scan.
  const firsts = new Map<string, Requirement[]>();
  for (const r of reqs) {
    const same = firsts.get(r.normalized);
    const first = same?.find((f) => sameMarker(f, r));
    if (!first) {
      if (same) same.push(r);
      else firsts.set(r.normalized, [r]);
      continue;
    }
    const conflicting =
      normSpecifier(first.specifier) !== normSpecifier(r.specifier) ||
      (first.url ?? null) !== (r.url ?? null) ||
      first.extras.join(",") !== r.extras.join(",");
    out.push({ first, second: r, conflicting });
  }
  return out;
}

/** Strips `file://` and `./` prefixes and a trailing slash so local paths compare by location. */
function normLocation(u: string): string {
  return u
    .replace(/^file:\/\//, "")
    .replace(/^(\.\/)+/, "")
    .replace(/\/+$/, "");
}

/** Whether a requirement URL and a lock URL name the same thing (see the comments inside). */
function sameUrl(req: string, lock: string, compiled: boolean): boolean {
  if (req === lock) return true;
  const a = normLocation(req);
  const b = normLocation(lock);
  if (a === b) return true;
  if (!compiled) return false;
  // Resolvers pin a VCS requirement to a commit: `git+https://h/x.git` becomes
  // `git+https://h/x.git@<sha>` (fragments such as #egg= are kept after it).
  const [aBase, aFrag = ""] = a.split("#", 2);
  const [bBase, bFrag = ""] = b.split("#", 2);
  if (
    /^(git|hg|svn|bzr)\+/.test(aBase!) &&
    bBase!.startsWith(`${aBase}@`) &&
    (aFrag === "" || aFrag === bFrag)
  ) {
    return true;
  }
  // pip-compile writes a local project (`-e .`) as an absolute file:// URL of the same directory.
  const isLocal = (u: string) => !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(u);
  if (isLocal(req) && lock.startsWith("file:")) {
    if (a === "" || a === ".") return true;
    return b.endsWith(`/${a}`);
  }
  return false;
}

/** Why `lock` does not satisfy `req`, or null when it does (or cannot be decided). */
function mismatch(req: Requirement, lock: Requirement, compiled: boolean): string | null {
  if (req.url !== null || lock.url !== null) {
    if (req.url !== null && lock.url !== null) {
      return sameUrl(req.url, lock.url, compiled) ? null : `URL \`${req.url}\` is locked as \`${lock.url}\``;
    }
    if (req.url !== null) return `requirement points at \`${req.url}\` but the lock pins \`${lock.raw}\``;
    // The requirement is a plain specifier and the lock resolved it to a URL: check the version if any.
    return null;
  }
  if (compiled) {
    if (req.specifier === "" || lock.pinned === null) return null;
    const ok = satisfies(lock.pinned, req.specifier);
    return ok === false ? `locked version \`${lock.pinned}\` does not satisfy \`${req.specifier}\`` : null;
  }
  if (req.pinned !== null) {
    if (lock.pinned === null) {
      return `\`${req.specifier}\` is not pinned in the lock (\`${lock.specifier || "any version"}\`)`;
    }
    return versionsEqual(req.pinned, lock.pinned)
      ? null
      : `\`${req.pinned}\` is locked as \`${lock.pinned}\``;
  }
  if (req.specifier === "") return null;
  if (lock.pinned !== null) {
    const ok = satisfies(lock.pinned, req.specifier);
    return ok === false ? `locked version \`${lock.pinned}\` does not satisfy \`${req.specifier}\`` : null;
  }
  return normSpecifier(req.specifier) === normSpecifier(lock.specifier)
    ? null
    : `specifier \`${req.specifier}\` differs from \`${lock.specifier || "(none)"}\` in the lock`;
}

/** Lock entries for the same project: by normalised name, or (for nameless URL/path entries) by location. */
function candidates(
  req: Requirement,
  lock: Requirement[],
  index: Map<string, Requirement[]>,
  compiled: boolean,
): Requirement[] {
  const byName = index.get(req.normalized) ?? [];
  if (byName.length > 0 || req.url === null) return byName;
  return lock.filter((l) => l.url !== null && sameUrl(req.url!, l.url, compiled));
}

export function compareLock(reqs: Requirement[], lock: Requirement[], lockCompiled: boolean): LockDiff {
  const index = new Map<string, Requirement[]>();
  for (const l of lock) {
    const list = index.get(l.normalized);
    if (list) list.push(l);
    else index.set(l.normalized, [l]);
  }
  const compiled = lockCompiled;
  const diff: LockDiff = {
    kind: compiled ? "compiled" : "mirror",
    missingInLock: [],
    extraInLock: [],
    versionMismatch: [],
    extrasMismatch: [],
    duplicates: [...findDuplicates(reqs), ...findDuplicates(lock)],
    inSync: true,
  };
  const matched = new Set<Requirement>();

  for (const req of reqs) {
    const cands = candidates(req, lock, index, compiled);
    if (cands.length === 0) {
      diff.missingInLock.push(req);
      continue;
    }
    for (const c of cands) matched.add(c);
    const exact = cands.filter((c) => sameMarker(c, req));
    const unmarked = cands.filter((c) => c.marker === null);
    let strict: Requirement[];
    if (exact.length > 0) strict = exact;
    else if (req.marker === null)
      strict = cands; // the requirement applies everywhere, so every fork of the lock must satisfy it
    else if (unmarked.length > 0) strict = unmarked;
    else strict = [];

    if (strict.length > 0) {
      for (const l of strict) {
        const why = mismatch(req, l, compiled);
        if (why) diff.versionMismatch.push({ req, lock: l, reason: why });
        if (!compiled && !req.extras.every((e) => l.extras.includes(e)))
          diff.extrasMismatch.push({ req, lock: l });
      }
    } else {
      // Only entries under other markers. Their overlap with the requirement's marker is not decided
      // here, so accept when any of them fits; when none does, the lock has no entry for this
      // requirement's environments: missing.
      const fits = cands.filter((l) => mismatch(req, l, compiled) === null);
      if (fits.length === 0) diff.missingInLock.push(req);
      else if (!compiled && !fits.some((l) => req.extras.every((e) => l.extras.includes(e)))) {
        diff.extrasMismatch.push({ req, lock: fits[0]! });
      }
    }
  }

  if (!compiled) {
    const names = new Set(reqs.map((r) => r.normalized));
    for (const l of lock) if (!matched.has(l) && !names.has(l.normalized)) diff.extraInLock.push(l);
  }

  diff.inSync =
    diff.missingInLock.length === 0 &&
    diff.extraInLock.length === 0 &&
    diff.versionMismatch.length === 0 &&
    diff.extrasMismatch.length === 0 &&
    !diff.duplicates.some((d) => d.conflicting);
  return diff;
}
