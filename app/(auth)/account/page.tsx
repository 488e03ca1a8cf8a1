import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { homeFor } from "@/lib/auth/roles";
import { PASSWORD_MIN } from "@/lib/auth/password-policy";
import { listMySessions } from "@/lib/auth/list-my-sessions";
import { ChangePasswordForm } from "./_components/change-password-form";
import { SignOutEverywhere } from "./_components/sign-out-everywhere";
import { getMyPin } from "@/lib/staff/get-my-pin";
import { PinForm } from "./_components/pin-form";

export const metadata: Metadata = { title: "My account" };

const since = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });

export default async function AccountPage() {
  const ctx = await requireUser("staff.signedIn");
  const [sessions, pin] = await Promise.all([listMySessions(ctx), getMyPin(ctx)]);
  return (
    <main className="flex min-h-screen items-center justify-center bg-gray-100 p-4">
      <div className="w-full max-w-md space-y-8 rounded-2xl bg-white p-8 shadow">
        <section className="space-y-6">
          <div>
            <Link href={homeFor(ctx.role)} className="text-sm font-semibold text-brand-700">
              ← Back
            </Link>
            <h1 className="mt-2 text-2xl font-bold">Change password</h1>
            <p className="text-sm text-gray-600">
              {ctx.name} · {ctx.email}. At least {PASSWORD_MIN} characters; a phrase of a few words is easiest to
              remember. Changing it signs you out on every device.
            </p>
          </div>
          <ChangePasswordForm />
        </section>
        <section aria-labelledby="pin-heading" className="space-y-3 border-t border-gray-200 pt-6">
          <h2 id="pin-heading" className="text-xl font-bold">
            Quick-switch PIN
          </h2>
          <p className="text-sm text-gray-600">
            Your PIN here switches a shared tablet or kitchen screen to you in a second. Not a run (1234), a repeat
            (1111), a year or a common PIN.
          </p>
          <PinForm pinSetAt={pin.pinSetAt?.toISOString() ?? null} />
        </section>
        <section aria-labelledby="sessions-heading" className="space-y-3 border-t border-gray-200 pt-6">
          <h2 id="sessions-heading" className="text-xl font-bold">
            Where you are signed in
          </h2>
          <ul className="divide-y divide-gray-100" data-testid="session-list">
            {sessions.map((s) => (
              <li key={s.id} className="py-2 text-sm" data-testid="session-row">
                <span className="font-medium">{s.device}</span>
                {s.current && (
                  <span className="ml-2 rounded bg-green-100 px-1.5 py-0.5 text-xs font-semibold text-green-800">
                    this device
                  </span>
                )}
                <span className="block text-gray-600">
                  since {since.format(s.createdAt)}
                  {s.ip ? ` · ${s.ip}` : ""}
                </span>
              </li>
            ))}
          </ul>
          <p className="text-sm text-gray-600">
            Lost a tablet or left a console open? This ends every session, this one included.
          </p>
          <SignOutEverywhere />
        </section>
        <p className="border-t border-gray-200 pt-4 text-sm">
          <Link href="/admin/staff/roles" className="inline-flex min-h-11 items-center font-semibold text-brand-700">
            Who may do what: the role table
          </Link>
        </p>
      </div>
    </main>
  );
}
