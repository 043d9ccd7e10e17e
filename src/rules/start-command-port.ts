import { SERVER_KINDS } from "../facts/start-command/index.js";
import { q } from "../model/quote.js";
import { definiteValue } from "../sources/railway-iac/model/types.js";
import type { RuleContext } from "./context.js";
import { defineRule, type Emit } from "./define-rule.js";

/**
 * Railway injects `PORT` and routes to it; a server must listen on `$PORT` (or `${PORT:-8000}`).
 * A fixed port works only if the service's target port is set to match, so this is a warning.
 * Workers and scripts (`python bot.py`) that serve no HTTP are not checked.
 */

export default defineRule<RuleContext>({
  id: "start-command-port",
  defaultSeverity: "warning",
  summary: "The server does not take its port from $PORT",
  check: ({ svc }) => {
    const out: Emit[] = [];
    // `PORT` set in the service's variables (railway.ts / railway.py env) is the port Railway routes
    // to, so a server on that fixed port is right (https://docs.railway.com/guides/public-networking#target-ports).
    const envPort = definiteValue(
      svc.railwayTs?.env.find((d) => d.name === "PORT" && d.kind === "literal")?.value,
    );
    for (const a of svc.commands) {
      const inv = a.parsed.server;
      if (!inv || !SERVER_KINDS.has(inv.kind) || inv.portFromEnv) continue;
      // A command Railway does not run (a Dockerfile CMD under startCommand) binds nothing there;
      // start-command-overridden reports it.
      if (a.replacedBy) continue;
      if (inv.configFile && !inv.port) continue;
      if (envPort !== null && inv.port && inv.port.text.trim() === envPort.trim()) continue;
      const d = a.parsed.diagnostics.find((x) => x.message.includes("single quotes"));
      out.push({
        span: a.spanOf(inv.port ?? inv.bind ?? inv.executable),
        message: d
          ? `${a.candidate.label}: ${d.message}`
          : inv.port
            ? `${a.candidate.label} listens on ${inv.port.text.includes("$") ? "port" : "fixed port"} ${q(inv.port.text)}, not on Railway's \`$PORT\``
            : `${a.candidate.label} starts ${inv.kind} without a port, so it listens on its default, not on Railway's \`$PORT\``,
        found: inv.port?.text ?? "(default port)",
        expected: "$PORT",
        fix:
          inv.kind === "gunicorn" || inv.kind === "hypercorn"
            ? "Use `--bind 0.0.0.0:$PORT`."
            : "Add `--port $PORT`.",
      });
    }
    return out;
  },
});
