import "server-only";
import type { Tx } from "../db";
import { flagList, punchFlags, toMinutes, workedMs, type PunchFlag } from "./timesheet-math";

const OPEN_PUNCH = {
  id: true,
  clockInAt: true,
  clockOutAt: true,
  shift: { select: { startsAt: true, endsAt: true } },
  breaks: { select: { startedAt: true, endedAt: true, paid: true }, orderBy: { startedAt: "asc" } },
} as const;

export type ClockPunchView = {
  punchId: string;
  since: Date;
  clockOutAt: Date | null;
  onBreakSince: Date | null;
  shift: { startsAt: Date; endsAt: Date } | null;
  flags: PunchFlag[];
  workedMinutes: number;
};

type PunchRow = {
  id: string;
  clockInAt: Date;
  clockOutAt: Date | null;
  shift: { startsAt: Date; endsAt: Date } | null;
  breaks: { startedAt: Date; endedAt: Date | null; paid: boolean }[];
};

export function punchView(p: PunchRow, now = new Date()): ClockPunchView {
  return {
    punchId: p.id,
    since: p.clockInAt,
    clockOutAt: p.clockOutAt,
    onBreakSince: p.breaks.find((b) => b.endedAt === null)?.startedAt ?? null,
    shift: p.shift,
    flags: flagList(punchFlags(p, p.shift)),
    workedMinutes: toMinutes(workedMs(p, now)),
  };
}

/** Open punches at a location (all of them, or one person's), with their shift and breaks. */
export async function openPunches(tx: Tx, where: { locationId: string; userId?: string }) {
  return tx.timePunch.findMany({
    where: { ...where, clockOutAt: null },
    select: { ...OPEN_PUNCH, userId: true },
    orderBy: { clockInAt: "asc" },
  });
}

export async function punchById(tx: Tx, id: string) {
  return tx.timePunch.findUniqueOrThrow({ where: { id }, select: OPEN_PUNCH });
}
