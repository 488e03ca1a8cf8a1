"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import type { ActionResult } from "@/lib/http/action";
import { isEditable } from "@/lib/reservations/reservation-state";
import {
  completeReservationAction,
  confirmReservationAction,
  markReservationArrivedAction,
  markReservationNoShowAction,
  seatReservationAction,
} from "../../reservations-actions";
import { STATUS_TEXT, timeIn, type HostReservation } from "./host-data";
import { useHostSelection } from "./host-selection";

export type Notice = { tone: "ok" | "error"; text: string };

const STATUS_TONE = {
  BOOKED: "blue",
  CONFIRMED: "blue",
  ARRIVED: "amber",
  SEATED: "green",
  COMPLETED: "gray",
  CANCELLED: "red",
  NO_SHOW: "red",
} as const;

const TAG_TEXT: Record<string, string> = {
  BIRTHDAY: "Birthday",
  ANNIVERSARY: "Anniversary",
  VIP: "VIP",
  ALLERGY: "⚠ Allergy",
  REGULAR: "Regular",
  BUSINESS: "Business",
  ACCESSIBILITY: "Accessibility",
  HIGH_CHAIR: "High chair",
};
export const tagText = (tag: string) => TAG_TEXT[tag] ?? tag;

function visitText(count: number): string {
  if (count === 0) return "First visit";
  return `${count} visit${count === 1 ? "" : "s"}`;
}

const ACTION_BUTTON =
  "inline-flex min-h-11 items-center justify-center rounded-lg px-3 text-sm font-semibold disabled:cursor-not-allowed disabled:opacity-60";

/**
 * One booking as the host reads it — time, party, guest history, tables, tags, notes — and the
 * steps its status allows. "Seat" hands the party to the floor plan, which seats it with one tap.
 */
