/**
 * `deploy-drift migrate [DIR] [--lang ts|py] [--write]`, dispatched from src/cli.ts. Exit 0 = done,
 * 2 = usage or internal error (one line, as the main command).
 */
import * as fs from "node:fs";
import { parseArgs } from "node:util";
import { DiskWorkspace } from "../repo/disk.js";
import { migrateCli } from "./index.js";

export const MIGRATE_USAGE = "usage: deploy-drift migrate [DIR] [--lang ts|py] [--write]";

export async function migrateMain(
  argv: string[],
  io: { stdout: { write(t: string): unknown }; stderr: { write(t: string): unknown } },
): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        lang: { type: "string", default: "ts" },
        write: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    });
    if (values.help) {
      io.stdout.write(`${MIGRATE_USAGE}\n`);
      return 0;
    }
    if (positionals.length > 1) throw new Error("expected at most one directory");
    if (values.lang !== "ts" && values.lang !== "py") throw new Error("--lang must be ts or py");
    const dir = positionals[0] ?? ".";
    if (!fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory())
      throw new Error(`${dir}: not a directory`);
    return await migrateCli({ dir, lang: values.lang, write: !!values.write }, new DiskWorkspace(dir), io);
  } catch (e) {
    io.stderr.write(`deploy-drift migrate: ${(e as Error).message}\n${MIGRATE_USAGE}\n`);
    return 2;
  }
}
