/**
 * Which language provider the chosen builder uses for a service, decided the way the builder does.
 * Rules that encode the Python provider's behaviour (venv paths, default package lists, Python
 * version files, install commands) apply only when it is the Python provider (RuleMeta.pythonBuild).
 *
 * - Nixpacks uses only the first provider that detects the app ("Only match a single provider... for
 *   now", src/nixpacks/plan/generator.rs), in the order of src/lib.rs get_providers(), where
 *   NodeProvider comes before PythonProvider; `providers` in nixpacks.toml replaces detection
 *   (`["...", "python"]` adds to it). https://github.com/railwayapp/nixpacks/blob/f51d7fd5/src/lib.rs
 *   Python detect(): main.py, requirements.txt, pyproject.toml or Pipfile
 *   (https://github.com/railwayapp/nixpacks/blob/f51d7fd5/src/providers/python.rs).
 * - Railpack: core/providers/provider.go orders php, golang, java, rust, ruby, elixir, python, …,
 *   node, so Python wins over Node; railpack.json `provider` forces one. Python Detect(): a main file
 *   (main.py, app.py, start.py, bot.py, hello.py, server.py), requirements.txt, pyproject.toml or
 *   Pipfile (https://github.com/railwayapp/railpack/blob/b5e80580/core/providers/python/python.go).
 * - A Dockerfile build has no provider: the Dockerfile says what is installed.
 */
import type { Span } from "../model/span.js";
import { joinPath, type Workspace } from "../repo/workspace.js";
import type { NixpacksPlan } from "../sources/nixpacks.js";
import type { RailpackConfig } from "../sources/railpack.js";
import type { BuilderChoice } from "./builder.js";

export type ProviderName = "python" | "node" | "other" | "none" | "dockerfile";

export interface ProviderChoice {
  name: ProviderName;
  /** e.g. "`package.json` exists, and Nixpacks tries its Node provider before Python". */
  reason: string;
  span: Span | null;
}

const NIXPACKS_PYTHON = ["main.py", "requirements.txt", "pyproject.toml", "Pipfile"];
const RAILPACK_PYTHON = [
  "main.py",
  "app.py",
  "start.py",
  "bot.py",
  "hello.py",
  "server.py",
  "requirements.txt",
  "pyproject.toml",
  "Pipfile",
];
/** Providers each builder tries before Python, with the file that makes each detect the app. */
const NIXPACKS_BEFORE_PYTHON: Array<[string, string]> = [
  ["mix.exs", "Elixir"],
  ["deno.json", "Deno"],
  ["deno.jsonc", "Deno"],
  ["go.mod", "Go"],
  ["pom.xml", "Java"],
  ["composer.json", "PHP"],
  ["Gemfile", "Ruby"],
  ["package.json", "Node"],
];
const RAILPACK_BEFORE_PYTHON: Array<[string, string]> = [
  ["composer.json", "PHP"],
  ["go.mod", "Go"],
  ["pom.xml", "Java"],
  ["Cargo.toml", "Rust"],
  ["Gemfile", "Ruby"],
  ["mix.exs", "Elixir"],
];

export function chooseProvider(svc: {
  root: string;
  ws: Workspace;
  builder: BuilderChoice;
  nixpacks: NixpacksPlan | null;
  railpack: RailpackConfig | null;
}): ProviderChoice {
  const has = (n: string) => svc.ws.isFile(joinPath(svc.root, n));
  const b = svc.builder.name;
  if (b === "dockerfile")
    return { name: "dockerfile", reason: "the Dockerfile decides what is installed", span: null };
  if (b === "nixpacks") {
    const listed = svc.nixpacks?.providers;
    if (listed) {
      const names = listed.items.map((i) => i.value.toLowerCase());
      const explicit = !names.includes("...");
      if (names.includes("python"))
        return {
          name: "python",
          reason: "`providers` in the Nixpacks config names `python`",
          span: listed.span,
        };
      if (explicit)
        return {
          name: names.includes("node") ? "node" : "other",
          reason: `\`providers\` in the Nixpacks config is ${JSON.stringify(names)}, without \`python\``,
          span: listed.span,
        };
    }
    const before = NIXPACKS_BEFORE_PYTHON.find(([f]) => has(f));
    if (before)
      return {
        name: before[1] === "Node" ? "node" : "other",
        reason: `\`${joinPath(svc.root, before[0])}\` exists, and Nixpacks uses the first provider that detects the app: ${before[1]} comes before Python`,
        span: { file: joinPath(svc.root, before[0]), line: 1, column: 1 },
      };
    if (NIXPACKS_PYTHON.some(has))
      return { name: "python", reason: "Nixpacks' Python provider detects it", span: null };
    return {
      name: "none",
      reason: `Nixpacks' Python provider needs ${NIXPACKS_PYTHON.join(", ")} at the service root, and none is there`,
      span: null,
    };
  }
  const forced = svc.railpack?.provider;
  if (forced) {
    const v = forced.value.toLowerCase();
    return {
      name: v === "python" ? "python" : v === "node" ? "node" : "other",
      reason: `railpack.json \`provider\` is \`${forced.value}\``,
      span: forced.span,
    };
  }
  const before = RAILPACK_BEFORE_PYTHON.find(([f]) => has(f));
  if (before)
    return {
      name: "other",
      reason: `\`${joinPath(svc.root, before[0])}\` exists, and Railpack tries its ${before[1]} provider before Python`,
      span: { file: joinPath(svc.root, before[0]), line: 1, column: 1 },
    };
  if (RAILPACK_PYTHON.some(has))
    return { name: "python", reason: "Railpack's Python provider detects it", span: null };
  if (has("package.json"))
    return {
      name: "node",
      reason: `\`${joinPath(svc.root, "package.json")}\` exists and no Python file Railpack detects is at the service root`,
      span: { file: joinPath(svc.root, "package.json"), line: 1, column: 1 },
    };
  return {
    name: "none",
    reason: `Railpack's Python provider needs a main file (main.py, app.py, …), requirements.txt, pyproject.toml or Pipfile at the service root, and none is there`,
    span: null,
  };
}
