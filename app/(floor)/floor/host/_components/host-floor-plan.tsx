"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { GuestPhoneBadge } from "@/components/guest-phone-badge";
import { HOST_STATES, type HostState } from "@/lib/host/host-state";
import type { ActionResult } from "@/lib/http/action";
import { MAX_GUESTS } from "@/lib/orders/schemas";
import { areAdjacent } from "@/lib/reservations/slot-math";
import { checkSeating, suggestSeating, type SeatingTable } from "@/lib/tables/seating-suggestion";
import {
  getHostFloorAction,
  markClearedAction,
  mergeTablesAction,
  movePartyAction,
  partTablesAction,
  setPartyGuestsAction,
} from "../../host-actions";
import { useHostSelection } from "./host-selection";

type Floor = Extract<Awaited<ReturnType<typeof getHostFloorAction>>, { ok: true }>["data"];
type Table = Floor["areas"][number]["tables"][number];

/** Colours of the host's states (border + fill of the tile, dot of the legend). */
const STATE: Record<HostState, { label: string; tile: string; dot: string }> = {
  FREE: { label: "Free", tile: "border-gray-300 bg-white", dot: "bg-gray-300" },
  RESERVED_SOON: { label: "Reserved soon", tile: "border-purple-600 bg-purple-50", dot: "bg-purple-600" },
  SEATED: { label: "Seated", tile: "border-blue-500 bg-blue-50", dot: "bg-blue-500" },
  ORDERED: { label: "Ordered", tile: "border-amber-500 bg-amber-50", dot: "bg-amber-500" },
  FOOD_READY: { label: "Food ready", tile: "border-green-700 bg-green-100", dot: "bg-green-600" },
  CHECK_PAID: { label: "Check paid", tile: "border-teal-700 bg-teal-50", dot: "bg-teal-600" },
  NEEDS_BUSSING: { label: "Needs bussing", tile: "border-dashed border-gray-600 bg-gray-200", dot: "bg-gray-600" },
};

const byLabel = (a: { label: string }, b: { label: string }) =>
  a.label.localeCompare(b.label, undefined, { numeric: true });

async function load(): Promise<Floor> {
  const res = await getHostFloorAction({});
  if (!res.ok) throw new Error(res.error);
  return res.data;
}

/** An action's refusal as one line (its field error when it has one). */
function refusal(res: ActionResult<unknown>): string | null {
  if (res.ok) return null;
  return Object.values(res.fieldErrors ?? {})[0]?.[0] ?? res.error;
}

function clock(iso: string, timeZone: string) {
  return new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone }).format(
    new Date(iso),
  );
}

type Mode = { kind: "idle" } | { kind: "move"; from: Table } | { kind: "sheet"; table: Table };

/**
 * The host stand's live floor plan: every area's tables where they stand, coloured by the host's
 * state, with minutes seated, the next booking and tables pushed together drawn as one. With a
 * party selected (useHostSelection) the best place to seat it is highlighted and one tap seats
 * it; the host may tap other free tables instead (several are pushed together). Without one, a
 * tap opens the table's sheet: join a neighbour, part, move the party, guests, cleared.
 */
