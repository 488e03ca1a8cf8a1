"use client";

import { useRouter } from "next/navigation";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useMemo, useRef, useState } from "react";
import { fetchJson } from "@/components/realtime/fetch-json";
import { useHydrated } from "@/components/ui/use-hydrated";
import { AddressBook } from "@/components/online/address-book";
import { PhoneVerify } from "@/components/online/phone-verify";
import type { Allergen } from "@/generated/prisma/enums";
import { ALLERGEN_LABEL } from "@/lib/menu/allergens";
import { formatCents } from "@/lib/money";
import type { PublicMenu } from "@/lib/online/get-public-menu";
import { cartTotals, lineFor, passesFilters, reorderLines, type CartLine } from "@/lib/online/online-cart";
import { ItemSheet } from "./item-sheet";

type Item = PublicMenu["categories"][number]["items"][number];
type Customer = { id: string; firstName: string };
type Address = { id: string; label: string; areaName: string; feeCents: number; minimumCents: number };
type Slots = { asap: { promisedAt: string; available: boolean }; slots: { startsAt: string; left: number }[] };
type PastOrder = {
  trackingToken: string;
  orderNumber: number;
  statusLabel: string;
  createdAt: string;
  totalCents: number;
  lines: { menuItemId: string; name: string; quantity: number; modifierIds: string[]; notes: string }[];
};
type Payment = "CASH_ON_DELIVERY" | "CARD_ON_DELIVERY" | "PAY_AT_PICKUP";
type ApiFailure = { error?: { code?: string; message?: string; fieldErrors?: Record<string, string[]> } };

const newKey = () =>
  typeof crypto !== "undefined" && "randomUUID" in crypto
    ? crypto.randomUUID()
    : `k-${Date.now()}-${Math.random().toString(36).slice(2)}`;
const time = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: "numeric", minute: "2-digit" });
const NUT_ALLERGENS = ["PEANUTS", "TREE_NUTS"];

/** The cart survives a reload (and a trip through phone verification) in this browser only. */
function useStoredCart(slug: string) {
  const storageKey = `online-cart:${slug}`;
  const [lines, setLines] = useState<CartLine[]>(() => {
    if (typeof window === "undefined") return [];
    try {
      return JSON.parse(localStorage.getItem(storageKey) ?? "[]") as CartLine[];
    } catch {
      return []; // a broken or blocked store: start with an empty cart
    }
  });
  useEffect(() => {
    try {
      localStorage.setItem(storageKey, JSON.stringify(lines));
    } catch {
      // Private mode or a full store: the cart still works for this visit.
    }
  }, [lines, storageKey]);
  return [lines, setLines] as const;
}

