import "server-only";
import { db } from "../db";
import { notFound } from "../errors";

/** What the customer surface needs of a location. */
export type OrderingLocation = {
  id: string;
  slug: string;
  name: string;
  country: string;
  latitude: number | null;
  longitude: number | null;
};

/**
 * The location behind /order/<slug>: unknown, archived or not taking online orders → 404 (the
 * same answer for each, so the site does not tell a switched-off location from none).
 */
export async function findOrderingLocation(slug: string): Promise<OrderingLocation> {
  const row = await db.location.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      name: true,
      country: true,
      latitude: true,
      longitude: true,
      onlineOrdering: true,
      archivedAt: true,
    },
  });
  if (!row || !row.onlineOrdering || row.archivedAt) throw notFound("Restaurant");
  const { onlineOrdering: _on, archivedAt: _a, ...rest } = row;
  return rest;
}