export function HostFloorPlan() {
  const qc = useQueryClient();
  const { party, select } = useHostSelection();
  const { data, isError, isPending, refetch, isFetching, error } = useQuery({
    queryKey: ["host-floor"],
    queryFn: load,
    // Minutes seated and "reserved soon" move with the clock; realtime covers the rest.
    refetchInterval: 30_000,
  });
  const [picked, setPicked] = useState<string[]>([]);
  const [mode, setMode] = useState<Mode>({ kind: "idle" });
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; tone: "error" | "info"; force?: () => void } | null>(null);

  // A new party (or none) starts from the suggestion again.
  const partyKey = party ? `${party.kind}:${party.id}` : null;
  const [seenParty, setSeenParty] = useState(partyKey);
  if (seenParty !== partyKey) {
    setSeenParty(partyKey);
    setPicked([]);
    setMessage(null);
    if (partyKey) setMode({ kind: "idle" });
  }

  const tables = useMemo(() => data?.areas.flatMap((a) => a.tables) ?? [], [data]);
  const seating = useMemo(() => {
    if (!data) return null;
    const seatable: SeatingTable[] = tables;
    const bookings = data.bookings.map((b) => ({
      reservationId: b.reservationId,
      partySize: b.partySize,
      tableIds: b.tableIds,
      startsAt: new Date(b.startsAt),
      endsAt: new Date(b.endsAt),
    }));
    return { seatable, bookings, now: new Date(data.now), durations: data.durations };
  }, [data, tables]);

  const suggestions = useMemo(
    () =>
      party && seating
        ? suggestSeating({
            tables: seating.seatable,
            bookings: seating.bookings,
            partySize: party.partySize,
            now: seating.now,
            durations: seating.durations,
            reservationId: party.kind === "reservation" ? party.id : undefined,
          })
        : [],
    [party, seating],
  );
  const chosen = picked.length ? picked : (suggestions[0]?.tableIds ?? []);
  const check =
    party && seating && chosen.length
      ? checkSeating({
          tables: seating.seatable,
          bookings: seating.bookings,
          partySize: party.partySize,
          now: seating.now,
          durations: seating.durations,
          reservationId: party.kind === "reservation" ? party.id : undefined,
          tableIds: chosen,
        })
      : null;

  const refresh = () => qc.invalidateQueries({ queryKey: ["host-floor"] });
  async function run(work: () => Promise<ActionResult<unknown>>, after?: () => void) {
    setBusy(true);
    setMessage(null);
    try {
      const res = await work();
      const why = refusal(res);
      if (why) setMessage({ text: why, tone: "error" });
      else after?.();
      return res;
    } catch {
      setMessage({ text: "Couldn't reach the server. Try again.", tone: "error" });
      return null;
    } finally {
      setBusy(false);
      void refresh();
    }
  }

  async function seat() {
    if (!party || !chosen.length) return;
    setBusy(true);
    setMessage(null);
    try {
      await party.seat([...chosen]);
      select(null);
    } catch (e) {
      setMessage({ text: e instanceof Error ? e.message : "Could not seat the party", tone: "error" });
    } finally {
      setBusy(false);
      void refresh();
    }
  }

  async function move(force = false) {
    if (mode.kind !== "move" || !picked.length) return;
    const from = mode.from;
    const res = await run(
      () => movePartyAction({ fromTableId: from.id, toTableIds: picked, force }),
      () => {
        setMode({ kind: "idle" });
        setPicked([]);
      },
    );
    if (res && !res.ok && res.details?.canForce)
      setMessage({ text: refusal(res)!, tone: "error", force: () => void move(true) });
  }

  function tap(t: Table) {
    if (party || mode.kind === "move") {
      if (!t.free) {
        setMessage({ text: `Table ${t.label} is not free`, tone: "info" });
        return;
      }
      setMessage(null);
      setPicked((p) => (p.includes(t.id) ? p.filter((id) => id !== t.id) : [...p, t.id]));
      return;
    }
    setMessage(null);
    setMode({ kind: "sheet", table: t });
  }

  if (isPending)
    return (
      <div data-testid="host-floor-plan" aria-busy="true" className="rounded-xl bg-white p-6 text-gray-600">
        Loading the floor…
      </div>
    );
  if (isError && !data)
    return (
      <div data-testid="host-floor-plan" role="alert" className="space-y-3 rounded-xl bg-red-50 p-6 text-red-800">
        <p className="font-semibold">Couldn&apos;t load the floor: {error.message}</p>
        <Button variant="secondary" onClick={() => void refetch()}>
          Retry
        </Button>
      </div>
    );
  if (!data.areas.length)
    return (
      <div data-testid="host-floor-plan">
        <EmptyState title="No floor plan yet">A manager can add areas and tables.</EmptyState>
      </div>
    );

  const labelsOf = (ids: string[]) =>
    ids
      .map((id) => tables.find((t) => t.id === id))
      .filter((t): t is Table => !!t)
      .sort(byLabel)
      .map((t) => t.label)
      .join("+");
  const counts = tables.reduce<Partial<Record<HostState, number>>>(
    (acc, t) => ({ ...acc, [t.state]: (acc[t.state] ?? 0) + 1 }),
    {},
  );
  const highlighted = new Set(party || mode.kind === "move" ? (mode.kind === "move" ? picked : chosen) : []);

  return (
    <div data-testid="host-floor-plan" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <ul className="flex flex-wrap gap-x-3 gap-y-1 text-sm" aria-label="Table states">
          {HOST_STATES.map((key) => (
            <li key={key} className="flex items-center gap-1.5">
              <span aria-hidden className={`h-3 w-3 rounded-full ${STATE[key].dot}`} />
              {STATE[key].label} <span className="font-semibold">{counts[key] ?? 0}</span>
            </li>
          ))}
        </ul>
        <div className="flex items-center gap-2">
          {isError && (
            <button
              type="button"
              onClick={() => void refetch()}
              className="min-h-11 rounded-lg bg-red-100 px-3 text-sm font-semibold text-red-800"
            >
              Couldn&apos;t refresh — retry
            </button>
          )}
          {isFetching && <span className="text-sm text-gray-600">Updating…</span>}
        </div>
      </div>

      {party ? (
        <div
          data-testid="host-seat-banner"
          role="region"
          aria-label="Seat the selected party"
          className="flex flex-wrap items-center gap-3 rounded-xl bg-gray-900 p-3 text-white"
        >
          <div className="min-w-0 flex-1">
            <p className="text-lg font-bold">
              {chosen.length ? (
                <>
                  Seat {party.name} ({party.partySize}) at {labelsOf(chosen)}
                </>
              ) : (
                <>
                  No free table fits {party.name} ({party.partySize}) now — tap tables to choose
                </>
              )}
            </p>
            <p className="text-sm text-gray-200">
              {picked.length
                ? "Your choice. Tap tables to add or remove them."
                : suggestions[0]
                  ? `Suggested: ${suggestions[0].reasons.join(" · ")}. Tap other free tables to choose.`
                  : ""}
              {check?.problems.map((p) => ` ${p}.`)}
              {check?.warnings.map((w) => ` Note: ${w}.`)}
            </p>
          </div>
          {picked.length > 0 && (
            <Button variant="secondary" onClick={() => setPicked([])} disabled={busy}>
              Back to suggestion
            </Button>
          )}
          <Button variant="secondary" onClick={() => select(null)} disabled={busy}>
            Cancel
          </Button>
          <Button
            data-testid="host-seat"
            className="bg-white !text-gray-900 hover:bg-gray-100 disabled:!bg-gray-500 disabled:!text-gray-100"
            disabled={busy || !chosen.length || !check?.ok}
            onClick={() => void seat()}
          >
            {busy ? "Seating…" : "Seat"}
          </Button>
        </div>
      ) : mode.kind === "move" ? (
        <div
          data-testid="host-move-banner"
          role="region"
          aria-label="Move a party"
          className="flex flex-wrap items-center gap-3 rounded-xl bg-blue-900 p-3 text-white"
        >
          <p className="min-w-0 flex-1 text-lg font-bold">
            Move the party at {mode.from.group?.labels.join("+") ?? mode.from.label}
            {mode.from.order ? ` (${mode.from.order.guestCount})` : ""} to{" "}
            {picked.length ? labelsOf(picked) : "… tap free tables"}
          </p>
          <Button
            variant="secondary"
            onClick={() => {
              setMode({ kind: "idle" });
              setPicked([]);
            }}
            disabled={busy}
          >
            Cancel
          </Button>
          <Button
            data-testid="host-move-confirm"
            className="bg-white !text-gray-900 hover:bg-gray-100 disabled:!bg-gray-500 disabled:!text-gray-100"
            disabled={busy || !picked.length}
            onClick={() => void move()}
          >
            {busy ? "Moving…" : "Move here"}
          </Button>
        </div>
      ) : null}

      {message && (
        <div
          role={message.tone === "error" ? "alert" : "status"}
          data-testid="host-floor-message"
          className={`flex flex-wrap items-center gap-3 rounded-lg px-3 py-2 font-semibold ${message.tone === "error" ? "bg-red-50 text-red-800" : "bg-blue-50 text-blue-900"}`}
        >
          <span className="flex-1">{message.text}</span>
          {message.force && (
            <Button variant="danger" onClick={message.force} disabled={busy}>
              Move anyway
            </Button>
          )}
        </div>
      )}

      {data.areas.map((area) => (
        <section key={area.id} aria-labelledby={`host-area-${area.id}`}>
          <h2 id={`host-area-${area.id}`} className="mb-2 text-lg font-bold">
            {area.name}
          </h2>
          {area.tables.length === 0 ? (
            <EmptyState title="No tables in this area" />
          ) : (
            <Room
              tables={area.tables}
              timezone={data.timezone}
              highlighted={highlighted}
              onTap={tap}
              selecting={!!party || mode.kind === "move"}
            />
          )}
        </section>
      ))}

      {mode.kind === "sheet" && (
        <TableSheet
          table={tables.find((t) => t.id === mode.table.id) ?? mode.table}
          tables={tables}
          timezone={data.timezone}
          busy={busy}
          message={message?.text ?? null}
          onClose={() => {
            setMode({ kind: "idle" });
            setMessage(null);
          }}
          onMerge={(primaryId, tableId) => void run(() => mergeTablesAction({ primaryId, tableIds: [tableId] }))}
          onPart={(tableId) =>
            void run(
              () => partTablesAction({ tableId }),
              () => setMode({ kind: "idle" }),
            )
          }
          onMove={(t) => {
            setPicked([]);
            setMode({ kind: "move", from: t });
          }}
          onGuests={(orderId, guestCount) => run(() => setPartyGuestsAction({ orderId, guestCount }))}
          onCleared={(tableId) =>
            void run(
              () => markClearedAction({ tableId }),
              () => setMode({ kind: "idle" }),
            )
          }
        />
      )}
    </div>
  );
}

