// Who may join which staff channel: the one rule behind POST /api/realtime/auth. Pure (no
// server-only import) so the unit test reads it without a database or a realtime server.
import type { Ctx } from "../auth/context";
import { can } from "../auth/permissions";
import { CHANNEL_ROLES, parseChannel, parseDriverChannel } from "./events";

/**
 * Why the session may not join `channelName`, or null when it may. A location's floor and kitchen
 * channels: that location's staff whose role follows the audience. A driver's channel: that driver
 * alone (signed in at that location, still allowed to drive), never a dispatcher or another driver.
 */
export function channelRefusal(who: Pick<Ctx, "locationId" | "userId" | "role">, channelName: string): string | null {
  const driver = parseDriverChannel(channelName);
  if (driver) {
    if (driver.locationId !== who.locationId) return "This channel belongs to another location";
    if (driver.userId !== who.userId) return "This is another driver's channel";
    if (!can(who, "delivery.drive")) return "Your role cannot subscribe to a driver's channel";
    return null;
  }
  const channel = parseChannel(channelName);
  if (!channel) return "Unknown channel";
  if (channel.locationId !== who.locationId) return "This channel belongs to another location";
  if (!CHANNEL_ROLES[channel.audience].includes(who.role))
    return `Your role cannot subscribe to the ${channel.audience} channel`;
  return null;
}
