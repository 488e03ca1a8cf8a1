import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { findOnlineLocation } from "@/lib/reservations/online-location";
import { findBookingByLink } from "@/lib/reservations/find-booking-by-link";
import { ALREADY_CANCELLED, LINK_INVALID } from "@/lib/reservations/cancel-by-link";
import { RestaurantHeader } from "../../_components/restaurant-header";
import { CancelBookingButton } from "./_components/cancel-booking-button";

// The token is in the URL: never sent on to another site, never indexed.
export const metadata: Metadata = { title: "Cancel your booking", referrer: "no-referrer", robots: "noindex" };

type Props = { params: Promise<{ slug: string; token: string }> };

/** The page of a cancel link: it shows the booking; only the button (a POST) cancels. */
export default async function CancelBookingPage({ params }: Props) {
  const { slug, token } = await params;
  const location = await findOnlineLocation(slug).catch(() => null);
  if (!location) notFound();
  const booking = await findBookingByLink({ slug, token });
  const call = location.phone ? `call us at ${location.phone}` : "call the restaurant";
  return (
    <main className="mx-auto min-h-screen max-w-lg bg-white">
      <RestaurantHeader name={location.name} address={location.address} title="Your booking" />
      <div className="space-y-5 p-5">
        {!booking ? (
          <p role="alert" className="rounded-lg bg-red-50 p-4 font-medium text-red-800" data-testid="link-invalid">
            {LINK_INVALID}
          </p>
        ) : (
          <>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-lg">
              <dt className="font-medium text-gray-600">Name</dt>
              <dd className="font-semibold">{booking.guestName}</dd>
              <dt className="font-medium text-gray-600">When</dt>
              <dd className="font-semibold" data-testid="booking-when">
                {booking.date}, {booking.time}
              </dd>
              <dt className="font-medium text-gray-600">Party</dt>
              <dd className="font-semibold">{booking.party}</dd>
            </dl>
            {booking.state === "CANCELLABLE" && <CancelBookingButton slug={slug} token={token} />}
            {booking.state === "CANCELLED" && (
              <p role="status" className="rounded-lg bg-gray-100 p-4 font-medium" data-testid="already-cancelled">
                {ALREADY_CANCELLED}
              </p>
            )}
            {(booking.state === "STARTED" || booking.state === "CLOSED") && (
              <p role="status" className="rounded-lg bg-amber-50 p-4 font-medium text-amber-900">
                This booking can no longer be cancelled online; please {call}.
              </p>
            )}
          </>
        )}
      </div>
    </main>
  );
}
