// biome-ignore-all lint/suspicious/noTemplateCurlyInString: start commands legitimately contain ${PORT:-8000}
/**
 * The builders' own Python examples, replayed through deploy-drift.
 *
 * For each Python example of Nixpacks (railwayapp/nixpacks `examples/`, expectations in
 * `tests/snapshots/generate_plan_tests__<name>.snap`) and Railpack (railwayapp/railpack `examples/`,
 * expectations in `core/__snapshots__/TestGenerateBuildPlanForExamples_<name>_1.snap.json` and
 * `examples/<name>/test.json`), the table rebuilds the few input files that decide the Python version
 * and the start command, runs `analyzeDetailed`, and checks that deploy-drift's plan row for that
 * builder agrees with what the builder's own tests expect.
 *
 * Every case names the commit of each file it was read from: the stored copies of these repositories
 * are per file, so one example can cite several commits. Only the lines detection needs are kept;
 * code files are small stand-ins (their content does not matter for detection, only their presence).
 *
 * Expected Python:
 * - Nixpacks: the snapshot's nix package mapped to its minor (`python312` → "3.12"). When the example
 *   has no version file, Nixpacks uses its default package: `python3` today
 *   (`DEFAULT_PYTHON_PKG_NAME`), `python38` in snapshots older than nixpacks PR #1109 (see
 *   railwayapp/nixpacks@0012eb2b2446728a94873ba8e434229f41bf558a src/providers/python.rs:
 *   `const DEFAULT_PYTHON_PKG_NAME: &str = "python38";`). Both are "the builder's default", which
 *   deploy-drift words as `default (nix \`python3\`)`; the case then expects `"default"`.
 * - Railpack: the version in test.json's `expectedOutput` ("Python version: 3.11"). The example prints
 *   `sys.version`, and the check is a substring test, so "3.11" accepts 3.11.11. Examples whose tests
 *   state no version have `python: null` (nothing to compare).
 *
 * A case where deploy-drift disagrees with the builder is marked `fails: { python | start: "<why>" }`
 * (run as `it.fails`) until the engine is fixed; none is open today.
 */
import { describe, expect, it } from "vitest";
import { analyzeDetailed } from "../../src/analyze.js";
import { MemoryWorkspace } from "../../src/repo/workspace.js";

const TODAY = new Date("2026-06-01T12:00:00Z");

interface ExampleCase {
  builder: "nixpacks" | "railpack";
  example: string;
  /** Repository, commit and path of every file the case was built from (documentation only). */
  sources: string[];
  files: Record<string, string>;
  /** Nixpacks: "3.12" or "default"; Railpack: the version test.json prints, or null when it prints none. */
  python: string | null;
  start: string;
  /** Known disagreements: the assertion is expected to fail, for the reason given. */
  fails?: { python?: string; start?: string };
}

// Small stand-ins for code files: detection only looks at their names.
const MAIN = 'print("hello")\n';
const FLASK_MAIN = "from flask import Flask\n\napp = Flask(__name__)\n";
const FASTAPI_MAIN = "from fastapi import FastAPI\n\napp = FastAPI()\n";
const MANAGE = 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings")\n';
const LOCK = "# lock file (content not read for detection)\n";

const NIX = "railwayapp/nixpacks";
const RAIL = "railwayapp/railpack";

