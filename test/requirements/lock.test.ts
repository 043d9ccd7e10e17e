import { describe, expect, it } from "vitest";
import { compareLock, findDuplicates } from "../../src/facts/lock.js";
import { parseRequirements, type RequirementsFile } from "../../src/sources/requirements/parse.js";
import { fixture } from "./helpers.js";

const load = (dir: string, file: string): RequirementsFile =>
  parseRequirements(`${dir}/${file}`, fixture(dir, file));
const parse = (text: string, path = "requirements.txt") => parseRequirements(path, text).requirements;
const compare = (reqs: string, lock: string, compiled: boolean) =>
  compareLock(parse(reqs, "r.in"), parse(lock, "r.txt"), compiled);
const summary = (d: ReturnType<typeof compareLock>) => ({
  missing: d.missingInLock.map((r) => r.raw),
  extra: d.extraInLock.map((r) => r.raw),
  version: d.versionMismatch.map((m) => `${m.req.raw} | ${m.lock.raw} | ${m.reason}`),
  extras: d.extrasMismatch.map((m) => `${m.req.raw} | ${m.lock.raw}`),
  duplicates: d.duplicates.map((x) => `${x.first.raw} | ${x.second.raw} | ${x.conflicting}`),
  inSync: d.inSync,
});
const CLEAN = { missing: [], extra: [], version: [], extras: [], duplicates: [], inSync: true };

describe("compareLock: real compiled locks produce no findings", () => {
  it("pip-compile --generate-hashes output with # via blocks, markers and constraints", () => {
    const reqs = load("pip-compile-hashes", "requirements.in");
    const lock = load("pip-compile-hashes", "requirements.txt");
    expect(reqs.diagnostics).toEqual([]);
    expect(lock.compiled).toBe(true);
    const d = compareLock(reqs.requirements, lock.requirements, lock.compiled);
    expect(d.kind).toBe("compiled");
    expect(summary(d)).toEqual(CLEAN);
  });

  it("uv pip compile --universal output whose markers are spelled differently from requirements.in", () => {
    const reqs = load("uv-universal", "requirements.in");
    const lock = load("uv-universal", "requirements.txt");
    expect(lock.compiled).toBe(true);
    expect(summary(compareLock(reqs.requirements, lock.requirements, lock.compiled))).toEqual(CLEAN);
  });

  it("a compiled lock that drops extras (`python-jose[cryptography]` locked as `python-jose`)", () => {
    const reqs = load("extras-compiled-vs-mirror", "requirements.in");
    const lock = load("extras-compiled-vs-mirror", "requirements-compiled.txt");
    expect(lock.compiled).toBe(true);
    expect(summary(compareLock(reqs.requirements, lock.requirements, true))).toEqual(CLEAN);
  });
});

