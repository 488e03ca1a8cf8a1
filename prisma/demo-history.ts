// A year of trading for one location (issue 14's report benchmark): ~100k closed orders with
// their lines, options, paid checks, discounts and comps, voids, refunds, payments and tips, kitchen
// fire/bump/serve times, the kitchen's order events (a bump per ticket, a pass per expo ticket: the
// kitchen report's cooks and expo times, staff performance's cooks) and the staff's time punches
// (not on days the demo's labour history already punched). Fixed-seed random, so every machine gets
// the same year. Written in bulk (createMany and one INSERT … SELECT of events per week) on top of an
// existing seeded location; not part of the everyday demo seed (`npm run seed:history` adds it).
//
// Not generated: the other order events (opened, fired, served, paid…), stock movements, reservations.
import { Prisma, type PrismaClient, type TenderType } from "@/generated/prisma/client";
import { businessDateOf } from "@/lib/time/business-day";
import { addDays, isoDate, zonedInstant } from "@/lib/time/zoned";

export type HistoryOptions = {
  /** Business days before today to fill (today itself is left alone). */
  days: number;
  /** Average orders per business day; weekdays and seasons scale it. */
  ordersPerDay: number;
  /** Progress, once per week written. */
  onProgress?: (done: { days: number; orders: number }) => void;
};

export type HistorySummary = { days: number; orders: number; items: number; from: string; to: string };

/** Orders of a day relative to the average: quiet Mondays, busy Fridays and Saturdays. */
const WEEKDAY_FACTOR = [0, 0.67, 0.77, 0.86, 0.96, 1.29, 1.39, 1.06]; // ISO weekday 1–7, mean 1.0

function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const newId = () => "h" + crypto.randomUUID().replaceAll("-", "").slice(0, 24);
const pct = (cents: number, bps: number) => Math.round((cents * bps) / 10_000);

/** Days already written by an earlier run: their oldest date, or null. */
export async function historyStart(db: PrismaClient, locationId: string): Promise<Date | null> {
  const first = await db.order.findFirst({
    where: { locationId, id: { startsWith: "h" } },
    orderBy: { openedAt: "asc" },
    select: { openedAt: true },
  });
  return first?.openedAt ?? null;
}