const nixpacksCases: ExampleCase[] = [
  {
    builder: "nixpacks",
    example: "python",
    sources: [
      `${NIX}@de8392cd0b72ab55cc468d873aa795140495a981 tests/snapshots/generate_plan_tests__python.snap (python38 = default then; start "python main.py")`,
      `${NIX}@c23a21a4af8c1bb47a994d14d3e2952a96614f4a examples/python/requirements.txt`,
    ],
    files: { "requirements.txt": "requests\n", "main.py": MAIN },
    python: "default",
    start: "python main.py",
  },
  {
    builder: "nixpacks",
    example: "python-2-runtime",
    sources: [
      `${NIX}@01d8b4da2c46fa48ec8e8603340c74bb1ba149be tests/snapshots/generate_plan_tests__python_2_runtime.snap (python27; start "python main.py")`,
      `${NIX}@8dc2f452cd24c9f6f6449a11f73bdb7a81dbd65f examples/python-2-runtime/main.py`,
      "runtime.txt `python-2.7`: not in the stored index; content from /work/shared/reference/railway-nixpacks.md §6",
    ],
    files: { "runtime.txt": "python-2.7\n", "main.py": 'print "hello"\n' },
    python: "2.7",
    start: "python main.py",
  },
  {
    builder: "nixpacks",
    example: "python-procfile",
    sources: [
      `${NIX}@de8392cd0b72ab55cc468d873aa795140495a981 tests/snapshots/generate_plan_tests__python_procfile.snap (python38 = default then; start "python src/main.py")`,
      `${NIX}@f9d8b6dee7bbc11c12db9e724d8ae38fc6bc2f2f examples/python-procfile/Procfile`,
      `${NIX}@455a644bf71c3504c7bb665c3da5af0c7c028dc3 examples/python-procfile/requirements.txt`,
      `${NIX}@7a886b7cbfbe73e7a9338210c4072fb069bc7299 examples/python-procfile/src/main.py`,
    ],
    files: {
      "requirements.txt": "requests\n",
      Procfile: "web: python src/main.py\n",
      "src/main.py": MAIN,
    },
    python: "default",
    start: "python src/main.py",
  },
  {
    builder: "nixpacks",
    example: "python-pipfile",
    sources: [
      `${NIX}@a0943fd548f797f5f9a5777edd41f53e14fb17aa tests/snapshots/generate_plan_tests__python_pipfile.snap (python312, pipenv; start "python main.py")`,
      `${NIX}@a0943fd548f797f5f9a5777edd41f53e14fb17aa examples/python-pipfile/Pipfile (python_version = "3.12")`,
      `${NIX}@288f413db52f0f273a06d96755b32b7455d47fad examples/python-pipfile/main.py`,
    ],
    files: {
      Pipfile: '[packages]\nrequests = "*"\n\n[requires]\npython_version = "3.12"\n',
      "Pipfile.lock": "{}\n",
      "main.py": MAIN,
    },
    python: "3.12",
    start: "python main.py",
  },
  {
    builder: "nixpacks",
    example: "python-asdf-poetry",
    sources: [
      `${NIX}@f93f64fcf65a57bb8d746a30abc663e44e710c1d tests/snapshots/generate_plan_tests__python_asdf_poetry.snap (python312, NIXPACKS_POETRY_VERSION 1.8.2; start "python main.py")`,
      `${NIX}@08a0e8a2c1db210018baeeb0b42af0fdb3bf66a7 examples/python-asdf-poetry/.tool-versions`,
      `${NIX}@86a4474d47420017e42de1b1493f80fafe512c2e examples/python-asdf-poetry/pyproject.toml (+ poetry.lock, main.py)`,
    ],
    files: {
      ".tool-versions": "python 3.12.3\npoetry 1.8.2",
      "pyproject.toml": '[tool.poetry]\nname = "python-asdf-poetry"\nversion = "0.1.0"\n',
      "poetry.lock": LOCK,
      "main.py": MAIN,
    },
    python: "3.12",
    start: "python main.py",
  },
  {
    builder: "nixpacks",
    example: "python-django",
    sources: [
      `${NIX}@e4e086dcfcfb0797a904c272e1ea14b9d8e62ed1 tests/snapshots/generate_plan_tests__python_django.snap (python3 default, postgresql_16.dev; start "python manage.py migrate && gunicorn python_django.wsgi")`,
      `${NIX}@288f413db52f0f273a06d96755b32b7455d47fad examples/python-django/requirements.txt, manage.py`,
      `${NIX}@9f7654b5a8edf7f0ae0a196bf5e59c592c8ea8ba examples/python-django/python_django/settings.py (WSGI_APPLICATION = 'python_django.wsgi.application')`,
    ],
    files: {
      "requirements.txt": "asgiref==3.8.1\nDjango==5.0.6\npsycopg2-binary==2.9.9\nsqlparse==0.5.0\n",
      "manage.py": MANAGE,
      "python_django/settings.py": "WSGI_APPLICATION = 'python_django.wsgi.application'\n",
      "python_django/wsgi.py": "application = None\n",
    },
    python: "default",
    start: "python manage.py migrate && gunicorn python_django.wsgi",
  },
  {
    builder: "nixpacks",
    example: "python-django-mysql",
    sources: [
      `${NIX}@2754c50f71976626c0d4bedab6e4bab4beacdecc tests/snapshots/generate_plan_tests__python_django_mysql.snap (python38 = default then, libmysqlclient.dev; start "python manage.py migrate && gunicorn mysite.wsgi")`,
      `${NIX}@37b9b335a01c9fd89a96d4bc7d6de19e41d5e3bd examples/python-django-mysql/mysite/settings.py (WSGI_APPLICATION = 'mysite.wsgi.application', django.db.backends.mysql)`,
      `${NIX}@9f7654b5a8edf7f0ae0a196bf5e59c592c8ea8ba examples/python-django-mysql/requirements.txt`,
    ],
    files: {
      "requirements.txt": "asgiref==3.8.1\nDjango==5.0.6\nmysqlclient==2.1.1\nsqlparse==0.5.0\n",
      "manage.py": MANAGE,
      "mysite/settings.py":
        "WSGI_APPLICATION = 'mysite.wsgi.application'\nDATABASES = {'default': {'ENGINE': 'django.db.backends.mysql'}}\n",
    },
    python: "default",
    start: "python manage.py migrate && gunicorn mysite.wsgi",
  },
  {
    builder: "nixpacks",
    example: "python-uv",
    sources: [
      `${NIX}@fdd96c98fb0c4a50593302bb6ad57000f7eb1a3c tests/snapshots/generate_plan_tests__python_uv.snap (python312, uv 0.4.30; start "python main.py")`,
      `${NIX}@3077a7a1db05818de128768a101e302cdd907c88 examples/python-uv/pyproject.toml (requires-python ">=3.12", flask), main.py`,
      "examples/python-uv/.python-version `3.12`: not in the stored index; content from /work/shared/reference/railway-nixpacks.md §6",
    ],
    files: {
      ".python-version": "3.12\n",
      "pyproject.toml":
        '[project]\nname = "python-uv"\nrequires-python = ">=3.12"\ndependencies = ["flask>=3.0.3"]\n',
      "uv.lock": LOCK,
      "main.py": MAIN,
    },
    python: "3.12",
    start: "python main.py",
  },
  {
    builder: "nixpacks",
    example: "python-deps",
    sources: [
      `${NIX}@79c6b7e11b1d5b91a628d8d03dc571faf3b96358 tests/snapshots/generate_plan_tests__python_deps.snap (python312, ffmpeg-headless, poppler_utils; start "python main.py")`,
      `${NIX}@82bb1c54ad4a5a8985e3aab322d5841535edbf8b examples/python-deps/pyproject.toml (requires-python ">=3.12", pdf2image, pydub)`,
      "examples/python-deps/.python-version: not in the stored index. Nixpacks never reads requires-python, and " +
        "no runtime.txt/Pipfile/.tool-versions is listed, so the snapshot's python312 implies a `3.12` version file " +
        "(as in its python-uv sibling). Inferred, not read.",
    ],
    files: {
      ".python-version": "3.12\n",
      "pyproject.toml":
        '[project]\nname = "python-uv"\nrequires-python = ">=3.12"\ndependencies = ["pdf2image>=1.17.0", "pydub>=0.25.1"]\n',
      "uv.lock": LOCK,
      "main.py": MAIN,
    },
    python: "3.12",
    start: "python main.py",
  },
  {
    builder: "nixpacks",
    example: "python-setuptools",
    sources: [
      `${NIX}@e70ca00fb8310e48fbe1c2ac00028ec06832dd6e tests/snapshots/generate_plan_tests__python_setuptools.snap (python38 = default then; start "python -m nixpacks-setuptools")`,
      `${NIX}@de73156bed30c463035ce771d4c58e9569cbb8c1 examples/python-setuptools/nixpacks-setuptools/__main__.py`,
      `${NIX}@2e04a43355f4d99e52f2b124be4fe135ebd681ce examples/python-setuptools/pyproject.toml holds only [build-system]; ` +
        "the snapshot's module can only come from `[project] name` (python.rs parse_project: packages[0] > " +
        "py_modules[0] > name), so the [project] table below is a stand-in for the version the snapshot was made from.",
    ],
    files: {
      "pyproject.toml":
        '[build-system]\nrequires = ["setuptools"]\nbuild-backend = "setuptools.build_meta"\n\n[project]\nname = "nixpacks-setuptools"\n',
      "nixpacks-setuptools/__main__.py": MAIN,
    },
    python: "default",
    start: "python -m nixpacks-setuptools",
  },
  {
    builder: "nixpacks",
    example: "python-poetry",
    sources: [
      `${NIX}@de8392cd0b72ab55cc468d873aa795140495a981 tests/snapshots/generate_plan_tests__python_poetry.snap (python38 = default then; start "python main.py")`,
      `${NIX}@f3512a91f19e1ef43683c73133f60066bdb229b2 examples/python-poetry/pyproject.toml (+ poetry.lock, main.py)`,
    ],
    files: {
      "pyproject.toml": '[tool.poetry]\nname = "python-poetry"\nversion = "0.1.0"\n',
      "poetry.lock": LOCK,
      "main.py": MAIN,
    },
    python: "default",
    start: "python main.py",
  },
  {
    builder: "nixpacks",
    example: "python-postgres",
    sources: [
      `${NIX}@00d5d95549cc6f9750b0fb529f9894f0491e6a4f tests/snapshots/generate_plan_tests__python_postgres.snap (python38 = default then, postgresql; start "python main.py")`,
      `${NIX}@6324e6b84db10d7c57b8fafd6fee1291b8d00d74 examples/python-postgres/requirements.txt`,
      `${NIX}@73a12ae2f69ee3008667d748fc97a335ee981c87 examples/python-postgres/main.py`,
    ],
    files: { "requirements.txt": "psycopg2-binary\n", "main.py": MAIN },
    python: "default",
    start: "python main.py",
  },
  {
    builder: "nixpacks",
    example: "python-psycopg2",
    sources: [
      `${NIX}@597c951e7d2b4f92bd7910f6c7f440ff4e4d4b38 tests/snapshots/generate_plan_tests__python_psycopg2.snap (python3 default, postgresql_16.dev; start "python main.py")`,
      `${NIX}@429bdb184123eedbb8b47d39d8391bdee83af9e4 examples/python-psycopg2/main.py`,
    ],
    files: { "requirements.txt": "psycopg2\n", "main.py": MAIN, "database.py": MAIN },
    python: "default",
    start: "python main.py",
  },
  {
    builder: "nixpacks",
    example: "python-pdm",
    sources: [
      `${NIX}@6c5224a147fef1cb96c154bf20593d1ca31b3d3a tests/snapshots/generate_plan_tests__python_pdm.snap (python3 default, pdm 2.13.3; start "python main.py")`,
      `${NIX}@91de7444f61b87ff557a3848c808dc82b863b9e1 examples/python-pdm/pyproject.toml`,
      `${NIX}@db4c7b7adb37f48af5da88f45635a34fd5355887 examples/python-pdm/pdm.lock, main.py`,
    ],
    files: {
      "pyproject.toml": '[project]\nname = "python-pdm"\nversion = "0.1.0"\n',
      "pdm.lock": LOCK,
      "main.py": MAIN,
    },
    python: "default",
    start: "python main.py",
  },
];

