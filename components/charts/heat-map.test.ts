import { describe, expect, it } from "vitest";
import { cellShade } from "./heat-map";

function luminance(css: string): number {
  const [r, g, b] = (
    css.startsWith("#") ? [1, 3, 5].map((i) => parseInt(css.slice(i, i + 2), 16)) : css.match(/\d+/g)!.map(Number)
  ).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};

describe("heat map cell shades", () => {
  it("keeps the figure readable (WCAG AA 4.5:1) at every share of the maximum", () => {
    for (let i = 0; i <= 100; i++) {
      const { backgroundColor, color } = cellShade(i / 100);
      expect(contrast(backgroundColor, color), `share ${i}%`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it("gets darker as the value grows and flips to white text on the hot end", () => {
    expect(luminance(cellShade(1).backgroundColor)).toBeLessThan(luminance(cellShade(0.2).backgroundColor));
    expect(cellShade(0).color).toBe("#000000");
    expect(cellShade(1).color).toBe("#ffffff");
  });
});
