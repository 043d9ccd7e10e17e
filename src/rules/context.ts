import type { Config } from "../config/schema.js";
import type { ServiceFacts } from "../facts/service.js";
import type { PypiReleases } from "../pypi/release.js";

/** What every rule check receives. Pure data: rules never read files or the environment. */
export interface RuleContext {
  svc: ServiceFacts;
  config: Config;
  /** The run's date, YYYY-MM-DD. */
  today: string;
  /**
   * PyPI data for the pins of every service, looked up before the run when `pypi = true` (or
   * `--pypi`); null when the run is offline. Pins whose look-up failed have an `{ error }` entry.
   */
  pypi: PypiReleases | null;
}
