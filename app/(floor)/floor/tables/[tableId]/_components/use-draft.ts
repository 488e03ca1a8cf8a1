"use client";

import { useCallback, useEffect, useState } from "react";
import type { Draft, DraftLine, SendBody } from "./types";

const EMPTY: Draft = { lines: [], holdCourses: [], pendingSend: null };
const storageKey = (orderId: string) => `kp:order-draft:${orderId}`;

/**
 * The tablet's unsent lines for one order, kept in localStorage so a reload, a dead battery or
 * a dropped connection loses nothing. An unconfirmed send stays here with its idempotency key
 * until it is confirmed, so the retry is the very same request.
 */
export function useDraft(orderId: string | null) {
  const [draft, setDraftState] = useState<Draft>(EMPTY);
  const [loaded, setLoaded] = useState(false);

  useEffect(() => {
    if (!orderId) return;
    try {
      const raw = localStorage.getItem(storageKey(orderId));
      // eslint-disable-next-line react-hooks/set-state-in-effect -- localStorage exists only after hydration; the draft is read once per order
      setDraftState(raw ? { ...EMPTY, ...(JSON.parse(raw) as Draft) } : EMPTY);
    } catch {
      setDraftState(EMPTY);
    }
    setLoaded(true);
  }, [orderId]);

  const setDraft = useCallback(
    (update: (d: Draft) => Draft) => {
      setDraftState((prev) => {
        const next = update(prev);
        if (orderId) {
          try {
            if (next.lines.length === 0 && !next.pendingSend) localStorage.removeItem(storageKey(orderId));
            else localStorage.setItem(storageKey(orderId), JSON.stringify(next));
          } catch {
            /* storage full or disabled: the draft still lives in memory */
          }
        }
        return next;
      });
    },
    [orderId],
  );

  return { draft, setDraft, loaded };
}

export function sendBodyOf(draft: Draft): SendBody {
  return {
    items: draft.lines.map((l) => ({
      menuItemId: l.menuItemId,
      quantity: l.quantity,
      modifierIds: l.modifierIds,
      seat: l.seat,
      course: l.course,
      notes: l.notes,
    })),
    holdCourses: draft.holdCourses.filter((c) => draft.lines.some((l) => l.course === c)),
  };
}

/** Same dish, same choices, same seat/course/notes → one line with a higher quantity. */
export function addLine(lines: DraftLine[], line: DraftLine): DraftLine[] {
  const same = lines.find(
    (l) =>
      l.menuItemId === line.menuItemId &&
      l.seat === line.seat &&
      l.course === line.course &&
      l.notes === line.notes &&
      l.modifierIds.length === line.modifierIds.length &&
      l.modifierIds.every((m) => line.modifierIds.includes(m)),
  );
  if (!same) return [...lines, line];
  return lines.map((l) => (l === same ? { ...l, quantity: Math.min(50, l.quantity + line.quantity) } : l));
}
