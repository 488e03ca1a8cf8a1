// Demo turn-time history and waitlist (issue 12): four weeks of closed dine-in orders on the
// Bistro's tables with realistic seated times by party size (the waitlist's quote model averages
// them), each with its paid check and card payment (demo-money's writer, so totals agree); past
// walk-ins who waited, with their quote and actual wait, seated as WALK_IN bookings on those
// orders; and a few parties waiting right now. Written once: the history only while the location
// has no past waitlist entry, tonight's queue only while nobody is waiting.
import { createHash } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import { businessDateOf } from "@/lib/time/business-day";
import { addDays, zonedInstant } from "@/lib/time/zoned";
import { seedPaidCheck, type DemoCheck } from "./demo-money";

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
  const tables = new Map(tableRows.map((t) => [t.label, t.id]));
  const cashierId = users.get("cashier@demo.kitchen")!;
  const hostId = users.get("host@demo.kitchen") ?? null;
  const rnd = random(12);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const between = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));

  for (let back = TURN_HISTORY_DAYS.from; back <= TURN_HISTORY_DAYS.to; back++) {
    const date = addDays(today, -back);
    const at = (minuteOfDay: number) =>
      zonedInstant(date, Math.floor(minuteOfDay / 60), minuteOfDay % 60, rules.timeZone);
    // Each table's next free minute of the day: parties never overlap on a table.
    const freeFrom = new Map<string, number>();
    const parties = between(9, 13);
    const walkIns = back <= 17 ? between(2, 3) : 0;
    for (let i = 0; i < parties; i++) {
      const r = rnd();
      const guests = r < 0.5 ? 2 : r < 0.7 ? 3 : r < 0.85 ? 4 : r < 0.95 ? between(5, 6) : between(7, 8);
      const sitAt = i < 3 ? between(12 * 60, 13 * 60 + 30) : between(17 * 60 + 30, 21 * 60);
      const [lo, hi] = demoTurnRange(guests);
      const stay = between(lo, hi);
      const table = tableRows.find((t) => t.seats >= guests && (freeFrom.get(t.label) ?? 0) <= sitAt);
      if (!table) continue;
      freeFrom.set(table.label, sitAt + stay + 10);
      const itemCount = between(1, 3);
      const check: DemoCheck = {
        at: [Math.floor((sitAt + stay) / 60), (sitAt + stay) % 60],
        table: table.label,
        guests,
        server: rnd() < 0.5 ? "server@demo.kitchen" : "server2@demo.kitchen",
        lines: Array.from({ length: itemCount }, () => ({
          item: between(0, 16),
          qty: Math.max(1, guests - between(0, 1)),
        })),
        pay: [{ tender: "CARD", tipBps: pick([1500, 1800, 2000]) }],
      };
      await seedPaidCheck(tx, {
        locationId,
        c: check,
        paidAt: at(sitAt + stay),
        openedAt: at(sitAt),
        date,
        menu,
        tables,
        users,
        drawerId: null,
        taxRateBps: location.taxRateBps,
        cashierId,
      });

      // The last dinner parties of a busy evening came in from the waitlist.
      if (i >= parties - walkIns && i >= 3) {
        const order = await tx.order.findFirstOrThrow({ where: { locationId }, orderBy: { number: "desc" } });
        const quoted = pick([10, 15, 20, 25, 30]);
        const waited = Math.max(0, quoted + between(-6, 8));
        const seatedAt = at(sitAt);
        const createdAt = new Date(seatedAt.getTime() - waited * 60_000);
        const name = `${pick(WALK_IN_NAMES)}`;
        const guest =
          (await tx.guest.findFirst({ where: { locationId, name, phone: null, email: null }, select: { id: true } })) ??
          (await tx.guest.create({ data: { locationId, name }, select: { id: true } }));
        await tx.guest.update({ where: { id: guest.id }, data: { visitCount: { increment: 1 } } });
        const reservation = await tx.reservation.create({
          data: {
            locationId,
            guestId: guest.id,
            partySize: guests,
            startsAt: seatedAt,
            durationMinutes: stay,
            status: "COMPLETED",
            source: "WALK_IN",
            createdById: hostId,
            seatedAt,
            completedAt: at(sitAt + stay),
            orderId: order.id,
            tables: { create: { tableId: table.id, locationId, startsAt: seatedAt, endsAt: seatedAt } },
          },
        });
        await tx.waitlistEntry.create({
          data: {
            locationId,
            guestId: guest.id,
            partySize: guests,
            quotedMinutes: quoted,
            status: "SEATED",
            tokenHash: hash(`demo-history-${back}-${i}`),
            reservationId: reservation.id,
            createdById: hostId,
            createdAt,
            notifiedAt: new Date(seatedAt.getTime() - 3 * 60_000),
            seatedAt,
            updatedAt: seatedAt,
          },
        });
      }
    }
    // One party a week gives up waiting.
    if (back % 7 === 0) {
      const name = pick(WALK_IN_NAMES);
      const guest =
        (await tx.guest.findFirst({ where: { locationId, name, phone: null, email: null }, select: { id: true } })) ??
        (await tx.guest.create({ data: { locationId, name }, select: { id: true } }));
      const createdAt = at(19 * 60 + 40);
      await tx.waitlistEntry.create({
        data: {
          locationId,
          guestId: guest.id,
          partySize: 4,
          quotedMinutes: 35,
          status: "LEFT",
          tokenHash: hash(`demo-history-left-${back}`),
          createdById: hostId,
          createdAt,
          leftAt: new Date(createdAt.getTime() + 25 * 60_000),
          updatedAt: new Date(createdAt.getTime() + 25 * 60_000),
        },
      });
    }
  }
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
          where: { locationId_phone: { locationId, phone: w.phone } },
          create: { locationId, name: w.name, phone: w.phone },
          update: {},
          select: { id: true },
        })
      : ((await tx.guest.findFirst({ where: { locationId, name: w.name, phone: null }, select: { id: true } })) ??
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
