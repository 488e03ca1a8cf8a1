"use client";

import { useState } from "react";
import type { Course } from "@/generated/prisma/enums";
import { Button } from "@/components/ui/button";
import { formatCents } from "@/lib/money";
import { COURSES, COURSE_LABEL } from "@/lib/menu/courses";
import { canMoveItem, itemReachedKitchen } from "@/lib/orders/order-state";
import type { Totals } from "@/lib/orders/totals";
import type { Draft, DraftLine, OrderLineView, OrderView } from "./types";
import { can, voidRefusal } from "@/lib/auth/permissions";
import type { Role } from "@/lib/auth/roles";

const STATUS_CHIP: Record<string, string> = {
  PENDING: "bg-gray-200 text-gray-800",
  HELD: "bg-purple-100 text-purple-900",
  SENT: "bg-amber-100 text-amber-900",
  READY: "bg-green-700 text-white",
  SERVED: "bg-gray-100 text-gray-600",
  VOIDED: "bg-red-100 text-red-800 line-through",
};
const STATUS_LABEL: Record<string, string> = {
  PENDING: "saved",
  HELD: "held",
  SENT: "in kitchen",
  READY: "ready",
  SERVED: "served",
  VOIDED: "void",
};

/**
 * Why this role may not void this line, or null when it may (the rule is lib/auth/permissions').
 * An order taker may always start a void: where the rule refuses them, the dialog asks a manager.
 */
function voidBlockedReason(line: OrderLineView, role: Role): string | null {
  if (!canMoveItem(line, "void")) return "Already voided";
  const refusal = voidRefusal(role, itemReachedKitchen(line.status));
  return refusal && can(role, "orders.take") ? null : refusal;
}

/**
 * Void, or — when the role may not — a button that says why on tap: a disabled button gets no
 * taps and a tooltip needs a hover a tablet does not have. aria-disabled keeps it focusable; the
 * reason (always in the DOM, visible once tapped) is its description.
 */
function OrderLine({
  line,
  role,
  busy,
  onVoid,
}: {
  line: OrderLineView;
  role: Role;
  busy: boolean;
  onVoid: (line: OrderLineView) => void;
}) {
  const [explain, setExplain] = useState(false);
  const l = line;
  const blocked = l.status === "VOIDED" ? null : voidBlockedReason(l, role);
  const reasonId = `void-why-${l.id}`;
  return (
    <li
      data-testid="order-line"
      data-status={l.status}
      className="flex flex-wrap items-start justify-between gap-x-2 rounded-lg px-2 py-1.5 odd:bg-gray-50"
    >
      <div className={`min-w-0 flex-1 ${l.status === "VOIDED" ? "text-gray-500 line-through" : ""}`}>
        <p className="font-semibold">
          {l.quantity}× {l.name}
          {l.seat ? <span className="ml-1 text-xs text-gray-500">S{l.seat}</span> : null}
        </p>
        {l.guestLabel && (
          <p data-testid="guest-line-label" className="text-xs font-bold text-violet-800">
            Guest · {l.guestLabel}
          </p>
        )}
        {l.modifiers.length > 0 && <p className="text-sm text-gray-600">{l.modifiers.map((m) => m.name).join(", ")}</p>}
        {l.notes && <p className="text-sm italic text-amber-800">{l.notes}</p>}
        {l.voidReason && <p className="text-xs text-red-700 no-underline">Void: {l.voidReason}</p>}
      </div>
      <div className="flex shrink-0 flex-col items-end gap-1">
        <span className={`rounded px-1.5 text-xs font-bold uppercase ${STATUS_CHIP[l.status] ?? ""}`}>
          {STATUS_LABEL[l.status] ?? l.status}
        </span>
        {l.status !== "VOIDED" &&
          (blocked ? (
            <button
              type="button"
              aria-disabled="true"
              aria-describedby={reasonId}
              aria-expanded={explain}
              aria-controls={reasonId}
              data-testid="void-blocked"
              onClick={() => setExplain((e) => !e)}
              className="min-h-11 cursor-not-allowed rounded-lg px-2 text-sm font-semibold text-gray-400"
            >
              Void
            </button>
          ) : (
            <button
              type="button"
              disabled={busy}
              onClick={() => onVoid(l)}
              data-approval={voidRefusal(role, itemReachedKitchen(l.status)) ? "required" : undefined}
              className="min-h-11 rounded-lg px-2 text-sm font-semibold text-red-700 hover:bg-red-50 disabled:cursor-not-allowed disabled:text-gray-300"
            >
              Void
            </button>
          ))}
      </div>
      {blocked && (
        <p
          id={reasonId}
          role={explain ? "status" : undefined}
          data-testid="void-reason"
          className={explain ? "w-full pb-1 text-right text-sm font-semibold text-gray-700" : "sr-only"}
        >
          {blocked}
        </p>
      )}
    </li>
  );
}

