import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";

import { orNotFound } from "@/lib/http/or-not-found";
import { getScheduleWeek } from "@/lib/schedule/get-schedule-week";
import { ScheduleGrid } from "./_components/schedule-grid";

export const metadata: Metadata = { title: "Schedule" };

export default async function SchedulePage({ searchParams }: { searchParams: Promise<{ week?: string }> }) {
  const ctx = await requireUser("schedule.manage");
  const { week } = await searchParams;
  const data = await orNotFound(getScheduleWeek(ctx, { week }), ["NOT_FOUND", "VALIDATION"]);
  return <ScheduleGrid data={data} />;
}
