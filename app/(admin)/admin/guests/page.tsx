import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { searchGuests } from "@/lib/reservations/search-guests";

export const metadata: Metadata = { title: "Guests" };

/** Find a guest by name or whole phone number (phones are encrypted: ADR 0043), for data requests. */
export default async function GuestsPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const ctx = await requireUser("guests.privacy");
  const q = ((await searchParams).q ?? "").trim();
  let guests: Awaited<ReturnType<typeof searchGuests>> = [];
  let error: string | null = null;
  if (q) {
    try {
      guests = await searchGuests(ctx, { q });
    } catch (e) {
      if (!(e instanceof AppError) || e.code !== "VALIDATION") throw e;
      error = e.fieldErrors?.q?.[0] ?? e.message;
    }
  }
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Guests</h1>
      <form method="get" className="flex max-w-xl flex-wrap items-end gap-2" role="search">
        <label className="flex-1 text-sm font-semibold">
          Name or phone number
          <input
            name="q"
            defaultValue={q}
            className="mt-1 block min-h-11 w-full rounded-lg border border-gray-300 px-3"
            aria-invalid={error ? true : undefined}
          />
        </label>
        <button type="submit" className="min-h-11 rounded-lg bg-gray-900 px-4 font-semibold text-white">
          Search
        </button>
      </form>
      {error && (
        <p role="alert" className="text-sm font-medium text-red-700">
          {error}
        </p>
      )}
      {q && !error && guests.length === 0 && <p className="text-gray-600">No guest matches “{q}”.</p>}
      {!q && <p className="text-gray-600">Search by part of a name, or a whole phone number.</p>}
      {guests.length > 0 && (
        <ul className="max-w-xl divide-y divide-gray-200 rounded-xl border border-gray-200 bg-white">
          {guests.map((g) => (
            <li key={g.id}>
              <Link
                href={`/admin/guests/${g.id}`}
                className="flex min-h-11 items-center justify-between px-4 py-2 hover:bg-gray-50"
              >
                <span className="font-semibold">{g.name}</span>
                <span className="text-sm text-gray-600">
                  {g.phone ?? g.email ?? "no contact"} · {g.visitCount} visits
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
