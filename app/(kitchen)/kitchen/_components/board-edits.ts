// Pure edits of a station's board: the optimistic picture after a bump or a ready, and when a
// change deserves a chime. Rolled back by the caller when the server says no.
import { withoutFromAllDay } from "@/lib/kitchen/station-routing";
import type { SnapshotView } from "./snapshot-view";

export type ChimeMarks = { fired: string | null; voided: string | null };

/** Chime when the board gains a ticket or a void, on whatever page, by whatever path the data took. */
export function chimeFor(prev: ChimeMarks, next: SnapshotView): "new" | "void" | null {
  if (next.lastVoidAt && (!prev.voided || next.lastVoidAt > prev.voided)) return "void";
  if (next.lastFiredAt && (!prev.fired || next.lastFiredAt > prev.fired)) return "new";
  return null;
}

/**
 * The board once these items are bumped: a station's ticket loses them (and goes when empty),
 * expo marks them bumped; all-day counts and the ticket count follow.
 */
export function withoutItems(ids: readonly string[], isExpo: boolean, now = new Date()) {
  return (s: SnapshotView): SnapshotView => {
    const done = s.tickets.flatMap((t) =>
      t.items.filter((i) => ids.includes(i.id) && i.status === "SENT" && i.bumpedAt == null),
    );
    const ticketsLeft = s.tickets
      .map((t) => ({
        ...t,
        items: isExpo
          ? t.items.map((i) => (ids.includes(i.id) ? { ...i, bumpedAt: now.toISOString() } : i))
          : t.items.filter((i) => !ids.includes(i.id)),
      }))
      .filter((t) => t.items.length > 0)
      .map((t) => ({
        ...t,
        allBumped:
          !t.allVoided &&
          t.items.every(
            (i) => i.status === "VOIDED" || (i.bumpedAt != null && i.modifiers.every((m) => !m.stationName || m.done)),
          ),
      }));
    const gone = s.tickets.length - ticketsLeft.length;
    return {
      ...s,
      tickets: ticketsLeft,
      allDay: withoutFromAllDay(s.allDay, done),
      page: { ...s.page, ticketCount: s.page.ticketCount - gone },
    };
  };
}

/** The board once expo passed this ticket. */
export function withoutTicket(key: string) {
  return (s: SnapshotView): SnapshotView => ({
    ...s,
    tickets: s.tickets.filter((x) => x.key !== key),
    page: { ...s.page, ticketCount: s.page.ticketCount - 1 },
  });
}
