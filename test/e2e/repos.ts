import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ROOT } from "./runner.js";

/**
 * Workspaces for the end-to-end runs: a copy of a committed fixture repository, optionally with
 * `missing` extra requirements that are absent from the compiled lock (one error finding each), so a
 * test can dial the number of findings.
 */
export const CLEAN_FIXTURE = path.join(ROOT, "test/fixtures/github/repo-clean");
/** The bundled example: one service, a dozen findings — a typical pull request. */
export const MAYA = path.join(ROOT, "examples/maya-backend");

export function workspace(
  opts: { missing?: number; subdir?: string; fixture?: string; edit?: (dir: string) => void } = {},
): string {
  const fixture = opts.fixture ?? CLEAN_FIXTURE;
  // The checkout folder is named like the repository, as on a runner.
  const ws = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "deploy-drift-ws-")), path.basename(fixture));
  const dir = opts.subdir ? path.join(ws, opts.subdir) : ws;
  fs.mkdirSync(dir, { recursive: true });
  fs.cpSync(fixture, dir, { recursive: true });
  opts.edit?.(dir);
  const n = opts.missing ?? 0;
  if (n > 0) {
    const extra = Array.from(
      { length: n },
      (_, i) => `deploy-drift-e2e-package-with-a-long-name-${String(i).padStart(4, "0")}==1.0.${i}`,
    );
    fs.appendFileSync(path.join(dir, "requirements.in"), `${extra.join("\n")}\n`);
  }
  return ws;
}