/** Cells shown across/down: the room's furthest table, with a floor so small rooms stay readable. */
function roomSize(tables: Table[]) {
  return {
    cols: Math.max(8, ...tables.map((t) => t.posX + t.width)),
    rows: Math.max(4, ...tables.map((t) => t.posY + t.height)),
  };
}

/** One area as placed (like the servers' floor view); a group gets one outline around all its tables. */
function Room({
  tables,
  timezone,
  highlighted,
  onTap,
  selecting,
}: {
  tables: Table[];
  timezone: string;
  highlighted: Set<string>;
  onTap: (t: Table) => void;
  selecting: boolean;
}) {
  const { cols, rows } = roomSize(tables);
  const box = (x: number, y: number, w: number, h: number) => ({
    left: `${(x / cols) * 100}%`,
    top: `${(y / rows) * 100}%`,
    width: `${(w / cols) * 100}%`,
    height: `${(h / rows) * 100}%`,
  });
  const groups = new Map<string, Table[]>();
  for (const t of tables) if (t.group) groups.set(t.group.primaryId, [...(groups.get(t.group.primaryId) ?? []), t]);
  return (
    <div className="overflow-x-auto rounded-xl border border-gray-200 bg-white/60 p-2">
      {/* 56 px a cell at least: a two-top keeps its label, state and minutes; a phone scrolls sideways. */}
      <div className="relative" style={{ aspectRatio: `${cols} / ${rows}`, minWidth: `${cols * 56}px` }}>
        {[...groups.entries()].map(([primaryId, members]) => {
          const x = Math.min(...members.map((m) => m.posX));
          const y = Math.min(...members.map((m) => m.posY));
          const w = Math.max(...members.map((m) => m.posX + m.width)) - x;
          const h = Math.max(...members.map((m) => m.posY + m.height)) - y;
          return (
            <div
              key={primaryId}
              aria-hidden
              data-testid="host-group-outline"
              className="absolute rounded-2xl border-4 border-violet-600 bg-violet-100/60"
              style={box(x, y, w, h)}
            />
          );
        })}
        <ul className="absolute inset-0" aria-label="Tables as placed in the room">
          {tables.map((t) => {
            const s = STATE[t.state];
            const lit = highlighted.has(t.id);
            const soon = t.state === "RESERVED_SOON" && t.nextBooking;
            return (
              <li key={t.id} className="absolute p-1" style={box(t.posX, t.posY, t.width, t.height)}>
                <button
                  type="button"
                  onClick={() => onTap(t)}
                  data-testid="host-table"
                  data-label={t.label}
                  data-state={t.state}
                  data-group={t.group?.labels.join("+")}
                  data-highlighted={lit || undefined}
                  aria-pressed={selecting ? lit : undefined}
                  aria-label={`Table ${t.label}, ${s.label}${t.group ? `, joined ${t.group.labels.join("+")}` : ""}${
                    t.order ? `, ${t.order.guestCount} guests, seated ${t.order.seatedMinutes} min` : ""
                  }${t.guestOrdering ? ", guests ordering by phone" : ""}${t.nextBooking ? `, next booking ${clock(t.nextBooking.startsAt, timezone)} ${t.nextBooking.name}` : ""}`}
                  className="relative flex h-full w-full flex-col items-center justify-center overflow-hidden text-center transition active:scale-[0.98]"
                >
                  <span
                    aria-hidden
                    // The pick is drawn inside the tile (a ring would be clipped by the tile's bounds).
                    className={`absolute inset-0 shadow-sm ${lit ? "border-[6px] border-gray-900 bg-amber-100" : `border-2 ${s.tile}`} ${t.shape === "ROUND" ? "rounded-full" : "rounded-xl"}`}
                    style={{ transform: t.rotation ? `rotate(${t.rotation}deg)` : undefined }}
                  />
                  {t.guestOrdering && <GuestPhoneBadge />}
                  <span className="relative text-xl font-black leading-none">{t.label}</span>
                  <span className="relative text-xs font-bold leading-tight">{lit ? "✓ Chosen" : s.label}</span>
                  {t.order ? (
                    <span className="relative text-xs leading-tight text-gray-800">
                      {t.order.guestCount}p · {t.order.seatedMinutes}m
                    </span>
                  ) : soon ? (
                    <span className="relative text-xs leading-tight text-purple-900">
                      {clock(t.nextBooking!.startsAt, timezone)} {t.nextBooking!.name.split(" ")[0]}
                    </span>
                  ) : (
                    <span className="relative text-xs leading-tight text-gray-700">{t.seats} seats</span>
                  )}
                </button>
              </li>
            );
          })}
        </ul>
      </div>
    </div>
  );
}

