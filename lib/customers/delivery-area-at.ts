import "server-only";
import type { Tx } from "../db";
import { db } from "../db";
import { areaFor, type LatLng } from "../delivery/geo";

export type ServingArea = { id: string; name: string; feeCents: number; minimumCents: number; travelMinutes: number };

/** The location's live delivery areas and its position (the origin of radius bands). */
export async function liveDeliveryAreas(locationId: string, client: Pick<Tx, "deliveryArea" | "location"> = db) {
  const [location, areas] = await Promise.all([
    client.location.findUniqueOrThrow({ where: { id: locationId }, select: { latitude: true, longitude: true } }),
    client.deliveryArea.findMany({
      where: { locationId, archivedAt: null },
      select: {
        id: true,
        name: true,
        kind: true,
        polygon: true,
        minMeters: true,
        maxMeters: true,
        sortOrder: true,
        feeCents: true,
        minimumCents: true,
        travelMinutes: true,
      },
    }),
  ]);
  const origin =
    location.latitude != null && location.longitude != null
      ? { lat: location.latitude, lng: location.longitude }
      : null;
  return {
    /** The area serving a point, or null outside every one. */
    at(point: LatLng): ServingArea | null {
      const a = areaFor(areas, point, origin);
      return a
        ? { id: a.id, name: a.name, feeCents: a.feeCents, minimumCents: a.minimumCents, travelMinutes: a.travelMinutes }
        : null;
    },
  };
}
