"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { ApproverView } from "@/components/manager-approval";
import { can } from "@/lib/auth/permissions";
import type { Role } from "@/lib/auth/roles";
import type { ActionResult } from "@/lib/http/action";
import { formatCents } from "@/lib/money";
import {
  mergeChecksAction,
  moveItemsAction,
  refundPaymentAction,
  removeDiscountAction,
  reopenCheckAction,
  shareItemAction,
  splitChecksAction,
} from "../../../checks-actions";
import { CheckModal, ErrorText, Field, INPUT } from "./check-modal";
import { centsText, parseCents, shareLabel } from "./check-figures";
import { DiscountDialog } from "./discount-dialog";
import { PaymentDialog } from "./payment-dialog";
import { ReasonApprovalDialog } from "./reason-approval-dialog";
import { useChecks, useChecksRefresh, type CheckView, type PaymentView } from "./use-checks";

const BADGE: Record<string, string> = {
  OPEN: "bg-amber-100 text-amber-900",
  PARTLY: "bg-blue-100 text-blue-900",
  PAID: "bg-green-700 text-white",
};

function checkState(c: CheckView): { key: keyof typeof BADGE; label: string } {
  if (c.status === "PAID") return { key: "PAID", label: "Paid" };
  if (c.paidCents > 0) return { key: "PARTLY", label: "Partly paid" };
  return { key: "OPEN", label: "Open" };
}

type Sub =
  | { kind: "pay"; checkId: string }
  | { kind: "discount"; checkId: string; lineId: string | null }
  | { kind: "refund"; payment: PaymentView; checkId: string }
  | { kind: "reopen"; checkId: string }
  | { kind: "even"; checkId: string }
  | { kind: "share"; checkId: string; lineId: string }
  | null;

/**
 * The order's checks on the order pad: one tab per check with its lines (shares as "½ Wine"),
 * discounts, service charge, tax, total, payments and balance. Split, move and share lines,
 * merge, discount, pay, refund, reopen, print. Every write refetches; the floor channel keeps
 * other tablets' panels in step.
 */
