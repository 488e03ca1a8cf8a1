import "server-only";
import { db } from "../db";
import { AppError, notFound } from "../errors";

export const ONLINE_LOCATION_SELECT = {
  id: true,
  slug: true,
  name: true,
  address: true,
  phone: true,
  timezone: true,
  onlineBooking: true,
  onlineMaxPartySize: true,
  archivedAt: true,
} as const;

export type OnlineLocation = {
  id: string;
  slug: string;
  name: string;
  address: string | null;
  phone: string | null;
  timezone: string;
  onlineMaxPartySize: number;
  /** False when the location is archived or has switched online booking off. */
  takesBookings: boolean;
};

/** What the public pages show of a location (no staff data); unknown slug → NOT_FOUND. */
export async function findOnlineLocation(slug: string): Promise<OnlineLocation> {
  const row = await db.location.findUnique({ where: { slug }, select: ONLINE_LOCATION_SELECT });
  if (!row) throw notFound("Restaurant");
  const { archivedAt, onlineBooking, ...rest } = row;
  return { ...rest, takesBookings: onlineBooking && !archivedAt };
}

/** The same, refusing a location that takes no online bookings. */
export async function openOnlineLocation(slug: string): Promise<OnlineLocation> {
  const location = await findOnlineLocation(slug);
  if (!location.takesBookings)
    throw new AppError("FORBIDDEN", `${location.name} is not taking online bookings at the moment`);
  return location;
}

/** "For a party of 12, please call us at …": the answer to a party the page does not book. */
export function callUsText(location: Pick<OnlineLocation, "phone">, partySize: number): string {
  return `For a party of ${partySize}, ${location.phone ? `please call us at ${location.phone}` : "please call the restaurant"}`;
}