type Props = {
  order: OrderView;
  draft: Draft;
  totals: Totals;
  currency: string;
  role: Role;
  sending: boolean;
  sendError: { message: string; lines: Record<number, string[]> } | null;
  /** The last action's outcome ("Sent to kitchen"), shown above the totals. */
  notice: { tone: "ok" | "error"; text: string } | null;
  busy: boolean;
  onEditLine: (line: DraftLine) => void;
  onRemoveLine: (key: string) => void;
  onToggleHold: (course: Course) => void;
  onSend: () => void;
  onDiscardPending: () => void;
  onFire: (course: Course) => void;
  onVoid: (line: OrderLineView) => void;
  /** Open the check panel (split, discount, pay, print). */
  onChecks: () => void;
};

const PAYMENT_BADGE: Record<string, { label: string; className: string } | undefined> = {
  PARTLY_PAID: { label: "part paid", className: "bg-blue-100 text-blue-900" },
  PAID: { label: "paid", className: "bg-green-700 text-white" },
};

/** The check as the kitchen knows it (sent lines with live status) plus the unsent draft. */
export function TicketPanel(p: Props) {
  const { order, draft } = p;
  const locked = !!draft.pendingSend;
  const draftCourses = COURSES.filter((c) => draft.lines.some((l) => l.course === c));
  const saved = order.items;
  return (
    <aside aria-label="Order" className="flex min-h-0 w-[20rem] shrink-0 flex-col rounded-2xl bg-white shadow-sm">
      <div
        className="min-h-0 flex-1 space-y-4 overflow-y-auto p-3 focus-visible:outline-2 focus-visible:outline-blue-600"
        data-testid="ticket-panel"
        role="region"
        aria-label="Ticket"
        tabIndex={0}
      >
        {saved.length === 0 && draft.lines.length === 0 && (
          <p className="p-4 text-center text-gray-500">Tap dishes to start the order.</p>
        )}

        {COURSES.map((course) => {
          const lines = saved.filter((l) => l.course === course);
          if (lines.length === 0) return null;
          const held = lines.filter((l) => l.status === "HELD");
          return (
            <section key={course} aria-label={`${COURSE_LABEL[course]} sent`}>
              <header className="mb-1 flex items-center justify-between">
                <h3 className="text-sm font-bold uppercase tracking-wide text-gray-500">{COURSE_LABEL[course]}</h3>
                {held.length > 0 && (
                  <Button
                    variant="primary"
                    className="min-h-11 bg-purple-700 px-3 text-sm hover:bg-purple-800"
                    disabled={p.busy}
                    onClick={() => p.onFire(course)}
                  >
                    Fire {COURSE_LABEL[course].toLowerCase()} ({held.length})
                  </Button>
                )}
              </header>
              <ul className="space-y-1">
                {lines.map((l) => (
                  <OrderLine key={l.id} line={l} role={p.role} busy={p.busy} onVoid={p.onVoid} />
                ))}
              </ul>
            </section>
          );
        })}

        {draft.lines.length > 0 && (
          <section aria-label="Not sent yet" className="rounded-xl border-2 border-dashed border-blue-400 p-2">
            <h3 className="mb-1 text-sm font-bold uppercase tracking-wide text-blue-700">New — not sent yet</h3>
            <ul className="space-y-1" data-testid="draft-lines">
              {draft.lines.map((l, i) => (
                <li key={l.key} data-testid="draft-line" className="flex items-start justify-between gap-2">
                  <button
                    type="button"
                    disabled={locked}
                    onClick={() => p.onEditLine(l)}
                    className="min-h-11 min-w-0 flex-1 rounded-lg px-1 text-left hover:bg-blue-50"
                  >
                    <p className="font-semibold">
                      {l.quantity}× {l.name}{" "}
                      <span className="text-xs text-gray-500">
                        {l.seat ? `S${l.seat} · ` : ""}
                        {COURSE_LABEL[l.course]}
                      </span>
                    </p>
                    {l.modifierNames.length > 0 && (
                      <p className="text-sm text-gray-600">{l.modifierNames.join(", ")}</p>
                    )}
                    {l.notes && <p className="text-sm italic text-amber-800">{l.notes}</p>}
                    {p.sendError?.lines[i]?.map((m) => (
                      <p key={m} role="alert" className="text-sm font-semibold text-red-700">
                        {m}
                      </p>
                    ))}
                  </button>
                  <span className="flex shrink-0 items-center gap-1">
                    <span className="text-sm">
                      {formatCents((l.unitPriceCents + l.modifiersCents) * l.quantity, p.currency)}
                    </span>
                    <button
                      type="button"
                      disabled={locked}
                      aria-label={`Remove ${l.name}`}
                      onClick={() => p.onRemoveLine(l.key)}
                      className="min-h-11 min-w-11 rounded-lg text-xl text-gray-500 hover:bg-gray-100 disabled:opacity-30"
                    >
                      ×
                    </button>
                  </span>
                </li>
              ))}
            </ul>
            {draftCourses.some((c) => c !== "DRINKS") && (
              <div className="mt-2 flex flex-wrap gap-2" role="group" aria-label="Hold courses">
                {draftCourses
                  .filter((c) => c !== "DRINKS")
                  .map((c) => (
                    <button
                      key={c}
                      type="button"
                      disabled={locked}
                      aria-pressed={draft.holdCourses.includes(c)}
                      onClick={() => p.onToggleHold(c)}
                      className={`min-h-11 rounded-full border-2 px-3 text-sm font-semibold ${draft.holdCourses.includes(c) ? "border-purple-700 bg-purple-700 text-white" : "border-gray-300"}`}
                    >
                      {draft.holdCourses.includes(c)
                        ? `Holding ${COURSE_LABEL[c].toLowerCase()}`
                        : `Hold ${COURSE_LABEL[c].toLowerCase()}`}
                    </button>
                  ))}
              </div>
            )}
          </section>
        )}
      </div>

      <footer className="space-y-2 border-t border-gray-200 p-3">
        {p.notice && (
          <p
            role={p.notice.tone === "error" ? "alert" : "status"}
            data-testid="pad-notice"
            className={`rounded-lg px-3 py-2 text-sm font-semibold ${p.notice.tone === "ok" ? "bg-green-100 text-green-900" : "bg-red-100 text-red-800"}`}
          >
            {p.notice.text}
          </p>
        )}
        <dl className="grid grid-cols-2 text-sm" data-testid="order-totals">
          <dt className="text-gray-600">Subtotal</dt>
          <dd className="text-right">{formatCents(p.totals.subtotalCents, p.currency)}</dd>
          <dt className="text-gray-600">Tax</dt>
          <dd className="text-right">{formatCents(p.totals.taxCents, p.currency)}</dd>
          <dt className="text-lg font-black">Total</dt>
          <dd className="text-right text-lg font-black" data-testid="order-total">
            {formatCents(p.totals.totalCents, p.currency)}
          </dd>
        </dl>
        {draft.lines.length > 0 && (
          <p className="text-xs text-gray-500">Includes {draft.lines.length} unsent line(s).</p>
        )}
        {order.items.length > 0 && (
          <Button
            variant="secondary"
            className="w-full"
            disabled={p.busy}
            onClick={p.onChecks}
            data-testid="open-checks"
          >
            Check &amp; pay
            {PAYMENT_BADGE[order.paymentState] && (
              <span className={`rounded px-1.5 text-xs font-bold ${PAYMENT_BADGE[order.paymentState]!.className}`}>
                {PAYMENT_BADGE[order.paymentState]!.label}
              </span>
            )}
          </Button>
        )}
        {p.sendError && (
          <p
            role="alert"
            className="rounded-lg bg-red-50 p-2 text-sm font-semibold text-red-800"
            data-testid="send-error"
          >
            {p.sendError.message}
          </p>
        )}
        {locked ? (
          <div className="space-y-2">
            <Button
              className="min-h-14 w-full bg-amber-600 text-lg hover:bg-amber-700"
              disabled={p.sending}
              onClick={p.onSend}
              data-testid="retry-send"
            >
              {p.sending ? "Sending…" : "Retry send (same order, no duplicates)"}
            </Button>
            <button
              type="button"
              disabled={p.sending}
              onClick={p.onDiscardPending}
              className="min-h-11 w-full text-sm font-semibold text-gray-600 underline"
            >
              Unlock and edit (check the kitchen first)
            </button>
          </div>
        ) : (
          <Button
            className="min-h-14 w-full text-lg"
            disabled={draft.lines.length === 0 || p.sending || p.busy}
            onClick={p.onSend}
            data-testid="send-order"
          >
            {p.sending
              ? "Sending…"
              : draft.lines.length
                ? `Send ${draft.lines.reduce((n, l) => n + l.quantity, 0)} to kitchen`
                : "Send to kitchen"}
          </Button>
        )}
      </footer>
    </aside>
  );
}
