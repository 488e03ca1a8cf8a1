import "server-only";
import { log } from "../log";
import type { OnlineMove } from "./move-online-order";

/**
 * What follows a committed online-order move: the customer's tracking page hears of it and the
 * customer is told (SMS by the customer notifier). Never throws: the move has happened.
 * (Groundwork: the tracking channel and notifications are being built on it.)
 */
export async function afterOnlineMove(moves: readonly (OnlineMove | null)[]): Promise<void> {
  for (const m of moves) {
    if (!m) continue;
    log.info("online order moved", { orderId: m.orderId, from: m.from, to: m.to });
  }
}
