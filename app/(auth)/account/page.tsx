import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { homeFor, ROLES } from "@/lib/auth/roles";
import { PASSWORD_MIN } from "@/lib/auth/password-policy";
import { ChangePasswordForm } from "./_components/change-password-form";

export const metadata: Metadata = { title: "My account" };

export default async function AccountPage() {
  const ctx = await requireUser(ROLES);
  return (
    <main className="flex min-h-screen items-center justify-center bg-gray-100 p-4">
      <div className="w-full max-w-md space-y-6 rounded-2xl bg-white p-8 shadow">
        <div>
          <Link href={homeFor(ctx.role)} className="text-sm font-semibold text-brand-700">← Back</Link>
          <h1 className="mt-2 text-2xl font-bold">Change password</h1>
          <p className="text-sm text-gray-600">
            {ctx.name} · {ctx.email}. At least {PASSWORD_MIN} characters; a phrase of a few words is easiest to remember.
            Changing it signs you out on every device.
          </p>
        </div>
        <ChangePasswordForm />
      </div>
    </main>
  );
}
