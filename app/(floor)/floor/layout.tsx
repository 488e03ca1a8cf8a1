import type { ReactNode } from "react";
import { SurfaceHeader } from "@/components/surface-header";
import { TimeClockButton } from "@/components/time-clock/time-clock-button";

export default function FloorLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col bg-gray-100">
      <SurfaceHeader title="Floor">
        <TimeClockButton />
      </SurfaceHeader>
      <div className="flex-1 p-4">{children}</div>
    </div>
  );
}
