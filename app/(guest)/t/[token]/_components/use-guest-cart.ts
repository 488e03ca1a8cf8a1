"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  applyEdits,
  enqueue,
  putItems,
  rebase,
  refusedAdds,
  restoreTaps,
  savedTapsOf,
  settle,
  type Cart,
  type CartEdit,
} from "./cart-edits";
import { GuestApiError, OfflineError, guestFetch, guestKeys } from "./guest-api";

const POLL_MS = 15_000;
type Me = { id: string; nickname: string };

/** Newer versions win: a slow GET must not roll back what a PUT already answered. */
function newer(current: Cart | undefined, next: Cart): Cart {
  return current && current.version > next.version ? current : next;
}

/**
 * The table's cart (FAMILY) or mine (INDIVIDUAL) with this phone's pending taps on top. Taps go
 * into a queue; one PUT at a time carries the whole resulting cart with the version it was built
 * on; a 409 brings the fresh cart and the same taps are applied to it again (cart-edits.ts).
 */
export function useGuestCart({ me, live, blocked }: { me: Me | null; live: boolean; blocked: boolean }) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: guestKeys.cart,
    queryFn: async () =>
      newer(queryClient.getQueryData<Cart>(guestKeys.cart), await guestFetch<Cart>("/api/guest/cart")),
    enabled: me !== null,
    refetchInterval: live ? false : POLL_MS,
  });
  const [queue, setQueue] = useState<CartEdit[]>([]);
  const [sending, setSending] = useState<ReadonlySet<string> | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const queueRef = useRef(queue);
  const sendingRef = useRef(sending);
  const retryTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  /** The cart the PUT on its way was built on (what a reload must rebase the sent taps from). */
  const sentBefore = useRef<Cart | null>(null);
  const [retryTick, setRetryTick] = useState(0);

  const updateQueue = useCallback((f: (q: CartEdit[]) => CartEdit[]) => {
    queueRef.current = f(queueRef.current);
    setQueue(queueRef.current);
  }, []);
  const setCart = useCallback(
    (cart: Cart) => queryClient.setQueryData<Cart>(guestKeys.cart, (cur) => newer(cur, cart)),
    [queryClient],
  );

  // Items the server took out (86'd, out of their hours): say so once per answer.
  const removed = query.data?.removed;
  const [seenRemoved, setSeenRemoved] = useState<typeof removed>(undefined);
  if (removed !== seenRemoved) {
    setSeenRemoved(removed);
    if (removed?.length) setNotice(removedNotice(removed));
  }

  const flush = useCallback(async () => {
    const before = queryClient.getQueryData<Cart>(guestKeys.cart);
    const edits = queueRef.current;
    if (!me || !before || sendingRef.current || edits.length === 0) return;
    const sent = new Set(edits.map((e) => e.editId));
    sentBefore.current = before;
    sendingRef.current = sent;
    setSending(sent);
    let again = 0;
    try {
      const after = await guestFetch<Cart>("/api/guest/cart", {
        method: "PUT",
        body: { version: before.version, items: putItems(before, edits, me) },
      });
      setCart(after);
      updateQueue((q) => settle(before, after, q, sent));
      setProblem(null);
    } catch (error) {
      if (error instanceof GuestApiError && error.code === "VERSION_CONFLICT" && error.body.cart) {
        // Another phone was first: the same taps, on top of its cart.
        const fresh = error.body.cart as Cart;
        setCart(fresh);
        updateQueue((q) => rebase(before, fresh, q, sent, false));
      } else if (error instanceof GuestApiError && error.code === "CHECKOUT_IN_PROGRESS") {
        // Someone is sending: the taps wait until they are done (the session refetch lifts `blocked`).
        void queryClient.invalidateQueries({ queryKey: guestKeys.session });
      } else if (error instanceof OfflineError || (error instanceof GuestApiError && error.status >= 500)) {
        // The answer was lost: the server may have taken it. Read the cart, keep what it lacks.
        setProblem("We can’t reach the restaurant right now. Your changes will be sent when we can.");
        again = 3_000;
        const fresh = await guestFetch<Cart>("/api/guest/cart").catch(() => null);
        if (fresh) {
          setCart(fresh);
          updateQueue((q) => rebase(before, fresh, q, sent, "unknown"));
        }
      } else if (error instanceof GuestApiError && (error.status === 401 || error.status === 410)) {
        void queryClient.invalidateQueries({ queryKey: guestKeys.session });
      } else {
        // Refused for good (a dish sold out meanwhile, a bad quantity): drop the taps that made the
        // refused lines (all that were sent when the answer does not say which), and say why.
        setProblem(error instanceof Error ? error.message : "That change could not be saved.");
        const refused =
          error instanceof GuestApiError && error.fieldErrors
            ? refusedAdds(before, edits, me, error.fieldErrors)
            : null;
        updateQueue((q) => q.filter((e) => (refused?.size ? !refused.has(e.editId) : !sent.has(e.editId))));
        void queryClient.invalidateQueries({ queryKey: guestKeys.cart });
      }
    } finally {
      sendingRef.current = null;
      setSending(null);
      if (again) retryTimer.current = setTimeout(() => setRetryTick((n) => n + 1), again);
    }
  }, [me, queryClient, setCart, updateQueue]);

  const base = query.data;
  // Taps survive a reload (or the phone dropping the tab): kept in sessionStorage until saved, and
  // re-applied once on the cart as the server has it after the reload.
  const storageKey = me ? `guest-cart-taps:${me.id}` : null;
  const restored = useRef(false);
  useEffect(() => {
    if (restored.current || !storageKey || !base) return;
    restored.current = true;
    const saved = savedTapsOf(readStorage(storageKey));
    if (saved) {
      const taps = restoreTaps(saved, base);
      if (taps.length) updateQueue((q) => [...taps, ...q]);
    }
  }, [storageKey, base, updateQueue]);
  useEffect(() => {
    if (!restored.current || !storageKey) return;
    const onItsWay = sendingRef.current;
    writeStorage(
      storageKey,
      queue.length === 0 && !onItsWay
        ? null
        : JSON.stringify({
            base: onItsWay ? sentBefore.current : base,
            queue: queueRef.current,
            sent: [...(onItsWay ?? [])],
          }),
    );
  }, [storageKey, queue, sending, base]);

  // Send whenever there is something to send and nothing on its way.
  useEffect(() => {
    if (queue.length && base && !sending && !blocked && !retryTimer.current) void flush();
  }, [queue, base, sending, blocked, flush]);
  useEffect(() => {
    retryTimer.current = null;
    if (retryTick) void flush();
  }, [retryTick, flush]);
  useEffect(() => () => void (retryTimer.current && clearTimeout(retryTimer.current)), []);

  const edit = useCallback(
    (e: CartEdit) => updateQueue((q) => enqueue(q, e, sendingRef.current ?? undefined)),
    [updateQueue],
  );
  const shown = useMemo(() => (base && me ? applyEdits(base, queue, me) : null), [base, queue, me]);

  return {
    query,
    cart: shown,
    edit,
    /** Taps not yet saved (the Send button waits for them). */
    pending: queue.length > 0 || sending !== null,
    problem,
    notice,
    dismissNotice: () => setNotice(null),
  };
}

/** sessionStorage, when the browser allows it (private modes and full quotas throw). */
function readStorage(key: string): string | null {
  try {
    return window.sessionStorage.getItem(key);
  } catch {
    return null;
  }
}
function writeStorage(key: string, value: string | null): void {
  try {
    if (value === null) window.sessionStorage.removeItem(key);
    else window.sessionStorage.setItem(key, value);
  } catch {
    // Nothing to keep it in: the taps still go out as long as the page stays.
  }
}

export function removedNotice(removed: { name: string; reason: string }[]): string {
  return removed
    .map((r) =>
      /window|hours|time|unavailable/i.test(r.reason)
        ? `${r.name} is not available right now and was taken out of your cart.`
        : `${r.name} is sold out and was taken out of your cart.`,
    )
    .join(" ");
}
