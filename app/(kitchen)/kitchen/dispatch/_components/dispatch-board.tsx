"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { ApiError, fetchJson } from "@/components/realtime/fetch-json";
import { useRealtime } from "@/components/realtime/use-realtime";
import type { getDispatchBoard } from "@/lib/delivery/get-dispatch-board";
import { FLOOR_EVENTS, kitchenChannel, TICKET_CHANGING_TYPES } from "@/lib/realtime/events";
import type { PusherClientConfig } from "@/lib/realtime/pusher-server";
import { useHydrated } from "@/components/ui/use-hydrated";
import { useNow } from "../../_components/use-now";

/** What the board's JSON holds: the use case's answer with dates as ISO strings. */
type Wire<T> = T extends Date
  ? string
  : T extends (infer U)[]
    ? Wire<U>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;
export type BoardView = Wire<Awaited<ReturnType<typeof getDispatchBoard>>>;
type BoardOrder = BoardView["orders"][number];

const QUERY_KEY = ["delivery", "board"];
const REFRESH_ON: readonly string[] = [FLOOR_EVENTS.deliveryChanged, ...TICKET_CHANGING_TYPES];

const minutesUntil = (iso: string, now: number) => Math.round((new Date(iso).getTime() - now) / 60_000);
const km = (m: number) => `${(m / 1000).toFixed(1)} km`;

function lateness(iso: string, now: number): { cls: string; text: string } {
  const m = minutesUntil(iso, now);
  if (m < 0) return { cls: "bg-red-600 text-white", text: `${-m} min late` };
  if (m <= 10) return { cls: "bg-amber-400 text-black", text: `in ${m} min` };
  return { cls: "bg-gray-700 text-white", text: `in ${m} min` };
}

function age(seconds: number | null): string {
  if (seconds == null) return "no position yet";
  if (seconds < 60) return `${seconds} s ago`;
  return `${Math.floor(seconds / 60)} min ago`;
}

