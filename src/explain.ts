/**
 * `deploy-drift rule ID` / `--explain ID`: a rule's documentation page, read from the package's own
 * `docs/rules/ID.md` (the folder sits next to `src/` and `dist/`, found from the running script), else
 * the catalog's one-line summary and the page's URL. Only ids from the catalog are looked up.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { RULE_DOCS_BASE } from "./report/markdown.js";
import { ENGINE_RULES, RULES } from "./rules/index.js";

export function explainRule(id: string, from: string | undefined = process.argv[1]): string | null {
  const meta = [...RULES, ...ENGINE_RULES].find((r) => r.id === id);
  if (!meta) return null;
  for (const dir of docsDirs(from)) {
    try {
      return fs.readFileSync(path.join(dir, `${meta.id}.md`), "utf8");
    } catch {
      // try the next candidate
    }
  }
  return `# ${meta.id}\n\n${meta.summary} (default severity: ${meta.defaultSeverity}).\n\nThe full page: ${RULE_DOCS_BASE}${meta.id}.md\n`;
}

/** `docs/rules` in the script's folder and up to four levels above it. */
function docsDirs(from: string | undefined): string[] {
  if (!from) return [];
  let dir: string;
  try {
    dir = path.dirname(fs.realpathSync(from));
  } catch {
    return [];
  }
  const out: string[] = [];
  for (let i = 0; i < 5; i++) {
    out.push(path.join(dir, "docs", "rules"));
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return out;
}
