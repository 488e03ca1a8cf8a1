// Demo turn-time history and waitlist (issue 12): four weeks of closed dine-in orders on the
// Bistro's tables with realistic seated times by party size (the waitlist's quote model averages
// them), each with its paid check and card payment (totals as demo-money writes them); past
// walk-ins who waited, with their quote and actual wait, seated as WALK_IN bookings on those
// orders; and a few parties waiting right now. Written once: the history only while the location
// has no past waitlist entry, tonight's queue only while nobody is waiting.
import { createHash } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import { encodeGuestContact, guestPhoneHash } from "@/lib/reservations/guest-contact";
import { businessDateOf } from "@/lib/time/business-day";
import { addDays, zonedInstant } from "@/lib/time/zoned";

type Tx = Prisma.TransactionClient;

/** Days of history: business days 4 to 31 before today (the three before belong to demo-money's Z reports). */
export const TURN_HISTORY_DAYS = { from: 4, to: 31 } as const;

/** Seated minutes by party size: 2 → 60–75, 3–4 → 80–95, 5–6 → 100–115, 7+ → 110–130. */
export function demoTurnRange(guests: number): [number, number] {
  if (guests <= 2) return [60, 75];
  if (guests <= 4) return [80, 95];
  if (guests <= 6) return [100, 115];
  return [110, 130];
}

/** A fixed-seed generator: the same history on every machine. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A waiting party right now; the first one's status link is fixed so the demo can open it. */
type Waiting = { name: string; size: number; minutesAgo: number; quoted: number; phone?: string; notes?: string };
export const DEMO_WAIT_TOKEN = "demo-wait-ravi-patel-00000000000";
const WAITING_NOW: Waiting[] = [
  { name: "Ravi Patel", size: 3, minutesAgo: 18, quoted: 20, phone: "+12075550101", notes: "High chair" },
  { name: "Mia Chen", size: 2, minutesAgo: 9, quoted: 15 },
  { name: "Jordan Blake", size: 4, minutesAgo: 4, quoted: 25, phone: "+12075550102" },
];

const WALK_IN_NAMES = ["Nora Quinn", "Leo Park", "Ivy Adams", "Omar Said", "Zoe King", "Raj Mehta", "Eva Novak"];

const hash = (token: string) => createHash("sha256").update(token).digest("hex");

const pct = (cents: number, bps: number) => Math.round((cents * bps) / 10_000);
const newId = () => "d" + crypto.randomUUID().replaceAll("-", "").slice(0, 24);