describe("compareLock: mirror locks", () => {
  it("reports a mirror that drops an extra", () => {
    const reqs = load("extras-compiled-vs-mirror", "requirements.in");
    const lock = load("extras-compiled-vs-mirror", "requirements-mirror.txt");
    expect(lock.compiled).toBe(false);
    const d = compareLock(reqs.requirements, lock.requirements, lock.compiled);
    expect(d.kind).toBe("mirror");
    expect(summary(d)).toEqual({
      ...CLEAN,
      extras: ["python-jose[cryptography]==3.3.0 | python-jose==3.3.0"],
      inSync: false,
    });
  });

  it("matches odd spellings and markers, and reports drift", () => {
    const d = compareLock(
      load("mirror-drift", "requirements.txt").requirements,
      load("mirror-drift", "requirements.lock").requirements,
      false,
    );
    expect(summary(d)).toEqual({
      missing: ["sentry-sdk==1.39.1"],
      extra: ["structlog==23.3.0"],
      version: ["redis==5.0.1 | redis==5.0.3 | `5.0.1` is locked as `5.0.3`"],
      extras: ["celery[redis]==5.3.6 | celery==5.3.6"],
      duplicates: [],
      inSync: false,
    });
    expect(d.versionMismatch[0]!.lock.span).toMatchObject({
      file: "mirror-drift/requirements.lock",
      line: 2,
      column: 1,
    });
    expect(d.versionMismatch[0]!.req.specSpan).toMatchObject({ line: 2, column: 6, endColumn: 13 });
  });

  it("treats PEP 440-equal pins as equal and checks unpinned specifiers against the pin", () => {
    expect(summary(compare("flask==3.0\n", "Flask==3.0.0\n", false))).toEqual(CLEAN);
    expect(summary(compare("flask>=3\n", "flask==3.0.0\n", false))).toEqual(CLEAN);
    expect(summary(compare("flask>=3\n", "flask==2.3.3\n", false)).version).toEqual([
      "flask>=3 | flask==2.3.3 | locked version `2.3.3` does not satisfy `>=3`",
    ]);
    expect(summary(compare("flask==3.0.0\n", "flask>=3\n", false)).version).toEqual([
      "flask==3.0.0 | flask>=3 | `==3.0.0` is not pinned in the lock (`>=3`)",
    ]);
    expect(summary(compare("flask>=3,<4\n", "flask<4, >=3\n", false))).toEqual(CLEAN);
  });

  it("does not report a mirror that keeps the extras", () => {
    expect(summary(compare("celery[redis]==5.3.6\n", "celery[redis,sqs]==5.3.6\n", false))).toEqual(CLEAN);
  });

  it("reports no extra entries for compiled locks (transitives are expected)", () => {
    expect(summary(compare("flask==3.0.0\n", "flask==3.0.0\nwerkzeug==3.0.1\n", true)).extra).toEqual([]);
    expect(summary(compare("flask==3.0.0\n", "flask==3.0.0\nwerkzeug==3.0.1\n", false)).extra).toEqual([
      "werkzeug==3.0.1",
    ]);
  });
});

describe("compareLock: compiled version checks", () => {
  it("reports a lock version outside the requirement's specifier", () => {
    const d = compare("django>=5.1\n", "django==5.0.1\n    # via -r requirements.in\n", true);
    expect(summary(d).version).toEqual([
      "django>=5.1 | django==5.0.1 | locked version `5.0.1` does not satisfy `>=5.1`",
    ]);
    expect(summary(compare("django>=5.0\n", "django==5.0.1\n", true))).toEqual(CLEAN);
  });
  it("compares === as strings; an unparsable specifier (`~=5`) is not a mismatch", () => {
    expect(summary(compare("django===weird\n", "django==5.0.1\n", true)).version).toEqual([
      "django===weird | django==5.0.1 | locked version `5.0.1` does not satisfy `===weird`",
    ]);
    expect(summary(compare("django~=5\n", "django==5.0.1\n", true))).toEqual(CLEAN);
  });
});

describe("compareLock: markers", () => {
  const FORKED_LOCK =
    "numpy==1.26.4 ; python_full_version < '3.12'\nnumpy==2.1.0 ; python_full_version >= '3.12'\n";

  it("reports a requirement with a marker whose lock entry is absent", () => {
    expect(
      summary(compare('pywin32==306; sys_platform == "win32"\nflask\n', "flask==3.0.0\n", true)).missing,
    ).toEqual(['pywin32==306; sys_platform == "win32"']);
    expect(
      summary(
        compare(
          'numpy==2.1.0; python_version >= "3.12"\n',
          "numpy==1.26.4 ; python_version < '3.12'\n",
          true,
        ),
      ).missing,
    ).toEqual(['numpy==2.1.0; python_version >= "3.12"']);
  });

  it("accepts a lock entry under a differently spelled marker that fits", () => {
    expect(summary(compare('numpy==2.1.0; python_version >= "3.12"\n', FORKED_LOCK, true))).toEqual(CLEAN);
  });

  it("requires every fork to satisfy a requirement without a marker", () => {
    expect(summary(compare("numpy>=1.26\n", FORKED_LOCK, true))).toEqual(CLEAN);
    expect(summary(compare("numpy>=2\n", FORKED_LOCK, true)).version).toEqual([
      "numpy>=2 | numpy==1.26.4 ; python_full_version < '3.12' | locked version `1.26.4` does not satisfy `>=2`",
    ]);
  });

  it("lets an unmarked lock entry cover a marked requirement", () => {
    expect(summary(compare('gunicorn>=21; sys_platform != "win32"\n', "gunicorn==21.2.0\n", true))).toEqual(
      CLEAN,
    );
    expect(
      summary(compare('gunicorn>=22; sys_platform != "win32"\n', "gunicorn==21.2.0\n", true)).version,
    ).toHaveLength(1);
  });
});