async function postAssign(body: { orderIds: string[]; driverId: string }) {
  return fetchJson<{ routeId: string }>("/api/v1/delivery/assignments", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

async function deleteAssign(orderId: string) {
  return fetchJson(`/api/v1/delivery/assignments/${encodeURIComponent(orderId)}`, { method: "DELETE" });
}

/** Clock times in the location's zone, the same in the server render and the browser. */
function clockIn(timeZone: string) {
  const f = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  return (iso: string) => f.format(new Date(iso));
}

export function DispatchBoard({
  initial,
  config,
  locationId,
  timeZone,
}: {
  initial: BoardView;
  config: PusherClientConfig;
  locationId: string;
  timeZone: string;
}) {
  const qc = useQueryClient();
  const clock = clockIn(timeZone);
  const hydrated = useHydrated();
  const ticking = useNow(15_000);
  const board = useQuery({
    queryKey: QUERY_KEY,
    queryFn: () => fetchJson<BoardView>("/api/v1/delivery/assignments"),
    initialData: initial,
    refetchInterval: 15_000,
  });
  const realtime = useRealtime({
    config,
    channel: kitchenChannel(locationId),
    onConnected: () => void qc.invalidateQueries({ queryKey: QUERY_KEY }),
    onEvent: (name) => {
      if (REFRESH_ON.includes(name)) void qc.invalidateQueries({ queryKey: QUERY_KEY });
    },
  });
  const [selected, setSelected] = useState<string[]>([]);
  const [manualDriver, setManualDriver] = useState("");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const onDone = (text: string) => ({
    onSuccess: () => {
      setMessage({ ok: true, text });
      setSelected([]);
    },
    onError: (e: Error) =>
      setMessage({
        ok: false,
        text:
          e instanceof ApiError
            ? (Object.values(e.fieldErrors ?? {})[0]?.[0] ?? e.message)
            : "Could not save; try again",
      }),
    onSettled: () => void qc.invalidateQueries({ queryKey: QUERY_KEY }),
  });
  const assign = useMutation({ mutationFn: postAssign });
  const unassign = useMutation({ mutationFn: deleteAssign });
  const busy = assign.isPending || unassign.isPending;

  const data = board.data;
  // Until hydrated, the server's "now": the first render matches the server's markup exactly.
  const now = hydrated ? ticking : Date.parse(data.now);
  const byId = new Map(data.orders.map((o) => [o.orderId, o]));
  const driverName = new Map(data.drivers.map((d) => [d.driverId, d.name]));
  const doAssign = (orderIds: string[], driverId: string) =>
    assign.mutate(
      { orderIds, driverId },
      onDone(
        `Assigned ${orderIds.map((id) => `#${byId.get(id)?.number ?? "?"}`).join(", ")} to ${driverName.get(driverId) ?? "the driver"}`,
      ),
    );
  const toggle = (id: string) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));
  const selectable = selected.filter((id) => byId.has(id));

  return (
    <main
      className="grid h-[calc(100vh-3.5rem)] grid-cols-4 grid-rows-[auto_minmax(0,1fr)] gap-4 p-4"
      data-testid="dispatch-board"
    >
      <h1 className="sr-only">Dispatch</h1>
      <div className="col-span-4 flex items-center justify-between gap-4 text-lg" aria-live="polite">
        <p className="text-gray-300">
          {realtime.state === "live"
            ? "Live"
            : realtime.state === "offline"
              ? "Offline: refreshing every 15 s"
              : "Connecting…"}
          {board.isError && <span className="ml-3 font-bold text-red-400">Could not refresh the board</span>}
        </p>
        {message && (
          <p
            role={message.ok ? "status" : "alert"}
            className={`rounded-lg px-3 py-1 font-bold ${message.ok ? "bg-green-700" : "bg-red-700"}`}
            data-testid="dispatch-message"
          >
            {message.text}
          </p>
        )}
      </div>

      <Column title={`Orders (${data.orders.length})`} testId="dispatch-orders">
        {data.orders.length === 0 && <Empty>No delivery orders waiting.</Empty>}
        <ul className="space-y-2">
          {data.orders.map((o) => (
            <OrderCard
              clock={clock}
              key={o.orderId}
              order={o}
              now={now}
              checked={selected.includes(o.orderId)}
              onToggle={() => toggle(o.orderId)}
            />
          ))}
        </ul>
        <form
          className="sticky bottom-0 mt-3 space-y-2 border-t border-gray-700 bg-gray-950 pt-3"
          aria-label="Assign selected orders"
          onSubmit={(e) => {
            e.preventDefault();
            if (selectable.length && manualDriver) doAssign(selectable, manualDriver);
          }}
        >
          <label htmlFor="manual-driver" className="block text-sm font-semibold text-gray-300">
            Driver for the {selectable.length} selected order{selectable.length === 1 ? "" : "s"}
          </label>
          <div className="flex gap-2">
            <select
              id="manual-driver"
              value={manualDriver}
              onChange={(e) => setManualDriver(e.target.value)}
              className="min-h-12 flex-1 rounded-lg border border-gray-600 bg-black px-3 text-lg text-white"
              data-testid="dispatch-manual-driver"
            >
              <option value="">Choose a driver</option>
              {data.drivers.map((d) => (
                <option key={d.driverId} value={d.driverId}>
                  {d.name} ({d.load} active)
                </option>
              ))}
            </select>
            <button
              type="submit"
              disabled={busy || !selectable.length || !manualDriver}
              className="min-h-12 rounded-lg bg-white px-4 text-lg font-black text-black disabled:bg-gray-600 disabled:text-gray-300"
              data-testid="dispatch-assign-selected"
            >
              Assign
            </button>
          </div>
        </form>
      </Column>

      <Column title="Suggested routes" testId="dispatch-batches">
        {data.batches.length === 0 && <Empty>Nothing ready to send.</Empty>}
        <ul className="space-y-3">
          {data.batches.map((b) => (
            <li
              key={b.orderIds.join()}
              className="space-y-2 rounded-xl border-2 border-amber-400 p-3"
              data-testid={`dispatch-batch-${b.numbers.join("-")}`}
            >
              <p className="text-2xl font-black">{b.numbers.map((n) => `#${n}`).join(" → ")}</p>
              <p className="text-gray-300">
                {b.orderIds.length} stop{b.orderIds.length === 1 ? "" : "s"}
                {b.totalMeters > 0 && ` · ${km(b.totalMeters)} · about ${b.etaMinutes.at(-1) ?? 0} min`}
              </p>
              <p className="text-lg">
                Driver:{" "}
                <span className="font-bold" data-testid="dispatch-suggested-driver">
                  {b.driverName ?? "nobody on duty"}
                </span>
              </p>
              <button
                type="button"
                disabled={busy || !b.driverId}
                onClick={() => b.driverId && doAssign(b.orderIds, b.driverId)}
                className="min-h-14 w-full rounded-lg bg-amber-400 text-xl font-black text-black disabled:bg-gray-600 disabled:text-gray-300"
                data-testid="dispatch-assign"
              >
                Assign{b.driverName ? ` to ${b.driverName}` : ""}
              </button>
            </li>
          ))}
        </ul>
      </Column>

      <Column title={`Drivers on duty (${data.drivers.length})`} testId="dispatch-drivers">
        {data.drivers.length === 0 && <Empty>No driver on duty.</Empty>}
        <ul className="space-y-2">
          {data.drivers.map((d) => (
            <li
              key={d.driverId}
              className="rounded-xl border border-gray-700 p-3"
              data-testid={`dispatch-driver-${d.name}`}
            >
              <p className="text-2xl font-bold">{d.name}</p>
              <p className="text-gray-300">On duty since {clock(d.onDutySince)}</p>
              <p className="text-lg">
                <span className="font-bold" data-testid="dispatch-driver-load">
                  {d.load}
                </span>{" "}
                active order{d.load === 1 ? "" : "s"} · position{" "}
                {age(d.lastPositionAt ? Math.max(0, Math.round((now - Date.parse(d.lastPositionAt)) / 1000)) : null)}
              </p>
            </li>
          ))}
        </ul>
      </Column>

      <Column title={`Routes (${data.routes.length})`} testId="dispatch-routes">
        {data.routes.length === 0 && <Empty>No route under way.</Empty>}
        <ul className="space-y-3">
          {data.routes.map((r) => (
            <li
              key={r.id}
              className="rounded-xl border border-gray-700 p-3"
              data-testid={`dispatch-route-${r.driverName}`}
            >
              <p className="flex items-center justify-between text-xl font-bold">
                {r.driverName}
                <span className={`rounded px-2 text-sm ${r.status === "OUT" ? "bg-blue-600" : "bg-gray-700"}`}>
                  {r.status === "OUT" ? "Out" : "Waiting to leave"}
                </span>
              </p>
              <ol className="mt-2 space-y-1">
                {r.stops.map((s) => (
                  <li key={s.orderId} className="flex items-center justify-between gap-2">
                    <span>
                      {s.seq}. #{s.number} {s.firstName} {s.area ? `· ${s.area}` : ""}{" "}
                      <span className="text-gray-400">{statusText(s.status)}</span>
                    </span>
                    {r.status === "PLANNED" && (
                      <button
                        type="button"
                        disabled={busy}
                        onClick={() =>
                          unassign.mutate(s.orderId, onDone(`Took #${s.number} off ${r.driverName}'s route`))
                        }
                        className="min-h-11 rounded-lg border border-gray-500 px-3 text-sm font-bold hover:bg-gray-800"
                        aria-label={`Unassign order ${s.number}`}
                        data-testid={`dispatch-unassign-${s.number}`}
                      >
                        Unassign
                      </button>
                    )}
                  </li>
                ))}
              </ol>
            </li>
          ))}
        </ul>
      </Column>
    </main>
  );
}

