"use client";

import { useEffect, useRef, useState } from "react";
import type { PusherClientConfig } from "@/lib/realtime/pusher-server";
import { getPusher } from "./pusher-client";

export type ConnectionState = "connecting" | "live" | "offline";

export type RealtimeStatus = {
  state: ConnectionState;
  /** Last time any event arrived on the channel (ms epoch). */
  lastEventAt: number | null;
  /** Why the channel could not be joined (e.g. 403), if it could not. */
  error: string | null;
};

type Options = {
  config: PusherClientConfig;
  channel: string;
  onEvent: (name: string, data: unknown) => void;
  /** Called when the connection comes back after a drop (and after the first subscribe). */
  onConnected?: () => void;
};

// Components sharing a channel (the console's live bar and a page's own listener) share one
// subscription: the last one to unmount unsubscribes, so leaving a page never silences the others.
const holders = new Map<string, number>();

/**
 * Subscribe to one private channel and report connection health. Events are hints: callers
 * refetch (TanStack Query) or replay from the server; nothing here is the source of truth.
 */
export function useRealtime({ config, channel, onEvent, onConnected }: Options): RealtimeStatus {
  const [status, setStatus] = useState<RealtimeStatus>({ state: "connecting", lastEventAt: null, error: null });
  const handlers = useRef({ onEvent, onConnected });
  useEffect(() => {
    handlers.current = { onEvent, onConnected };
  });

  // Server components re-render props on router.refresh(): key on the content, not the object.
  const configKey = JSON.stringify(config);
  useEffect(() => {
    const pusher = getPusher(JSON.parse(configKey) as PusherClientConfig);
    const sub = pusher.subscribe(channel);
    holders.set(channel, (holders.get(channel) ?? 0) + 1);
    let everConnected = false;
    // "Live" means this channel's events can arrive: connected AND subscribed (private channels
    // authorise over HTTP after the socket opens; an event published in between would be missed).
    const toState = (s: string): ConnectionState =>
      s === "connected"
        ? sub.subscribed
          ? "live"
          : "connecting"
        : everConnected || s === "unavailable" || s === "failed"
          ? "offline"
          : "connecting";

    const onStateChange = ({ current }: { current: string }) => {
      if (current === "connected" && everConnected) handlers.current.onConnected?.();
      if (current === "connected") everConnected = true;
      setStatus((s) => ({ ...s, state: toState(current) }));
    };
    pusher.connection.bind("state_change", onStateChange);
    if (pusher.connection.state === "connected") everConnected = true;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the shared connection may already be up: show its current state at once
    setStatus((s) => ({ ...s, state: toState(pusher.connection.state) }));

    const onAny = (name: string, data: unknown) => {
      if (name.startsWith("pusher:") || name.startsWith("pusher_internal:")) return;
      setStatus((s) => ({ ...s, lastEventAt: Date.now() }));
      handlers.current.onEvent(name, data);
    };
    const onSubscribed = () => {
      setStatus((s) => ({ ...s, error: null, state: toState(pusher.connection.state) }));
      handlers.current.onConnected?.();
    };
    const onSubError = (e: { status?: number; error?: string }) =>
      setStatus((s) => ({
        ...s,
        error: e?.status === 403 ? "Not allowed to follow this screen's updates" : "Could not join live updates",
      }));
    sub.bind_global(onAny);
    sub.bind("pusher:subscription_succeeded", onSubscribed);
    sub.bind("pusher:subscription_error", onSubError);
    return () => {
      sub.unbind_global(onAny);
      sub.unbind("pusher:subscription_succeeded", onSubscribed);
      sub.unbind("pusher:subscription_error", onSubError);
      const left = (holders.get(channel) ?? 1) - 1;
      if (left > 0) holders.set(channel, left);
      else {
        holders.delete(channel);
        pusher.unsubscribe(channel);
      }
      pusher.connection.unbind("state_change", onStateChange);
    };
  }, [configKey, channel]);

  return status;
}