/** What the host can do with one table (a small dialog over the plan). */
function TableSheet({
  table,
  tables,
  timezone,
  busy,
  message,
  onClose,
  onMerge,
  onPart,
  onMove,
  onGuests,
  onCleared,
}: {
  table: Table;
  tables: Table[];
  timezone: string;
  busy: boolean;
  message: string | null;
  onClose: () => void;
  onMerge: (primaryId: string, tableId: string) => void;
  onPart: (tableId: string) => void;
  onMove: (t: Table) => void;
  onGuests: (orderId: string, guestCount: number) => Promise<unknown>;
  onCleared: (tableId: string) => void;
}) {
  const panel = useRef<HTMLDivElement>(null);
  const [guests, setGuests] = useState(table.order?.guestCount ?? 1);
  useEffect(() => {
    panel.current?.querySelector<HTMLElement>("button")?.focus();
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && onClose();
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onClose]);

  const primaryId = table.group?.primaryId ?? table.id;
  const members = tables.filter((t) => t.id === primaryId || t.group?.primaryId === primaryId);
  const neighbours =
    table.state === "NEEDS_BUSSING"
      ? []
      : tables
          .filter(
            (n) => n.free && !n.group && !members.some((m) => m.id === n.id) && members.some((m) => areAdjacent(m, n)),
          )
          .sort(byLabel);
  const name = table.group?.labels.join("+") ?? table.label;

  return (
    <div className="fixed inset-0 z-40 flex items-end justify-center bg-black/30 p-4 sm:items-center" onClick={onClose}>
      <div
        ref={panel}
        role="dialog"
        aria-modal="true"
        aria-labelledby="host-sheet-title"
        data-testid="host-sheet"
        onClick={(e) => e.stopPropagation()}
        className="w-full max-w-md space-y-4 rounded-2xl bg-white p-4 shadow-xl"
      >
        <div className="flex items-start justify-between gap-3">
          <div>
            <h2 id="host-sheet-title" className="text-xl font-black">
              Table {name}
            </h2>
            <p className="text-sm text-gray-700">
              {STATE[table.state].label}
              {table.order
                ? ` · ${table.order.partyName ?? "Walk-in"} · ${table.order.guestCount} guests · ${table.order.seatedMinutes} min${table.order.server ? ` · ${table.order.server}` : ""}`
                : ` · ${table.group?.labels.length ? members.reduce((n, m) => n + m.seats, 0) : table.seats} seats`}
            </p>
            {table.nextBooking && (
              <p className="text-sm text-gray-700">
                Next booking {clock(table.nextBooking.startsAt, timezone)} · {table.nextBooking.name} (
                {table.nextBooking.partySize})
              </p>
            )}
          </div>
          <Button variant="ghost" onClick={onClose} aria-label="Close">
            ✕
          </Button>
        </div>

        {message && (
          <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 font-semibold text-red-800">
            {message}
          </p>
        )}

        {neighbours.length > 0 && (
          <div className="space-y-2">
            <p className="text-sm font-bold text-gray-600">Push a neighbour against {name}</p>
            <div className="flex flex-wrap gap-2">
              {neighbours.map((n) => (
                <Button key={n.id} variant="secondary" disabled={busy} onClick={() => onMerge(primaryId, n.id)}>
                  Join {n.label} ({n.seats})
                </Button>
              ))}
            </div>
          </div>
        )}

        <div className="flex flex-wrap gap-2">
          {table.group && (
            <Button variant="secondary" disabled={busy} onClick={() => onPart(table.id)}>
              Part {name}
            </Button>
          )}
          {table.order && (
            <Button variant="secondary" disabled={busy} onClick={() => onMove(table)}>
              Move party to…
            </Button>
          )}
          {table.state === "NEEDS_BUSSING" && (
            <Button disabled={busy} onClick={() => onCleared(table.id)}>
              Mark cleared
            </Button>
          )}
        </div>

        {table.order && (
          <div className="flex items-center gap-2" role="group" aria-label="Guests at this table">
            <span className="text-sm font-bold text-gray-600">Guests</span>
            <button
              type="button"
              aria-label="One guest fewer"
              disabled={guests <= 1 || busy}
              onClick={() => setGuests((g) => g - 1)}
              className="min-h-11 min-w-11 rounded-lg border-2 border-gray-300 text-xl font-black disabled:text-gray-400"
            >
              −
            </button>
            <output aria-live="polite" className="min-w-8 text-center text-2xl font-black">
              {guests}
            </output>
            <button
              type="button"
              aria-label="One guest more"
              disabled={guests >= MAX_GUESTS || busy}
              onClick={() => setGuests((g) => g + 1)}
              className="min-h-11 min-w-11 rounded-lg border-2 border-gray-300 text-xl font-black disabled:text-gray-400"
            >
              +
            </button>
            <Button
              disabled={busy || guests === table.order.guestCount}
              onClick={() => void onGuests(table.order!.id, guests)}
            >
              Save guests
            </Button>
          </div>
        )}
        {!table.order && !table.group && neighbours.length === 0 && table.state !== "NEEDS_BUSSING" && (
          <p className="text-sm text-gray-600">Nothing to arrange here: no free neighbour to push against.</p>
        )}
      </div>
    </div>
  );
}
