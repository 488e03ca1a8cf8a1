import type { Metadata } from "next";
import { randomUUID } from "node:crypto";
import { orNotFound } from "@/lib/http/or-not-found";
import { findOnlineLocation } from "@/lib/reservations/online-location";
import { ONLINE_BOOKING_DAYS } from "@/lib/reservations/schemas";
import { addDays, isoDate, localDateOf } from "@/lib/time/zoned";
import { BookingFlow } from "./_components/booking-flow";
import { RestaurantHeader } from "./_components/restaurant-header";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const location = await findOnlineLocation(slug).catch(() => null);
  return { title: location ? `Book a table at ${location.name}` : "Book a table" };
}

/** /book/<slug>: a guest books a table, no sign-in (phone first). */
export default async function BookPage({ params }: Props) {
  const { slug } = await params;
  const location = await orNotFound(findOnlineLocation(slug));
  if (!location.takesBookings)
    return (
      <main className="mx-auto min-h-screen max-w-lg bg-white">
        <RestaurantHeader name={location.name} address={location.address} title="Book a table" />
        <section className="space-y-3 p-5" data-testid="not-taking-bookings">
          <h2 className="text-xl font-bold">We are not taking online bookings right now</h2>
          <p className="text-gray-700">
            {location.phone ? (
              <>
                Call us at{" "}
                <a href={`tel:${location.phone}`} className="font-semibold underline">
                  {location.phone}
                </a>{" "}
                and we will find you a table.
              </>
            ) : (
              "Call the restaurant and we will find you a table."
            )}
          </p>
        </section>
      </main>
    );
  const today = localDateOf(new Date(), location.timezone);
  return (
    <main className="mx-auto min-h-screen max-w-lg bg-white">
      <RestaurantHeader name={location.name} address={location.address} title="Book a table" />
      <BookingFlow
        // One key per rendered form: a double tap or a resubmit names the same booking.
        bookingKey={randomUUID()}
        restaurant={{
          slug: location.slug,
          name: location.name,
          phone: location.phone,
          maxParty: location.onlineMaxPartySize,
        }}
        firstDate={isoDate(today)}
        lastDate={isoDate(addDays(today, ONLINE_BOOKING_DAYS))}
      />
    </main>
  );
}
