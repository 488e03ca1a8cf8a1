import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";

import { listStaff } from "@/lib/staff/list-staff";
import { formatZonedDateTime } from "@/lib/time/zoned";
import { formatCents } from "@/lib/money";
import { getLocation } from "@/lib/locations/get-location";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { ScrollRegion } from "@/components/ui/scroll-region";

export const metadata: Metadata = { title: "Staff" };

export default async function StaffPage() {
  const ctx = await requireUser("staff.manage");
  const [{ staff, timeZone }, location] = await Promise.all([listStaff(ctx), getLocation(ctx)]);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Staff</h1>
        <div className="flex flex-wrap gap-2">
          <Link
            href="/admin/staff/roles"
            className="inline-flex min-h-11 items-center rounded-lg border border-gray-300 bg-white px-4 font-semibold hover:bg-gray-50"
          >
            Who may do what
          </Link>
          <Link
            href="/admin/staff/new"
            className="inline-flex min-h-11 items-center rounded-lg bg-gray-900 px-4 font-semibold text-white hover:bg-gray-800"
          >
            Add staff
          </Link>
        </div>
      </div>
      {staff.length === 0 ? (
        <EmptyState title="No staff at this location yet" />
      ) : (
        <ScrollRegion label="Staff" className="overflow-x-auto rounded-xl border border-gray-200 bg-white">
          <table className="w-full text-left" data-testid="staff-table">
            <thead className="bg-gray-50 text-sm text-gray-500">
              <tr>
                <th className="px-4 py-3">Name</th>
                <th className="px-4 py-3">Email</th>
                <th className="px-4 py-3">Role</th>
                <th className="px-4 py-3">Rate / hour</th>
                <th className="px-4 py-3">Status</th>
                <th className="px-4 py-3">
                  Last sign-in{" "}
                  <span className="font-normal" data-testid="staff-time-zone">
                    ({timeZone})
                  </span>
                </th>
              </tr>
            </thead>
            <tbody>
              {staff.map((s) => (
                <tr key={s.id} className="border-t border-gray-100" data-testid="staff-row" data-email={s.email}>
                  <td className="px-4 py-3 font-medium">
                    <Link href={`/admin/staff/${s.id}`} className="inline-flex min-h-11 items-center hover:underline">
                      {s.name}
                    </Link>
                  </td>
                  <td className="px-4 py-3 text-gray-600">{s.email}</td>
                  <td className="px-4 py-3">
                    <Badge tone="blue">{s.role.toLowerCase()}</Badge>
                  </td>
                  <td className="px-4 py-3 text-gray-600">
                    {s.hourlyRateCents != null ? formatCents(s.hourlyRateCents, location.currency) : "—"}
                  </td>
                  <td className="px-4 py-3">
                    {!s.active ? (
                      <Badge>inactive</Badge>
                    ) : s.locked ? (
                      <Badge tone="red">locked</Badge>
                    ) : s.invited ? (
                      <Badge tone="amber">invited</Badge>
                    ) : (
                      <Badge tone="green">active</Badge>
                    )}
                  </td>
                  <td className="px-4 py-3 text-gray-600" data-testid="staff-last-login">
                    {s.lastLoginAt ? (
                      <time dateTime={s.lastLoginAt.toISOString()}>{formatZonedDateTime(s.lastLoginAt, timeZone)}</time>
                    ) : (
                      "never"
                    )}
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
