// The delivery setup's first render: the areas table in containment order, the preview, the test box,
// the empty state.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DeliveryAreas, type AreaRow } from "./delivery-areas";

const kitchen = { lat: 40.7411, lng: -73.9897 };
const areas: AreaRow[] = [
  {
    id: "p",
    name: "Riverside block",
    kind: "POLYGON",
    polygon: [
      [40.7395, -73.9795],
      [40.7395, -73.9745],
      [40.7445, -73.9745],
    ],
    minMeters: 0,
    maxMeters: null,
    feeCents: 199,
    minimumCents: 1200,
    travelMinutes: 10,
    sortOrder: 0,
    archivedAt: null,
  },
  {
    id: "r",
    name: "Nearby",
    kind: "RADIUS",
    polygon: null,
    minMeters: 0,
    maxMeters: 2000,
    feeCents: 299,
    minimumCents: 1500,
    travelMinutes: 12,
    sortOrder: 1,
    archivedAt: null,
  },
];

const render = (rows: AreaRow[]) =>
  renderToStaticMarkup(createElement(DeliveryAreas, { kitchen, areas: rows, currency: "USD" }));

describe("DeliveryAreas", () => {
  it("lists the areas with kind, fee, minimum and travel time, beside the preview and the test box", () => {
    const html = render(areas);
    expect(html).toContain('data-testid="area-row-Riverside block"');
    expect(html).toContain("Polygon, 3 points");
    expect(html).toContain("Radius 0.0–2.0 km");
    expect(html).toContain("$1.99");
    expect(html).toContain("$15.00");
    expect(html).toContain("12 min");
    expect(html).toContain('data-testid="area-map"');
    expect(html).toContain('data-testid="test-address"');
    expect(html).toContain('data-testid="add-area"');
  });

  it("says that without areas only pickup is possible", () => {
    expect(render([])).toContain("customers can only order for pickup");
  });
});
