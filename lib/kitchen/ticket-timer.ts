// Ticket age and its colour band. Each line has its own target (ADR 0011): the dish's prep
// time where it has one, else the station's thresholds, else the location's.

export type Urgency = "ok" | "warn" | "late";

export type Thresholds = { warnMinutes: number; lateMinutes: number };

export const DEFAULT_THRESHOLDS = { warnMinutes: 5, lateMinutes: 8 } as const;

export function urgency(elapsedMs: number, t: Thresholds = DEFAULT_THRESHOLDS): Urgency {
  if (elapsedMs >= t.lateMinutes * 60_000) return "late";
  if (elapsedMs >= t.warnMinutes * 60_000) return "warn";
  return "ok";
}

/**
 * A line's thresholds. A dish with a prep time is late once that time has passed and turns
 * amber at the same share of it as the fallback pair (5/8 of it with the defaults), at least
 * one minute in. Without a prep time: the station's pair, else the location's.
 */
export function targetFor(
  prepMinutes: number | null | undefined,
  station: { warnMinutes?: number | null; lateMinutes?: number | null } | null | undefined,
  location: Thresholds,
): Thresholds {
  const fallback =
    station?.warnMinutes && station?.lateMinutes
      ? { warnMinutes: station.warnMinutes, lateMinutes: station.lateMinutes }
      : location;
  if (!prepMinutes || prepMinutes <= 0) return fallback;
  const warn = Math.max(1, Math.round((prepMinutes * fallback.warnMinutes) / fallback.lateMinutes));
  return { warnMinutes: Math.min(warn, prepMinutes), lateMinutes: prepMinutes };
}

const RANK: Record<Urgency, number> = { ok: 0, warn: 1, late: 2 };

/**
 * A ticket's band: the most urgent of the lines still being made (live, not bumped); once all
 * are done (expo waiting to pass it), the most urgent of its live lines. Voids do not count.
 */
export function ticketUrgency(
  elapsedMs: number,
  items: readonly { status: string; bumpedAt: unknown; target: Thresholds }[],
  fallback: Thresholds = DEFAULT_THRESHOLDS,
): Urgency {
  const live = items.filter((i) => i.status !== "VOIDED");
  const cooking = live.filter((i) => i.bumpedAt == null);
  const lines = cooking.length ? cooking : live;
  if (!lines.length) return urgency(elapsedMs, fallback);
  return lines.map((i) => urgency(elapsedMs, i.target)).reduce((a, b) => (RANK[b] > RANK[a] ? b : a), "ok");
}

/** "4:07", "12:30", "1:02:09"; negative clocks (skewed tablets) show 0:00. */
export function formatElapsed(elapsedMs: number): string {
  const total = Math.max(0, Math.floor(elapsedMs / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${ss}` : `${m}:${ss}`;
}
