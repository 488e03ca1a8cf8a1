// Demo labour history (issue 14): the Bistro's published shifts and the punches worked against
// them on the four weeks before this week, so the labour report has last week and last month to
// show. Only whole weeks before this week's Monday: this week's timesheet (what the time-clock
// specs read) keeps only what people punch today. Each person works five days a week on a fixed
// rota, clocks in a few minutes either side of the shift and takes an unpaid half-hour break on
// shifts of six hours or more. Written once: only while the location has no punch before this week.
import { randomUUID } from "node:crypto";
import type { Prisma, Role } from "@/generated/prisma/client";
import { businessDateOf, isoWeekday, weekStartOf } from "@/lib/time/business-day";
import { addDays, zonedInstant } from "@/lib/time/zoned";

type Tx = Prisma.TransactionClient;

const newId = () => "d" + randomUUID().replaceAll("-", "").slice(0, 24);

export const LABOUR_HISTORY_WEEKS = 4;

/** Who works when: shift hours (local) and the weekdays off (ISO 1 = Monday … 7 = Sunday). */
const ROTA: { email: string; role: Role; start: number; end: number; off: number[] }[] = [
  { email: "manager@demo.kitchen", role: "MANAGER", start: 10, end: 18, off: [1, 2] },
  { email: "chef@demo.kitchen", role: "CHEF", start: 10, end: 19, off: [1, 3] },
  { email: "server@demo.kitchen", role: "SERVER", start: 11, end: 19, off: [2, 4] },
  { email: "cashier@demo.kitchen", role: "CASHIER", start: 11, end: 19, off: [3, 7] },
  { email: "server2@demo.kitchen", role: "SERVER", start: 16, end: 23, off: [1, 5] },
  { email: "host@demo.kitchen", role: "HOST", start: 16, end: 22, off: [2, 6] },
];

export async function seedLabourHistory(tx: Tx, locationId: string, users: Map<string, string>): Promise<void> {
  const location = await tx.location.findUniqueOrThrow({ where: { id: locationId } });
  const rules = { timeZone: location.timezone, cutoffHour: location.businessDayCutoffHour };
  const monday = weekStartOf(businessDateOf(new Date(), rules));
  const thisWeek = zonedInstant(monday, rules.cutoffHour, 0, rules.timeZone);
  if ((await tx.timePunch.count({ where: { locationId, clockInAt: { lt: thisWeek } } })) > 0) return;

  const shifts: Prisma.ShiftCreateManyInput[] = [];
  const punches: Prisma.TimePunchCreateManyInput[] = [];
  const breaks: Prisma.TimeBreakCreateManyInput[] = [];
  for (let d = 1; d <= LABOUR_HISTORY_WEEKS * 7; d++) {
    const date = addDays(monday, -d);
    const weekday = isoWeekday(date);
    ROTA.forEach((r, i) => {
      if (r.off.includes(weekday)) return;
      const userId = users.get(r.email);
      if (!userId) return;
      const startsAt = zonedInstant(date, r.start, 0, rules.timeZone);
      const endsAt = zonedInstant(date, r.end, 0, rules.timeZone);
      const shiftId = newId();
      shifts.push({ id: shiftId, locationId, userId, role: r.role, startsAt, endsAt, publishedAt: startsAt });
      // A few minutes early or late, the same on every machine (no clock or random involved).
      const early = ((d * 7 + i * 3) % 11) - 5;
      const late = ((d * 5 + i * 7) % 16) - 3;
      const clockInAt = new Date(startsAt.getTime() + early * 60_000);
      const clockOutAt = new Date(endsAt.getTime() + late * 60_000);
      const punchId = newId();
      punches.push({
        id: punchId,
        locationId,
        userId,
        role: r.role,
        shiftId,
        clockInAt,
        clockOutAt,
        createdAt: clockInAt,
      });
      if (r.end - r.start >= 6) {
        const startedAt = zonedInstant(date, r.start + 3, 30, rules.timeZone);
        breaks.push({ punchId, startedAt, endedAt: new Date(startedAt.getTime() + 30 * 60_000), paid: false });
      }
    });
  }
  await tx.shift.createMany({ data: shifts });
  await tx.timePunch.createMany({ data: punches });
  await tx.timeBreak.createMany({ data: breaks });
}
