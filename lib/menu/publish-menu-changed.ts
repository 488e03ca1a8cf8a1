import "server-only";
import type { Ctx } from "../auth/context";
import { FLOOR_EVENTS, floorChannel, menuChangedSchema } from "../realtime/events";
import { publishBuilt, type Message } from "../realtime/publish";
import { publishGuestMenuChanged } from "../guest/publish-guest";
import { emitMenuChanged } from "../webhooks/hint-webhooks";

const IDS_PER_MESSAGE = 200;

/** menu.changed messages for order pads: they refetch these items (price, 86, edits). */
export function menuChangedMessages(locationId: string, menuItemIds: readonly string[]): Message[] {
  const ids = [...new Set(menuItemIds)];
  const channel = floorChannel(locationId);
  const messages: Message[] = [];
  for (let i = 0; i < ids.length; i += IDS_PER_MESSAGE) {
    messages.push({
      channel,
      name: FLOOR_EVENTS.menuChanged,
      data: menuChangedSchema.parse({ menuItemIds: ids.slice(i, i + IDS_PER_MESSAGE) }),
    });
  }
  return messages;
}

/** After commit, for the menu's own changes (manual 86, prices, edits). Never throws: realtime is a hint. */
export async function publishMenuChanged(
  ctx: Pick<Ctx, "locationId" | "requestId">,
  menuItemIds: readonly string[],
): Promise<void> {
  publishBuilt(() => menuChangedMessages(ctx.locationId, menuItemIds), ctx);
  await Promise.all([publishGuestMenuChanged(ctx), emitMenuChanged(ctx.locationId, menuItemIds)]);
}
