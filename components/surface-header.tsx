import type { ReactNode } from "react";
import { currentCtx } from "@/lib/auth/session";
import { listMyLocations } from "@/lib/locations/list-my-locations";
import { LocationSwitcher } from "./location-switcher";
import { SignOutButton } from "./sign-out-button";
import { DeviceControls } from "./device-controls";

/** Top bar shared by the floor and kitchen shells. `dark` for the kitchen display. */
export async function SurfaceHeader({
  title,
  dark = false,
  surface = dark ? "kitchen" : "floor",
  children,
}: {
  title: string;
  dark?: boolean;
  /** Which staff the "Switch user" pad offers (those who may use this surface). */
  surface?: "floor" | "kitchen";
  children?: ReactNode;
}) {
  const ctx = await currentCtx();
  const locations = ctx ? await listMyLocations(ctx) : [];
  return (
    // One line on a 1024 px tablet: the location and the user's name truncate, nothing wraps.
    <header
      className={`flex h-14 shrink-0 items-center justify-between gap-4 whitespace-nowrap px-4 ${dark ? "bg-black text-white" : "border-b border-gray-200 bg-white"}`}
    >
      <div className="flex min-w-0 items-center gap-4">
        <p className="shrink-0 text-xl font-black">{title}</p>
        {ctx && (
          <LocationSwitcher locations={locations} currentId={ctx.locationId} className={dark ? "text-white" : ""} />
        )}
      </div>
      <div className="flex min-w-0 items-center gap-3">
        {children}
        {ctx && <DeviceControls ctx={ctx} surface={surface} dark={dark} />}
        {ctx && (
          <a href="/account" data-testid="signed-in-as" className="min-w-0 truncate text-sm hover:underline">
            {ctx.name} · {ctx.role.toLowerCase()}
          </a>
        )}
        <SignOutButton className={dark ? "text-white hover:bg-gray-800" : "hover:bg-gray-100"} />
      </div>
    </header>
  );
}
