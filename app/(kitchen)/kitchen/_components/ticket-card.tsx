"use client";

import type { StationSnapshot } from "@/lib/kitchen/get-station-snapshot";
import { courseSections } from "@/lib/kitchen/station-routing";
import { formatElapsed, ticketUrgency } from "@/lib/kitchen/ticket-timer";
import type { Jsonify } from "./types";

export type TicketView = Jsonify<StationSnapshot["tickets"][number]>;
type ItemView = TicketView["items"][number];

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
  /** Print the ticket's chit again (stations with a kitchen printer). */
  onReprint?: () => void;
};

/**
 * One ticket, readable from across the kitchen: big type, colour by age against each dish's own
 * target, allergy banner on top, lines in course sections.
 */
export function TicketCard({
  ticket,
  index,
  selected,
  expo,
  now,
  thresholds,
  pending,
  onSelect,
  onBumpItem,
  onBumpTicket,
  onReady,
  onReprint,
}: Props) {
  const elapsed = now - Date.parse(ticket.firedAt);
  const band = ticketUrgency(elapsed, ticket.items, thresholds);
  const sections = courseSections(ticket.items);
  const waiting =
    ticket.items.filter((i) => i.status === "SENT" && !i.bumpedAt).length +
    ticket.items.reduce(
      (n, i) => n + (i.status === "SENT" ? i.modifiers.filter((m) => m.stationName && !m.done).length : 0),
      0,
    );
  return (
    <article
      data-testid="kds-ticket"
      data-board-card
      data-ticket={ticket.key}
      data-urgency={band}
      aria-label={`Ticket ${index + 1}: table ${ticket.tableLabel ?? "counter"}, order ${ticket.orderNumber}`}
      aria-current={selected ? "true" : undefined}
      onClick={onSelect}
      className={`mb-4 flex break-inside-avoid flex-col overflow-hidden rounded-2xl border-4 bg-gray-950 ${selected ? "border-sky-400" : "border-gray-700"}`}
    >
      {/* Wraps rather than clips: on a narrow column the timer drops under the label, never cut off. */}
      <header className={`flex flex-wrap items-start justify-between gap-x-2 px-4 py-2 ${HEADER[band]}`}>
        <div className="min-w-0">
          <p className="text-4xl font-black leading-none">
            {index < 9 && <span className="mr-2 rounded bg-black/30 px-2 align-middle text-2xl">{index + 1}</span>}
            {ticket.tableLabel
              ? `T${ticket.tableLabel}`
              : ticket.online
                ? ticket.online.source === "DELIVERY"
                  ? "Delivery"
                  : "Pickup"
                : "Counter"}
          </p>
          <p className="mt-1 text-lg font-semibold">
            #{ticket.orderNumber}
            {ticket.fireBatch > 1 ? ` · fire ${ticket.fireBatch}` : ""} · {ticket.serverName ?? "—"}
          </p>
          {ticket.online && (
            <p data-testid="kds-online-order" data-source={ticket.online.source} className="mt-1 text-lg font-semibold">
              <span className="mr-2 inline-block rounded bg-amber-500 px-2 font-black uppercase tracking-wide text-black">
                {ticket.online.source === "DELIVERY" ? "Delivery" : "Pickup"}
              </span>
              <span data-testid="kds-online-name">{ticket.online.firstName || "Online"}</span>
              {" · due "}
              <time dateTime={ticket.online.promisedAt}>
                {new Date(ticket.online.promisedAt).toLocaleTimeString([], { hour: "numeric", minute: "2-digit" })}
              </time>
            </p>
          )}
          {ticket.guestOrder && (
            <p
              data-testid="kds-guest-order"
              className="mt-1 inline-block rounded bg-fuchsia-700 px-2 text-lg font-black uppercase tracking-wide text-white"
            >
              Guest order
            </p>
          )}
        </div>
        <div className="ml-auto shrink-0 text-right">
          <p className="font-mono text-4xl font-black tabular-nums" data-testid="ticket-timer">
            {formatElapsed(elapsed)}
          </p>
          {sections.length === 1 && (
            <p className="text-base font-semibold">{COURSE[sections[0].course] ?? sections[0].course}</p>
          )}
          {onReprint && (
            <button
              type="button"
              disabled={pending}
              onClick={(e) => {
                e.stopPropagation();
                onReprint();
              }}
              className="mt-1 min-h-11 rounded-lg bg-black/30 px-3 text-base font-bold disabled:opacity-60"
              aria-label={`Print the chit of order ${ticket.orderNumber} again`}
            >
              Print
            </button>
          )}
        </div>
      </header>

      {ticket.allergyNotes.length > 0 && (
        <div
          role="alert"
          data-testid="allergy-banner"
          className="bg-[repeating-linear-gradient(45deg,#dc2626_0_14px,#991b1b_14px_28px)] px-4 py-2 text-2xl font-black uppercase text-white"
        >
          ⚠ Allergy
          {ticket.allergyNotes.map((n) => (
            <p key={n} className="text-xl normal-case">
              {n}
            </p>
          ))}
        </div>
      )}
      {ticket.allVoided && (
        <p className="bg-red-700 px-4 py-2 text-2xl font-black text-white">VOIDED — tap Bump to clear</p>
      )}

      <div className="flex-1">
        {sections.map((section) => (
          <section
            key={section.course}
            data-testid="course-section"
            data-course={section.course}
            aria-label={COURSE[section.course] ?? section.course}
          >
            {sections.length > 1 && (
              <h3 className="border-y border-gray-700 bg-gray-800 px-4 py-1 text-lg font-black uppercase tracking-widest text-gray-100">
                {COURSE[section.course] ?? section.course}
              </h3>
            )}
            <ul className="divide-y divide-gray-800">
              {section.items.map((item) => (
                <TicketLine
                  key={item.id}
                  item={item}
                  expo={expo}
                  pending={pending}
                  onBump={() => onBumpItem(item.id)}
                />
              ))}
            </ul>
          </section>
        ))}
      </div>
      {ticket.allergens.length > 0 && (
        <p className="px-4 pb-1 text-sm font-semibold uppercase tracking-wide text-amber-300">
          Contains: {ticket.allergens.join(" · ").replaceAll("_", " ").toLowerCase()}
        </p>
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
          className="m-2 min-h-16 rounded-xl bg-green-800 text-2xl font-black text-white disabled:bg-gray-800 disabled:text-gray-300"
        >
          {ticket.allBumped ? "READY" : `Waiting: ${waiting}`}
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
          className="m-2 min-h-16 rounded-xl bg-sky-700 text-2xl font-black text-white disabled:bg-gray-700"
        >
          BUMP
        </button>
      )}
    </article>
  );
}