export async function seedTurnHistory(tx: Tx, locationId: string, users: Map<string, string>): Promise<void> {
  const location = await tx.location.findUniqueOrThrow({ where: { id: locationId } });
  const rules = { timeZone: location.timezone, cutoffHour: location.businessDayCutoffHour };
  const today = businessDateOf(new Date(), rules);
  const startOfToday = zonedInstant(today, 0, 0, rules.timeZone);
  await seedWaitingNow(tx, locationId, users);
  if ((await tx.waitlistEntry.count({ where: { locationId, createdAt: { lt: startOfToday } } })) > 0) return;

  const menu = await tx.menuItem.findMany({
    where: { locationId, archivedAt: null },
    orderBy: [{ category: { sortOrder: "asc" } }, { sortOrder: "asc" }, { name: "asc" }],
  });
  const tableRows = await tx.diningTable.findMany({
    where: { locationId, archivedAt: null },
    select: { id: true, label: true, seats: true },
    orderBy: { seats: "asc" },
  });
  const cashierId = users.get("cashier@demo.kitchen")!;
  const hostId = users.get("host@demo.kitchen") ?? null;
  const rnd = random(12);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const between = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  // Cook times get their own stream, so adding them left the rest of the history as it was.
  const cookRnd = random(77);
  /**
   * How long the station took, in ms: each dish runs at its own pace against its set prep time
   * (0.7–1.4×, so learned prep times have something to propose), ±20 % per plate; now and then a
   * cook clears a line at once or leaves it on the screen (the outliers the report must ignore).
   */
  const cookMs = (item: { name: string; prepMinutes: number | null }) => {
    const u = cookRnd();
    if (u < 0.02) return 3_000 + Math.floor(cookRnd() * 7_000);
    if (u < 0.05) return (15 + Math.floor(cookRnd() * 25)) * 60_000;
    const pace = 0.7 + ([...item.name].reduce((n, c) => n + c.charCodeAt(0), 0) % 8) * 0.1;
    return Math.round((item.prepMinutes ?? 6) * pace * (0.8 + 0.4 * cookRnd()) * 60_000);
  };

  // Rows built in memory and written with one createMany per table (the seed stays fast).
  const orders: Prisma.OrderCreateManyInput[] = [];
  const items: Prisma.OrderItemCreateManyInput[] = [];
  const checks: Prisma.CheckCreateManyInput[] = [];
  const payments: Prisma.PaymentCreateManyInput[] = [];
  const reservations: Prisma.ReservationCreateManyInput[] = [];
  const held: Prisma.ReservationTableCreateManyInput[] = [];
  const entries: Prisma.WaitlistEntryCreateManyInput[] = [];
  const guests = new Map<string, string>();
  const visits = new Map<string, number>();
  const walkInGuest = async (name: string) => {
    let id = guests.get(name);
    if (!id) {
      id =
        (
          await tx.guest.findFirst({
            where: { locationId, name, phoneHash: null, emailHash: null },
            select: { id: true },
          })
        )?.id ?? (await tx.guest.create({ data: { locationId, name }, select: { id: true } })).id;
      guests.set(name, id);
    }
    return id;
  };

  type Party = { at: Date; closedAt: Date; guests: number; tableId: string; stay: number; walkIn: boolean };
  const parties: Party[] = [];
  for (let back = TURN_HISTORY_DAYS.from; back <= TURN_HISTORY_DAYS.to; back++) {
    const date = addDays(today, -back);
    const at = (minuteOfDay: number) =>
      zonedInstant(date, Math.floor(minuteOfDay / 60), minuteOfDay % 60, rules.timeZone);
    // Each table's next free minute of the day: parties never overlap on a table.
    const freeFrom = new Map<string, number>();
    const count = between(9, 13);
    const walkIns = back <= 17 ? between(2, 3) : 0;
    for (let i = 0; i < count; i++) {
      const r = rnd();
      const size = r < 0.5 ? 2 : r < 0.7 ? 3 : r < 0.85 ? 4 : r < 0.95 ? between(5, 6) : between(7, 8);
      const sitAt = i < 3 ? between(12 * 60, 13 * 60 + 30) : between(17 * 60 + 30, 21 * 60);
      const [lo, hi] = demoTurnRange(size);
      const stay = between(lo, hi);
      const table = tableRows.find((t) => t.seats >= size && (freeFrom.get(t.id) ?? 0) <= sitAt);
      if (!table) continue;
      freeFrom.set(table.id, sitAt + stay + 10);
      // The last dinner parties of a busy evening came in from the waitlist.
      parties.push({
        at: at(sitAt),
        closedAt: at(sitAt + stay),
        guests: size,
        tableId: table.id,
        stay,
        walkIn: i >= count - walkIns && i >= 3,
      });
    }
    // One party a week gives up waiting.
    if (back % 7 === 0) {
      const createdAt = at(19 * 60 + 40);
      entries.push({
        locationId,
        guestId: await walkInGuest(pick(WALK_IN_NAMES)),
        partySize: 4,
        quotedMinutes: 35,
        status: "LEFT",
        tokenHash: hash(`demo-history-left-${back}`),
        createdById: hostId,
        createdAt,
        leftAt: new Date(createdAt.getTime() + 25 * 60_000),
        updatedAt: new Date(createdAt.getTime() + 25 * 60_000),
      });
    }
  }

  // Order numbers: one block from the location's counter.
  const [{ orderNumber: last }] = await tx.$queryRaw<{ orderNumber: number }[]>`
    UPDATE "LocationCounter" SET "orderNumber" = "orderNumber" + ${parties.length}
    WHERE "locationId" = ${locationId} RETURNING "orderNumber"`;
  let number = last - parties.length;
  for (const p of parties) {
    const orderId = newId();
    const lines = Array.from({ length: between(1, 3) }, () => ({
      item: menu[between(0, menu.length - 1)],
      qty: Math.max(1, p.guests - between(0, 1)),
    }));
    const subtotal = lines.reduce((n, l) => n + l.item.priceCents * l.qty, 0);
    const tax = pct(subtotal, location.taxRateBps);
    const total = subtotal + tax;
    const tip = pct(total, pick([1500, 1800, 2000]));
    orders.push({
      id: orderId,
      locationId,
      number: ++number,
      tableId: p.tableId,
      serverId: users.get(rnd() < 0.5 ? "server@demo.kitchen" : "server2@demo.kitchen")!,
      status: "CLOSED",
      guestCount: p.guests,
      subtotalCents: subtotal,
      taxCents: tax,
      totalCents: total,
      dueCents: total,
      paidCents: total,
      paymentState: "PAID",
      openedAt: p.at,
      closedAt: p.closedAt,
      updatedAt: p.closedAt,
    });
    for (const l of lines)
      items.push({
        orderId,
        locationId,
        menuItemId: l.item.id,
        stationId: l.item.stationId,
        name: l.item.name,
        unitPriceCents: l.item.priceCents,
        taxRateBps: location.taxRateBps,
        quantity: l.qty,
        status: "SERVED",
        fireBatch: 1,
        firedAt: new Date(p.at.getTime() + 5 * 60_000),
        // A line no station cooks is done when fired (as fireItems does).
        bumpedAt: new Date(p.at.getTime() + 5 * 60_000 + (l.item.stationId ? cookMs(l.item) : 0)),
        servedAt: new Date(p.at.getTime() + 25 * 60_000),
        createdAt: p.at,
        updatedAt: p.closedAt,
      });
    const checkId = newId();
    checks.push({
      id: checkId,
      locationId,
      orderId,
      number: 1,
      status: "PAID",
      subtotalCents: subtotal,
      taxCents: tax,
      totalCents: total,
      taxLines: [{ rateBps: location.taxRateBps, baseCents: subtotal, taxCents: tax }],
      paidCents: total,
      tipCents: tip,
      paidAt: p.closedAt,
      createdAt: p.at,
      updatedAt: p.closedAt,
    });
    payments.push({
      locationId,
      orderId,
      checkId,
      tender: "CARD",
      amountCents: total,
      tipCents: tip,
      changeCents: 0,
      cardBrand: "Visa",
      cardLast4: "4242",
      reference: `DEMO${number}`,
      createdById: cashierId,
      createdAt: p.closedAt,
    });
    if (!p.walkIn) continue;
    const quoted = pick([10, 15, 20, 25, 30]);
    const waited = Math.max(0, quoted + between(-6, 8));
    const guestId = await walkInGuest(pick(WALK_IN_NAMES));
    visits.set(guestId, (visits.get(guestId) ?? 0) + 1);
    const reservationId = newId();
    reservations.push({
      id: reservationId,
      locationId,
      guestId,
      partySize: p.guests,
      startsAt: p.at,
      durationMinutes: p.stay,
      status: "COMPLETED",
      source: "WALK_IN",
      createdById: hostId,
      seatedAt: p.at,
      completedAt: p.closedAt,
      orderId,
      createdAt: p.at,
      updatedAt: p.closedAt,
    });
    // startsAt, endsAt and active are copied from the booking by the ReservationTable_sync trigger.
    held.push({ reservationId, tableId: p.tableId, locationId, startsAt: p.at, endsAt: p.at });
    entries.push({
      locationId,
      guestId,
      partySize: p.guests,
      quotedMinutes: quoted,
      status: "SEATED",
      tokenHash: hash(`demo-history-${number}`),
      reservationId,
      createdById: hostId,
      createdAt: new Date(p.at.getTime() - waited * 60_000),
      notifiedAt: new Date(p.at.getTime() - 3 * 60_000),
      seatedAt: p.at,
      updatedAt: p.at,
    });
  }
  await tx.order.createMany({ data: orders });
  await tx.orderItem.createMany({ data: items });
  await tx.check.createMany({ data: checks });
  await tx.payment.createMany({ data: payments });
  await tx.reservation.createMany({ data: reservations });
  await tx.reservationTable.createMany({ data: held });
  await tx.waitlistEntry.createMany({ data: entries });
  for (const [id, n] of visits) await tx.guest.update({ where: { id }, data: { visitCount: { increment: n } } });
}

