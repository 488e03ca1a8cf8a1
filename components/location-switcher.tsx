"use client";

import { SessionProvider, useSession } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";

type Loc = { id: string; name: string; role: string };

type Props = { locations: Loc[]; currentId: string; className?: string };

/**
 * The location name, or a switcher for people who work at several. Only the switcher needs the
 * client session (for update()), so only it loads one: no screen polls /api/auth/session, the
 * server slides the idle window on every request (ADR 0005).
 */
export function LocationSwitcher(props: Props) {
  if (props.locations.length < 2)
    return <span className={`font-semibold ${props.className ?? ""}`}>{props.locations[0]?.name}</span>;
  return (
    <SessionProvider refetchOnWindowFocus={false} refetchInterval={0}>
      <Switcher {...props} />
    </SessionProvider>
  );
}

/**
 * The server re-checks membership before accepting a switch. next-auth ignores update() until the
 * session has loaded, so the control waits for it, and a switch the server did not make says so
 * instead of failing silently.
 */
function Switcher({ locations, currentId, className = "" }: Props) {
  const { update, status } = useSession();
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <label className={`flex min-w-0 items-center gap-2 ${className}`}>
      <span className="sr-only">Location</span>
      <select
        aria-label="Location"
        value={currentId}
        disabled={pending || status !== "authenticated"}
        aria-describedby={error ? "location-switch-error" : undefined}
        onChange={async (e) => {
          const wanted = e.target.value;
          setPending(true);
          setError(null);
          const next = await update({ locationId: wanted }).catch(() => null);
          setPending(false);
          if (next?.user.locationId !== wanted) setError("Couldn't switch location. Try again.");
          router.refresh();
        }}
        // Shrinks (the name truncates) rather than slide under the header's links on a tablet.
        className="min-h-11 w-full min-w-0 max-w-64 truncate rounded-lg border border-gray-300 bg-white px-2 text-gray-900"
      >
        {locations.map((l) => (
          <option key={l.id} value={l.id}>
            {l.name} ({l.role.toLowerCase()})
          </option>
        ))}
      </select>
      {error && (
        <span id="location-switch-error" role="alert" className="text-sm font-semibold text-red-700">
          {error}
        </span>
      )}
    </label>
  );
}
