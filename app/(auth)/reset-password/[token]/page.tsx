import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { PASSWORD_MIN } from "@/lib/auth/password-policy";
import { findResetTokenUser, LINK_INVALID } from "@/lib/auth/reset-password";
import { ResetPasswordForm } from "./_components/reset-password-form";

export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const user = await findResetTokenUser(token);
  if (!user)
    return (
      <AuthCard title="Link expired">
        <p
          role="alert"
          data-testid="reset-link-invalid"
          className="mb-6 rounded-lg bg-red-50 p-4 font-medium text-red-800"
        >
          {LINK_INVALID}
        </p>
        <Link
          href="/forgot-password"
          className="inline-flex min-h-11 items-center font-semibold text-brand-700 hover:underline"
        >
          Ask for a new link
        </Link>
      </AuthCard>
    );
  return (
    <AuthCard title="Choose a new password">
      <p className="mb-5 text-gray-700">
        For <strong data-testid="reset-email">{user.email}</strong>. At least {PASSWORD_MIN} characters; a phrase of a
        few words is easiest to remember. Setting it signs this account out everywhere.
      </p>
      <ResetPasswordForm token={token} email={user.email} />
    </AuthCard>
  );
}
