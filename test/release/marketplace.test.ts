// action.yml as the GitHub Marketplace reads it. The rules, from github/docs@1613162b
// content/actions/reference/workflows-and-actions/metadata-syntax.md (`branding`) and
// content/actions/how-tos/create-and-publish-actions/publish-in-github-marketplace.md:
// name, description and author are required; the description must be under 125 characters;
// branding.color is one of nine values and branding.icon a listed Feather v4.28.0 icon.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const COLORS = ["white", "black", "yellow", "blue", "green", "orange", "red", "purple", "gray-dark"];
/** "Exhaustive list of all currently supported icons" (the omitted ones are not in it). */
const ICONS = new Set(
  `activity airplay alert-circle alert-octagon alert-triangle align-center align-justify align-left
  align-right anchor aperture archive arrow-down-circle arrow-down-left arrow-down-right arrow-down
  arrow-left-circle arrow-left arrow-right-circle arrow-right arrow-up-circle arrow-up-left
  arrow-up-right arrow-up at-sign award bar-chart-2 bar-chart battery-charging battery bell-off bell
  bluetooth bold book-open book bookmark box briefcase calendar camera-off camera cast check-circle
  check-square check chevron-down chevron-left chevron-right chevron-up chevrons-down chevrons-left
  chevrons-right chevrons-up circle clipboard clock cloud-drizzle cloud-lightning cloud-off cloud-rain
  cloud-snow cloud code command compass copy corner-down-left corner-down-right corner-left-down
  corner-left-up corner-right-down corner-right-up corner-up-left corner-up-right cpu credit-card crop
  crosshair database delete disc dollar-sign download-cloud download droplet edit-2 edit-3 edit
  external-link eye-off eye fast-forward feather file-minus file-plus file-text file film filter flag
  folder-minus folder-plus folder gift git-branch git-commit git-merge git-pull-request globe grid
  hard-drive hash headphones heart help-circle home image inbox info italic layers layout life-buoy
  link-2 link list loader lock log-in log-out mail map-pin map maximize-2 maximize menu
  message-circle message-square mic-off mic minimize-2 minimize minus-circle minus-square minus
  monitor moon more-horizontal more-vertical move music navigation-2 navigation octagon package
  paperclip pause-circle pause percent phone-call phone-forwarded phone-incoming phone-missed
  phone-off phone-outgoing phone pie-chart play-circle play plus-circle plus-square plus pocket power
  printer radio refresh-ccw refresh-cw repeat rewind rotate-ccw rotate-cw rss save scissors search
  send server settings share-2 share shield-off shield shopping-bag shopping-cart shuffle sidebar
  skip-back skip-forward slash sliders smartphone speaker square star stop-circle sun sunrise sunset
  table tablet tag target terminal thermometer thumbs-down thumbs-up toggle-left toggle-right trash-2
  trash trending-down trending-up triangle truck tv type umbrella underline unlock upload-cloud
  upload user-check user-minus user-plus user-x user users video-off video voicemail volume-1
  volume-2 volume-x volume watch wifi-off wifi wind x-circle x-square x zap-off zap zoom-in zoom-out`
    .split(/\s+/)
    .filter(Boolean),
);

interface ActionYml {
  name?: unknown;
  description?: unknown;
  author?: unknown;
  branding?: { icon?: unknown; color?: unknown };
  runs?: { using?: unknown; main?: unknown };
}
const action = parse(readFileSync("action.yml", "utf8")) as ActionYml;

describe("action.yml for the GitHub Marketplace", () => {
  it("has a name, an author and a description under 125 characters", () => {
    expect(typeof action.name).toBe("string");
    expect(typeof action.author).toBe("string");
    expect(typeof action.description).toBe("string");
    expect((action.description as string).length).toBeGreaterThan(0);
    expect((action.description as string).length).toBeLessThan(125);
  });

  it("brands itself with a documented color and a supported Feather icon", () => {
    expect(COLORS).toContain(action.branding?.color);
    expect(ICONS.has(action.branding?.icon as string), `icon ${String(action.branding?.icon)}`).toBe(true);
  });

  it("knows the omitted icons are not supported", () => {
    for (const omitted of ["coffee", "key", "tool", "hexagon", "smile"])
      expect(ICONS.has(omitted)).toBe(false);
    expect(ICONS.size).toBe(257); // Feather 4.28.0: 286 icons, less 16 brand icons and the 13 omitted
  });

  it("runs the committed action bundle on node24", () => {
    expect(action.runs).toEqual({ using: "node24", main: "dist/index.js" });
  });
});
