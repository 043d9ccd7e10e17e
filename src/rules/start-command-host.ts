import { classifyHost } from "../facts/start-command/index.js";
import { q } from "../model/quote.js";
import type { RuleContext } from "./context.js";
import { defineRule, type Emit } from "./define-rule.js";

/**
 * The server must listen on all interfaces; Railway's proxy cannot reach 127.0.0.1. uvicorn,
 * hypercorn, daphne, `flask run` and Django's runserver default to 127.0.0.1 when no host is given
 * (their documented defaults); gunicorn binds 0.0.0.0:$PORT by itself when PORT is set.
 */
const LOOPBACK_BY_DEFAULT = new Set(["uvicorn", "hypercorn", "daphne", "flask", "django-runserver"]);

export default defineRule<RuleContext>({
  id: "start-command-host",
  defaultSeverity: "error",
  summary: "The server listens only on localhost",
  check: ({ svc }) => {
    const out: Emit[] = [];
    for (const a of svc.commands) {
      const inv = a.parsed.server;
      if (!inv) continue;
      if (inv.host) {
        if (classifyHost(inv.host.text) === "loopback") {
          out.push({
            span: a.spanOf(inv.host),
            message: `${a.candidate.label} binds ${q(inv.host.text)}, which Railway's proxy cannot reach`,
            found: inv.host.text,
            expected: "0.0.0.0 (or :: for IPv6)",
            fix: "Bind all interfaces: `--host 0.0.0.0` (gunicorn: `--bind 0.0.0.0:$PORT`).",
          });
        }
      } else if (LOOPBACK_BY_DEFAULT.has(inv.kind) && !(inv.kind === "hypercorn" && inv.configFile)) {
        out.push({
          span: a.spanOf(inv.executable),
          message: `${a.candidate.label} starts ${inv.kind} without a host, so it listens on 127.0.0.1 only`,
          found: "(no host: 127.0.0.1)",
          expected: "0.0.0.0",
          fix: inv.kind === "hypercorn" ? "Add `--bind 0.0.0.0:$PORT`." : "Add `--host 0.0.0.0`.",
        });
      }
    }
    return out;
  },
});
