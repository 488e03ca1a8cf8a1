import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { assignableRoles } from "@/lib/staff/staff-fields";
import { StaffForm } from "../_components/staff-form";

export const metadata: Metadata = { title: "Add staff" };

export default async function NewStaffPage() {
  const ctx = await requireUser("staff.manage");
  return (
    <div className="space-y-4">
      <Link
        href="/admin/staff"
        className="inline-flex min-h-11 items-center text-sm font-semibold text-gray-600 hover:underline"
      >
        ← Staff
      </Link>
      <h1 className="text-2xl font-bold">Add staff</h1>
      <StaffForm staff={null} roles={assignableRoles(ctx.role)} />
    </div>
  );
}