export async function seedHistory(db: PrismaClient, locationId: string, opts: HistoryOptions): Promise<HistorySummary> {
  const location = await db.location.findUniqueOrThrow({ where: { id: locationId } });
  const rules = { timeZone: location.timezone, cutoffHour: location.businessDayCutoffHour };
  const today = businessDateOf(new Date(), rules);
  const menu = await db.menuItem.findMany({
    where: { locationId, archivedAt: null, category: { active: true } },
    orderBy: [{ category: { sortOrder: "asc" } }, { sortOrder: "asc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      priceCents: true,
      stationId: true,
      prepMinutes: true,
      modifierGroups: {
        select: {
          group: {
            select: { modifiers: { select: { id: true, name: true, priceDeltaCents: true, stationId: true } } },
          },
        },
      },
    },
  });
  if (!menu.length) throw new Error("The location has no menu: run the demo seed first.");
  const tables = await db.diningTable.findMany({
    where: { locationId, archivedAt: null },
    select: { id: true, seats: true },
    orderBy: { seats: "asc" },
  });
  const staff = await db.membership.findMany({ where: { locationId }, select: { userId: true, role: true } });
  const servers = staff.filter((m) => m.role === "SERVER").map((m) => m.userId);
  const cashier = staff.find((m) => m.role === "CASHIER" || m.role === "MANAGER")?.userId ?? staff[0]?.userId;
  if (!servers.length || !cashier) throw new Error("The location has no servers or cashier: run the demo seed first.");
  const cooks = kitchenStaff(staff);
  // Days whose punches are already there (the demo's labour history of the last weeks): theirs stand.
  const punched = new Set(
    (
      await db.timePunch.findMany({
        where: { locationId, clockInAt: { gte: zonedInstant(addDays(today, -opts.days - 1), 0, 0, rules.timeZone) } },
        select: { clockInAt: true },
      })
    ).map((p) => isoDate(businessDateOf(p.clockInAt, rules))),
  );

  const rnd = random(2026);
  const between = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  // Popularity: a long tail, the first dishes of each course selling most (fixed by menu order).
  const weights = menu.map((_, i) => 1 / (1 + (i % 9)) + 0.15);
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const pickItem = () => {
    let u = rnd() * totalWeight;
    for (let i = 0; i < menu.length; i++) if ((u -= weights[i]) <= 0) return menu[i];
    return menu[menu.length - 1];
  };
  const cookMs = (item: (typeof menu)[number]) => {
    const pace = 0.7 + ([...item.name].reduce((n, c) => n + c.charCodeAt(0), 0) % 8) * 0.1;
    return Math.round((item.prepMinutes ?? 6) * pace * (0.8 + 0.4 * rnd()) * 60_000);
  };

  let orders = 0;
  let itemCount = 0;
  let written = 0;
  for (let weekStart = opts.days; weekStart >= 1; weekStart -= 7) {
    const o: Prisma.OrderCreateManyInput[] = [];
    const it: Prisma.OrderItemCreateManyInput[] = [];
    const mods: Prisma.OrderItemModifierCreateManyInput[] = [];
    const ch: Prisma.CheckCreateManyInput[] = [];
    const lines: Prisma.CheckLineCreateManyInput[] = [];
    const disc: Prisma.CheckDiscountCreateManyInput[] = [];
    const pay: Prisma.PaymentCreateManyInput[] = [];
    const refunds: Prisma.RefundCreateManyInput[] = [];
    const punches: Prisma.TimePunchCreateManyInput[] = [];
    for (let back = weekStart; back > Math.max(0, weekStart - 7); back--) {
      const date = addDays(today, -back);
      const at = (minute: number) => zonedInstant(date, Math.floor(minute / 60), minute % 60, rules.timeZone);
      const dow = new Date(Date.UTC(date.y, date.m - 1, date.d)).getUTCDay() || 7;
      const season = 1 + 0.1 * Math.sin(((date.m - 3) / 12) * 2 * Math.PI); // a busier summer
      const count = Math.round(opts.ordersPerDay * WEEKDAY_FACTOR[dow] * season * (0.9 + 0.2 * rnd()));
      for (let n = 0; n < count; n++) {
        const r = rnd();
        // Lunch 11:30–14:30, dinner 17:00–22:00, late 22:00–00:30 (past midnight: same business day).
        const minute = r < 0.35 ? between(690, 870) : r < 0.95 ? between(1020, 1320) : between(1320, 1470);
        const openedAt = at(minute);
        const size = ((s) => (s < 0.45 ? 2 : s < 0.6 ? 1 : s < 0.75 ? 3 : s < 0.9 ? 4 : between(5, 8)))(rnd());
        const fitting = tables.filter((t) => t.seats >= size);
        const sr = rnd();
        const source = sr < 0.85 ? "FLOOR" : sr < 0.95 ? "GUEST" : "API";
        const tableId = source === "API" || !fitting.length ? null : fitting[between(0, fitting.length - 1)].id;
        const stay = tableId ? 35 + size * 10 + between(0, 30) : between(10, 25);
        const closedAt = new Date(openedAt.getTime() + stay * 60_000);
        const orderId = newId();
        const checkId = newId();
        let subtotal = 0;
        const nLines = Math.max(1, size + between(-1, 1));
        for (let l = 0; l < nLines; l++) {
          const item = pickItem();
          const qty = rnd() < 0.1 ? 2 : 1;
          const itemId = newId();
          let modsCents = 0;
          const offered = item.modifierGroups.flatMap((g) => g.group.modifiers);
          const m = offered.length && rnd() < 0.35 ? offered[between(0, offered.length - 1)] : null;
          if (m) modsCents = m.priceDeltaCents;
          const firedAt = new Date(openedAt.getTime() + between(2, 12) * 60_000);
          const isVoid = rnd() < 0.01;
          const bumpedAt = item.stationId ? new Date(firedAt.getTime() + cookMs(item)) : firedAt;
          // A side made at another station is bumped there with its dish.
          if (m)
            mods.push({
              orderItemId: itemId,
              modifierId: m.id,
              name: m.name,
              priceDeltaCents: m.priceDeltaCents,
              stationId: m.stationId,
              bumpedAt: m.stationId && !isVoid ? bumpedAt : null,
            });
          it.push({
            id: itemId,
            orderId,
            locationId,
            menuItemId: item.id,
            stationId: item.stationId,
            name: item.name,
            unitPriceCents: item.priceCents,
            modifiersCents: modsCents,
            taxRateBps: location.taxRateBps,
            quantity: qty,
            seat: l < size ? l + 1 : null,
            status: isVoid ? "VOIDED" : "SERVED",
            fireBatch: 1,
            firedAt,
            bumpedAt: isVoid ? null : bumpedAt,
            servedAt: isVoid ? null : new Date(bumpedAt.getTime() + between(1, 4) * 60_000),
            voidedAt: isVoid ? new Date(firedAt.getTime() + 60_000) : null,
            voidReason: isVoid ? "Guest changed their mind" : null,
            voidedById: isVoid ? cashier : null,
            createdAt: openedAt,
            updatedAt: closedAt,
          });
          const lineCents = (item.priceCents + modsCents) * qty;
          if (!isVoid) {
            subtotal += lineCents;
            lines.push({ checkId, orderItemId: itemId, parts: 1 });
          }
          itemCount++;
        }
        // One check in 25 has a 10 % discount, one in 100 a comp of up to $15.
        const dr = rnd();
        const discount = dr < 0.04 ? pct(subtotal, 1000) : 0;
        const comp = dr >= 0.04 && dr < 0.05 ? Math.min(Math.floor(subtotal / 2), 1500) : 0;
        if (discount)
          disc.push({
            locationId,
            checkId,
            kind: "PERCENT",
            value: 1000,
            comp: false,
            reason: "Loyalty 10 %",
            amountCents: discount,
            createdById: cashier,
            createdAt: closedAt,
          });
        if (comp)
          disc.push({
            locationId,
            checkId,
            kind: "AMOUNT",
            value: comp,
            comp: true,
            reason: "Kitchen error",
            amountCents: comp,
            createdById: cashier,
            approvedById: cashier,
            createdAt: closedAt,
          });
        const base = subtotal - discount - comp;
        const tax = pct(base, location.taxRateBps);
        const total = base + tax;
        const tender: TenderType = rnd() < 0.8 ? "CARD" : "CASH";
        const tip = tender === "CARD" ? pct(total, [1500, 1800, 2000, 2200][between(0, 3)]) : 0;
        const refunded = rnd() < 0.003 && total > 0 ? Math.min(total, 1200) : 0;
        const serverId = servers[between(0, servers.length - 1)];
        o.push({
          id: orderId,
          locationId,
          number: 0, // numbered below, in one block from the location's counter
          tableId,
          serverId: source === "API" ? null : serverId,
          source,
          status: "CLOSED",
          guestCount: size,
          subtotalCents: subtotal,
          taxCents: tax,
          totalCents: subtotal + pct(subtotal, location.taxRateBps),
          dueCents: total,
          paidCents: total - refunded,
          paymentState: "PAID",
          openedAt,
          closedAt,
          updatedAt: closedAt,
        });
        ch.push({
          id: checkId,
          locationId,
          orderId,
          number: 1,
          status: "PAID",
          subtotalCents: subtotal,
          discountCents: discount,
          compCents: comp,
          taxCents: tax,
          totalCents: total,
          taxLines: [{ rateBps: location.taxRateBps, baseCents: base, taxCents: tax }],
          paidCents: total - refunded,
          tipCents: tip,
          refundedCents: refunded,
          paidAt: closedAt,
          createdAt: openedAt,
          updatedAt: closedAt,
        });
        if (total === 0) continue; // every line voided: nothing to pay
        const paymentId = newId();
        pay.push({
          id: paymentId,
          locationId,
          orderId,
          checkId,
          tender,
          amountCents: total,
          tipCents: tip,
          tenderedCents: tender === "CASH" ? Math.ceil(total / 500) * 500 : null,
          changeCents: tender === "CASH" ? Math.ceil(total / 500) * 500 - total : 0,
          cardBrand: tender === "CARD" ? "Visa" : null,
          cardLast4: tender === "CARD" ? "4242" : null,
          refundedCents: refunded,
          createdById: cashier,
          createdAt: closedAt,
        });
        if (refunded)
          refunds.push({
            locationId,
            paymentId,
            amountCents: refunded,
            reason: "Dish returned",
            createdById: cashier,
            approvedById: cashier,
            createdAt: new Date(closedAt.getTime() + 10 * 60_000),
          });
      }
      orders += count;
      // The day's staff: each member on at least one of lunch and dinner (drawn even on a day
      // already punched, so the rest of the year stays the same).
      const covered = punched.has(isoDate(date));
      for (const m of staff) {
        if (m.role === "ADMIN" || rnd() < 0.25) continue;
        const lunch = rnd() < 0.5;
        const clockInAt = at(lunch ? between(600, 630) : between(960, 1000));
        const hours = lunch ? between(5, 7) : between(6, 8);
        if (covered) continue;
        punches.push({
          locationId,
          userId: m.userId,
          role: m.role,
          clockInAt,
          clockOutAt: new Date(clockInAt.getTime() + hours * 3_600_000 + between(0, 20) * 60_000),
          createdAt: clockInAt,
        });
      }
    }
    await db.$transaction(
      async (tx) => {
        const [{ orderNumber: last }] = await tx.$queryRaw<{ orderNumber: number }[]>`
          UPDATE "LocationCounter" SET "orderNumber" = "orderNumber" + ${o.length}
          WHERE "locationId" = ${locationId} RETURNING "orderNumber"`;
        o.forEach((row, i) => (row.number = last - o.length + i + 1));
        for (const chunk of chunks(o)) await tx.order.createMany({ data: chunk });
        for (const chunk of chunks(it)) await tx.orderItem.createMany({ data: chunk });
        for (const chunk of chunks(mods)) await tx.orderItemModifier.createMany({ data: chunk });
        for (const chunk of chunks(ch)) await tx.check.createMany({ data: chunk });
        for (const chunk of chunks(lines)) await tx.checkLine.createMany({ data: chunk });
        for (const chunk of chunks(disc)) await tx.checkDiscount.createMany({ data: chunk });
        for (const chunk of chunks(pay)) await tx.payment.createMany({ data: chunk });
        for (const chunk of chunks(refunds)) await tx.refund.createMany({ data: chunk });
        for (const chunk of chunks(punches)) await tx.timePunch.createMany({ data: chunk });
        await writeKitchenEvents(
          tx,
          locationId,
          o.map((row) => row.id!),
          cooks,
        );
      },
      { timeout: 300_000, maxWait: 30_000 },
    );
    written += Math.min(7, weekStart);
    opts.onProgress?.({ days: written, orders });
  }
  return {
    days: opts.days,
    orders,
    items: itemCount,
    from: isoDate(addDays(today, -opts.days)),
    to: isoDate(addDays(today, -1)),
  };
}

/**
 * The kitchen's order events of history orders, as the live app writes them (lib/kitchen/bump-items,
 * mark-ticket-ready): per ticket (order × fire batch × station) one `items.bumped` listing its lines
 * and the sides made there, at its last line's bump; per order × fire batch one `ticket.ready` for
 * the lines expo follows, 20 s–2 min after their last bump. Seqs come in one block from the
 * location's counter (incremented in this statement, so live events continue after them), in time
 * order. Actors: the location's cooks, picked per ticket by a hash (fixed, like the rest).
 * Derived from the stored lines alone, so it serves both the seed and the backfill of older years.
 */
export async function writeKitchenEvents(
  tx: Prisma.TransactionClient,
  locationId: string,
  orderIds: string[],
  cooks: string[],
): Promise<number> {
  if (!orderIds.length || !cooks.length) return 0;
  const cook = (salt: string) =>
    Prisma.sql`(${cooks}::text[])[1 + mod(abs(hashtext(l."orderId" || ${salt})::bigint), ${cooks.length})::int]`;
  const [{ n }] = await tx.$queryRaw<{ n: number }[]>`
    WITH l AS (
      SELECT i."orderId", i."fireBatch", i."stationId", i."id", i."bumpedAt", true AS main,
             st."showOnExpo" AS "atPass"
      FROM "OrderItem" i JOIN "KitchenStation" st ON st."id" = i."stationId"
      WHERE i."orderId" = ANY(${orderIds}::text[]) AND i."status" <> 'VOIDED' AND i."bumpedAt" IS NOT NULL
        AND NOT st."isExpo"
      UNION ALL
      SELECT i."orderId", i."fireBatch", c."stationId", c."id", c."bumpedAt", false,
             st."showOnExpo" AND coalesce(dish."showOnExpo", false)
      FROM "OrderItemModifier" c
      JOIN "OrderItem" i ON i."id" = c."orderItemId"
      JOIN "KitchenStation" st ON st."id" = c."stationId"
      LEFT JOIN "KitchenStation" dish ON dish."id" = i."stationId"
      WHERE i."orderId" = ANY(${orderIds}::text[]) AND i."status" <> 'VOIDED' AND c."bumpedAt" IS NOT NULL
        AND NOT st."isExpo"
    ), ev AS (
      SELECT l."orderId", 'items.bumped' AS type, max(l."bumpedAt") AS at, ${cook("bump")} AS actor,
             jsonb_build_object('stationIds', jsonb_build_array(l."stationId"),
               'itemIds', jsonb_agg(l."id" ORDER BY l.main DESC, l."id"), 'fireBatch', l."fireBatch") AS payload
      FROM l GROUP BY l."orderId", l."fireBatch", l."stationId"
      UNION ALL
      SELECT l."orderId", 'ticket.ready',
             max(l."bumpedAt") + make_interval(secs => 20 + mod(abs(hashtext(l."orderId" || 'pass')::bigint), 100)),
             ${cook("pass")},
             jsonb_build_object('stationIds', jsonb_agg(DISTINCT l."stationId") FILTER (WHERE l.main),
               'itemIds', jsonb_agg(l."id" ORDER BY l."id") FILTER (WHERE l.main), 'fireBatch', l."fireBatch")
      FROM l WHERE l."atPass" GROUP BY l."orderId", l."fireBatch"
      HAVING bool_or(l.main)
    ), counter AS (
      INSERT INTO "LocationCounter" ("locationId", "eventSeq") VALUES (${locationId}, (SELECT count(*) FROM ev))
      ON CONFLICT ("locationId") DO UPDATE SET "eventSeq" = "LocationCounter"."eventSeq" + (SELECT count(*) FROM ev)
      RETURNING "eventSeq"
    ), ins AS (
      INSERT INTO "OrderEvent" ("id", "locationId", "seq", "orderId", "type", "payload", "actorId", "createdAt")
      SELECT gen_random_uuid()::text, ${locationId},
             counter."eventSeq" - (SELECT count(*) FROM ev) + row_number() OVER (ORDER BY ev.at, ev."orderId", ev.type, ev.payload::text),
             ev."orderId", ev.type, ev.payload, ev.actor, ev.at
      FROM ev, counter
      RETURNING 1
    )
    SELECT count(*)::int AS n FROM ins`;
  return n;
}

/**
 * Adds the kitchen events (and the bumps of sides made at another station) to history orders an
 * older seed wrote without them, oldest first, a block of orders per transaction. Orders that
 * already have events are left alone, so it can run again.
 */
export async function backfillKitchenEvents(
  db: PrismaClient,
  locationId: string,
  onProgress?: (done: { orders: number; events: number }) => void,
): Promise<{ orders: number; events: number }> {
  const staff = await db.membership.findMany({ where: { locationId }, select: { userId: true, role: true } });
  const cooks = kitchenStaff(staff);
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT o."id" FROM "Order" o
    WHERE o."locationId" = ${locationId} AND o."id" LIKE 'h%'
      AND NOT EXISTS (SELECT 1 FROM "OrderEvent" e WHERE e."orderId" = o."id")
    ORDER BY o."openedAt", o."id"`;
  let events = 0;
  let orders = 0;
  for (const chunk of chunks(
    rows.map((r) => r.id),
    4_000,
  )) {
    await db.$transaction(
      async (tx) => {
        await tx.$executeRaw`
          UPDATE "OrderItemModifier" c SET "bumpedAt" = i."bumpedAt"
          FROM "OrderItem" i
          WHERE c."orderItemId" = i."id" AND i."orderId" = ANY(${chunk}::text[])
            AND c."stationId" IS NOT NULL AND c."bumpedAt" IS NULL AND i."status" <> 'VOIDED'`;
        events += await writeKitchenEvents(tx, locationId, chunk, cooks);
      },
      { timeout: 300_000, maxWait: 30_000 },
    );
    orders += chunk.length;
    onProgress?.({ orders, events });
  }
  return { orders, events };
}

/** Who bumps and passes tickets: the location's chefs, else its managers. */
export function kitchenStaff(staff: { userId: string; role: string }[]): string[] {
  const chefs = staff.filter((m) => m.role === "CHEF").map((m) => m.userId);
  return chefs.length ? chefs : staff.filter((m) => m.role === "MANAGER").map((m) => m.userId);
}

function* chunks<T>(rows: T[], size = 5_000): Generator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}
