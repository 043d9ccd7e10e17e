import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { MemoryWorkspace } from "../../src/repo/workspace.js";

export const FIXTURES = fileURLToPath(new URL("../fixtures/requirements/", import.meta.url));

export function fixture(dir: string, file: string): string {
  return readFileSync(join(FIXTURES, dir, file), "utf8");
}

/** A MemoryWorkspace whose root is one fixture folder. */
export function fixtureWorkspace(dir: string): MemoryWorkspace {
  const root = join(FIXTURES, dir);
  const files: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else files[relative(root, p).split("\\").join("/")] = readFileSync(p, "utf8");
    }
  };
  walk(root);
  return new MemoryWorkspace(files, dir);
}
