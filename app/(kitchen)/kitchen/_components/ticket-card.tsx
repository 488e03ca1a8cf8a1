"use client";

import type { StationSnapshot } from "@/lib/kitchen/get-station-snapshot";
import { formatElapsed, urgency } from "@/lib/kitchen/ticket-timer";
import type { Jsonify } from "./types";

export type TicketView = Jsonify<StationSnapshot["tickets"][number]>;

const HEADER: Record<string, string> = {
  ok: "bg-gray-800 text-white",
  warn: "bg-amber-400 text-black",
  late: "bg-red-600 text-white",
};
const COURSE: Record<string, string> = { DRINKS: "Drinks", STARTERS: "Starters", MAINS: "Mains", DESSERTS: "Desserts" };

type Props = {
  ticket: TicketView;
  index: number;
  selected: boolean;
  expo: boolean;
  now: number;
  thresholds: { warnMinutes: number; lateMinutes: number };
  pending: boolean;
  onSelect: () => void;
  onBumpItem: (itemId: string) => void;
  onBumpTicket: () => void;
  onReady: () => void;
};

/** One ticket, readable from across the kitchen: big type, colour by age, allergy banner on top. */
export function TicketCard({ ticket, index, selected, expo, now, thresholds, pending, onSelect, onBumpItem, onBumpTicket, onReady }: Props) {
  const elapsed = now - Date.parse(ticket.firedAt);
  const band = urgency(elapsed, thresholds);
  const courses = [...new Set(ticket.items.map((i) => COURSE[i.course] ?? i.course))].join(" · ");
  return (
    <article
      data-testid="kds-ticket"
      data-ticket={ticket.key}
      data-urgency={band}
      aria-label={`Ticket ${index + 1}: table ${ticket.tableLabel ?? "counter"}, order ${ticket.orderNumber}`}
      aria-current={selected ? "true" : undefined}
      onClick={onSelect}
      className={`flex flex-col overflow-hidden rounded-2xl border-4 bg-gray-950 ${selected ? "border-sky-400" : "border-gray-700"} ${ticket.allVoided ? "opacity-90" : ""}`}
    >
      <header className={`flex items-start justify-between gap-2 px-4 py-2 ${HEADER[band]}`}>
        <div>
          <p className="text-4xl font-black leading-none">
            {index < 9 && <span className="mr-2 rounded bg-black/30 px-2 text-2xl align-middle">{index + 1}</span>}
            {ticket.tableLabel ? `T${ticket.tableLabel}` : "Counter"}
          </p>
          <p className="mt-1 text-lg font-semibold">
            #{ticket.orderNumber}
            {ticket.fireBatch > 1 ? ` · fire ${ticket.fireBatch}` : ""} · {ticket.serverName ?? "—"}
          </p>
        </div>
        <div className="text-right">
          <p className="font-mono text-4xl font-black tabular-nums" data-testid="ticket-timer">
            {formatElapsed(elapsed)}
          </p>
          <p className="text-base font-semibold">{courses}</p>
        </div>
      </header>

      {ticket.allergyNotes.length > 0 && (
        <div role="alert" data-testid="allergy-banner" className="bg-[repeating-linear-gradient(45deg,#dc2626_0_14px,#991b1b_14px_28px)] px-4 py-2 text-2xl font-black uppercase text-white">
          ⚠ Allergy
          {ticket.allergyNotes.map((n) => (
            <p key={n} className="text-xl normal-case">
              {n}
            </p>
          ))}
        </div>
      )}
      {ticket.allVoided && <p className="bg-red-700 px-4 py-2 text-2xl font-black text-white">VOIDED — tap Bump to clear</p>}

      <ul className="flex-1 divide-y divide-gray-800">
        {ticket.items.map((item) => {
          const voided = item.status === "VOIDED";
          const bumped = item.bumpedAt != null;
          return (
            <li key={item.id}>
              <button
                type="button"
                data-testid="kds-item"
                data-status={item.status}
                disabled={pending || (expo && (bumped || voided))}
                onClick={(e) => {
                  e.stopPropagation();
                  onBumpItem(item.id);
                }}
                className={`w-full px-4 py-2 text-left disabled:cursor-default ${voided ? "bg-red-950" : ""}`}
              >
                <p className={`text-2xl font-bold leading-tight ${voided ? "text-red-300 line-through" : bumped ? "text-gray-500" : ""}`}>
                  {expo && bumped && !voided && <span className="mr-1 text-green-400">✓</span>}
                  {item.quantity}× {item.name}
                  {item.seat ? <span className="ml-2 text-lg font-semibold text-sky-300">S{item.seat}</span> : null}
                  {expo && item.stationName ? <span className="ml-2 text-base font-semibold text-gray-400">{item.stationName}</span> : null}
                </p>
                {voided && <p className="text-lg font-black text-red-400">VOID{item.voidReason ? ` — ${item.voidReason}` : ""}</p>}
                {item.modifiers.map((m) => (
                  <p key={m} className="pl-6 text-xl text-gray-200">
                    + {m}
                  </p>
                ))}
                {item.notes && <p className="pl-6 text-xl font-semibold text-yellow-300">» {item.notes}</p>}
              </button>
            </li>
          );
        })}
      </ul>
      {ticket.allergens.length > 0 && (
        <p className="px-4 pb-1 text-sm font-semibold uppercase tracking-wide text-amber-300">Contains: {ticket.allergens.join(" · ").replaceAll("_", " ").toLowerCase()}</p>
      )}

      {expo ? (
        <button
          type="button"
          data-testid="ticket-ready"
          disabled={pending || !ticket.allBumped}
          onClick={(e) => {
            e.stopPropagation();
            onReady();
          }}
          className="m-2 min-h-16 rounded-xl bg-green-600 text-2xl font-black text-white disabled:bg-gray-800 disabled:text-gray-500"
        >
          {ticket.allBumped ? "READY" : `Waiting: ${ticket.items.filter((i) => i.status === "SENT" && !i.bumpedAt).length}`}
        </button>
      ) : (
        <button
          type="button"
          data-testid="ticket-bump"
          disabled={pending}
          onClick={(e) => {
            e.stopPropagation();
            onBumpTicket();
          }}
          className="m-2 min-h-16 rounded-xl bg-sky-600 text-2xl font-black text-white disabled:bg-gray-700"
        >
          BUMP
        </button>
      )}
    </article>
  );
}