describe("compareLock: URL and VCS requirements", () => {
  const SHA = "8f2c1e4b9d0a7c6e5f4b3a2918d7c6b5a4f3e2d1";
  it("compares by URL", () => {
    expect(
      summary(compare(`lib @ git+https://h/x.git@${SHA}\n`, `lib @ git+https://h/x.git@${SHA}\n`, false)),
    ).toEqual(CLEAN);
    expect(
      summary(compare(`lib @ git+https://h/x.git@${SHA}\n`, "lib @ git+https://h/x.git@main\n", false))
        .version,
    ).toEqual([
      `lib @ git+https://h/x.git@${SHA} | lib @ git+https://h/x.git@main | URL \`git+https://h/x.git@${SHA}\` is locked as \`git+https://h/x.git@main\``,
    ]);
  });
  it("accepts a compiled lock that pinned the VCS URL to a commit, and -e . locked as a file URL", () => {
    expect(
      summary(compare("lib @ git+https://h/x.git\n", `lib @ git+https://h/x.git@${SHA}\n`, true)),
    ).toEqual(CLEAN);
    expect(summary(compare("-e .\n", "-e file:///app\n    # via -r requirements.in\n", true))).toEqual(CLEAN);
    expect(summary(compare("./vendor/acme-utils\n", "./vendor/acme-utils\n", false))).toEqual(CLEAN);
    expect(summary(compare("./vendor/acme-utils\n", "./vendor/other\n", false)).missing).toEqual([
      "./vendor/acme-utils",
    ]);
  });
  it("reports a requirement URL that the lock replaced with a version", () => {
    expect(summary(compare("lib @ https://h/lib-1.0.tar.gz\n", "lib==1.0\n", true)).version).toHaveLength(1);
  });
});

describe("findDuplicates", () => {
  it("reports the same project twice under overlapping markers", () => {
    const d = findDuplicates(parse("flask==3.0.0\nrequests\nFlask==3.1.0\nflask==3.0.0\n"));
    expect(d.map((x) => [x.first.span.line, x.second.span.line, x.conflicting])).toEqual([
      [1, 3, true],
      [1, 4, false],
    ]);
  });
  it("does not report entries under different markers", () => {
    expect(
      findDuplicates(parse('numpy==1.26; python_version<"3.12"\nnumpy==2.1; python_version>="3.12"\n')),
    ).toEqual([]);
    expect(findDuplicates(parse("flask\nrequests\n"))).toEqual([]);
  });
  it("counts identical markers as overlapping and only conflicting duplicates break sync", () => {
    const d = compare("a==1 ; os_name == 'nt'\na==1; os_name==\"nt\"\n", "a==1 ; os_name == 'nt'\n", false);
    expect(summary(d).duplicates).toEqual([`a==1 ; os_name == 'nt' | a==1; os_name=="nt" | false`]);
    expect(d.inSync).toBe(true);
    expect(compare("a==1\na==2\n", "a==1\n", false).inSync).toBe(false);
  });
});
