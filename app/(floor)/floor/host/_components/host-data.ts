"use client";

import { useQuery } from "@tanstack/react-query";
import { useCallback, useSyncExternalStore } from "react";
import type { ActionResult } from "@/lib/http/action";
import type { ReservationView } from "@/lib/reservations/reservation-view";
import type { ReservationStatus } from "@/generated/prisma/enums";
import { hostDayAction, listReservationsAction } from "../../reservations-actions";

export type HostReservation = ReservationView;
export type HostDay = Awaited<ReturnType<typeof loadDay>>;

/** An action's data, or an Error with its message (for TanStack Query's error state). */
export async function unwrap<T>(result: Promise<ActionResult<T>>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(r.error);
  return r.data;
}

async function loadDay(date: string) {
  return unwrap(hostDayAction({ date }));
}

/** The frame of the day: service periods and tables by area (["reservations", …] so bookings' events refetch it too). */
export function useHostDay(date: string) {
  return useQuery({ queryKey: ["reservations", "host-day", date], queryFn: () => loadDay(date), staleTime: 60_000 });
}

/** The day's book, by time; refetched on every floor event and every half minute as a safety net. */
export function useReservations(date: string) {
  return useQuery({
    queryKey: ["reservations", date],
    queryFn: () => unwrap(listReservationsAction({ date })),
    refetchInterval: 30_000,
  });
}

/** The wall clock of an instant in the location's zone, 24-hour ("19:00"). */
export function timeIn(instant: Date | string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(
    new Date(instant),
  );
}

/** Statuses that still expect the party (they hold tables and count as booked covers). */
export const EXPECTED: readonly ReservationStatus[] = ["BOOKED", "CONFIRMED", "ARRIVED"];
export const ENDED: readonly ReservationStatus[] = ["COMPLETED", "CANCELLED", "NO_SHOW"];

export const STATUS_TEXT: Record<ReservationStatus, string> = {
  BOOKED: "Booked",
  CONFIRMED: "Confirmed",
  ARRIVED: "Arrived",
  SEATED: "Seated",
  COMPLETED: "Finished",
  CANCELLED: "Cancelled",
  NO_SHOW: "No-show",
};

/** Covers still to come or here, and covers who sat down (seated now or finished). */
export function coverCounts(reservations: readonly HostReservation[]) {
  let booked = 0;
  let seated = 0;
  for (const r of reservations) {
    if (r.status === "CANCELLED" || r.status === "NO_SHOW") continue;
    booked += r.partySize;
    if (r.status === "SEATED" || r.status === "COMPLETED") seated += r.partySize;
  }
  return { booked, seated };
}

/** Whether a media query matches (false on the server and during hydration). */
export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const list = window.matchMedia(query);
      list.addEventListener("change", onChange);
      return () => list.removeEventListener("change", onChange);
    },
    [query],
  );
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(query).matches,
    () => false,
  );
}
