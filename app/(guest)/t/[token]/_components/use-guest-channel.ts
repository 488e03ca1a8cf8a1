"use client";

import { useQueryClient } from "@tanstack/react-query";
import Pusher from "pusher-js";
import { useEffect, useState } from "react";
import { GUEST_EVENTS } from "@/lib/realtime/events";
import type { PusherClientConfig } from "@/lib/realtime/pusher-server";
import { pusherOptions } from "@/components/realtime/pusher-client";
import { guestKeys } from "./guest-api";

/**
 * The phone's own socket on `private-guest-<sessionId>`, authorised by the member cookie (ADR 0034).
 * Each hint says what to refetch; while the socket is down the queries poll instead (see `live`).
 */
export function useGuestChannel(config: PusherClientConfig, channel: string | null): { live: boolean } {
  const queryClient = useQueryClient();
  const [live, setLive] = useState(false);
  useEffect(() => {
    if (!channel) return;
    const pusher = new Pusher(
      config.key,
      pusherOptions(config, { channel: "/api/guest/realtime/auth", user: "/api/guest/realtime/user-auth" }),
    );
    pusher.signin();
    const refetch =
      (...keys: (readonly string[])[]) =>
      () =>
        keys.forEach((queryKey) => void queryClient.invalidateQueries({ queryKey }));
    const sub = pusher.subscribe(channel);
    sub.bind(GUEST_EVENTS.cart, refetch(guestKeys.cart));
    sub.bind(GUEST_EVENTS.session, refetch(guestKeys.session));
    sub.bind(GUEST_EVENTS.order, refetch(guestKeys.session));
    sub.bind(GUEST_EVENTS.menu, refetch(guestKeys.menu, guestKeys.cart));
    sub.bind("pusher:subscription_succeeded", () => setLive(true));
    sub.bind("pusher:subscription_error", () => setLive(false));
    pusher.connection.bind("state_change", ({ current }: { current: string }) => {
      if (current !== "connected") setLive(false);
    });
    // Back from a dropped connection (a phone waking up): catch up at once.
    pusher.connection.bind("connected", refetch(guestKeys.session, guestKeys.cart, guestKeys.menu));
    return () => {
      setLive(false);
      pusher.disconnect();
    };
  }, [config, channel, queryClient]);
  return { live };
}
