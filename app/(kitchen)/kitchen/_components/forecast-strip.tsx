"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/components/realtime/fetch-json";
import type { StationLoadForecast } from "@/lib/reports/station-load-forecast";

const REFRESH_MS = 60_000;

function clock(iso: string, timeZone: string) {
  return new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(
    new Date(iso),
  );
}

/**
 * The next hours at a glance, under the board (a fixed height: the board's fit never jumps):
 * a station sees its own expected items per hour, large, with the kitchen's total beside it;
 * expo sees every station. Refreshed every minute and when the station's ticket count changes.
 */
export function ForecastStrip({
  station,
  ticketCount,
}: {
  station: { id: string; isExpo: boolean };
  ticketCount: number;
}) {
  const { data, isError } = useQuery({
    queryKey: ["station-load-forecast", ticketCount],
    queryFn: () => fetchJson<StationLoadForecast>("/api/v1/reports/station-load-forecast?hours=4&bucket=60"),
    refetchInterval: REFRESH_MS,
    placeholderData: (previous) => previous,
    refetchOnWindowFocus: false,
  });
  const name = (id: string) => data?.stations.find((s) => s.id === id)?.name ?? "";
  return (
    <section
      aria-label="Load forecast, next 4 hours"
      className="flex h-20 shrink-0 items-stretch gap-2 overflow-hidden rounded-xl border-2 border-gray-800 p-1.5"
      data-testid="load-forecast"
    >
      <h2 className="flex w-32 shrink-0 flex-col justify-center px-1 text-lg font-black leading-tight text-gray-300">
        Coming up <span className="text-sm font-semibold">items / hour</span>
      </h2>
      {!data ? (
        <p className="self-center text-lg text-gray-300">{isError ? "Forecast unavailable" : "Forecast…"}</p>
      ) : (
        data.buckets.map((b) => {
          const mine = b.stations.find((s) => s.stationId === station.id);
          const words = b.stations.map((s) => `${name(s.stationId)} about ${Math.round(s.total)}`).join(", ");
          return (
            <div
              key={b.start}
              role="group"
              className="flex min-w-0 flex-1 items-center gap-3 rounded-lg bg-gray-900 px-3"
              aria-label={`${clock(b.start, data.timeZone)}: ${mine && !station.isExpo ? `this station about ${Math.round(mine.total)} items; ` : ""}${words}`}
              data-testid="forecast-bucket"
            >
              <span className="shrink-0 text-lg font-bold text-gray-300">{clock(b.start, data.timeZone)}</span>
              {mine && !station.isExpo ? (
                <span className="flex min-w-0 items-baseline gap-3">
                  <span className="text-4xl font-black tabular-nums text-amber-300">{Math.round(mine.total)}</span>
                  <span className="truncate text-base text-gray-300">kitchen {Math.round(b.total)}</span>
                </span>
              ) : (
                <span
                  className="grid min-w-0 flex-1 gap-2"
                  style={{ gridTemplateColumns: `repeat(${b.stations.length}, minmax(0, 1fr))` }}
                >
                  {b.stations.map((s) => (
                    <span key={s.stationId} className="flex min-w-0 flex-col leading-tight">
                      <span className="truncate text-sm font-semibold text-gray-300">{name(s.stationId)}</span>
                      <span className="text-2xl font-black tabular-nums">{Math.round(s.total)}</span>
                    </span>
                  ))}
                </span>
              )}
            </div>
          );
        })
      )}
    </section>
  );
}
