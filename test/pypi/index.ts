/**
 * A local stand-in for the PyPI JSON API: serves test/fixtures/pypi/<name>-<version>.json at
 * `/pypi/<name>/<version>/json` on 127.0.0.1 (an ephemeral port), 404 for anything else, and counts requests.
 * Also reads a rule-corpus case's `pypi.json` into the map the rules receive.
 */
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type PypiLookup, parseRelease, releaseKey } from "../../src/pypi/release.js";

export const RECORDED = fileURLToPath(new URL("../fixtures/pypi/", import.meta.url));

export interface Index {
  /** The JSON API root, for `pypi-url` / `baseUrl`. */
  url: string;
  /** Paths requested, in order. */
  requests: string[];
  close(): Promise<void>;
}

/** `hang`: accept requests and never answer (timeouts). */
export async function startIndex(opts: { hang?: boolean } = {}): Promise<Index> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? "");
    if (opts.hang) return;
    const m = /^\/pypi\/([^/]+)\/([^/]+)\/json$/.exec(req.url ?? "");
    const file = m ? join(RECORDED, `${m[1]}-${m[2]}.json`) : null;
    if (file && existsSync(file)) {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(readFileSync(file));
    } else {
      res.writeHead(404, { "content-type": "application/json" });
      res.end('{"message": "Not Found"}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/pypi`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A URL nothing listens on: a server is started, its port noted, and it is closed again. */
export async function deadIndexUrl(): Promise<string> {
  const index = await startIndex();
  await index.close();
  return index.url;
}

/**
 * A corpus case's `pypi.json`: pin (`name==version`) → a file in test/fixtures/pypi, or `{ "error" }`
 * for a failed look-up. Null when the case has none (it runs offline).
 */
export function loadPypiJson(caseDir: string): Map<string, PypiLookup> | null {
  const file = join(caseDir, "pypi.json");
  if (!existsSync(file)) return null;
  const raw = JSON.parse(readFileSync(file, "utf8")) as Record<string, string | { error: string }>;
  const out = new Map<string, PypiLookup>();
  for (const [pin, value] of Object.entries(raw)) {
    const [name, version] = pin.split("==") as [string, string];
    if (typeof value !== "string") {
      out.set(releaseKey(name, version), { error: value.error });
      continue;
    }
    const release = parseRelease(JSON.parse(readFileSync(join(RECORDED, value), "utf8")));
    if (!release) throw new Error(`${file}: ${value} is not a release answer`);
    out.set(releaseKey(name, version), release);
  }
  return out;
}