export function CheckPanel({
  orderId,
  tableLabel,
  role,
  approvers,
  initialCheckId,
  onClose,
  onTransfer,
  onCloseTable,
}: {
  orderId: string;
  tableLabel: string;
  role: Role;
  approvers: ApproverView[];
  initialCheckId?: string | null;
  onClose: () => void;
  onTransfer: () => void;
  onCloseTable: () => void;
}) {
  const { data, isPending, isError, refetch } = useChecks(orderId);
  const refresh = useChecksRefresh(orderId);
  const [activeId, setActiveId] = useState<string | null>(initialCheckId ?? null);
  // Lines chosen on one check; another tab starts with none chosen.
  const [selection, setSelection] = useState<{ checkId: string | null; ids: string[] }>({ checkId: null, ids: [] });
  const [sub, setSub] = useState<Sub>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);

  const checks = data?.checks ?? [];
  const active = checks.find((c) => c.id === activeId) ?? checks[0] ?? null;
  const currency = data?.location.currency ?? "USD";
  const selected =
    selection.checkId === active?.id
      ? selection.ids.filter((id) => active.lines.some((l) => l.orderItemId === id))
      : [];
  const setSelected = (update: string[] | ((ids: string[]) => string[])) =>
    setSelection({ checkId: active?.id ?? null, ids: typeof update === "function" ? update(selected) : update });

  /** A success note clears itself after 4 s; an error stays until the next action. */
  function note(m: { tone: "ok" | "error"; text: string }) {
    setMessage(m);
    if (m.tone === "ok") setTimeout(() => setMessage((now) => (now === m ? null : now)), 4000);
  }

  async function run(fn: () => Promise<ActionResult<unknown>>, ok: string): Promise<boolean> {
    setBusy(true);
    setMessage(null);
    try {
      const res = await fn();
      if (!res.ok) {
        setMessage({ tone: "error", text: Object.values(res.fieldErrors ?? {})[0]?.[0] ?? res.error });
        return false;
      }
      note({ tone: "ok", text: ok });
      setSelected([]);
      refresh();
      return true;
    } catch {
      setMessage({ tone: "error", text: "Couldn't reach the server. Try again." });
      return false;
    } finally {
      setBusy(false);
    }
  }

  const done = (text: string) => {
    setSub(null);
    note({ tone: "ok", text });
    refresh();
  };

  const subCheck = sub && "checkId" in sub ? checks.find((c) => c.id === sub.checkId) : null;
  const others = active ? checks.filter((c) => c.id !== active.id && c.status === "OPEN") : [];
  const open = active?.status === "OPEN";
  const owed = data?.order.owedCents ?? 0;

  return (
    <CheckModal
      title={`Checks · Table ${tableLabel}${data ? ` · #${data.order.number}` : ""}`}
      onClose={onClose}
      width="w-[62rem]"
      testId="check-panel"
    >
      {isPending ? (
        <p className="p-8 text-center text-lg text-gray-600">Loading checks…</p>
      ) : isError ? (
        <div className="space-y-3 p-4 text-center">
          <ErrorText error="Couldn't load the checks." />
          <Button variant="secondary" onClick={() => refetch()}>
            Retry
          </Button>
        </div>
      ) : (
        <div className="space-y-3">
          <div className="flex flex-wrap items-center gap-2" role="toolbar" aria-label="Split and close">
            <Button
              variant="secondary"
              disabled={busy}
              onClick={() => run(() => splitChecksAction({ orderId, by: "seat" }), "Split by seat")}
            >
              Split by seat
            </Button>
            {active && open && (
              <Button variant="secondary" disabled={busy} onClick={() => setSub({ kind: "even", checkId: active.id })}>
                Split evenly…
              </Button>
            )}
            {can(role, "checks.manage") && (
              <Button variant="secondary" disabled={busy} onClick={onTransfer}>
                Transfer…
              </Button>
            )}
            <span className="ml-auto text-lg font-bold" data-testid="order-owed">
              {owed > 0 ? `Owed ${formatCents(owed, currency)}` : "All paid"}
            </span>
            {can(role, "orders.close") && (
              <Button variant={owed > 0 ? "secondary" : "primary"} disabled={busy} onClick={onCloseTable}>
                Close table
              </Button>
            )}
          </div>

          <div role="tablist" aria-label="Checks" className="flex gap-2 overflow-x-auto pb-1">
            {checks.map((c) => {
              const st = checkState(c);
              const selectedTab = c.id === active?.id;
              return (
                <button
                  key={c.id}
                  type="button"
                  role="tab"
                  id={`check-tab-${c.id}`}
                  aria-selected={selectedTab}
                  aria-controls="check-tabpanel"
                  data-testid="check-tab"
                  data-status={c.status}
                  onClick={() => setActiveId(c.id)}
                  onKeyDown={(e) => {
                    const i = checks.indexOf(c);
                    const to = e.key === "ArrowRight" ? i + 1 : e.key === "ArrowLeft" ? i - 1 : null;
                    if (to === null) return;
                    const next = checks[(to + checks.length) % checks.length];
                    setActiveId(next.id);
                    document.getElementById(`check-tab-${next.id}`)?.focus();
                  }}
                  tabIndex={selectedTab ? 0 : -1}
                  className={`flex min-h-14 shrink-0 flex-col items-start rounded-xl border-2 px-3 py-1 text-left ${selectedTab ? "border-gray-900 bg-gray-900 text-white" : "border-gray-300 bg-white"}`}
                >
                  <span className="font-bold">{c.label}</span>
                  <span className="flex items-center gap-1 text-sm">
                    {formatCents(c.status === "PAID" ? c.totalCents : c.balanceCents, currency)}
                    <span className={`rounded px-1.5 text-xs font-bold ${BADGE[st.key]}`}>{st.label}</span>
                  </span>
                </button>
              );
            })}
          </div>

          {message && (
            <p
              role={message.tone === "error" ? "alert" : "status"}
              data-testid="check-notice"
              className={`rounded-lg px-3 py-2 font-semibold ${message.tone === "ok" ? "bg-green-100 text-green-900" : "bg-red-100 text-red-800"}`}
            >
              {message.text}
            </p>
          )}

          {active ? (
            <div
              id="check-tabpanel"
              role="tabpanel"
              aria-labelledby={`check-tab-${active.id}`}
              className="grid grid-cols-[1fr_20rem] gap-4"
              data-testid="check-detail"
            >
              <section aria-label={`${active.label} lines`} className="min-w-0 space-y-2">
                {active.lines.length === 0 ? (
                  <p className="rounded-xl bg-gray-50 p-4 text-center text-gray-600">
                    No items on this check. Move items here from another check, or merge it.
                  </p>
                ) : (
                  <ul className="space-y-1">
                    {active.lines.map((l) => {
                      const share = shareLabel(l.parts, l.ofParts);
                      const isSel = selected.includes(l.orderItemId);
                      return (
                        <li key={l.orderItemId}>
                          <button
                            type="button"
                            disabled={!open || busy}
                            aria-pressed={open ? isSel : undefined}
                            data-testid="check-line"
                            onClick={() =>
                              setSelected((s) => (isSel ? s.filter((x) => x !== l.orderItemId) : [...s, l.orderItemId]))
                            }
                            className={`flex min-h-12 w-full items-start justify-between gap-2 rounded-lg border-2 px-3 py-1.5 text-left ${isSel ? "border-blue-600 bg-blue-50" : "border-transparent odd:bg-gray-50"} disabled:cursor-default`}
                          >
                            <span className="min-w-0">
                              <span className="font-semibold">
                                {share ? `${share} ` : `${l.quantity}× `}
                                {l.name}
                              </span>
                              {l.seat ? <span className="ml-1 text-xs text-gray-600">S{l.seat}</span> : null}
                              {l.modifiers.length > 0 && (
                                <span className="block text-sm text-gray-600">{l.modifiers.join(", ")}</span>
                              )}
                            </span>
                            <span className="shrink-0 text-right">
                              {formatCents(l.cents, currency)}
                              {l.discountCents > 0 && (
                                <span className="block text-sm text-green-800">
                                  −{formatCents(l.discountCents, currency)}
                                </span>
                              )}
                            </span>
                          </button>
                        </li>
                      );
                    })}
                  </ul>
                )}

                {open && selected.length > 0 && (
                  <div
                    className="space-y-2 rounded-xl border-2 border-blue-600 bg-blue-50 p-2"
                    data-testid="selection-bar"
                  >
                    <p className="font-semibold">{selected.length} selected · move to:</p>
                    <div className="flex flex-wrap gap-2">
                      {others.map((o) => (
                        <Button
                          key={o.id}
                          variant="secondary"
                          disabled={busy}
                          onClick={() =>
                            run(
                              () => moveItemsAction({ orderId, orderItemIds: selected, toCheckId: o.id }),
                              `Moved to ${o.label}`,
                            )
                          }
                        >
                          {o.label}
                        </Button>
                      ))}
                      <Button
                        variant="secondary"
                        disabled={busy}
                        onClick={() =>
                          run(
                            () => moveItemsAction({ orderId, orderItemIds: selected, toCheckId: "new" }),
                            "Moved to a new check",
                          )
                        }
                      >
                        New check
                      </Button>
                      {selected.length === 1 && others.length > 0 && (
                        <Button
                          variant="secondary"
                          disabled={busy}
                          onClick={() => setSub({ kind: "share", checkId: active.id, lineId: selected[0] })}
                        >
                          Share with…
                        </Button>
                      )}
                      {selected.length === 1 && can(role, "checks.discount") && (
                        <Button
                          variant="secondary"
                          disabled={busy}
                          onClick={() => setSub({ kind: "discount", checkId: active.id, lineId: selected[0] })}
                        >
                          Discount / comp item
                        </Button>
                      )}
                      <Button variant="ghost" onClick={() => setSelected([])}>
                        Clear
                      </Button>
                    </div>
                  </div>
                )}

                {active.discounts.length > 0 && (
                  <section aria-label="Discounts">
                    <h3 className="mb-1 text-sm font-bold uppercase tracking-wide text-gray-600">Discounts & comps</h3>
                    <ul className="space-y-1">
                      {active.discounts.map((d) => (
                        <li
                          key={d.id}
                          className="flex items-center justify-between gap-2 rounded-lg bg-green-50 px-3 py-1"
                          data-testid="check-discount"
                        >
                          <span className="min-w-0">
                            <span className="font-semibold">
                              {d.comp ? "Comp" : "Discount"}
                              {d.kind === "PERCENT" ? ` ${d.value / 100} %` : ""}
                              {d.itemName ? ` · ${d.itemName}` : " · whole check"}
                            </span>
                            <span className="block text-sm text-gray-700">
                              {d.reason}
                              {d.approvedByName ? ` · approved by ${d.approvedByName}` : ""}
                            </span>
                          </span>
                          <span className="flex shrink-0 items-center gap-1">
                            −{formatCents(d.amountCents, currency)}
                            {open && can(role, "checks.discount") && (
                              <button
                                type="button"
                                aria-label={`Remove ${d.comp ? "comp" : "discount"} ${d.reason}`}
                                disabled={busy}
                                onClick={() =>
                                  run(() => removeDiscountAction({ discountId: d.id }), "Discount removed")
                                }
                                className="min-h-11 min-w-11 rounded-lg text-xl text-gray-600 hover:bg-green-100"
                              >
                                ×
                              </button>
                            )}
                          </span>
                        </li>
                      ))}
                    </ul>
                  </section>
                )}

                {active.payments.length > 0 && (
                  <section aria-label="Payments">
                    <h3 className="mb-1 text-sm font-bold uppercase tracking-wide text-gray-600">Payments</h3>
                    <ul className="space-y-1">
                      {active.payments.map((p) => (
                        <li
                          key={p.id}
                          className="flex items-center justify-between gap-2 rounded-lg bg-gray-50 px-3 py-1"
                          data-testid="check-payment"
                        >
                          <span className="min-w-0">
                            <span className="font-semibold">
                              {p.tender === "CARD"
                                ? `${p.cardBrand ?? "Card"} ····${p.cardLast4 ?? ""}`
                                : p.tender === "CASH"
                                  ? "Cash"
                                  : `House · ${p.reference ?? ""}`}
                            </span>
                            <span className="block text-sm text-gray-700">
                              {p.tipCents > 0 ? `tip ${formatCents(p.tipCents, currency)} · ` : ""}
                              {p.changeCents > 0 ? `change ${formatCents(p.changeCents, currency)} · ` : ""}
                              {p.refundedCents + p.refundedTipCents > 0
                                ? `refunded ${formatCents(p.refundedCents + p.refundedTipCents, currency)} · `
                                : ""}
                              {p.createdByName ?? ""}
                            </span>
                          </span>
                          <span className="flex shrink-0 items-center gap-2">
                            {formatCents(p.amountCents, currency)}
                            {can(role, "payments.take") &&
                              p.amountCents + p.tipCents > p.refundedCents + p.refundedTipCents && (
                                <Button
                                  variant="ghost"
                                  className="text-sm"
                                  disabled={busy}
                                  onClick={() => setSub({ kind: "refund", payment: p, checkId: active.id })}
                                >
                                  Refund
                                </Button>
                              )}
                          </span>
                        </li>
                      ))}
                    </ul>
                  </section>
                )}
              </section>

              <aside aria-label={`${active.label} totals`} className="space-y-3">
                <dl className="grid grid-cols-2 gap-y-0.5 rounded-xl bg-gray-50 p-3" data-testid="check-totals">
                  <dt className="text-gray-700">Subtotal</dt>
                  <dd className="text-right">{formatCents(active.subtotalCents, currency)}</dd>
                  {active.discountCents > 0 && (
                    <>
                      <dt className="text-gray-700">Discounts</dt>
                      <dd className="text-right">−{formatCents(active.discountCents, currency)}</dd>
                    </>
                  )}
                  {active.compCents > 0 && (
                    <>
                      <dt className="text-gray-700">Comps</dt>
                      <dd className="text-right">−{formatCents(active.compCents, currency)}</dd>
                    </>
                  )}
                  {active.serviceChargeCents > 0 && (
                    <>
                      <dt className="text-gray-700">{active.serviceChargeName ?? "Service charge"}</dt>
                      <dd className="text-right">{formatCents(active.serviceChargeCents, currency)}</dd>
                    </>
                  )}
                  {active.deliveryFeeCents > 0 && (
                    <>
                      <dt className="text-gray-700">Delivery fee</dt>
                      <dd className="text-right" data-testid="check-delivery-fee">
                        {formatCents(active.deliveryFeeCents, currency)}
                      </dd>
                    </>
                  )}
                  <dt className="text-gray-700">Tax</dt>
                  <dd className="text-right">{formatCents(active.taxCents, currency)}</dd>
                  <dt className="text-lg font-black">Total</dt>
                  <dd className="text-right text-lg font-black" data-testid="check-total">
                    {formatCents(active.totalCents, currency)}
                  </dd>
                  {active.paidCents > 0 && (
                    <>
                      <dt className="text-gray-700">Paid</dt>
                      <dd className="text-right">{formatCents(active.paidCents, currency)}</dd>
                    </>
                  )}
                  {active.tipCents > 0 && (
                    <>
                      <dt className="text-gray-700">Tips</dt>
                      <dd className="text-right">{formatCents(active.tipCents, currency)}</dd>
                    </>
                  )}
                  <dt className="text-lg font-black">Balance</dt>
                  <dd className="text-right text-lg font-black" data-testid="check-balance">
                    {formatCents(active.balanceCents, currency)}
                  </dd>
                </dl>
                {open && can(role, "payments.take") && (
                  <Button
                    className="min-h-14 w-full text-lg"
                    disabled={busy || active.balanceCents === 0}
                    onClick={() => setSub({ kind: "pay", checkId: active.id })}
                    data-testid="check-pay"
                  >
                    Pay {formatCents(active.balanceCents, currency)}
                  </Button>
                )}
                <div className="grid grid-cols-2 gap-2">
                  {open && can(role, "checks.discount") && (
                    <Button
                      variant="secondary"
                      disabled={busy}
                      onClick={() => setSub({ kind: "discount", checkId: active.id, lineId: null })}
                    >
                      Discount…
                    </Button>
                  )}
                  {open && others.length > 0 && (
                    <MergeMenu
                      targets={others}
                      disabled={busy}
                      onMerge={(into) =>
                        run(
                          () => mergeChecksAction({ orderId, fromCheckId: active.id, intoCheckId: into.id }),
                          `${active.label} merged into ${into.label}`,
                        )
                      }
                    />
                  )}
                  <a
                    href={`/floor/checks/${active.id}/receipt`}
                    target="_blank"
                    rel="noopener"
                    className="inline-flex min-h-11 items-center justify-center rounded-lg border border-gray-300 bg-white px-4 font-semibold hover:bg-gray-50"
                  >
                    Print
                  </a>
                  <a
                    href={`/api/v1/checks/${active.id}/receipt.pdf`}
                    target="_blank"
                    rel="noopener"
                    className="inline-flex min-h-11 items-center justify-center rounded-lg border border-gray-300 bg-white px-4 font-semibold hover:bg-gray-50"
                  >
                    Receipt PDF
                  </a>
                  {active.status === "PAID" && can(role, "payments.take") && (
                    <Button
                      variant="secondary"
                      className="col-span-2"
                      disabled={busy}
                      onClick={() => setSub({ kind: "reopen", checkId: active.id })}
                    >
                      Reopen check
                    </Button>
                  )}
                </div>
              </aside>
            </div>
          ) : (
            <p className="rounded-xl bg-gray-50 p-6 text-center text-gray-600">
              No checks yet: send items to the kitchen first.
            </p>
          )}
        </div>
      )}

      {sub?.kind === "pay" && subCheck && data && (
        <PaymentDialog check={subCheck} location={data.location} onPaid={refresh} onClose={() => setSub(null)} />
      )}
      {sub?.kind === "discount" && subCheck && (
        <DiscountDialog
          check={subCheck}
          currency={currency}
          approvers={approvers}
          initialLineId={sub.lineId}
          onDone={(text) => {
            setSelected([]);
            done(text);
          }}
          onClose={() => setSub(null)}
        />
      )}
      {sub?.kind === "refund" && (
        <RefundDialog
          payment={sub.payment}
          currency={currency}
          approvers={approvers}
          approvalUpfront={!can(role, "payments.refund")}
          onDone={() => done("Refund recorded")}
          onClose={() => setSub(null)}
        />
      )}
      {sub?.kind === "reopen" && subCheck && (
        <ReasonApprovalDialog
          title={`Reopen ${subCheck.label}?`}
          intro={<p>A paid check is frozen. Reopening lets its items, discounts and payments change again.</p>}
          presets={["Wrong tender", "Guest added items", "Wrong check paid"]}
          approvalUpfront={!can(role, "checks.reopen")}
          approvers={approvers}
          submitLabel="Reopen"
          onSubmit={(reason, approval) => reopenCheckAction({ checkId: subCheck.id, reason, approval })}
          onDone={() => done(`${subCheck.label} reopened`)}
          onClose={() => setSub(null)}
          testId="reopen-dialog"
        />
      )}
      {sub?.kind === "even" && subCheck && (
        <CheckModal title={`Split ${subCheck.label} evenly`} onClose={() => setSub(null)} testId="split-even-dialog">
          <p className="mb-3">Every line of {subCheck.label} is shared equally; odd cents are spread fairly.</p>
          <div className="flex flex-wrap gap-2" role="group" aria-label="How many ways">
            {[2, 3, 4, 5, 6, 8].map((n) => (
              <Button
                key={n}
                variant="secondary"
                className="min-h-14 min-w-20 text-xl"
                disabled={busy}
                onClick={async () => {
                  if (
                    await run(
                      () => splitChecksAction({ orderId, by: "even", checkId: subCheck.id, ways: n }),
                      `Split ${n} ways`,
                    )
                  )
                    setSub(null);
                }}
              >
                {n} ways
              </Button>
            ))}
          </div>
        </CheckModal>
      )}
      {sub?.kind === "share" && subCheck && (
        <ShareDialog
          lineName={subCheck.lines.find((l) => l.orderItemId === sub.lineId)?.name ?? "item"}
          from={subCheck}
          others={checks.filter((c) => c.id !== subCheck.id && c.status === "OPEN")}
          busy={busy}
          onShare={async (ids) => {
            if (
              await run(
                () => shareItemAction({ orderId, orderItemId: sub.lineId, checkIds: [subCheck.id, ...ids] }),
                `Shared ${ids.length + 1} ways`,
              )
            )
              setSub(null);
          }}
          onClose={() => setSub(null)}
        />
      )}
    </CheckModal>
  );
}

