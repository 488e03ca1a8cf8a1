import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { orNotFound } from "@/lib/http/or-not-found";
import { getStaffMember } from "@/lib/staff/get-staff-member";
import { assignableRoles } from "@/lib/staff/staff-fields";
import { Badge } from "@/components/ui/badge";
import { StaffForm } from "../_components/staff-form";
import { StaffActions } from "../_components/staff-actions";
import { PersonalDataPanel } from "@/components/admin/personal-data-panel";
import { eraseStaffAction } from "../actions";

export const metadata: Metadata = { title: "Staff member" };

export default async function StaffMemberPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ created?: string }>;
}) {
  const ctx = await requireUser("staff.manage");
  const [{ id }, { created }] = await Promise.all([params, searchParams]);
  const member = await orNotFound(getStaffMember(ctx, { id }), ["NOT_FOUND", "VALIDATION"]);
  // A manager sees an admin but cannot change them (the use cases refuse it too).
  const mayEdit = can(ctx, "staff.grantAdmin") || !can(member.role, "staff.grantAdmin");
  return (
    <div className="space-y-4">
      <Link
        href="/admin/staff"
        className="inline-flex min-h-11 items-center text-sm font-semibold text-gray-600 hover:underline"
      >
        ← Staff
      </Link>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold" data-testid="staff-name">
          {member.name}
        </h1>
        {!member.active ? (
          <Badge>inactive</Badge>
        ) : member.locked ? (
          <Badge tone="red">locked</Badge>
        ) : (
          <Badge tone="green">active</Badge>
        )}
      </div>
      {created && (
        <p
          role="status"
          data-testid="staff-created"
          className="max-w-xl rounded-lg bg-green-50 p-3 text-sm font-medium text-green-800"
        >
          {created === "invited"
            ? `Added. An invite to set a password was mailed to ${member.email}.`
            : `Added. ${member.email} already had an account: they sign in with their usual password.`}
        </p>
      )}
      {mayEdit ? (
        <>
          <StaffForm
            staff={{
              id: member.id,
              name: member.name,
              email: member.email,
              role: member.role,
              hourlyRateCents: member.hourlyRateCents,
              contactPhone: member.contactPhone,
            }}
            roles={assignableRoles(ctx.role)}
          />
          <StaffActions member={member} />
          {can(ctx, "staff.privacy") && !member.self && (
            <PersonalDataPanel
              id={member.id}
              who={member.name}
              exportHref={`/api/v1/staff/${member.id}/export`}
              erase={eraseStaffAction}
              erasedAt={member.erasedAt}
            />
          )}
        </>
      ) : (
        <p className="max-w-xl rounded-lg bg-gray-100 p-3 text-sm text-gray-700">
          {member.email} is an admin. Only an admin can change or deactivate an admin.
        </p>
      )}
    </div>
  );
}
