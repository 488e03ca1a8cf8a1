import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getLocationSettings } from "@/lib/locations/get-location-settings";
import { SETUP_TABS, SectionTabs } from "@/components/admin/section-tabs";
import { SettingsForm } from "./_components/settings-form";

export const metadata: Metadata = { title: "Location settings" };

export default async function SettingsPage() {
  const ctx = await requireUser("setup.manage");
  const settings = await getLocationSettings(ctx);
  return (
    <div className="max-w-4xl space-y-4">
      <h1 className="text-2xl font-bold">Setup</h1>
      <SectionTabs label="Setup sections" tabs={SETUP_TABS} current="settings" />
      <p className="text-sm text-gray-600">
        How {settings.name} works: money, time, the kitchen&apos;s ticket timers and the courses servers can choose.
      </p>
      {can(ctx, "locations.create") && (
        <p>
          <Link href="/admin/locations/new" className="inline-flex min-h-11 items-center font-semibold underline">
            Open another location from this one
          </Link>
        </p>
      )}
      <SettingsForm
        initial={settings}
        timeZones={Intl.supportedValuesOf("timeZone")}
        currencies={Intl.supportedValuesOf("currency")}
      />
    </div>
  );
}
