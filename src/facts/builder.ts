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
  dockerfile: string | null;
}): BuilderChoice {
  const configured = svc.railway?.builder?.value.toUpperCase() ?? null;
  if (svc.dockerfile) {
    return {
      name: "dockerfile",
      reason: `\`${svc.dockerfile}\` exists; Railway always builds with a Dockerfile when it finds one`,
      span: { file: svc.dockerfile, line: 1, column: 1 },
      configured,
    };
  }
  if (configured === "NIXPACKS") {
    return {
      name: "nixpacks",
      reason: `\`build.builder\` is \`${svc.railway!.builder!.value}\` in ${svc.railway!.file}`,
      span: svc.railway!.builder!.span,
      configured,
    };
  }
  if (configured === "RAILPACK") {
    return {
      name: "railpack",
      reason: `\`build.builder\` is \`${svc.railway!.builder!.value}\` in ${svc.railway!.file}`,
      span: svc.railway!.builder!.span,
      configured,
    };
  }
  return {
    name: "railpack",
    reason:
      configured === "DOCKERFILE"
        ? "`build.builder` is DOCKERFILE but no Dockerfile exists; Railway falls back to its default builder, Railpack"
        : "no builder is configured; Railpack is Railway's default for new services (older services may still use Nixpacks in the dashboard)",
    span: svc.railway?.builder?.span ?? null,
    configured,
  };
}

export const BUILDER_LABEL: Record<BuilderName, string> = {
  railpack: "Railpack",
  nixpacks: "Nixpacks",
  dockerfile: "Dockerfile",
};
