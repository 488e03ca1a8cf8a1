import "server-only";
import { notifyCustomer } from "../customers/notify-customer";
import { db } from "../db";
import { publishDriverOrderStatus } from "../delivery/publish-delivery-changed";
import { log } from "../log";
import { decryptPii } from "../pii/pii-crypto";
import { piiKeyring } from "../pii/keyring";
import { publicBaseUrl } from "../tables/table-url";
import type { OnlineMove } from "./move-online-order";
import { onlineStatusText } from "./online-texts";
import { publishTrackingChanged } from "./tracking-channel";

/**
 * What follows a committed online-order move: the customer's tracking page hears of it, the
 * customer is told (a text through the customer notifier, lib/customers/notify-customer.ts) and
 * the driver it is assigned to, if any, hears of it on their own channel (ready, cancelled, …).
 * A new order is passed as RECEIVED → RECEIVED. Never throws: the move has happened.
 */
export async function afterOnlineMove(moves: readonly (OnlineMove | null)[]): Promise<void> {
  for (const m of moves) {
    if (!m) continue;
    try {
      publishTrackingChanged(m.locationId, m.trackingToken, m.to);
      publishDriverOrderStatus(m);
      await textCustomer(m);
    } catch (error) {
      log.warn("online order follow-up failed", { orderId: m.orderId, to: m.to, error });
    }
  }
}

async function textCustomer(m: OnlineMove): Promise<void> {
  if (!m.customerId) return;
  const row = await db.onlineOrder.findFirst({
    where: { orderId: m.orderId, locationId: m.locationId },
    select: {
      promisedAt: true,
      order: { select: { number: true } },
      location: { select: { name: true, timezone: true } },
      customer: { select: { phoneEnc: true, erasedAt: true } },
      driver: { select: { name: true } },
    },
  });
  if (!row?.customer?.phoneEnc || row.customer.erasedAt) return;
  const body = onlineStatusText(m.source, m.from, m.to, {
    restaurant: row.location.name,
    orderNumber: row.order.number,
    promisedTime: row.promisedAt.toLocaleTimeString("en-US", {
      timeZone: row.location.timezone,
      hour: "numeric",
      minute: "2-digit",
    }),
    driverFirstName: row.driver?.name.split(/\s+/)[0] ?? null,
    trackUrl: new URL(`/order/track/${m.trackingToken}`, publicBaseUrl()).toString(),
  });
  if (!body) return;
  await notifyCustomer({
    locationId: m.locationId,
    customerId: m.customerId,
    to: decryptPii(piiKeyring(), row.customer.phoneEnc),
    kind: "STATUS",
    body,
  });
}
