import "server-only";
import { log } from "../log";
import { pusherServer } from "./pusher-server";
import {
  FLOOR_EVENTS,
  floorChannel,
  kitchenChannel,
  kitchenEventSchema,
  orderChangedSchema,
  tableChangedSchema,
  toKitchenEvent,
  type OrderChanged,
  type TableChanged,
} from "./events";

/** What a use case committed, described for the realtime channels. */
export type CommittedChange = {
  locationId: string;
  /** OrderEvent rows written by the transaction (seq order). */
  events: { seq: number; type: string; orderId: string | null; payload: unknown; createdAt: Date }[];
  tables?: TableChanged[];
  orders?: OrderChanged[];
};

type Message = { channel: string; name: string; data: unknown };

const MAX_DATA_BYTES = 10 * 1024;
const BATCH = 10; // Pusher's batch_events limit

/** The messages a committed change produces (pure; exported for tests). */
export function messagesFor(change: CommittedChange): Message[] {
  const kitchen = kitchenChannel(change.locationId);
  const floor = floorChannel(change.locationId);
  return [
    ...change.events.map((e) => {
      const data = kitchenEventSchema.parse(toKitchenEvent(e));
      return { channel: kitchen, name: data.type, data };
    }),
    ...(change.tables ?? []).map((t) => ({ channel: floor, name: FLOOR_EVENTS.tableChanged, data: tableChangedSchema.parse(t) })),
    ...(change.orders ?? []).map((o) => ({ channel: floor, name: FLOOR_EVENTS.orderChanged, data: orderChangedSchema.parse(o) })),
  ];
}

/**
 * Publish after commit. Never throws: a realtime outage must not fail an order that is already
 * saved. Displays notice the missing seq (or their periodic resync does) and catch up from the
 * database, so a lost publish costs latency, not data.
 */
export async function publishChange(change: CommittedChange): Promise<void> {
  let messages: Message[];
  try {
    messages = messagesFor(change);
  } catch (error) {
    log.error("realtime payload invalid; not published", { locationId: change.locationId, error });
    return;
  }
  await publishMessages(messages);
}

export async function publishMessages(messages: Message[]): Promise<void> {
  const sendable = messages.filter((m) => {
    const bytes = Buffer.byteLength(JSON.stringify(m.data));
    if (bytes <= MAX_DATA_BYTES) return true;
    log.error("realtime payload over 10 KB; dropped (clients resync)", { channel: m.channel, name: m.name, bytes });
    return false;
  });
  for (let i = 0; i < sendable.length; i += BATCH) {
    const batch = sendable.slice(i, i + BATCH);
    try {
      const res = await pusherServer().triggerBatch(batch);
      if (res.status >= 300) throw new Error(`HTTP ${res.status}`);
    } catch (error) {
      log.warn("realtime publish failed; clients will resync", {
        events: batch.map((m) => `${m.channel}:${m.name}`),
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
}
