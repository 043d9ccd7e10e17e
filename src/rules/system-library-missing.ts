import { mergeList } from "../facts/python.js";
import { q } from "../model/quote.js";
import type { RuleContext } from "./context.js";
import { defineRule, type Emit } from "./define-rule.js";

/**
 * Packages that compile against a system library at install time need its headers in the image:
 * psycopg2 (not -binary) and psycopg[c] need libpq (`pg_config`), mysqlclient needs the MySQL client
 * library (`mysql_config`). Nixpacks adds `postgresql_16.dev` itself when the dependencies mention
 * psycopg, and `libmysqlclient.dev` only for Django with MySQL (python.rs setup(),
 * railway-nixpacks.md §1.3) — a `nixPkgs` list without `"..."` drops them. A `python:*-slim` or
 * `-alpine` base image has neither (the full image is built on buildpack-deps, which has both).
 * Under Railpack, whose handling of these headers is not established from its source here, a
 * notice asks for them in railpack.json `buildAptPackages` (the documented way to add build packages).
 */
const NEEDS: Array<{
  match: (name: string, extras: string[]) => boolean;
  lib: string;
  present: RegExp;
  nix: string;
  apt: string;
}> = [
  {
    match: (n, e) => n === "psycopg2" || (n === "psycopg" && e.includes("c")),
    lib: "libpq (pg_config)",
    present: /postgres|libpq/i,
    nix: "postgresql_16.dev",
    apt: "libpq-dev",
  },
  {
    match: (n) => n === "mysqlclient",
    lib: "the MySQL client library (mysql_config)",
    present: /mysql|mariadb/i,
    nix: "libmysqlclient.dev",
    apt: "default-libmysqlclient-dev pkg-config",
  },
];

export default defineRule<RuleContext>({
  id: "system-library-missing",
  pythonBuild: true,
  defaultSeverity: "warning",
  summary: "A package that builds against a system library has no headers in the image",
  check: ({ svc }) => {
    const out: Emit[] = [];
    const b = svc.builder.name;
    let have: string[];
    let where: string;
    if (b === "railpack") {
      have = (svc.railpack?.buildAptPackages?.items ?? []).map((i) => i.value);
      where = "railpack.json `buildAptPackages`";
    } else if (b === "nixpacks") {
      const libs = mergeList(
        mergeList([{ value: "zlib" }], svc.nixpacks?.phases.get("setup")?.lists.nixLibs),
        svc.railwayPlan?.phases.get("setup")?.lists.nixLibs,
      );
      const apt = mergeList(
        mergeList([], svc.nixpacks?.phases.get("setup")?.lists.aptPkgs),
        svc.railwayPlan?.phases.get("setup")?.lists.aptPkgs,
      );
      have = [...svc.python.nixPkgs.items, ...libs, ...apt].map((i) => i.value);
      where = "the merged Nixpacks setup phase (`nixPkgs`, `nixLibs`, `aptPkgs`)";
    } else {
      const from = svc.dockerfileParsed?.finalFrom?.image ?? "";
      if (!/^(?:[\w.-]+(?::\d+)?\/)?(?:library\/)?python:[^ ]*(slim|alpine)/.test(from)) return out;
      have = (svc.dockerfileParsed?.instructions ?? []).filter((i) => i.keyword === "RUN").map((i) => i.args);
      where = `the Dockerfile (\`FROM ${from}\` has no build headers)`;
    }
    for (const f of svc.requirements) {
      for (const r of f.requirements) {
        const need = NEEDS.find((n) => n.match(r.normalized, r.extras));
        if (!need || have.some((h) => need.present.test(h))) continue;
        if (b === "railpack") {
          out.push({
            span: r.span,
            severity: "notice",
            message: `${q(r.raw)} compiles against ${need.lib}; ${where} does not list ${q(need.apt.split(" ")[0])}, so the build relies on Railpack's image having it`,
            found: r.raw,
            expected: `${q(need.apt.split(" ")[0])} in buildAptPackages`,
            fix: `Add \`"${need.apt.split(" ")[0]}"\` to \`buildAptPackages\` in railpack.json, or use a binary wheel (\`psycopg2-binary\`).`,
          });
          continue;
        }
        out.push({
          span: r.span,
          message: `${q(r.raw)} compiles against ${need.lib}, but ${where} installs none, so \`pip install\` fails`,
          found: r.raw,
          expected:
            b === "nixpacks"
              ? `${q(need.nix)} in nixPkgs (or \`"..."\`)`
              : `\`apt-get install ${need.apt}\` in a RUN step`,
          fix:
            b === "nixpacks"
              ? `Add \`"..."\` (keeps the provider's ${q(need.nix)}) or ${q(need.nix)} to \`phases.setup.nixPkgs\`; or use the binary wheel (\`psycopg2-binary\`).`
              : `Install ${q(need.apt)} in the Dockerfile before \`pip install\`, or use a binary wheel (\`psycopg2-binary\`).`,
        });
      }
    }
    return out;
  },
});
