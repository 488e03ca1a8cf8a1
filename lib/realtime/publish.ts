import "server-only";
import { log } from "../log";
import { pusherServer } from "./pusher-server";
import { metrics } from "../observability/metrics";
import { inSpan } from "../observability/tracing";
import {
  FLOOR_EVENTS,
  floorChannel,
  GUEST_EVENTS,
  guestChannel,
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
  /** Guest QR sessions whose phones show this order (ADR 0034): they refetch its status. */
  guestSessionIds?: string[];
};

export type Message = { channel: string; name: string; data: unknown };

const MAX_DATA_BYTES = 10 * 1024;
const BATCH = 10; // Pusher's batch_events limit
/** Attempts per batch while the realtime server answers; one while it is known to be down. */
const RETRY_DELAYS_MS = [0, 200, 1000];
/** Messages waiting beyond this are dropped oldest-first: displays catch up from the database. */
const MAX_QUEUED = 2000;

/** The messages a committed change produces (pure; exported for tests). */
export function messagesFor(change: CommittedChange): Message[] {
  const kitchen = kitchenChannel(change.locationId);
  const floor = floorChannel(change.locationId);
  return [
    ...change.events.map((e) => {
      const data = kitchenEventSchema.parse(toKitchenEvent(e));
      return { channel: kitchen, name: data.type, data };
    }),
    ...(change.tables ?? []).map((t) => ({
      channel: floor,
      name: FLOOR_EVENTS.tableChanged,
      data: tableChangedSchema.parse(t),
    })),
    ...(change.orders ?? []).map((o) => ({
      channel: floor,
      name: FLOOR_EVENTS.orderChanged,
      data: orderChangedSchema.parse(o),
    })),
    ...(change.guestSessionIds ?? []).map((id) => ({ channel: guestChannel(id), name: GUEST_EVENTS.order, data: {} })),
  ];
}

/**
 * Publish after commit, without waiting: the messages are queued and sent in the background, so a
 * slow or hung realtime server never delays the answer to a send. Never throws. A lost publish
 * costs latency, not data: displays notice the missing seq (or their periodic resync does) and
 * catch up from the database.
 */
export async function publishChange(change: CommittedChange): Promise<void> {
  publishBuilt(() => messagesFor(change), { locationId: change.locationId });
}

/**
 * Build messages and queue them. Never throws: a payload that fails its schema is a bug, logged
 * and dropped, and clients catch up from the database (realtime is a hint).
 */
export function publishBuilt(build: () => Message[], context: { locationId: string; requestId?: string }): void {
  let messages: Message[];
  try {
    messages = build();
  } catch (error) {
    log.error("realtime payload invalid; not published", { ...context, error });
    return;
  }
  if (messages.length) publishMessages(messages);
}

/** Queue messages for the background sender (in order). Returns at once. */
function publishMessages(messages: Message[]): void {
  for (const m of messages) {
    const bytes = Buffer.byteLength(JSON.stringify(m.data));
    if (bytes > MAX_DATA_BYTES) {
      log.error("realtime payload over 10 KB; dropped (clients resync)", { channel: m.channel, name: m.name, bytes });
      continue;
    }
    queue.push(m);
  }
  if (queue.length > MAX_QUEUED) {
    const dropped = queue.splice(0, queue.length - MAX_QUEUED);
    log.warn("realtime queue full; oldest messages dropped (clients resync)", { dropped: dropped.length });
  }
  if (!draining && queue.length) draining = drain();
}

/** Resolves when everything queued so far has been sent or given up on (tests, benchmarks, shutdown). */
export async function flushPublishes(): Promise<void> {
  while (draining) await draining;
}

const queue: Message[] = [];
let draining: Promise<void> | null = null;
let serverDown = false;

/** One sender per process: batches go out in queue order, so seq order survives on the wire. */
async function drain(): Promise<void> {
  await Promise.resolve(); // let a synchronous burst of publishes join the first batch
  try {
    while (queue.length) {
      // Consecutive changes share a request: a burst of sends costs a few HTTP calls, not one each.
      const batch = queue.splice(0, BATCH);
      await sendBatch(batch);
    }
  } finally {
    draining = null;
  }
}

async function sendBatch(batch: Message[]): Promise<void> {
  await inSpan("realtime.publish", { "messaging.batch.message_count": batch.length }, () => sendWithRetries(batch));
}

async function sendWithRetries(batch: Message[]): Promise<void> {
  const delays = serverDown ? [0] : RETRY_DELAYS_MS;
  let lastError: unknown;
  for (const delay of delays) {
    if (delay) await new Promise((r) => setTimeout(r, delay));
    const started = performance.now();
    try {
      const res = await pusherServer().triggerBatch(batch);
      if (res.status >= 300) throw new Error(`HTTP ${res.status}`);
      serverDown = false;
      metrics().realtimePublish.observe({ outcome: "ok" }, (performance.now() - started) / 1000);
      return;
    } catch (error) {
      metrics().realtimePublish.observe({ outcome: "error" }, (performance.now() - started) / 1000);
      lastError = error;
    }
  }
  serverDown = true;
  metrics().realtimeFailures.inc();
  log.warn("realtime publish failed; clients will resync", {
    events: batch.map((m) => `${m.channel}:${m.name}`),
    attempts: delays.length,
    error: lastError instanceof Error ? lastError.message : String(lastError),
  });
}
