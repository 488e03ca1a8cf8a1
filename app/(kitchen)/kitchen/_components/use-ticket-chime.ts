"use client";

import { useEffect, useRef } from "react";
import { chimeFor, type ChimeMarks } from "./board-edits";
import type { SnapshotView } from "./snapshot-view";
import { useChime } from "./use-chime";

/** The station's chime: plays when a new ticket or a void shows up in the board's data. */
export function useTicketChime(data: SnapshotView) {
  const chime = useChime();
  const { play } = chime;
  const marks = useRef<ChimeMarks | null>(null);
  useEffect(() => {
    if (marks.current) {
      const change = chimeFor(marks.current, data);
      if (change) play(change);
    }
    marks.current = {
      fired: data.lastFiredAt ?? marks.current?.fired ?? null,
      voided: data.lastVoidAt ?? marks.current?.voided ?? null,
    };
  }, [data, play]);
  return chime;
}
