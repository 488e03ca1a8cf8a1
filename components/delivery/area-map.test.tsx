import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { AreaMap, type MapArea } from "./area-map";

const kitchen = { lat: 40.7411, lng: -73.9897 };
const square: MapArea = {
  id: "p",
  name: "Riverside",
  kind: "POLYGON",
  polygon: [
    [40.7395, -73.9795],
    [40.7395, -73.9745],
    [40.7445, -73.9745],
    [40.7445, -73.9795],
  ],
  minMeters: 0,
  maxMeters: null,
};
const band: MapArea = { id: "r", name: "Nearby", kind: "RADIUS", polygon: null, minMeters: 500, maxMeters: 2000 };

const render = (props: Parameters<typeof AreaMap>[0]) => renderToStaticMarkup(createElement(AreaMap, props));

describe("AreaMap", () => {
  it("draws polygons, bands (with their inner edge), the kitchen and test points", () => {
    const html = render({ kitchen, areas: [square, band], points: [{ id: "t", label: "Test address", ...kitchen }] });
    expect(html).toContain("<polygon");
    expect(html.match(/<circle/g)?.length).toBe(3); // band outer + inner + the test point
    expect(html).toContain("Kitchen");
    expect(html).toContain("Test address");
    expect(html).toContain("Riverside");
    // The outer band (2 km) sets the scale: its circle fills the drawing (radius = half the size minus the margin).
    expect(html).toContain('r="228"');
  });

  it("cannot draw a band without the kitchen, and says when there is nothing to draw", () => {
    const html = render({ kitchen: null, areas: [square, band] });
    expect(html).toContain("<polygon");
    expect(html).not.toContain("<circle");
    expect(render({ kitchen: null, areas: [] })).toContain("Nothing to draw yet");
  });
});
