"use client";

import { useLayoutEffect, useState, type RefObject } from "react";

/**
 * How many tickets (in order) fit on the board without clipping. Tickets flow top to bottom,
 * column by column (CSS multi-column with a fixed height), and overflowing columns run off to
 * the right. When the tickets or the board size change, every loaded ticket is rendered once,
 * measured before paint, and the board then shows only those that fit whole: the rest are
 * counted on the "N more →" control, never clipped or scrolled out of sight.
 * Returns null while measuring (render everything then).
 */
export function useBoardFit(board: RefObject<HTMLElement | null>, contentKey: string): number | null {
  const [size, setSize] = useState("");
  const [fit, setFit] = useState<{ key: string; shown: number } | null>(null);

  useLayoutEffect(() => {
    const el = board.current;
    if (!el) return;
    const observe = () => setSize(`${el.clientWidth}x${el.clientHeight}`);
    observe();
    const ro = new ResizeObserver(observe);
    ro.observe(el);
    return () => ro.disconnect();
  }, [board]);

  const key = `${contentKey}|${size}`;
  const measuring = fit?.key !== key;
  useLayoutEffect(() => {
    const el = board.current;
    if (!measuring || !el || !size) return;
    const box = el.getBoundingClientRect();
    const cards = [...el.querySelectorAll<HTMLElement>("[data-board-card]")];
    let shown = cards.length;
    for (const [i, card] of cards.entries()) {
      const r = card.getBoundingClientRect();
      if (r.right > box.right + 1 || r.bottom > box.bottom + 1) {
        shown = i;
        break;
      }
    }
    // A single ticket taller than the whole board still shows (split over columns).
    // eslint-disable-next-line react-hooks/set-state-in-effect -- a layout measurement: how many cards fit is only known after they are laid out
    setFit({ key, shown: Math.max(Math.min(1, cards.length), shown) });
  }, [board, key, measuring, size]);

  return measuring ? null : fit.shown;
}
