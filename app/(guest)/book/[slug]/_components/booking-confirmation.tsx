"use client";

import Link from "next/link";
import { Button } from "@/components/ui/button";
import { bookingIcs, partyText } from "@/lib/reservations/guest-format";
import type { bookOnlineAction } from "../booking-actions";

type Result = Awaited<ReturnType<typeof bookOnlineAction>>;
export type Confirmation = Extract<Result, { ok: true }>["data"];

/** Saves an .ics file; a blob link, so no request and no page of our own is needed. */
function downloadIcs(b: Confirmation) {
  const ics = bookingIcs({
    id: b.reservationId,
    startsAt: b.startsAt,
    durationMinutes: b.durationMinutes,
    restaurant: b.restaurant.name,
    address: b.restaurant.address,
    party: partyText(b.partySize),
  });
  const url = URL.createObjectURL(new Blob([ics], { type: "text/calendar" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = "table-booking.ics";
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function BookingConfirmation({ booking, slug }: { booking: Confirmation; slug: string }) {
  return (
    <section className="space-y-5 p-5" aria-labelledby="confirmed-heading" data-testid="booking-confirmed">
      <div role="status" className="rounded-xl bg-green-50 p-4 text-green-900">
        <h2 id="confirmed-heading" className="text-2xl font-bold">
          You&apos;re booked
        </h2>
        <p className="mt-1">See you soon, {booking.guestName}.</p>
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-lg">
        <dt className="font-medium text-gray-600">Where</dt>
        <dd className="font-semibold">{booking.restaurant.name}</dd>
        <dt className="font-medium text-gray-600">When</dt>
        <dd className="font-semibold" data-testid="confirmed-when">
          {booking.date}, {booking.time}
        </dd>
        <dt className="font-medium text-gray-600">Party</dt>
        <dd className="font-semibold">{partyText(booking.partySize)}</dd>
        {booking.restaurant.address && (
          <>
            <dt className="font-medium text-gray-600">Address</dt>
            <dd>{booking.restaurant.address}</dd>
          </>
        )}
      </dl>
      <p className="text-gray-700">
        {booking.emailedTo
          ? `We have emailed a confirmation with a cancel link to ${booking.emailedTo}.`
          : "Keep this page or the link below: it is how you cancel online."}
      </p>
      <div className="flex flex-col gap-3">
        <Button type="button" variant="secondary" className="h-12" onClick={() => downloadIcs(booking)}>
          Add to calendar
        </Button>
        <Link
          href={booking.cancelPath}
          className="inline-flex min-h-12 items-center justify-center rounded-lg px-4 font-semibold text-red-700 underline"
          data-testid="cancel-link"
        >
          Cancel this booking
        </Link>
        {/* A plain link: the page renders again with a new form key. */}
        <a
          href={`/book/${slug}`}
          className="inline-flex min-h-12 items-center justify-center rounded-lg px-4 font-semibold underline"
        >
          Book another table
        </a>
      </div>
    </section>
  );
}
