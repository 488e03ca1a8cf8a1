import "server-only";
import { db } from "../db";
import { log } from "../log";
import {
  FLOOR_EVENTS,
  floorChannel,
  GUEST_EVENTS,
  guestChangedSchema,
  guestChannel,
  type GuestChanged,
} from "../realtime/events";
import { publishBuilt, type Message } from "../realtime/publish";

type Hint = keyof typeof GUEST_EVENTS;

/** After commit: hints for a session's phones (they refetch) and, optionally, the floor tablets. */
export function publishGuest(
  ctx: { locationId: string; requestId?: string },
  sessionId: string,
  hints: readonly Hint[],
  floor?: GuestChanged,
  cart?: { version: number; by: string | null },
): void {
  publishBuilt((): Message[] => {
    const messages: Message[] = hints.map((h) => ({
      channel: guestChannel(sessionId),
      name: GUEST_EVENTS[h],
      data: h === "cart" ? (cart ?? { version: 0, by: null }) : {},
    }));
    if (floor)
      messages.push({
        channel: floorChannel(ctx.locationId),
        name: FLOOR_EVENTS.guestChanged,
        data: guestChangedSchema.parse(floor),
      });
    return messages;
  }, ctx);
}

/**
 * After a dish was 86'd, came back or changed: every live session's phones refetch the menu and
 * their cart (a sold-out dish leaves the carts with a notice). Never throws: realtime is a hint.
 */
export async function publishGuestMenuChanged(ctx: { locationId: string; requestId?: string }): Promise<void> {
  try {
    const sessions = await db.guestSession.findMany({
      where: { locationId: ctx.locationId, status: "ACTIVE", expiresAt: { gt: new Date() } },
      select: { id: true },
      take: 500,
    });
    for (const s of sessions) publishGuest(ctx, s.id, ["menu", "cart"]);
  } catch (error) {
    log.warn("guest menu hint not sent", { ...ctx, error });
  }
}
