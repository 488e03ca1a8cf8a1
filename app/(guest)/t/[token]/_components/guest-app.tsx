"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import type { PusherClientConfig } from "@/lib/realtime/pusher-server";
import { CartView } from "./cart-view";
import {
  GuestApiError,
  guestFetch,
  guestKeys,
  newId,
  type GuestMenuJson,
  type GuestSessionJson,
  type MenuItem,
} from "./guest-api";
import { ItemSheet } from "./item-sheet";
import { JoinForm } from "./join-form";
import { MenuView } from "./menu-view";
import { OrderStatus, ServiceButtons } from "./order-status";
import { useGuestCart } from "./use-guest-cart";
import { useGuestChannel } from "./use-guest-channel";

const POLL_MS = 15_000;
type Tab = "menu" | "cart" | "order";
type Toast = { id: number; text: string; tone: "ok" | "error" };

function Skeleton() {
  return (
    <main className="mx-auto max-w-md space-y-4 p-4" aria-busy="true" aria-label="Loading">
      <div className="h-16 rounded-2xl bg-gray-200 motion-safe:animate-pulse" />
      <div className="flex gap-2">
        {[0, 1, 2].map((i) => (
          <div key={i} className="h-11 w-24 rounded-full bg-gray-200 motion-safe:animate-pulse" />
        ))}
      </div>
      {[0, 1, 2, 3].map((i) => (
        <div key={i} className="h-28 rounded-2xl bg-gray-200 motion-safe:animate-pulse" />
      ))}
    </main>
  );
}

function Ended() {
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col items-center justify-center gap-3 p-6 text-center">
      <h1 className="text-3xl font-black" data-testid="session-ended">
        Thanks for visiting
      </h1>
      <p className="text-gray-700">This table’s ordering has closed. We hope to see you again soon.</p>
    </main>
  );
}

function Unreachable({ retry }: { retry: () => void }) {
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col items-center justify-center gap-4 p-6 text-center">
      <h1 className="text-2xl font-bold">We can’t reach the restaurant</h1>
      <p className="text-gray-700">Check your connection, then try again. Your server can also take your order.</p>
      <Button type="button" onClick={retry} className="h-12 px-6">
        Try again
      </Button>
    </main>
  );
}

