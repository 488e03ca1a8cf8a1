import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { ForgotPasswordForm } from "./_components/forgot-password-form";

export const metadata: Metadata = { title: "Forgot password" };

export default function ForgotPasswordPage() {
  return (
    <AuthCard title="Forgot password">
      <p className="mb-5 text-gray-700">
        Enter the email you sign in with. We will mail you a link to choose a new password; it works once, for 30
        minutes.
      </p>
      <ForgotPasswordForm />
      <p className="mt-6 text-center">
        <Link href="/login" className="inline-flex min-h-11 items-center font-semibold text-brand-700 hover:underline">
          Back to sign-in
        </Link>
      </p>
    </AuthCard>
  );
}
