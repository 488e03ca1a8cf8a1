import type { Metadata } from "next";
import { cookies } from "next/headers";
import { requireUser } from "@/lib/auth/session";
import { deviceCookieName } from "@/lib/devices/device-cookie";
import { listDevices } from "@/lib/devices/list-devices";
import { getLocation } from "@/lib/locations/get-location";
import { formatZonedDateTime } from "@/lib/time/zoned";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { EnrollDeviceButton } from "@/components/enroll-device-button";
import { RevokeDevice } from "./_components/revoke-device";

export const metadata: Metadata = { title: "Devices" };

/** Shared tablets and kitchen screens enrolled for PIN quick switch at this location. */
export default async function DevicesPage() {
  const ctx = await requireUser("devices.enroll");
  const currentToken = (await cookies()).get(deviceCookieName())?.value;
  const [devices, location] = await Promise.all([listDevices(ctx, { currentToken }), getLocation(ctx)]);
  const tz = location.timezone;
  const thisOne = devices.some((d) => d.current);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">Devices</h1>
          <p className="text-gray-600">
            Shared tablets and kitchen screens where staff switch to themselves by PIN. Enroll one from its own floor or
            kitchen header, or here from its browser. Revoking ends it at once and signs out whoever is signed in on it.
          </p>
        </div>
        {!thisOne && (
          <div className="rounded-lg border border-gray-300 bg-white">
            <EnrollDeviceButton defaultName="Floor tablet" />
          </div>
        )}
      </div>
      {devices.length === 0 ? (
        <EmptyState title="No devices enrolled yet">
          Open the floor or kitchen screen on the shared tablet, tap “Enroll device” and name it.
        </EmptyState>
      ) : (
        <ScrollRegion label="Devices" className="overflow-x-auto rounded-xl border border-gray-200 bg-white">
          <table className="w-full text-left" data-testid="device-table">
            <thead className="bg-gray-50 text-sm text-gray-500">
              <tr>
                <th className="px-4 py-3">Name</th>
                <th className="px-4 py-3">Enrolled</th>
                <th className="px-4 py-3">Last seen ({tz})</th>
                <th className="px-4 py-3">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {devices.map((d) => (
                <tr key={d.id} className="border-t border-gray-100" data-testid="device-row" data-name={d.name}>
                  <td className="px-4 py-3 font-medium">
                    {d.name} {d.current && <Badge tone="green">this browser</Badge>}
                  </td>
                  <td className="px-4 py-3 text-gray-600">
                    <time dateTime={d.createdAt.toISOString()}>{formatZonedDateTime(d.createdAt, tz)}</time>
                    {d.enrolledBy ? ` by ${d.enrolledBy}` : ""}
                  </td>
                  <td className="px-4 py-3 text-gray-600">
                    <time dateTime={d.lastSeenAt.toISOString()}>{formatZonedDateTime(d.lastSeenAt, tz)}</time>
                  </td>
                  <td className="px-4 py-3">
                    <RevokeDevice deviceId={d.id} name={d.name} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </div>
  );
}
