/**
 * Which builder Railway will use for a service.
 * - "Railway will always build with a Dockerfile if it finds one" (Railway config-as-code reference;
 *   railway-nixpacks.md §3.1). `build.dockerfilePath` / RAILWAY_DOCKERFILE_PATH name another path.
 * - Otherwise `build.builder` decides (values compared case-insensitively).
 * - Otherwise Railpack: "New services default to Railpack unless otherwise specified" (Railway docs
 *   06878d14, 2025-09-16). A service created earlier may still build with Nixpacks in the dashboard,
 *   which the repo cannot show — the reason says so.
 */
import type { BuilderName } from "../model/report.js";
import type { Span } from "../model/span.js";
import type { RailwayConfig } from "../sources/railway.js";
import { definiteValue, type RailwayTsService } from "../sources/railway-iac/model/types.js";

export interface BuilderChoice {
  name: BuilderName;
  reason: string;
  /** Where the choice comes from (the builder key or the Dockerfile), if from a file. */
  span: Span | null;
  /** The builder value written in railway config, uppercased, if any. */
  configured: string | null;
}

export function chooseBuilder(svc: {
  railway: RailwayConfig | null;
  railwayTs: RailwayTsService | null;
  dockerfile: string | null;
}): BuilderChoice {
  // railway.ts, when it configures this service, is what Railway reads (config-as-code cannot manage
  // the same service); otherwise railway.json/railway.toml.
  const tsBuilder = svc.railwayTs?.builder;
  const tsValue = definiteValue(tsBuilder);
  const source: { value: string; span: Span; file: string } | null =
    tsBuilder && tsValue !== null
      ? { value: tsValue, span: tsBuilder.span, file: tsBuilder.span.file }
      : !svc.railwayTs && svc.railway?.builder
        ? { value: svc.railway.builder.value, span: svc.railway.builder.span, file: svc.railway.file }
        : null;
  const configured = source?.value.toUpperCase() ?? null;
  if (svc.dockerfile) {
    return {
      name: "dockerfile",
      reason: /(^|\/)Dockerfile$/.test(svc.dockerfile)
        ? `\`${svc.dockerfile}\` exists; Railway always builds with a Dockerfile when it finds one`
        : `\`${svc.dockerfile}\` is the Dockerfile the service's \`dockerfilePath\` names`,
      span: { file: svc.dockerfile, line: 1, column: 1 },
      configured,
    };
  }
  if (source && (configured === "NIXPACKS" || configured === "RAILPACK")) {
    return {
      name: configured === "NIXPACKS" ? "nixpacks" : "railpack",
      reason: `the builder is \`${source.value}\` in ${source.file}`,
      span: source.span,
      configured,
    };
  }
  return {
    name: "railpack",
    reason:
      configured === "DOCKERFILE"
        ? "the builder is DOCKERFILE but no Dockerfile exists; Railway falls back to its default builder, Railpack"
        : tsBuilder && tsValue === null
          ? `the builder in ${tsBuilder.span.file} depends on the deploy context; assuming Railway's default, Railpack`
          : "no builder is configured; Railpack is Railway's default for new services (older services may still use Nixpacks in the dashboard)",
    span: source?.span ?? null,
    configured,
  };
}

export const BUILDER_LABEL: Record<BuilderName, string> = {
  railpack: "Railpack",
  nixpacks: "Nixpacks",
  dockerfile: "Dockerfile",
};
