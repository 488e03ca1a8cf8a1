import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { db } from "../db";
import { parseInput } from "../validation";
import { startOfLocalDay } from "../time/zoned";
import { loadQuoteFloor } from "./load-quote-floor";
import { accuracyOf, freeTimes, quoteFor, roundQuote, simulateQueue } from "./quote-math";
import { STALE_AFTER_MS } from "./queue";
import { listWaitlistSchema, type ListWaitlistInput } from "./schemas";
import { ENTRY_SELECT, entryView, firstName } from "./waitlist-view";

/** How long before a booking a free table counts as "held" in the picker. */
const HELD_SOON_MS = 30 * 60_000;

/**
 * The host stand's waitlist: the queue in order with each party's place, time waited, quote and
 * current expected wait (the queue simulated on the floor as it is now), the messages the host
 * should relay, today's quote accuracy, the tables for seating, and (with `partySize`) the quote a
 * new party of that size would get now.
 */
export async function listWaitlist(ctx: Ctx, raw: ListWaitlistInput = {}) {
  assertCan(ctx, "reservations.read");
  const input = parseInput(listWaitlistSchema, raw);
  const now = new Date();
  const location = await db.location.findUniqueOrThrow({
    where: { id: ctx.locationId },
    select: { timezone: true },
  });
  const dayStart = startOfLocalDay(location.timezone, now);
  const [rows, seatedToday, floor, messages] = await Promise.all([
    db.waitlistEntry.findMany({
      where: {
        locationId: ctx.locationId,
        status: { in: ["WAITING", "NOTIFIED"] },
        createdAt: { gte: new Date(now.getTime() - STALE_AFTER_MS) },
      },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: ENTRY_SELECT,
    }),
    db.waitlistEntry.findMany({
      where: { locationId: ctx.locationId, status: "SEATED", seatedAt: { gte: dayStart } },
      select: { quotedMinutes: true, createdAt: true, seatedAt: true },
    }),
    loadQuoteFloor(ctx.locationId, now),
    // What the host should say in person: messages shown on the stand or not delivered, for parties not yet seated.
    db.guestMessage.findMany({
      where: {
        locationId: ctx.locationId,
        createdAt: { gte: new Date(now.getTime() - STALE_AFTER_MS) },
        status: { in: ["SHOWN", "FAILED"] },
        waitlistEntry: { status: "NOTIFIED" },
      },
      orderBy: { createdAt: "desc" },
      take: 20,
      select: {
        id: true,
        channel: true,
        provider: true,
        status: true,
        body: true,
        error: true,
        createdAt: true,
        waitlistEntryId: true,
        guest: { select: { name: true } },
      },
    }),
  ]);
  const expected = simulateQueue(
    floor,
    rows.map((r) => r.partySize),
  );
  const free = freeTimes(floor);
  const heldSoon = new Set(
    floor.holds.filter((h) => h.startsAt.getTime() < now.getTime() + HELD_SOON_MS).flatMap((h) => h.tableIds),
  );
  return {
    now,
    entries: rows.map((r, i) => ({
      ...entryView(r),
      position: i + 1,
      waitedMinutes: Math.floor((now.getTime() - r.createdAt.getTime()) / 60_000),
      /** Minutes from now until a table is expected (the queue ahead simulated), null if no table seats them. */
      expectedMinutes: expected[i] ? roundQuote(expected[i].minutes) : null,
      suggestedTableIds: expected[i]?.tableIds ?? [],
    })),
    messages: messages.map(({ guest, ...m }) => ({
      ...m,
      guestFirstName: firstName(guest.name),
    })),
    accuracy: accuracyOf(seatedToday.map((e) => ({ ...e, seatedAt: e.seatedAt! }))),
    turns: floor.turns,
    tables: floor.tables
      .map((t) => ({
        id: t.id,
        label: t.label,
        seats: t.seats,
        areaId: t.areaId,
        free: (free.get(t.id) ?? Infinity) <= now.getTime(),
        heldSoon: heldSoon.has(t.id),
      }))
      .sort((a, b) => a.label.localeCompare(b.label, undefined, { numeric: true })),
    preview:
      input.partySize === undefined
        ? null
        : (() => {
            const q = quoteFor(
              floor,
              rows.map((r) => r.partySize),
              input.partySize,
            );
            return { partySize: input.partySize, quotedMinutes: q?.minutes ?? null, tableIds: q?.tableIds ?? [] };
          })(),
  };
}
export type WaitlistListing = Awaited<ReturnType<typeof listWaitlist>>;
