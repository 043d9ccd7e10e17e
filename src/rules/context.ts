import type { Config } from "../config/schema.js";
import type { ServiceFacts } from "../facts/service.js";

/** What every rule check receives. Pure data: rules never read files or the environment. */
export interface RuleContext {
  svc: ServiceFacts;
  config: Config;
  /** The run's date, YYYY-MM-DD. */
  today: string;
}
