"use client";

import { useEffect, useRef } from "react";

export type BumpBarHandlers = {
  select: (index: number) => void;
  next: () => void;
  previous: () => void;
  nextPage: () => void;
  previousPage: () => void;
  bump: () => void;
  recall: () => void;
  toggleAllDay: () => void;
};

/**
 * Bump bars are keyboards: digits select a ticket, Enter/B bumps (expo: passes), R recalls,
 * arrows move, PageDown/N and PageUp/P page, A toggles all-day. Typing in a field is left alone.
 */
export function useBumpBarKeys(handlers: BumpBarHandlers) {
  const current = useRef(handlers);
  useEffect(() => {
    current.current = handlers;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (
        e.target instanceof HTMLInputElement ||
        e.target instanceof HTMLTextAreaElement ||
        e.metaKey ||
        e.ctrlKey ||
        e.altKey
      )
        return;
      const h = current.current;
      const key = e.key.toLowerCase();
      if (/^[1-9]$/.test(e.key)) h.select(Number(e.key) - 1);
      else if (e.key === "PageDown" || key === "n") h.nextPage();
      else if (e.key === "PageUp" || key === "p") h.previousPage();
      else if (e.key === "ArrowRight" || e.key === "ArrowDown") h.next();
      else if (e.key === "ArrowLeft" || e.key === "ArrowUp") h.previous();
      else if (e.key === "Enter" || key === "b") h.bump();
      else if (key === "r") h.recall();
      else if (key === "a") h.toggleAllDay();
      else return;
      e.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}