const railpackCases: ExampleCase[] = [
  {
    builder: "railpack",
    example: "python-pip",
    sources: [
      `${RAIL}@16e448bfcae61f780908833ca9d9cbf43f91c8a8 core/__snapshots__/TestGenerateBuildPlanForExamples_python-pip_1.snap.json (startCommand "python app.py")`,
      `${RAIL}@d8ae61834f358d62f613e22d6ff2efd433e07d45 examples/python-pip/test.json (expectedOutput "Python version: 3.11")`,
      `${RAIL}@a068e3560448e373305fe4584c85e5d4035c3abe examples/python-pip/.python-version (comment line, then 3.11.11)`,
      `${RAIL}@aad97f33ce0e4eb8568113f436db67933a6cb359 examples/python-pip/requirements.txt (fastapi-ipware: a "fastapi" substring, but no uvicorn)`,
      `${RAIL}@d8ae61834f358d62f613e22d6ff2efd433e07d45 examples/python-pip/app.py`,
    ],
    files: {
      ".python-version":
        "# Using 3.11.11 (not default 3.13) to test that .python-version is properly detected\n3.11.11\n",
      "requirements.txt":
        "numpy==2.2.1\npandas==2.2.3\nfastapi-ipware @ git+https://github.com/iloveitaly/fastapi-ipware.git\n",
      "app.py": MAIN,
    },
    python: "3.11",
    start: "python app.py",
  },
  {
    builder: "railpack",
    example: "python-uv",
    sources: [
      `${RAIL}@05ced98a54a51a2e6e8774525e8953ee15511d7f core/__snapshots__/TestGenerateBuildPlanForExamples_python-uv_1.snap.json (startCommand "gunicorn --bind 0.0.0.0:\${PORT:-8000} main:app"; copies .python-version)`,
      `${RAIL}@a18d49e866524978d0a20e69e0e3b5638ecd3872 examples/python-uv/test.json (expectedOutput "Python version: 3.11")`,
      `${RAIL}@185d628999b863c9b48fa843a6fdc17aaa9aa462 examples/python-uv/main.py (Flask app)`,
      "examples/python-uv/.python-version `3.11` and pyproject.toml (flask, gunicorn): not in the stored index; " +
        "from /work/shared/reference/railway-nixpacks.md §6 (the snapshot's gunicorn command needs both deps)",
    ],
    files: {
      ".python-version": "3.11\n",
      "pyproject.toml":
        '[project]\nname = "python-uv"\nrequires-python = ">=3.11"\ndependencies = ["flask>=3.1.0", "gunicorn>=23.0.0"]\n',
      "uv.lock": LOCK,
      "main.py": FLASK_MAIN,
    },
    python: "3.11",
    start: "gunicorn --bind 0.0.0.0:${PORT:-8000} main:app",
  },
  {
    builder: "railpack",
    example: "python-django",
    sources: [
      `${RAIL}@b5666f37246d68a314a3e540ac12a453ba592793 core/__snapshots__/TestGenerateBuildPlanForExamples_python-django_1.snap.json (uv; startCommand "python manage.py migrate && gunicorn --bind 0.0.0.0:\${PORT:-8000} mysite.wsgi:application")`,
      `${RAIL}@703582a7be12b0f031794f79d1f687519a2e90f0 examples/python-django/test.json (justBuild: no version expectation)`,
      `${RAIL}@55f38a00071ddfe541830ce644b6583456d0c156 examples/python-django/mysite/settings.py (WSGI_APPLICATION = 'mysite.wsgi.application')`,
      "pyproject.toml (django, gunicorn), uv.lock, manage.py, .python-version: the snapshot copies them; not in the stored index",
    ],
    files: {
      ".python-version": "3.11\n",
      "pyproject.toml":
        '[project]\nname = "python-django"\ndependencies = ["django>=5.1.6", "gunicorn>=23.0.0", "psycopg2-binary>=2.9.10"]\n',
      "uv.lock": LOCK,
      "manage.py": MANAGE,
      "mysite/settings.py": "WSGI_APPLICATION = 'mysite.wsgi.application'\n",
    },
    python: null,
    start: "python manage.py migrate && gunicorn --bind 0.0.0.0:${PORT:-8000} mysite.wsgi:application",
  },
  {
    builder: "railpack",
    example: "python-fastapi",
    sources: [
      `${RAIL}@1de79a84f82f74a707c990ee23f7e70262d50143 core/__snapshots__/TestGenerateBuildPlanForExamples_python-fastapi_1.snap.json (uv, no version file copied; startCommand "uvicorn main:app --host 0.0.0.0 --port \${PORT:-8000}")`,
      `${RAIL}@c6ccb073892b5f8520e993d1a29a343947183533 examples/python-fastapi/test.json (httpCheck only: no version expectation)`,
      `${RAIL}@b9765a9a9889a871b2ccd8bbd69d8ab0e824283f examples/python-fastapi/pyproject.toml (fastapi, uvicorn[standard]), uv.lock`,
      `${RAIL}@12be407a4403ac969c26117da89e512dc3e8c170 examples/python-fastapi/main.py`,
    ],
    files: {
      "pyproject.toml":
        '[project]\nname = "python-fastapi"\nrequires-python = ">=3.11"\ndependencies = ["fastapi>=0.115.5", "uvicorn[standard]>=0.32.1"]\n',
      "uv.lock": LOCK,
      "main.py": FASTAPI_MAIN,
    },
    python: null,
    start: "uvicorn main:app --host 0.0.0.0 --port ${PORT:-8000}",
  },
  {
    builder: "railpack",
    example: "python-flask",
    sources: [
      `${RAIL}@ae854b61717b0325dd357960514c3a369d3071fe core/__snapshots__/TestGenerateBuildPlanForExamples_python-flask_1.snap.json (pip, no version file copied; startCommand "gunicorn --bind 0.0.0.0:\${PORT:-8000} main:app")`,
      `${RAIL}@76ae2eb0307e2c138d74bf34915f682de62489d6 examples/python-flask/test.json (httpCheck only: no version expectation)`,
      "requirements.txt and the main file are not in the stored index; Railpack's gunicorn command requires flask, " +
        "gunicorn and a main file (python.go GetStartCommand), so those are the stand-ins",
    ],
    files: { "requirements.txt": "flask\ngunicorn\n", "main.py": FLASK_MAIN },
    python: null,
    start: "gunicorn --bind 0.0.0.0:${PORT:-8000} main:app",
  },
  {
    builder: "railpack",
    example: "python-bot-only",
    sources: [
      `${RAIL}@a6c73416565f21b6ad84432e19a6b3c37ea4b44d core/__snapshots__/TestGenerateBuildPlanForExamples_python-bot-only_1.snap.json (empty install step: no requirements/pyproject; startCommand "python bot.py")`,
    ],
    files: { "bot.py": MAIN },
    python: null,
    start: "python bot.py",
  },
  {
    builder: "railpack",
    example: "python-uv-tool-versions",
    sources: [
      `${RAIL}@6771697394c1b4421e12c93145fc0e9662b8be15 core/__snapshots__/TestGenerateBuildPlanForExamples_python-uv-tool-versions_1.snap.json (copies .tool-versions; uv; startCommand "python main.py")`,
      `${RAIL}@0efe280787703eac8714b8fa0be808fa6b10fadd examples/python-uv-tool-versions/test.json (expectedOutput "Python version: 3.9.23 …", "UV version: uv 0.7.22")`,
      ".tool-versions, pyproject.toml, uv.lock, main.py: not in the stored index; .tool-versions content from " +
        "/work/shared/reference/railway-nixpacks.md §6, matching test.json",
    ],
    files: {
      ".tool-versions": "python 3.9.23\nuv 0.7.22\n",
      "pyproject.toml": '[project]\nname = "python-uv-tool-versions"\ndependencies = []\n',
      "uv.lock": LOCK,
      "main.py": MAIN,
    },
    python: "3.9.23",
    start: "python main.py",
  },
  {
    builder: "railpack",
    example: "python-oldest",
    sources: [
      `${RAIL}@ab0e75ba779326b5d50e680f032f74801f370807 core/__snapshots__/TestGenerateBuildPlanForExamples_python-oldest_1.snap.json (copies mise.toml; startCommand "python main.py")`,
      `${RAIL}@a92fea64452b4c22cf39e3abb1ffd5a665431d87 examples/python-oldest/test.json (expectedOutput "Python version: 3.10")`,
      `${RAIL}@282e9250b0096a67cbf91993b1211d10c7fc2dae examples/python-oldest/pyproject.toml (requires-python ">=3.10", no deps)`,
      'mise.toml `python = "3.10"` and main.py: not in the stored index; from /work/shared/reference/railway-nixpacks.md §6',
    ],
    files: {
      "mise.toml": '[tools]\npython = "3.10"\n',
      "pyproject.toml": '[project]\nname = "python-oldest"\nrequires-python = ">=3.10"\ndependencies = []\n',
      "main.py": MAIN,
    },
    python: "3.10",
    start: "python main.py",
  },
];

