import type { listMyShifts } from "@/lib/schedule/list-my-shifts";
import { formatMinutes } from "@/lib/schedule/week";

type MyShifts = Awaited<ReturnType<typeof listMyShifts>>;

/** The signed-in person's upcoming published shifts (floor and kitchen surfaces; `dark` for the kitchen). */
export function MyShiftsList({ data, dark = false }: { data: MyShifts; dark?: boolean }) {
  const tz = data.timeZone;
  const day = (d: Date) =>
    d.toLocaleDateString("en-US", { weekday: "long", month: "short", day: "numeric", timeZone: tz });
  const time = (d: Date) => d.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: tz });
  if (data.shifts.length === 0)
    return (
      <p
        className={`rounded-2xl border-2 border-dashed p-8 text-center text-xl ${dark ? "border-gray-600 text-gray-300" : "border-gray-300 text-gray-600"}`}
      >
        No published shifts in the next two weeks.
      </p>
    );
  return (
    <ul className="space-y-3" data-testid="my-shifts">
      {data.shifts.map((s) => (
        <li
          key={s.id}
          className={`flex flex-wrap items-center justify-between gap-3 rounded-2xl p-4 ${dark ? "border-2 border-gray-700 bg-gray-950" : "border border-gray-200 bg-white shadow-sm"}`}
          data-testid="my-shift"
        >
          <div>
            <p className={dark ? "text-3xl font-black" : "text-xl font-bold"}>{day(s.startsAt)}</p>
            <p className={dark ? "text-xl text-gray-300" : "text-gray-600"}>
              {s.role.toLowerCase()}
              {s.stationName ? ` · ${s.stationName}` : ""}
              {s.notes ? ` · ${s.notes}` : ""}
            </p>
            {s.checklistNames.length > 0 && (
              <p className={dark ? "text-xl text-gray-200" : "text-gray-800"} data-testid="my-shift-checklists">
                Checklists: {s.checklistNames.join(", ")}
              </p>
            )}
          </div>
          <p className={`tabular-nums ${dark ? "text-3xl font-black" : "text-2xl font-bold"}`}>
            {time(s.startsAt)}–{time(s.endsAt)}{" "}
            <span className={dark ? "text-xl text-gray-300" : "text-base font-normal text-gray-600"}>
              ({formatMinutes(Math.round((s.endsAt.getTime() - s.startsAt.getTime()) / 60_000))})
            </span>
          </p>
        </li>
      ))}
    </ul>
  );
}