function statusText(status: string): string {
  return (
    { IN_KITCHEN: "cooking", READY: "ready", OUT_FOR_DELIVERY: "on the way", DELIVERED: "delivered", FAILED: "failed" }[
      status
    ] ?? status.toLowerCase()
  );
}

function Column({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <section aria-label={title} className="flex min-h-0 flex-col rounded-2xl bg-gray-950 p-3" data-testid={testId}>
      <h2 className="mb-3 text-2xl font-black">{title}</h2>
      <div className="min-h-0 flex-1 overflow-y-auto">{children}</div>
    </section>
  );
}

function Empty({ children }: { children: ReactNode }) {
  return <p className="rounded-lg border border-dashed border-gray-700 p-4 text-lg text-gray-400">{children}</p>;
}

function OrderCard({
  order: o,
  now,
  checked,
  onToggle,
  clock,
}: {
  clock: (iso: string) => string;
  order: BoardOrder;
  now: number;
  checked: boolean;
  onToggle: () => void;
}) {
  const late = lateness(o.promisedAt, now);
  return (
    <li
      className={`rounded-xl border-2 p-3 ${o.status === "READY" ? "border-green-500" : "border-gray-700"}`}
      data-testid={`dispatch-order-${o.number}`}
    >
      <label className="flex min-h-11 cursor-pointer items-start gap-3">
        <input
          type="checkbox"
          className="mt-1 h-6 w-6"
          checked={checked}
          onChange={onToggle}
          aria-label={`Select order ${o.number}`}
        />
        <span className="flex-1">
          <span className="flex items-center justify-between gap-2">
            <span className="text-2xl font-black">#{o.number}</span>
            <span className={`rounded px-2 py-0.5 font-bold ${late.cls}`} title={`Promised ${clock(o.promisedAt)}`}>
              {clock(o.promisedAt)} · {late.text}
            </span>
          </span>
          <span className="block text-lg">
            {o.firstName || "Guest"} · {o.area?.name ?? "no area"} · {o.itemCount} item{o.itemCount === 1 ? "" : "s"}
          </span>
          <span className="block text-gray-300">{o.status === "READY" ? "Ready" : "Cooking"}</span>
        </span>
      </label>
    </li>
  );
}