function MergeMenu({
  targets,
  disabled,
  onMerge,
}: {
  targets: CheckView[];
  disabled: boolean;
  onMerge: (into: CheckView) => void;
}) {
  const [open, setOpen] = useState(false);
  if (!open)
    return (
      <Button variant="secondary" disabled={disabled} onClick={() => setOpen(true)} aria-expanded={false}>
        Merge into…
      </Button>
    );
  return (
    <div
      className="col-span-2 flex flex-wrap gap-2 rounded-xl border-2 border-gray-300 p-2"
      role="group"
      aria-label="Merge into"
    >
      {targets.map((t) => (
        <Button key={t.id} variant="secondary" disabled={disabled} onClick={() => onMerge(t)}>
          {t.label}
        </Button>
      ))}
      <Button variant="ghost" onClick={() => setOpen(false)}>
        Cancel
      </Button>
    </div>
  );
}

function ShareDialog({
  lineName,
  from,
  others,
  busy,
  onShare,
  onClose,
}: {
  lineName: string;
  from: CheckView;
  others: CheckView[];
  busy: boolean;
  onShare: (checkIds: string[]) => void;
  onClose: () => void;
}) {
  const [ids, setIds] = useState<string[]>([]);
  return (
    <CheckModal title={`Share ${lineName}`} onClose={onClose} testId="share-dialog">
      <p className="mb-3">{from.label} keeps a share. Share it equally with:</p>
      <div className="mb-4 flex flex-wrap gap-2">
        {others.map((o) => (
          <button
            key={o.id}
            type="button"
            aria-pressed={ids.includes(o.id)}
            onClick={() => setIds((s) => (s.includes(o.id) ? s.filter((x) => x !== o.id) : [...s, o.id]))}
            className={`min-h-12 rounded-xl border-2 px-4 font-semibold ${ids.includes(o.id) ? "border-gray-900 bg-gray-900 text-white" : "border-gray-300"}`}
          >
            {o.label}
          </button>
        ))}
      </div>
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button disabled={ids.length === 0 || busy} onClick={() => onShare(ids)}>
          Share {ids.length + 1} ways
        </Button>
      </div>
    </CheckModal>
  );
}

