// The Bistro's online ordering and delivery: its position, two radius bands and a polygon
// (a riverside block the bands would charge too much for). Idempotent like the rest of the seed.
import type { Prisma } from "@/generated/prisma/client";

type Tx = Prisma.TransactionClient;

/** The Bistro's kitchen (Flatiron, New York): the origin of every radius band and route. */
export const DEMO_KITCHEN_POSITION = { lat: 40.7411, lng: -73.9897 } as const;

/** Demo areas by name; e2e and integration tests pick addresses inside and outside them. */
export const DEMO_DELIVERY_AREAS = [
  {
    name: "Riverside block",
    kind: "POLYGON",
    polygon: [
      [40.7395, -73.9795],
      [40.7395, -73.9745],
      [40.7445, -73.9745],
      [40.7445, -73.9795],
    ],
    minMeters: 0,
    maxMeters: null,
    feeCents: 199,
    minimumCents: 1200,
    travelMinutes: 10,
    sortOrder: 0,
  },
  {
    name: "Nearby (0–2 km)",
    kind: "RADIUS",
    polygon: null,
    minMeters: 0,
    maxMeters: 2000,
    feeCents: 299,
    minimumCents: 1500,
    travelMinutes: 12,
    sortOrder: 1,
  },
  {
    name: "Further out (2–5 km)",
    kind: "RADIUS",
    polygon: null,
    minMeters: 2000,
    maxMeters: 5000,
    feeCents: 499,
    minimumCents: 2500,
    travelMinutes: 22,
    sortOrder: 2,
  },
] as const;

/** A point inside "Nearby" (about 800 m north) and one beyond every area (about 12 km away). */
export const DEMO_ADDRESS_INSIDE = { lat: 40.7483, lng: -73.9897 } as const;
export const DEMO_ADDRESS_OUTSIDE = { lat: 40.8493, lng: -73.9897 } as const;

export async function seedDelivery(tx: Tx, locationId: string): Promise<void> {
  await tx.location.updateMany({
    where: { id: locationId, latitude: null },
    data: { latitude: DEMO_KITCHEN_POSITION.lat, longitude: DEMO_KITCHEN_POSITION.lng, onlineOrdering: true },
  });
  for (const a of DEMO_DELIVERY_AREAS) {
    const existing = await tx.deliveryArea.findFirst({ where: { locationId, name: a.name }, select: { id: true } });
    if (existing) continue;
    await tx.deliveryArea.create({
      data: {
        locationId,
        name: a.name,
        kind: a.kind,
        polygon: a.polygon ? a.polygon.map((p) => [...p]) : undefined,
        minMeters: a.minMeters,
        maxMeters: a.maxMeters,
        feeCents: a.feeCents,
        minimumCents: a.minimumCents,
        travelMinutes: a.travelMinutes,
        sortOrder: a.sortOrder,
      },
    });
  }
}