function TicketLine({
  item,
  expo,
  pending,
  onBump,
}: {
  item: ItemView;
  expo: boolean;
  pending: boolean;
  onBump: () => void;
}) {
  const voided = item.status === "VOIDED";
  const bumped = item.bumpedAt != null;
  return (
    <li>
      <button
        type="button"
        data-testid="kds-item"
        data-status={item.status}
        data-kind={item.kind}
        disabled={pending || (expo && (bumped || voided))}
        onClick={(e) => {
          e.stopPropagation();
          onBump();
        }}
        className={`min-h-12 w-full px-4 py-2 text-left disabled:cursor-default ${voided ? "bg-red-950" : ""}`}
      >
        <p
          className={`text-2xl font-bold leading-tight ${voided ? "text-red-300 line-through" : bumped ? "text-gray-400" : ""}`}
        >
          {expo && bumped && !voided && <span className="mr-1 text-green-400">✓</span>}
          {item.quantity}× {item.name}{" "}
          {item.seat ? <span className="ml-2 text-lg font-semibold text-sky-300">S{item.seat}</span> : null}{" "}
          {item.guestLabel ? (
            <span className="ml-2 text-lg font-semibold text-fuchsia-300" data-testid="kds-guest-label">
              {item.guestLabel}
            </span>
          ) : null}{" "}
          {expo && item.stationName ? (
            <span className="ml-2 text-base font-semibold text-gray-300">{item.stationName}</span>
          ) : null}
        </p>
        {item.forItem && <p className="pl-6 text-lg font-semibold text-sky-300">side for {item.forItem}</p>}
        {voided && (
          <p className="text-lg font-black text-red-400">VOID{item.voidReason ? ` — ${item.voidReason}` : ""}</p>
        )}
        {item.modifiers.map((m) =>
          m.removal ? (
            <p key={m.name} className="pl-6 text-xl font-black uppercase text-amber-300" data-testid="kds-removal">
              ✕ {m.name}
            </p>
          ) : (
            <p key={m.name} className="pl-6 text-xl text-gray-200">
              + {m.name}{" "}
              {m.stationName && (
                <span
                  className={`ml-2 text-base font-semibold ${m.done ? "text-green-400" : "text-gray-300"}`}
                  data-testid="kds-routed"
                >
                  {m.done ? "✓ " : "→ "}
                  {m.stationName}
                </span>
              )}
            </p>
          ),
        )}
        {item.notes && <p className="pl-6 text-xl font-semibold text-yellow-300">» {item.notes}</p>}
      </button>
    </li>
  );
}
