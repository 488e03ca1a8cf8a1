import "server-only";
import type { CommittedChange } from "../realtime/publish";
import type { StoredOrderEvent } from "./append-order-events";
import type { Settled } from "./settle-order";

/** Describe a committed order change for the kitchen and floor channels. */
export function committedChange(locationId: string, settled: Settled, events: StoredOrderEvent[]): CommittedChange {
  const last = events[events.length - 1];
  return {
    locationId,
    events,
    guestSessionIds: settled.guestSessionId && last ? [settled.guestSessionId] : [],
    tables: settled.table ? [{ ...settled.table, seq: last?.seq ?? null }] : [],
    orders: last
      ? [
          {
            orderId: settled.orderId,
            tableId: settled.tableId,
            status: settled.status,
            type: last.type,
            seq: last.seq,
            ...(settled.paymentState ? { paymentState: settled.paymentState } : {}),
          },
        ]
      : [],
  };
}
