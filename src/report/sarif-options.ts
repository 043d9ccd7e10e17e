import { ENGINE_RULES, RULES } from "../rules/index.js";
import { RULE_DOCS_BASE } from "./markdown.js";
import type { SarifOptions } from "./sarif.js";

/** SARIF options shared by the CLI and the action: every rule's metadata and its docs page as helpUri. */
export function sarifOptions(pathPrefix: string): SarifOptions {
  return {
    rules: [...RULES, ...ENGINE_RULES],
    helpUri: (id) => `${RULE_DOCS_BASE}${id}.md`,
    pathPrefix,
  };
}
