/**
 * The exact pins a service's build installs: `requirements.txt` with the files it includes, and the
 * locks paired with requirements files (`requirements.lock`, pip-compile output). Each requirement
 * line once. The PyPI look-ups fetch these, and the rules that read PyPI data check them.
 */
import type { Requirement } from "../sources/requirements/parse.js";
import type { ServiceFacts } from "./service.js";

export type ExactPin = Requirement & { pinned: string };

/**
 * Requirements pinned with `==` / `===`. Those with an environment marker are left out: deploy-drift
 * does not evaluate markers, and `pywin32==306; sys_platform == "win32"` is never installed on Linux.
 */
export function installedPins(svc: Pick<ServiceFacts, "requirements" | "lockPairs">): ExactPin[] {
  const files = [
    ...svc.requirements.map((f) => f.requirements),
    ...svc.lockPairs.filter((p) => svc.requirements.every((r) => r.path !== p.lock)).map((p) => p.locked),
  ];
  const out: ExactPin[] = [];
  const seen = new Set<string>();
  for (const reqs of files) {
    for (const r of reqs) {
      const at = `${r.span.file}:${r.span.line}`;
      if (r.pinned === null || r.marker !== null || r.url !== null || seen.has(at)) continue;
      seen.add(at);
      out.push(r as ExactPin);
    }
  }
  return out;
}
