import type { Metadata } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentCtx } from "@/lib/auth/session";
import { homeFor } from "@/lib/auth/roles";
import { safeCallbackUrl } from "@/lib/http/safe-redirect";
import { env } from "@/lib/env";
import { deviceCookieName } from "@/lib/devices/device-cookie";
import { findEnrolledDevice } from "@/lib/devices/find-device";
import { listSwitchStaff } from "@/lib/devices/list-switch-staff";
import { SwitchUserPanel } from "@/components/switch-user";
import { LoginForm } from "./_components/login-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{
    callbackUrl?: string | string[];
    error?: string;
    changed?: string;
    reset?: string;
    email?: string;
    password?: string;
  }>;
}) {
  const { callbackUrl, changed, reset, email, password } = await searchParams;
  const ctx = await currentCtx();
  const target = safeCallbackUrl(callbackUrl, env().NEXTAUTH_URL);
  if (ctx) redirect(target ?? homeFor(ctx.role));
  // A signed-out enrolled device shows its PIN pad first; the email form stays one tap away.
  const device = password ? null : await findEnrolledDevice((await cookies()).get(deviceCookieName())?.value);
  if (device) {
    const surface = target?.startsWith("/kitchen") ? "kitchen" : target?.startsWith("/floor") ? "floor" : null;
    const tiles = await listSwitchStaff(device.locationId, surface);
    const dark = surface === "kitchen";
    const passwordHref = `/login?password=1${target ? `&callbackUrl=${encodeURIComponent(target)}` : ""}`;
    return (
      <main
        className={`flex min-h-screen flex-col items-center gap-6 p-6 ${dark ? "bg-black text-white" : "bg-gray-100 text-gray-900"}`}
      >
        <div className="text-center">
          <p className={`text-sm font-semibold uppercase tracking-wider ${dark ? "text-brand-500" : "text-brand-700"}`}>
            ServiceBell · {device.name}
          </p>
          <h1 className="text-3xl font-black">Sign in with your PIN</h1>
        </div>
        <SwitchUserPanel tiles={tiles} surface={surface ?? undefined} dark={dark} next={target} />
        <Link
          href={passwordHref}
          className={`inline-flex min-h-11 items-center rounded-lg px-3 font-semibold underline ${dark ? "text-gray-200" : "text-gray-700"}`}
        >
          Sign in with email and password
        </Link>
      </main>
    );
  }
  return (
    <main className="flex min-h-screen items-center justify-center bg-gray-900 p-4">
      <div className="w-full max-w-md rounded-2xl bg-white p-8 shadow-xl">
        <div className="mb-6">
          <p className="text-sm font-semibold uppercase tracking-wider text-brand-700">ServiceBell</p>
          <h1 className="text-3xl font-bold">Staff sign-in</h1>
        </div>
        {changed && (
          <p role="status" className="mb-4 rounded-lg bg-green-50 p-3 text-sm font-medium text-green-800">
            Password changed. Sign in with your new password.
          </p>
        )}
        {reset && (
          <p
            role="status"
            data-testid="password-set"
            className="mb-4 rounded-lg bg-green-50 p-3 text-sm font-medium text-green-800"
          >
            Password set. Sign in with your new password.
          </p>
        )}
        <LoginForm callbackUrl={target} defaultEmail={typeof email === "string" ? email.slice(0, 254) : undefined} />
        <p className="mt-4 text-center">
          <Link
            href="/forgot-password"
            className="inline-flex min-h-11 items-center font-semibold text-brand-700 hover:underline"
          >
            Forgot password?
          </Link>
        </p>
      </div>
    </main>
  );
}
