"use client";

import { useSession } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";

type Loc = { id: string; name: string; role: string };

/** Switch the session's location; the server re-checks membership before accepting it. */
export function LocationSwitcher({
  locations,
  currentId,
  className = "",
}: {
  locations: Loc[];
  currentId: string;
  className?: string;
}) {
  const { update } = useSession();
  const router = useRouter();
  const [pending, setPending] = useState(false);
  if (locations.length < 2) return <span className={`font-semibold ${className}`}>{locations[0]?.name}</span>;
  return (
    <label className={`flex items-center gap-2 ${className}`}>
      <span className="sr-only">Location</span>
      <select
        aria-label="Location"
        value={currentId}
        disabled={pending}
        onChange={async (e) => {
          setPending(true);
          await update({ locationId: e.target.value });
          setPending(false);
          router.refresh();
        }}
        className="min-h-11 rounded-lg border border-gray-300 bg-white px-2 text-gray-900"
      >
        {locations.map((l) => (
          <option key={l.id} value={l.id}>
            {l.name} ({l.role.toLowerCase()})
          </option>
        ))}
      </select>
    </label>
  );
}