const CASES = [...nixpacksCases, ...railpackCases];

function planFor(c: ExampleCase) {
  const { report } = analyzeDetailed(new MemoryWorkspace(c.files), { today: TODAY });
  const svc = report.services.find((s) => s.root === "." || s.root === "") ?? report.services[0];
  return svc?.sections.plans.find((p) => p.builder === c.builder);
}

/** test.json's `expectedOutput` is a substring check on `Python version: <sys.version>`. */
function printedVersionMatches(actual: string, expected: string): boolean {
  return actual === expected || actual.startsWith(`${expected}.`) || actual.startsWith(`${expected} `);
}

describe("builders' own Python examples", () => {
  it("covers every example once", () => {
    const keys = CASES.map((c) => `${c.builder}/${c.example}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(nixpacksCases.length).toBeGreaterThanOrEqual(10);
    expect(railpackCases.length).toBeGreaterThanOrEqual(8);
  });

  for (const c of CASES) {
    describe(`${c.builder} ${c.example}`, () => {
      if (c.python !== null) {
        const expected = c.python;
        const test = c.fails?.python ? it.fails : it;
        test(`Python ${expected}`, () => {
          const plan = planFor(c);
          expect(plan, "a plan row for the builder").toBeDefined();
          if (c.builder === "nixpacks") {
            if (expected === "default") expect(plan!.python).toMatch(/^default\b/);
            else expect(plan!.python).toBe(expected);
          } else {
            expect(
              printedVersionMatches(plan!.python, expected),
              `Railpack prints "Python version: ${plan!.python}", test.json expects "${expected}"`,
            ).toBe(true);
          }
        });
      }
      const test = c.fails?.start ? it.fails : it;
      test(`start: ${c.start}`, () => {
        const plan = planFor(c);
        expect(plan, "a plan row for the builder").toBeDefined();
        expect(plan!.start).toBe(c.start);
      });
    });
  }
});
