import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
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
      <SettingsForm
        initial={settings}
        timeZones={Intl.supportedValuesOf("timeZone")}
        currencies={Intl.supportedValuesOf("currency")}
      />
    </div>
  );
}