function RefundDialog({
  payment,
  currency,
  approvers,
  approvalUpfront,
  onDone,
  onClose,
}: {
  payment: PaymentView;
  currency: string;
  approvers: ApproverView[];
  approvalUpfront: boolean;
  onDone: () => void;
  onClose: () => void;
}) {
  const maxAmount = payment.amountCents - payment.refundedCents;
  const maxTip = payment.tipCents - payment.refundedTipCents;
  const [amount, setAmount] = useState(centsText(maxAmount));
  const [tip, setTip] = useState(centsText(maxTip));
  const amountCents = parseCents(amount);
  const tipCents = parseCents(tip || "0");
  const ready =
    amountCents !== null &&
    tipCents !== null &&
    amountCents <= maxAmount &&
    tipCents <= maxTip &&
    amountCents + tipCents > 0;
  return (
    <ReasonApprovalDialog
      title="Refund payment"
      presets={["Overcharged", "Guest complaint", "Wrong amount", "Duplicate payment"]}
      ready={ready}
      approvalUpfront={approvalUpfront}
      approvers={approvers}
      submitLabel="Refund"
      danger
      onSubmit={(reason, approval) =>
        refundPaymentAction({ paymentId: payment.id, amountCents: amountCents!, tipCents: tipCents!, reason, approval })
      }
      onDone={onDone}
      onClose={onClose}
      testId="refund-dialog"
    >
      <div className="grid grid-cols-2 gap-3">
        <Field label={`Amount (up to ${formatCents(maxAmount, currency)})`} htmlFor="refund-amount">
          <input
            id="refund-amount"
            inputMode="decimal"
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
            className={INPUT}
          />
        </Field>
        {maxTip > 0 && (
          <Field label={`Tip (up to ${formatCents(maxTip, currency)})`} htmlFor="refund-tip">
            <input
              id="refund-tip"
              inputMode="decimal"
              value={tip}
              onChange={(e) => setTip(e.target.value)}
              className={INPUT}
            />
          </Field>
        )}
      </div>
      {!ready && <p className="text-sm font-semibold text-red-700">Enter what to refund, at most what was paid.</p>}
      {payment.tender === "CARD" && (
        <p className="text-sm text-gray-700">Refund the card on the terminal too; this records it.</p>
      )}
    </ReasonApprovalDialog>
  );
}
