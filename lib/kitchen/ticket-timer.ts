// Ticket age and its colour band, from the location's kdsWarnMinutes/kdsLateMinutes.

export type Urgency = "ok" | "warn" | "late";

export const DEFAULT_THRESHOLDS = { warnMinutes: 5, lateMinutes: 8 } as const;

export function urgency(elapsedMs: number, t: { warnMinutes: number; lateMinutes: number } = DEFAULT_THRESHOLDS): Urgency {
  if (elapsedMs >= t.lateMinutes * 60_000) return "late";
  if (elapsedMs >= t.warnMinutes * 60_000) return "warn";
  return "ok";
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
