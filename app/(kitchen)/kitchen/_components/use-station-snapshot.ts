"use client";

import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { fetchJson } from "@/components/realtime/fetch-json";
import { useSequencedFeed } from "@/components/realtime/use-sequenced-feed";
import type { PusherClientConfig } from "@/lib/realtime/pusher-server";
import {
  concernsStation,
  kitchenChannel,
  TICKET_CHANGING_TYPES,
  type KitchenEvent,
  type KitchenReplay,
} from "@/lib/realtime/events";
import type { SnapshotView } from "./snapshot-view";

/** Events closer together than this share one refetch. */
const COALESCE_MS = 120;

/**
 * One station's board data: the snapshot page being shown (TanStack Query), kept current by the
 * seq'd kitchen channel (gaps replayed, bursts coalesced into one refetch), and the page history
 * for "earlier". The server may move the page (it emptied out); the hook follows it.
 */
export function useStationSnapshot(initial: SnapshotView, config: PusherClientConfig, locationId: string) {
  const qc = useQueryClient();
  const { station } = initial;
  const [offset, setOffset] = useState(0);
  const [earlier, setEarlier] = useState<number[]>([]);
  const baseKey = useMemo(() => ["kitchen-snapshot", station.slug], [station.slug]);
  const queryKey = useMemo(() => [...baseKey, offset], [baseKey, offset]);
  const query = useQuery({
    queryKey,
    queryFn: () =>
      fetchJson<SnapshotView>(`/api/v1/kitchen/snapshot?station=${encodeURIComponent(station.slug)}&offset=${offset}`),
    initialData: offset === 0 ? initial : undefined,
    placeholderData: keepPreviousData,
    staleTime: Infinity, // refetched on events, gaps and the safety timer — not on a whim
    refetchOnWindowFocus: false,
  });
  const { dataUpdatedAt, isError, refetch, isPlaceholderData } = query;
  const data = query.data ?? initial;

  const refetchSoon = useRef<ReturnType<typeof setTimeout> | null>(null);
  const lastRefetchAt = useRef(0);
  const invalidate = useCallback(() => {
    // The first event after a quiet spell refetches at once (the cook sees the ticket without
    // delay); a burst behind it (a busy pass sends several events per second) shares one
    // trailing refetch, at most one per COALESCE_MS.
    if (refetchSoon.current) return;
    const refetchNow = () => {
      refetchSoon.current = null;
      lastRefetchAt.current = Date.now();
      void qc.invalidateQueries({ queryKey: baseKey });
    };
    const since = Date.now() - lastRefetchAt.current;
    if (since >= COALESCE_MS) refetchNow();
    else refetchSoon.current = setTimeout(refetchNow, COALESCE_MS - since);
  }, [qc, baseKey]);

  const feed = useSequencedFeed({
    config,
    channel: kitchenChannel(locationId),
    initialSeq: initial.seq,
    fetchReplay: (after) => fetchJson<KitchenReplay>(`/api/v1/kitchen/events?after=${after}`),
    onEvents: (events: KitchenEvent[]) => {
      // A void reaches stations making a side of the voided dish too: cheap, voids are rare.
      if (
        events.some(
          (e) => TICKET_CHANGING_TYPES.includes(e.type) && (concernsStation(e, station) || e.type.endsWith("voided")),
        )
      )
        invalidate();
    },
    onResync: () => void refetch(),
  });
  const { advanceTo } = feed;
  useEffect(() => advanceTo(data.seq), [data.seq, advanceTo]);

  // The server starts again from the first page when this one emptied out.
  useEffect(() => {
    if (!isPlaceholderData && data.page.offset !== offset) {
      // eslint-disable-next-line react-hooks/set-state-in-effect -- the server moved the page (it emptied out); follow it once the answer is real
      setOffset(data.page.offset);
      setEarlier([]);
    }
  }, [data.page.offset, offset, isPlaceholderData]);

  const turnPage = useCallback(
    (to: number) => {
      setEarlier((e) => [...e, offset]);
      setOffset(to);
    },
    [offset],
  );
  const pageBack = useCallback(() => {
    setOffset(earlier.at(-1) ?? 0);
    setEarlier((e) => e.slice(0, -1));
  }, [earlier]);

  return { data, queryKey, invalidate, feed, isError, refetch, dataUpdatedAt, offset, turnPage, pageBack };
}
