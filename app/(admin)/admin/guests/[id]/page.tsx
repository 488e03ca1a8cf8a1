import type { Metadata } from "next";
import Link from "next/link";
import { PersonalDataPanel } from "@/components/admin/personal-data-panel";
import { requireUser } from "@/lib/auth/session";
import { orNotFound } from "@/lib/http/or-not-found";
import { getGuest } from "@/lib/reservations/get-guest";
import { eraseGuestAction } from "../actions";

export const metadata: Metadata = { title: "Guest" };

export default async function GuestPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireUser("guests.privacy");
  const guest = await orNotFound(getGuest(ctx, { id: (await params).id }), ["NOT_FOUND", "VALIDATION"]);
  return (
    <div className="space-y-4">
      <Link
        href="/admin/guests"
        className="inline-flex min-h-11 items-center text-sm font-semibold text-gray-600 hover:underline"
      >
        ← Guests
      </Link>
      <h1 className="text-2xl font-bold" data-testid="guest-name">
        {guest.name}
      </h1>
      <dl className="grid max-w-xl grid-cols-[10rem_1fr] gap-2 rounded-xl border border-gray-200 bg-white p-5 text-sm">
        <dt className="font-semibold">Phone</dt>
        <dd>{guest.phone ?? "—"}</dd>
        <dt className="font-semibold">Email</dt>
        <dd>{guest.email ?? "—"}</dd>
        <dt className="font-semibold">Visits / no-shows</dt>
        <dd>
          {guest.visitCount} / {guest.noShowCount}
        </dd>
        <dt className="font-semibold">Bookings</dt>
        <dd>{guest.reservations}</dd>
        <dt className="font-semibold">Notes</dt>
        <dd>{guest.notes || "—"}</dd>
      </dl>
      <PersonalDataPanel
        id={guest.id}
        who={guest.name}
        exportHref={`/api/v1/guests/${guest.id}/export`}
        erase={eraseGuestAction}
        erasedAt={guest.erasedAt}
      />
    </div>
  );
}