/** A few parties waiting now (one already told, on the host stand), while nobody is waiting. */
async function seedWaitingNow(tx: Tx, locationId: string, users: Map<string, string>): Promise<void> {
  const recent = new Date(Date.now() - 12 * 60 * 60_000);
  const waiting = await tx.waitlistEntry.count({
    where: { locationId, status: { in: ["WAITING", "NOTIFIED"] }, createdAt: { gte: recent } },
  });
  if (waiting > 0) return;
  const hostId = users.get("host@demo.kitchen") ?? null;
  const location = await tx.location.findUniqueOrThrow({ where: { id: locationId }, select: { name: true } });
  for (const [i, w] of WAITING_NOW.entries()) {
    const guest = w.phone
      ? await tx.guest.upsert({
          where: { locationId_phoneHash: { locationId, phoneHash: guestPhoneHash(w.phone) } },
          create: { locationId, name: w.name, ...encodeGuestContact({ phone: w.phone }) },
          update: {},
          select: { id: true },
        })
      : ((await tx.guest.findFirst({ where: { locationId, name: w.name, phoneHash: null }, select: { id: true } })) ??
        (await tx.guest.create({ data: { locationId, name: w.name }, select: { id: true } })));
    const createdAt = new Date(Date.now() - w.minutesAgo * 60_000);
    const notified = i === 0;
    // The first party's link is known (README), so the demo can open its status page; the others are random.
    const token = i === 0 ? DEMO_WAIT_TOKEN : `${crypto.randomUUID()}${crypto.randomUUID()}`;
    const existing = await tx.waitlistEntry.findUnique({ where: { tokenHash: hash(token) }, select: { id: true } });
    if (existing) await tx.waitlistEntry.delete({ where: { id: existing.id } });
    const entry = await tx.waitlistEntry.create({
      data: {
        locationId,
        guestId: guest.id,
        partySize: w.size,
        quotedMinutes: w.quoted,
        notes: w.notes ?? "",
        status: notified ? "NOTIFIED" : "WAITING",
        tokenHash: hash(token),
        createdById: hostId,
        createdAt,
        notifiedAt: notified ? new Date(Date.now() - 60_000) : null,
      },
    });
    if (notified)
      await tx.guestMessage.create({
        data: {
          locationId,
          guestId: guest.id,
          channel: "HOST_SCREEN",
          provider: "host-screen",
          status: "SHOWN",
          body: `Hi ${w.name.split(" ")[0]}, your table at ${location.name} is ready. Please come to the host stand.`,
          waitlistEntryId: entry.id,
          createdAt: new Date(Date.now() - 60_000),
        },
      });
  }
}
