// The board's first render (what the server sends before hydration): every column, the testids
// the e2e journey uses, lateness from the server's clock, no personal data beyond a first name.
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DispatchBoard, type BoardView } from "./dispatch-board";

const now = "2026-12-02T18:00:00.000Z";
const board: BoardView = {
  now,
  kitchen: { lat: 40.7411, lng: -73.9897 },
  orders: [
    {
      orderId: "o1",
      number: 41,
      status: "READY",
      firstName: "Ivy",
      promisedAt: "2026-12-02T17:55:00.000Z",
      readyAt: now,
      area: { id: "a", name: "Nearby" },
      position: { lat: 40.7483, lng: -73.9897 },
      itemCount: 2,
      suggestedDriverId: "d1",
    },
    {
      orderId: "o2",
      number: 42,
      status: "IN_KITCHEN",
      firstName: "",
      promisedAt: "2026-12-02T18:30:00.000Z",
      readyAt: null,
      area: null,
      position: null,
      itemCount: 1,
      suggestedDriverId: "d1",
    },
  ],
  batches: [{ orderIds: ["o1"], numbers: [41], totalMeters: 800, etaMinutes: [3], driverId: "d1", driverName: "Ann" }],
  drivers: [
    {
      driverId: "d1",
      name: "Ann",
      shiftId: "s1",
      onDutySince: "2026-12-02T16:00:00.000Z",
      load: 0,
      position: null,
      lastPositionAt: "2026-12-02T17:58:00.000Z",
      positionAgeSeconds: 120,
    },
  ],
  routes: [
    {
      id: "r1",
      status: "PLANNED",
      driverId: "d2",
      driverName: "Bob",
      createdAt: now,
      startedAt: null,
      stops: [
        { orderId: "o9", seq: 1, number: 39, status: "READY", firstName: "Max", promisedAt: now, area: "Riverside" },
      ],
    },
  ],
};

const render = (view: BoardView) =>
  renderToStaticMarkup(
    createElement(
      QueryClientProvider,
      { client: new QueryClient() },
      createElement(DispatchBoard, {
        initial: view,
        config: { key: "k", wsHost: "localhost", wsPort: 6001, forceTLS: false } as never,
        locationId: "loc",
        timeZone: "UTC",
      }),
    ),
  );

describe("DispatchBoard", () => {
  it("renders orders, the suggested route, drivers and routes with their testids", () => {
    const html = render(board);
    expect(html).toContain('data-testid="dispatch-order-41"');
    expect(html).toContain('data-testid="dispatch-order-42"');
    expect(html).toContain("17:55 · 5 min late");
    expect(html).toContain("18:30 · in 30 min");
    expect(html).toMatch(/data-testid="dispatch-suggested-driver"[^>]*>Ann</);
    expect(html).toContain('data-testid="dispatch-assign"');
    expect(html).toContain('data-testid="dispatch-driver-Ann"');
    expect(html).toContain("position 2 min ago");
    expect(html).toContain('data-testid="dispatch-unassign-39"');
    expect(html).toContain("1. #39 Max");
  });

  it("shows the empty states and disables the assign without a driver", () => {
    const html = render({ ...board, orders: [], batches: [], drivers: [], routes: [] });
    expect(html).toContain("No delivery orders waiting.");
    expect(html).toContain("Nothing ready to send.");
    expect(html).toContain("No driver on duty.");
    expect(html).toContain("No route under way.");
    const noDriver = render({ ...board, batches: [{ ...board.batches[0], driverId: null, driverName: null }] });
    expect(noDriver).toMatch(/<button[^>]*disabled=""[^>]*data-testid="dispatch-assign"/);
    expect(noDriver).toContain("nobody on duty");
  });
});