export function OrderSite({ slug, initialMenu }: { slug: string; initialMenu: PublicMenu }) {
  const router = useRouter();
  const menu = initialMenu;
  const currency = menu.location.currency;
  const allItems = useMemo(() => menu.categories.flatMap((c) => c.items), [menu]);
  const [lines, setLines] = useStoredCart(slug);
  const [open, setOpen] = useState<Item | null>(null);
  const [excluded, setExcluded] = useState<string[]>([]);
  const [tags, setTags] = useState<string[]>([]);
  const [customer, setCustomer] = useState<Customer | null>(null);
  const [checkingOut, setCheckingOut] = useState(false);
  const [fulfilment, setFulfilment] = useState<"PICKUP" | "DELIVERY">("PICKUP");
  const [address, setAddress] = useState<Address | null>(null);
  const [when, setWhen] = useState<string>("ASAP");
  const [doorPayment, setDoorPayment] = useState<Payment>("CASH_ON_DELIVERY");
  const [changeFor, setChangeFor] = useState("");
  const [notes, setNotes] = useState("");
  const [placing, setPlacing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [past, setPast] = useState<PastOrder[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const attempt = useRef<{ body: string; key: string } | null>(null);
  // The stored cart is only known in the browser: the cart bar waits for hydration.
  const hydrated = useHydrated();

  // Who is signed in (a verified phone); their past orders for "Order again".
  useEffect(() => {
    let gone = false;
    fetch("/api/public/session", { credentials: "same-origin", cache: "no-store" })
      .then(async (r) => (r.ok ? ((await r.json()) as { customer: Customer }).customer : null))
      .then((c) => !gone && setCustomer(c))
      .catch(() => undefined);
    return () => {
      gone = true;
    };
  }, []);
  useEffect(() => {
    if (!customer) return;
    fetch("/api/public/orders", { credentials: "same-origin", cache: "no-store" })
      .then(async (r) => (r.ok ? ((await r.json()) as { orders: PastOrder[] }).orders : []))
      .then(setPast)
      .catch(() => setPast([]));
  }, [customer]);

  // Payment follows the fulfilment (COD/card at the door for delivery, the counter for pickup).
  const payment: Payment = fulfilment === "PICKUP" ? "PAY_AT_PICKUP" : doorPayment;

  const slotsQuery = useQuery({
    queryKey: ["online-slots", slug, fulfilment, fulfilment === "DELIVERY" ? (address?.id ?? null) : null],
    enabled: checkingOut && customer !== null,
    queryFn: () => {
      const q = new URLSearchParams({ location: slug, fulfilment });
      if (fulfilment === "DELIVERY" && address) q.set("addressId", address.id);
      return fetchJson<Slots>(`/api/public/orders/slots?${q}`);
    },
  });
  const slots = slotsQuery.data ?? null;
  const slotsError = slotsQuery.isError;
  const loadSlots = () => void slotsQuery.refetch();

  const allergensOnMenu = useMemo(() => [...new Set(allItems.flatMap((i) => i.allergens))].sort(), [allItems]);
  const tagsOnMenu = useMemo(
    () => [...new Set(allItems.flatMap((i) => i.dietaryTags.map((t) => t.toLowerCase())))].sort(),
    [allItems],
  );
  const fee = fulfilment === "DELIVERY" ? (address?.feeCents ?? 0) : 0;
  const totals = cartTotals(lines, menu.location.taxRateBps, {
    cents: fee,
    rateBps: menu.location.deliveryFeeTaxRateBps,
  });
  const minimum = fulfilment === "DELIVERY" ? (address?.minimumCents ?? 0) : 0;
  const missing = Math.max(0, minimum - totals.subtotalCents);
  const count = lines.reduce((n, l) => n + l.quantity, 0);

  const add = (item: Item, modifierIds: string[], quantity: number, note: string) => {
    setLines((ls) => [...ls, lineFor(item, modifierIds, quantity, note, newKey())]);
    setOpen(null);
    setNotice(`${item.name} added to your order`);
  };
  const setQty = (key: string, q: number) =>
    setLines((ls) =>
      q <= 0
        ? ls.filter((l) => l.key !== key)
        : ls.map((l) => (l.key === key ? { ...l, quantity: Math.min(50, q) } : l)),
    );

  const orderAgain = (o: PastOrder) => {
    const { lines: again, missing: gone } = reorderLines(o.lines, allItems, newKey);
    setLines(again);
    setNotice(
      gone.length
        ? `Added what is available today. Not available: ${gone.join(", ")}.`
        : "Your previous order is in the cart.",
    );
  };

  const place = async () => {
    setError(null);
    setFieldErrors({});
    const changeForCents =
      payment === "CASH_ON_DELIVERY" && changeFor.trim() ? Math.round(Number(changeFor.replace(",", ".")) * 100) : null;
    if (changeForCents != null && !Number.isFinite(changeForCents)) {
      setFieldErrors({ changeForCents: ["Enter an amount, e.g. 50"] });
      return;
    }
    const body = JSON.stringify({
      locationSlug: slug,
      fulfilment,
      addressId: fulfilment === "DELIVERY" ? (address?.id ?? null) : null,
      lines: lines.map((l) => ({
        menuItemId: l.menuItemId,
        quantity: l.quantity,
        modifierIds: l.modifierIds,
        notes: l.notes,
      })),
      requestedAt: when === "ASAP" ? null : when,
      payment,
      changeForCents,
      notes: notes.trim(),
    });
    // The same order retried (a lost answer) keeps its key; a changed order gets a new one.
    if (!attempt.current || attempt.current.body !== body) attempt.current = { body, key: newKey() };
    setPlacing(true);
    try {
      const res = await fetch("/api/public/orders", {
        method: "POST",
        credentials: "same-origin",
        headers: { "content-type": "application/json", "idempotency-key": attempt.current.key },
        body,
      });
      const json = (await res.json().catch(() => null)) as ({ trackingToken?: string } & ApiFailure) | null;
      if (!res.ok || !json?.trackingToken) {
        if (res.status === 401) setCustomer(null);
        setError(json?.error?.message ?? "We could not place your order. Please try again.");
        setFieldErrors(json?.error?.fieldErrors ?? {});
        if (json?.error?.code === "SLOT_FULL") loadSlots();
        return;
      }
      setLines([]);
      router.push(`/order/track/${json.trackingToken}`);
    } catch {
      setError("We could not reach the restaurant. Check your connection and try again.");
    } finally {
      setPlacing(false);
    }
  };

  const errorsFor = (name: string) =>
    Object.entries(fieldErrors)
      .filter(([k]) => k === name || k.startsWith(`${name}.`))
      .flatMap(([, v]) => v);

  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col gap-4 p-4 pb-28">
      <header className="pt-2">
        <h1 className="text-2xl font-bold">{menu.location.name}</h1>
        <p className="text-gray-700">Order for pickup or delivery{customer ? ` · Hi ${customer.firstName}` : ""}</p>
      </header>

      {notice && (
        <p role="status" className="rounded-lg bg-green-50 p-3 text-green-900" data-testid="order-notice">
          {notice}
        </p>
      )}

      {!checkingOut && (
        <>
          {customer && past && past.length > 0 && (
            <section aria-labelledby="past-title" className="rounded-xl bg-white p-4 shadow-sm">
              <h2 id="past-title" className="font-bold">
                Your past orders
              </h2>
              <ul className="mt-2 flex flex-col gap-2">
                {past.slice(0, 5).map((o) => (
                  <li key={o.trackingToken} className="flex items-center gap-2" data-testid="past-order">
                    <a href={`/order/track/${o.trackingToken}`} className="min-w-0 flex-1 underline">
                      #{o.orderNumber} · {new Date(o.createdAt).toLocaleDateString()} · {o.statusLabel} ·{" "}
                      {formatCents(o.totalCents, currency)}
                    </a>
                    <button
                      type="button"
                      data-testid="order-again"
                      onClick={() => orderAgain(o)}
                      className="min-h-11 rounded-lg border border-gray-300 px-3 font-semibold"
                    >
                      Order again
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          )}

          <details className="rounded-xl bg-white p-4 shadow-sm" data-testid="menu-filters">
            <summary className="min-h-11 cursor-pointer content-center font-semibold">
              Allergies and diets{excluded.length + tags.length > 0 ? ` (${excluded.length + tags.length})` : ""}
            </summary>
            <fieldset className="mt-2">
              <legend className="text-sm font-semibold text-gray-700">Leave out dishes with</legend>
              <div className="mt-1 flex flex-wrap gap-2">
                {allergensOnMenu.includes("PEANUTS") || allergensOnMenu.includes("TREE_NUTS") ? (
                  <FilterChip
                    label="No nuts"
                    testId="filter-no-nuts"
                    on={NUT_ALLERGENS.every((a) => excluded.includes(a))}
                    toggle={(on) =>
                      setExcluded((x) =>
                        on ? [...new Set([...x, ...NUT_ALLERGENS])] : x.filter((a) => !NUT_ALLERGENS.includes(a)),
                      )
                    }
                  />
                ) : null}
                {allergensOnMenu
                  .filter((a) => !NUT_ALLERGENS.includes(a))
                  .map((a) => (
                    <FilterChip
                      key={a}
                      label={`No ${(ALLERGEN_LABEL[a as Allergen] ?? a).toLowerCase()}`}
                      testId={`filter-allergen-${a}`}
                      on={excluded.includes(a)}
                      toggle={(on) => setExcluded((x) => (on ? [...x, a] : x.filter((y) => y !== a)))}
                    />
                  ))}
              </div>
            </fieldset>
            {tagsOnMenu.length > 0 && (
              <fieldset className="mt-3">
                <legend className="text-sm font-semibold text-gray-700">Only dishes that are</legend>
                <div className="mt-1 flex flex-wrap gap-2">
                  {tagsOnMenu.map((t) => (
                    <FilterChip
                      key={t}
                      label={t}
                      testId={`filter-tag-${t}`}
                      on={tags.includes(t)}
                      toggle={(on) => setTags((x) => (on ? [...x, t] : x.filter((y) => y !== t)))}
                    />
                  ))}
                </div>
              </fieldset>
            )}
          </details>

          {menu.categories.map((c) => {
            const items = c.items.filter((i) => passesFilters(i, excluded, tags));
            if (items.length === 0) return null;
            return (
              <section key={c.id} aria-labelledby={`cat-${c.id}`}>
                <h2 id={`cat-${c.id}`} className="mb-2 text-lg font-bold">
                  {c.name}
                </h2>
                <ul className="flex flex-col gap-2">
                  {items.map((i) => (
                    <li key={i.id}>
                      <button
                        type="button"
                        data-testid="menu-item"
                        data-item-name={i.name}
                        disabled={!i.available}
                        onClick={() => {
                          setNotice(null);
                          setOpen(i);
                        }}
                        className="flex min-h-16 w-full items-start gap-3 rounded-xl bg-white p-3 text-left shadow-sm disabled:opacity-60"
                      >
                        <span className="min-w-0 flex-1">
                          <span className="block font-semibold">{i.name}</span>
                          {i.description && <span className="block text-sm text-gray-700">{i.description}</span>}
                          {(i.dietaryTags.length > 0 || i.allergens.length > 0) && (
                            <span className="mt-1 block text-xs text-gray-600">
                              {[...i.dietaryTags, ...i.allergens.map((a) => ALLERGEN_LABEL[a as Allergen] ?? a)].join(
                                " · ",
                              )}
                            </span>
                          )}
                          {!i.available && (
                            <span className="mt-1 block text-sm font-semibold text-gray-700">
                              {i.availableFrom ? `Available ${i.availableFrom}` : "Sold out"}
                            </span>
                          )}
                        </span>
                        <span className="font-semibold">{formatCents(i.priceCents, currency)}</span>
                      </button>
                    </li>
                  ))}
                </ul>
              </section>
            );
          })}
          {menu.categories.every((c) => c.items.every((i) => !passesFilters(i, excluded, tags))) && (
            <p className="rounded-xl bg-white p-4 text-gray-700">No dishes match these filters.</p>
          )}
        </>
      )}

      {checkingOut && (
        <section aria-labelledby="checkout-title" className="flex flex-col gap-4" data-testid="checkout">
          <h2 id="checkout-title" className="text-xl font-bold">
            Your order
          </h2>
          <ul className="flex flex-col gap-2 rounded-xl bg-white p-4 shadow-sm" data-testid="cart-lines">
            {lines.map((l) => (
              <li key={l.key} className="flex items-center gap-2" data-testid="cart-line">
                <span className="min-w-0 flex-1">
                  {l.name}
                  {l.modifierNames.length > 0 && (
                    <span className="text-sm text-gray-600"> ({l.modifierNames.join(", ")})</span>
                  )}
                  {l.notes && <span className="block text-sm text-gray-600">“{l.notes}”</span>}
                </span>
                <button
                  type="button"
                  aria-label={`One fewer ${l.name}`}
                  onClick={() => setQty(l.key, l.quantity - 1)}
                  className="h-11 w-11 rounded-full border border-gray-300"
                >
                  −
                </button>
                <span className="w-6 text-center font-bold">{l.quantity}</span>
                <button
                  type="button"
                  aria-label={`One more ${l.name}`}
                  onClick={() => setQty(l.key, l.quantity + 1)}
                  className="h-11 w-11 rounded-full border border-gray-300"
                >
                  +
                </button>
              </li>
            ))}
            {lines.length === 0 && <li className="text-gray-700">Your cart is empty.</li>}
          </ul>

          {!customer ? (
            <div className="rounded-xl bg-white p-4 shadow-sm">
              <h3 className="font-bold">Verify your phone to order</h3>
              <PhoneVerify locationSlug={slug} onVerified={(c) => setCustomer(c)} />
            </div>
          ) : (
            <>
              <fieldset className="rounded-xl bg-white p-4 shadow-sm">
                <legend className="px-1 font-bold">Pickup or delivery</legend>
                <div className="grid grid-cols-2 gap-2">
                  {(["PICKUP", "DELIVERY"] as const).map((f) => (
                    <label
                      key={f}
                      className={`flex min-h-11 items-center justify-center gap-2 rounded-lg border font-semibold ${fulfilment === f ? "border-gray-900 bg-gray-900 text-white" : "border-gray-300"}`}
                    >
                      <input
                        type="radio"
                        name="fulfilment"
                        value={f}
                        data-testid={`fulfilment-${f.toLowerCase()}`}
                        checked={fulfilment === f}
                        onChange={() => setFulfilment(f)}
                        className="sr-only"
                      />
                      {f === "PICKUP" ? "Pickup" : "Delivery"}
                    </label>
                  ))}
                </div>
                {fulfilment === "DELIVERY" && (
                  <div className="mt-3">
                    <AddressBook
                      selectable
                      selectedId={address?.id ?? null}
                      onSelect={(a) =>
                        // An address saved before its area was archived has no area now: not deliverable.
                        setAddress(
                          a.area
                            ? {
                                id: a.id,
                                label: a.label,
                                areaName: a.area.name,
                                feeCents: a.area.feeCents,
                                minimumCents: a.area.minimumCents,
                              }
                            : null,
                        )
                      }
                    />
                    {address && (
                      <p className="mt-2 text-sm text-gray-700" data-testid="delivery-area">
                        {address.areaName}: delivery {formatCents(address.feeCents, currency)}, minimum order{" "}
                        {formatCents(address.minimumCents, currency)}
                      </p>
                    )}
                    <FieldError messages={errorsFor("addressId")} />
                  </div>
                )}
              </fieldset>

              <fieldset className="rounded-xl bg-white p-4 shadow-sm">
                <legend className="px-1 font-bold">When</legend>
                <label className="flex flex-col text-sm font-semibold">
                  Time
                  <select
                    data-testid="order-time"
                    value={when}
                    onChange={(e) => setWhen(e.target.value)}
                    className="mt-1 min-h-11 rounded-lg border border-gray-300 px-3 font-normal"
                  >
                    <option value="ASAP" disabled={slots ? !slots.asap.available : false}>
                      As soon as possible{slots ? ` (about ${time(slots.asap.promisedAt)})` : ""}
                      {slots && !slots.asap.available ? " — fully booked" : ""}
                    </option>
                    {slots?.slots.map((s) => (
                      <option key={s.startsAt} value={s.startsAt}>
                        {time(s.startsAt)}
                      </option>
                    ))}
                  </select>
                </label>
                {!slots && !slotsError && <p className="mt-1 text-sm text-gray-600">Loading times…</p>}
                {slotsError && (
                  <p className="mt-1 text-sm text-red-800">
                    Could not load the times.{" "}
                    <button type="button" onClick={loadSlots} className="min-h-11 font-semibold underline">
                      Try again
                    </button>
                  </p>
                )}
                <FieldError messages={errorsFor("requestedAt")} />
              </fieldset>

              <fieldset className="rounded-xl bg-white p-4 shadow-sm">
                <legend className="px-1 font-bold">Payment</legend>
                {(fulfilment === "PICKUP"
                  ? ([["PAY_AT_PICKUP", "Pay at pickup"]] as const)
                  : ([
                      ["CASH_ON_DELIVERY", "Cash on delivery"],
                      ["CARD_ON_DELIVERY", "Card at the door"],
                    ] as const)
                ).map(([value, label]) => (
                  <label key={value} className="flex min-h-11 items-center gap-3">
                    <input
                      type="radio"
                      name="payment"
                      value={value}
                      data-testid={`payment-${value.toLowerCase()}`}
                      checked={payment === value}
                      onChange={() => setDoorPayment(value)}
                      className="h-5 w-5"
                    />
                    {label}
                  </label>
                ))}
                {payment === "CASH_ON_DELIVERY" && (
                  <label className="mt-2 flex flex-col text-sm font-semibold">
                    I will pay with (optional, for change)
                    <input
                      inputMode="decimal"
                      data-testid="change-for"
                      value={changeFor}
                      onChange={(e) => setChangeFor(e.target.value)}
                      placeholder="e.g. 50"
                      className="mt-1 min-h-11 rounded-lg border border-gray-300 px-3 font-normal"
                    />
                  </label>
                )}
                <FieldError messages={[...errorsFor("payment"), ...errorsFor("changeForCents")]} />
              </fieldset>

              <label className="flex flex-col rounded-xl bg-white p-4 text-sm font-semibold shadow-sm">
                Notes for the restaurant
                <textarea
                  data-testid="order-notes"
                  value={notes}
                  maxLength={500}
                  onChange={(e) => setNotes(e.target.value)}
                  className="mt-1 min-h-20 rounded-lg border border-gray-300 px-3 py-2 font-normal"
                />
              </label>
            </>
          )}

          <dl className="grid grid-cols-2 gap-1 rounded-xl bg-white p-4 shadow-sm" data-testid="order-totals">
            <dt>Subtotal</dt>
            <dd className="text-right">{formatCents(totals.subtotalCents, currency)}</dd>
            {fulfilment === "DELIVERY" && (
              <>
                <dt>Delivery fee</dt>
                <dd className="text-right">{formatCents(fee, currency)}</dd>
              </>
            )}
            <dt>Tax</dt>
            <dd className="text-right">{formatCents(totals.taxCents, currency)}</dd>
            <dt className="font-bold">Total</dt>
            <dd className="text-right font-bold" data-testid="order-total">
              {formatCents(totals.totalCents, currency)}
            </dd>
          </dl>
          {missing > 0 && (
            <p className="rounded-lg bg-amber-50 p-3 text-amber-900" data-testid="minimum-missing">
              Minimum order for delivery here is {formatCents(minimum, currency)}: add {formatCents(missing, currency)}{" "}
              more.
            </p>
          )}
          {error && (
            <div
              role="alert"
              className="rounded-lg border border-red-300 bg-red-50 p-3 text-red-900"
              data-testid="order-error"
            >
              <p className="font-semibold">{error}</p>
              <FieldError messages={errorsFor("lines").concat(errorsFor("items"))} />
            </div>
          )}
          <div className="flex gap-2">
            <button
              type="button"
              onClick={() => setCheckingOut(false)}
              className="min-h-11 rounded-lg border border-gray-300 px-4 font-semibold"
            >
              Back to menu
            </button>
            <button
              type="button"
              data-testid="place-order"
              disabled={
                !customer || placing || lines.length === 0 || missing > 0 || (fulfilment === "DELIVERY" && !address)
              }
              onClick={() => void place()}
              className="min-h-11 flex-1 rounded-lg bg-green-700 px-4 font-semibold text-white disabled:opacity-50"
            >
              {placing ? "Placing…" : `Place order · ${formatCents(totals.totalCents, currency)}`}
            </button>
          </div>
        </section>
      )}

      {hydrated && !checkingOut && count > 0 && (
        <div className="fixed inset-x-0 bottom-0 z-30 border-t border-gray-200 bg-white p-3">
          <button
            type="button"
            data-testid="view-cart"
            onClick={() => {
              setNotice(null);
              setCheckingOut(true);
            }}
            className="mx-auto flex min-h-12 w-full max-w-md items-center justify-between rounded-lg bg-gray-900 px-4 font-semibold text-white"
          >
            <span>
              View order · <span data-testid="cart-count">{count}</span> item{count === 1 ? "" : "s"}
            </span>
            <span>{formatCents(totals.subtotalCents, currency)}</span>
          </button>
        </div>
      )}

      {open && (
        <ItemSheet
          item={open}
          currency={currency}
          onAdd={(mods, q, n) => add(open, mods, q, n)}
          onClose={() => setOpen(null)}
        />
      )}
    </main>
  );
}

function FilterChip({
  label,
  testId,
  on,
  toggle,
}: {
  label: string;
  testId: string;
  on: boolean;
  toggle: (on: boolean) => void;
}) {
  return (
    <button
      type="button"
      aria-pressed={on}
      data-testid={testId}
      onClick={() => toggle(!on)}
      className={`min-h-11 rounded-full border px-4 font-semibold ${on ? "border-gray-900 bg-gray-900 text-white" : "border-gray-300 bg-white"}`}
    >
      {label}
    </button>
  );
}

function FieldError({ messages }: { messages: string[] }) {
  if (messages.length === 0) return null;
  return <p className="mt-1 text-sm font-semibold text-red-800">{messages.join(" ")}</p>;
}