export function ReservationCard({
  reservation: r,
  timezone,
  canManage,
  now,
  onNotice,
  onEdit,
  onCancel,
  onSeatChosen,
}: {
  reservation: HostReservation;
  timezone: string;
  canManage: boolean;
  now: number;
  onNotice: (notice: Notice) => void;
  onEdit: (r: HostReservation) => void;
  onCancel: (r: HostReservation) => void;
  /** After "Seat": the floor plan takes over (the timeline switches back to it). */
  onSeatChosen?: () => void;
}) {
  const qc = useQueryClient();
  const { party, select } = useHostSelection();
  const [busy, setBusy] = useState(false);
  const selected = party?.kind === "reservation" && party.id === r.id;
  const time = timeIn(r.startsAt, timezone);
  const label = `${time} ${r.guest.name}, ${r.partySize}`;

  async function run(step: () => Promise<ActionResult<unknown>>, done: string) {
    setBusy(true);
    try {
      const res = await step();
      onNotice(res.ok ? { tone: "ok", text: done } : { tone: "error", text: res.error });
    } catch {
      onNotice({ tone: "error", text: "Couldn't reach the server. Try again." });
    } finally {
      setBusy(false);
      void qc.invalidateQueries();
    }
  }

  function chooseSeat() {
    if (selected) return select(null);
    select({
      kind: "reservation",
      id: r.id,
      name: r.guest.name,
      partySize: r.partySize,
      seat: async (tableIds) => {
        // The floor plan's choice: the booking moves to these tables (several are pushed together).
        const res = await seatReservationAction({ id: r.id, tableIds });
        void qc.invalidateQueries();
        if (!res.ok) throw new Error(res.error);
        select(null);
        onNotice({ tone: "ok", text: `Seated ${r.guest.name}, ${r.partySize}` });
      },
    });
    onSeatChosen?.();
  }

  const late = now >= new Date(r.startsAt).getTime();
  const canNoShow = late && (r.status === "BOOKED" || r.status === "CONFIRMED");
  const tables = r.tables.map((t) => t.label).join(" + ");
  return (
    <article
      data-testid="reservation"
      data-name={r.guest.name}
      data-status={r.status}
      aria-label={label}
      className={`rounded-xl border-2 bg-white p-3 shadow-sm ${selected ? "border-blue-600 ring-2 ring-blue-300" : "border-transparent"}`}
    >
      <div className="flex items-start gap-3">
        <p className="w-14 shrink-0 text-lg font-black tabular-nums">{time}</p>
        <div className="min-w-0 flex-1">
          <div className="flex items-center justify-between gap-2">
            <h3 className="min-w-0 truncate text-base font-bold">
              {r.guest.name} <span className="font-semibold text-gray-700">· {r.partySize}</span>
            </h3>
            <Badge tone={STATUS_TONE[r.status]}>{STATUS_TEXT[r.status]}</Badge>
          </div>
          <p className="text-sm text-gray-700">
            {tables ? `Table ${tables}` : "No table"} · {visitText(r.guest.visitCount)}
            {r.guest.noShowCount > 0 && (
              <span className="font-semibold text-red-700"> · {r.guest.noShowCount} no-show</span>
            )}
          </p>
          {r.tags.length > 0 && (
            <ul className="mt-1 flex flex-wrap gap-1" aria-label="Tags">
              {r.tags.map((t) => (
                <li key={t}>
                  <Badge tone={t === "ALLERGY" ? "red" : t === "VIP" ? "amber" : "gray"}>{tagText(t)}</Badge>
                </li>
              ))}
            </ul>
          )}
          {r.allergyNotes && <p className="mt-1 text-sm font-semibold text-red-800">⚠ {r.allergyNotes}</p>}
          {r.notes && <p className="mt-1 text-sm text-gray-700">{r.notes}</p>}
        </div>
      </div>
      {canManage && (
        <div className="mt-2 flex flex-wrap gap-1.5" role="group" aria-label={`Actions for ${r.guest.name}`}>
          {isEditable(r.status) && (
            <button
              type="button"
              disabled={busy}
              aria-pressed={selected}
              onClick={chooseSeat}
              className={`${ACTION_BUTTON} ${selected ? "bg-blue-700 text-white" : "bg-gray-900 text-white"}`}
            >
              {selected ? "Choosing table…" : "Seat"}
            </button>
          )}
          {r.status === "BOOKED" && (
            <button
              type="button"
              disabled={busy}
              onClick={() => run(() => confirmReservationAction({ id: r.id }), `Confirmed ${r.guest.name}`)}
              className={`${ACTION_BUTTON} border border-gray-300 bg-white`}
            >
              Confirm
            </button>
          )}
          {(r.status === "BOOKED" || r.status === "CONFIRMED") && (
            <button
              type="button"
              disabled={busy}
              onClick={() => run(() => markReservationArrivedAction({ id: r.id }), `${r.guest.name} arrived`)}
              className={`${ACTION_BUTTON} border border-gray-300 bg-white`}
            >
              Arrived
            </button>
          )}
          {r.status === "SEATED" && (
            <button
              type="button"
              disabled={busy}
              onClick={() => run(() => completeReservationAction({ id: r.id }), `${r.guest.name} finished`)}
              className={`${ACTION_BUTTON} border border-gray-300 bg-white`}
            >
              Finished
            </button>
          )}
          {isEditable(r.status) && (
            <button
              type="button"
              disabled={busy}
              onClick={() => onEdit(r)}
              className={`${ACTION_BUTTON} border border-gray-300 bg-white`}
            >
              Edit
            </button>
          )}
          {canNoShow && (
            <button
              type="button"
              disabled={busy}
              onClick={() => run(() => markReservationNoShowAction({ id: r.id }), `${r.guest.name}: no-show`)}
              className={`${ACTION_BUTTON} border border-gray-300 bg-white`}
            >
              No-show
            </button>
          )}
          {isEditable(r.status) && (
            <button
              type="button"
              disabled={busy}
              onClick={() => onCancel(r)}
              className={`${ACTION_BUTTON} text-red-700 hover:bg-red-50`}
            >
              Cancel…
            </button>
          )}
        </div>
      )}
    </article>
  );
}