/** The phone app at /t/<token>: join with the PIN, then menu, cart and the order's progress. */
export function GuestApp({
  token,
  table,
  config,
}: {
  token: string;
  /** The table the card names (shown on the join screen). */
  table: { label: string; locationName: string };
  config: PusherClientConfig;
}) {
  const [tab, setTab] = useState<Tab>("menu");
  const [open, setOpen] = useState<MenuItem | null>(null);
  const [toasts, setToasts] = useState<Toast[]>([]);
  const [sent, setSent] = useState<string | null>(null);

  const sessionQuery = useQuery({
    queryKey: guestKeys.session,
    queryFn: () => guestFetch<GuestSessionJson>("/api/guest/session"),
    retry: (n, e) => !(e instanceof GuestApiError && e.status < 500) && n < 2,
    refetchInterval: (q) => (q.state.error ? false : POLL_MS),
  });
  const data = sessionQuery.data;
  const sessionError = sessionQuery.error instanceof GuestApiError ? sessionQuery.error : null;
  const joined = !!data && !sessionError;
  const { live } = useGuestChannel(config, joined ? data.session.channel : null);

  const menuQuery = useQuery({
    queryKey: guestKeys.menu,
    queryFn: () => guestFetch<GuestMenuJson>("/api/guest/menu"),
    enabled: joined,
    refetchInterval: live ? false : POLL_MS * 4,
  });
  // The checkout lease lasts 60 s; a phone that missed its release stops honouring it once it expires.
  const [clock, setClock] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setClock(Date.now()), 5_000);
    return () => clearInterval(t);
  }, []);
  const lease = data?.session.checkout;
  const checkout = lease && new Date(lease.until).getTime() > clock ? lease : null;
  const blocked = !!checkout && checkout.memberId !== data?.me.id;
  const cart = useGuestCart({ me: joined ? data.me : null, live, blocked });

  // A cart answer of 401/410 means the session went away: the session query decides what to show.
  const cartStatus = cart.query.error instanceof GuestApiError ? cart.query.error.status : 0;
  const refetchSession = sessionQuery.refetch;
  useEffect(() => {
    if (cartStatus === 401 || cartStatus === 410) void refetchSession();
  }, [cartStatus, refetchSession]);

  const toast = (text: string, tone: "ok" | "error") => {
    const id = Date.now() + Math.random();
    setToasts((t) => [...t, { id, text, tone }]);
    setTimeout(() => setToasts((t) => t.filter((x) => x.id !== id)), 5_000);
  };

  if (sessionError?.status === 410) return <Ended />;
  if (sessionError?.status === 401) return <JoinForm token={token} table={table} />;
  if (!data) return sessionQuery.isError ? <Unreachable retry={() => void sessionQuery.refetch()} /> : <Skeleton />;

  const { session, me } = data;
  const count = (cart.cart?.items ?? [])
    .filter((l) => session.mode === "FAMILY" || l.mine)
    .reduce((n, l) => n + l.quantity, 0);
  const other = blocked && checkout ? checkout.nickname : null;
  const tabs: { id: Tab; label: string }[] = [
    { id: "menu", label: "Menu" },
    { id: "cart", label: count ? `Cart · ${count}` : "Cart" },
    { id: "order", label: "Order" },
  ];

  return (
    <div className="mx-auto flex min-h-screen max-w-md flex-col">
      <header className="bg-gray-900 px-4 pb-4 pt-5 text-white">
        <p className="text-sm font-semibold uppercase tracking-wider text-gray-300">{session.locationName}</p>
        <div className="flex items-baseline justify-between gap-3">
          <h1 className="text-2xl font-black" data-testid="table-label">
            Table {session.tableLabel}
          </h1>
          <p className="truncate text-gray-200">
            Hi {me.nickname}
            {session.mode === "FAMILY" && data.members.length > 1 ? ` · ${data.members.length} at the table` : ""}
          </p>
        </div>
        {!live && sessionQuery.isFetched && <p className="mt-1 text-xs text-gray-300">Updating every few seconds.</p>}
      </header>

      <main className="flex-1 px-4 pb-28 pt-2">
        {(cart.notice || cart.problem || other) && (
          <div className="space-y-2 pt-2">
            {cart.notice && (
              <div
                role="status"
                className="flex items-start gap-2 rounded-2xl bg-amber-50 p-3 text-amber-900"
                data-testid="cart-notice"
              >
                <p className="flex-1 font-semibold">{cart.notice}</p>
                <button
                  type="button"
                  onClick={cart.dismissNotice}
                  className="min-h-11 min-w-11 font-bold"
                  aria-label="Dismiss"
                >
                  ×
                </button>
              </div>
            )}
            {cart.problem && (
              <p role="alert" className="rounded-2xl bg-red-50 p-3 font-semibold text-red-800">
                {cart.problem}
              </p>
            )}
            {other && tab !== "cart" && (
              <p role="status" className="rounded-2xl bg-amber-50 p-3 font-bold text-amber-900">
                {other} is sending…
              </p>
            )}
          </div>
        )}
        {sent && tab === "order" && (
          <p
            role="status"
            className="mt-3 rounded-2xl bg-green-50 p-4 text-lg font-black text-green-900"
            data-testid="sent-banner"
          >
            {sent}
          </p>
        )}

        {tab === "menu" &&
          (menuQuery.data ? (
            <MenuView menu={menuQuery.data} onOpen={setOpen} />
          ) : menuQuery.isError ? (
            <div role="alert" className="mt-4 rounded-2xl bg-red-50 p-4 text-red-800">
              <p className="font-semibold">The menu could not be loaded.</p>
              <Button type="button" onClick={() => void menuQuery.refetch()} className="mt-2">
                Try again
              </Button>
            </div>
          ) : (
            <div className="mt-3 space-y-3" aria-busy="true" aria-label="Loading the menu">
              {[0, 1, 2, 3].map((i) => (
                <div key={i} className="h-28 rounded-2xl bg-gray-200 motion-safe:animate-pulse" />
              ))}
            </div>
          ))}
        {tab === "cart" && (
          <div className="pt-3">
            <CartView
              data={data}
              checkout={checkout}
              cart={cart.cart}
              pending={cart.pending}
              edit={cart.edit}
              onBrowse={() => setTab("menu")}
              onSent={(r) => {
                setSent(r.status === "SENT" ? "Sent to the kitchen" : "Waiting for your server to confirm");
                setTab("order");
              }}
            />
          </div>
        )}
        {tab === "order" && (
          <div className="space-y-4 pt-3">
            <OrderStatus data={data} />
            <ServiceButtons onToast={toast} />
          </div>
        )}
      </main>

      <nav
        aria-label="Sections"
        className="fixed inset-x-0 bottom-0 z-20 border-t border-gray-200 bg-white pb-[env(safe-area-inset-bottom)]"
      >
        <div className="mx-auto flex max-w-md">
          {tabs.map((t) => (
            <button
              key={t.id}
              type="button"
              aria-current={tab === t.id ? "page" : undefined}
              onClick={() => setTab(t.id)}
              className={`min-h-16 flex-1 text-lg font-bold ${tab === t.id ? "border-t-4 border-gray-900 text-gray-900" : "border-t-4 border-transparent text-gray-600"}`}
              data-testid={`tab-${t.id}`}
            >
              {t.label}
            </button>
          ))}
        </div>
      </nav>

      <div
        aria-live="polite"
        className="pointer-events-none fixed inset-x-0 bottom-20 z-30 flex flex-col items-center gap-2 px-4"
      >
        {toasts.map((t) => (
          <p
            key={t.id}
            role={t.tone === "error" ? "alert" : "status"}
            className={`rounded-xl px-4 py-3 font-semibold text-white shadow-lg ${t.tone === "ok" ? "bg-gray-900" : "bg-red-700"}`}
            data-testid="toast"
          >
            {t.text}
          </p>
        ))}
      </div>

      {open && (
        <ItemSheet
          key={open.id}
          item={open}
          currency={session.currency}
          disabledReason={other ? `${other} is sending… You can add more in a moment.` : null}
          onClose={() => setOpen(null)}
          onAdd={(line) => {
            cart.edit({ kind: "add", editId: newId(), line });
            setOpen(null);
            toast(`${line.quantity} × ${line.name} added`, "ok");
          }}
        />
      )}
    </div>
  );
}
