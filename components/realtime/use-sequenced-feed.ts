"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { PusherClientConfig } from "@/lib/realtime/pusher-server";
import { kitchenEventSchema, type KitchenEvent, type KitchenReplay } from "@/lib/realtime/events";
import { foldReplay, stepCursor } from "@/lib/kitchen/event-cursor";
import { useRealtime, type RealtimeStatus } from "./use-realtime";

export type FeedHealth = RealtimeStatus & {
  seq: number;
  /** Last successful replay/resync with the server (ms epoch). */
  lastSyncAt: number | null;
  /** The server itself could not be reached on the last attempt. */
  serverUnreachable: boolean;
};

type Options = {
  config: PusherClientConfig;
  channel: string;
  /** Seq the initial snapshot is current to. */
  initialSeq: number;
  /** GET /api/v1/kitchen/events?after=N */
  fetchReplay: (after: number) => Promise<KitchenReplay>;
  /** New events, in seq order, live or replayed. */
  onEvents: (events: KitchenEvent[], source: "live" | "replay") => void;
  /** The replay could not fill the gap (too many missed): take a fresh snapshot. */
  onResync: () => void;
  /** Safety net: replay this often even when nothing seems missing (faster while offline). */
  safetyMs?: number;
  offlineSafetyMs?: number;
};

/**
 * Never lose a kitchen event: live events advance a cursor over the per-location seq; a gap,
 * a reconnect, a visible-again tab or the periodic safety timer replays what came after the
 * cursor from the server. Replays are single-flight and cheap (usually an empty list).
 */
export function useSequencedFeed({
  config,
  channel,
  initialSeq,
  fetchReplay,
  onEvents,
  onResync,
  safetyMs = 20_000,
  offlineSafetyMs = 5_000,
}: Options) {
  const seqRef = useRef(initialSeq);
  const [seq, setSeq] = useState(initialSeq);
  const [lastSyncAt, setLastSyncAt] = useState<number | null>(null);
  const [serverUnreachable, setServerUnreachable] = useState(false);
  const inFlight = useRef<Promise<void> | null>(null);
  const again = useRef(false);
  const cb = useRef({ fetchReplay, onEvents, onResync });
  useEffect(() => {
    cb.current = { fetchReplay, onEvents, onResync };
  });

  const advance = useCallback((to: number) => {
    if (to > seqRef.current) {
      seqRef.current = to;
      setSeq(to);
    }
  }, []);

  const replay = useCallback((): Promise<void> => {
    if (inFlight.current) {
      again.current = true; // something new happened while a replay ran: run once more after it
      return inFlight.current;
    }
    const run = async () => {
      try {
        do {
          again.current = false;
          const from = seqRef.current;
          const res = await cb.current.fetchReplay(from);
          setServerUnreachable(false);
          setLastSyncAt(Date.now());
          const fresh = res.events.filter((e) => e.seq > seqRef.current);
          const folded = foldReplay(
            seqRef.current,
            fresh.map((e) => e.seq),
          );
          if (fresh.length) cb.current.onEvents(fresh, "replay");
          advance(folded.lastSeq);
          if (res.truncated || !folded.contiguous) {
            cb.current.onResync();
            advance(res.seq);
          }
        } while (again.current);
      } catch {
        setServerUnreachable(true);
      } finally {
        inFlight.current = null;
      }
    };
    inFlight.current = run();
    return inFlight.current;
  }, [advance]);

  const status = useRealtime({
    config,
    channel,
    onConnected: () => void replay(),
    onEvent: (_name, data) => {
      const parsed = kitchenEventSchema.safeParse(data);
      if (!parsed.success) return;
      const e = parsed.data;
      const step = stepCursor(seqRef.current, e.seq);
      if (step.kind === "duplicate") return;
      if (step.kind === "next") {
        advance(e.seq);
        cb.current.onEvents([e], "live");
        return;
      }
      void replay(); // gap: fetch the missing ones (and this one) in order
    },
  });

  useEffect(() => {
    const every = status.state === "live" ? safetyMs : offlineSafetyMs;
    const timer = setInterval(() => void replay(), every);
    const onVisible = () => document.visibilityState === "visible" && void replay();
    document.addEventListener("visibilitychange", onVisible);
    window.addEventListener("online", onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisible);
      window.removeEventListener("online", onVisible);
    };
  }, [status.state, safetyMs, offlineSafetyMs, replay]);

  const health: FeedHealth = { ...status, seq, lastSyncAt, serverUnreachable };
  /** A fresh snapshot says it is current to `to`: skip events it already contains. */
  return { health, replay, advanceTo: advance };
}
