"use client";

import { useEffect, useRef, useState } from "react";
import { useHydrated } from "@/components/ui/use-hydrated";

const SEND_EVERY_MS = 5_000;

/**
 * While a delivery is out, watches the phone's position and sends it at most once per ~5 s.
 * A 409 means nothing is out any more: stop and let the list refresh.
 */
export function PositionSharing({ active, onStopped }: { active: boolean; onStopped: () => void }) {
  const [problem, setProblem] = useState<string | null>(null);
  const lastSent = useRef(0);
  const hydrated = useHydrated();
  const unsupported = hydrated && !("geolocation" in navigator);

  useEffect(() => {
    if (!active || !("geolocation" in navigator)) return;
    let stopped = false;
    let latest: GeolocationPosition | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    // Throttled with a trailing send: a move inside the 5 s window is sent when the window ends
    // (a phone that then stands still fires no further callback, and its last position matters most).
    const send = async () => {
      timer = null;
      const pos = latest;
      if (stopped || !pos) return;
      latest = null;
      lastSent.current = Date.now();
      try {
        const res = await fetch("/api/v1/delivery/drivers/me/position", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({
            lat: pos.coords.latitude,
            lng: pos.coords.longitude,
            accuracy: pos.coords.accuracy,
            at: pos.timestamp,
          }),
        });
        if (res.status === 409) {
          stopped = true;
          onStopped();
        }
      } catch {
        // Offline for a moment: the next position goes out when the network is back.
      }
    };
    const watch = navigator.geolocation.watchPosition(
      (pos) => {
        setProblem(null);
        latest = pos;
        if (stopped || timer) return;
        const wait = SEND_EVERY_MS - (Date.now() - lastSent.current);
        if (wait <= 0) void send();
        else timer = setTimeout(() => void send(), wait);
      },
      (err) => {
        setProblem(
          err.code === err.PERMISSION_DENIED
            ? "Location is blocked. Allow location for this site so the customer can follow you."
            : "Cannot get your location right now.",
        );
      },
      { enableHighAccuracy: true, maximumAge: 5_000, timeout: 20_000 },
    );
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      navigator.geolocation.clearWatch(watch);
    };
  }, [active, onStopped]);

  if (!active) return null;
  return (
    <div data-testid="sharing-location" role="status" className="rounded-xl bg-green-50 p-3 text-green-900">
      <p className="font-semibold">Sharing location with your customers</p>
      {unsupported && (
        <p role="alert" className="mt-1 text-red-800">
          This phone cannot share its location; the customer sees no live position.
        </p>
      )}
      {problem && (
        <p role="alert" className="mt-1 text-red-800">
          {problem}
        </p>
      )}
    </div>
  );
}
