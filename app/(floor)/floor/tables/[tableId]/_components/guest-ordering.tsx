"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { fetchJson } from "@/components/realtime/fetch-json";
import { PhoneIcon } from "@/components/guest-phone-badge";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import type { ActionResult } from "@/lib/http/action";
import type { Jsonify } from "@/lib/jsonify";
import type { getTableGuestSession } from "@/lib/guest/get-table-guest-session";
import { closeGuestSessionAction, openGuestSessionAction } from "../../../guest-actions";

export type GuestSessionView = Jsonify<NonNullable<Awaited<ReturnType<typeof getTableGuestSession>>>>;
type Mode = GuestSessionView["mode"];

const MODES: { mode: Mode; title: string; hint: string }[] = [
  { mode: "FAMILY", title: "Family", hint: "One shared cart for the table" },
  { mode: "INDIVIDUAL", title: "Individual", hint: "Each phone orders for itself" },
];

/** The table's guest session (null: none), live through the floor channel's guest.changed hints. */
export function useGuestSession(tableId: string, initialData?: GuestSessionView | null, watching = false) {
  return useQuery({
    queryKey: ["guest-session", tableId],
    queryFn: () =>
      fetchJson<{ session: GuestSessionView | null }>(`/api/v1/tables/${tableId}/guest-session`).then((r) => r.session),
    initialData,
    // While the PIN is on screen, phones are joining: a missed hint costs seconds, not half a minute.
    refetchInterval: watching ? 5_000 : 30_000,
  });
}

/** An action's failure as a thrown Error, so TanStack Query's onError sees it. */
async function unwrap<T>(p: Promise<ActionResult<T>>): Promise<T> {
  const res = await p;
  if (!res.ok) throw new Error(res.error);
  return res.data;
}

/**
 * The pad header's "Guest ordering" control: with no session it opens the mode choice; with one
 * it reads "Guests: PIN 4821 · 2 joined" and opens the PIN, who joined and "End guest ordering".
 */
export function GuestOrderingControl({
  tableId,
  tableLabel,
  initialSession,
}: {
  tableId: string;
  tableLabel: string;
  /** What the page read on the server (undefined: fetch it here). */
  initialSession?: GuestSessionView | null;
}) {
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const { data: session, isPending, isError, refetch } = useGuestSession(tableId, initialSession, open);
  const [error, setError] = useState<string | null>(null);
  const [confirmEnd, setConfirmEnd] = useState(false);

  const key = ["guest-session", tableId];
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: key });
    void qc.invalidateQueries({ queryKey: ["floor"] });
  };
  const start = useMutation({
    mutationFn: (mode: Mode) => unwrap(openGuestSessionAction({ tableId, mode })),
    onMutate: () => setError(null),
    onError: (e) => setError(e instanceof Error ? e.message : "Couldn't reach the server. Try again."),
    onSettled: refresh,
  });
  const end = useMutation({
    mutationFn: () => unwrap(closeGuestSessionAction({ tableId })),
    onMutate: () => setError(null),
    onSuccess: () => {
      qc.setQueryData(key, null);
      setConfirmEnd(false);
      setOpen(false);
    },
    onError: (e) => setError(e instanceof Error ? e.message : "Couldn't reach the server. Try again."),
    onSettled: refresh,
  });

  const joined = session?.members.length ?? 0;
  const close = () => {
    setOpen(false);
    setConfirmEnd(false);
    setError(null);
  };

  return (
    <>
      {/* Two short lines: the pad header has about 120 px left at 1024 px (the title side cannot shrink further). */}
      <Button
        variant="secondary"
        data-testid="guest-ordering-button"
        disabled={isPending && !isError}
        onClick={() => (isError ? void refetch() : setOpen(true))}
        aria-label={
          isError
            ? "Guest ordering: couldn't load, retry"
            : session
              ? `Guests: PIN ${session.pin} · ${joined} joined`
              : "Guest ordering"
        }
        className={`!gap-1.5 !px-3 leading-tight ${session ? "!border-violet-600 bg-violet-50 text-violet-900" : ""}`}
      >
        {session && !isError ? (
          <span className="flex flex-col items-start">
            <span className="text-base font-black tabular-nums">PIN {session.pin}</span>
            <span className="flex items-center gap-1 text-xs font-bold">
              <PhoneIcon /> {joined} joined
            </span>
          </span>
        ) : (
          <>
            <PhoneIcon className="h-4 w-4" />
            <span className="flex flex-col items-start text-sm">
              <span>Guest</span>
              <span>{isError ? "retry" : "ordering"}</span>
            </span>
          </>
        )}
      </Button>
      {open && (
        <Modal
          title={session ? `Guest ordering · table ${tableLabel}` : `Start guest ordering · table ${tableLabel}`}
          onClose={close}
          testId="guest-ordering-dialog"
          width="w-[40rem]"
          footer={
            session ? (
              <div className="flex items-center justify-between gap-3">
                {confirmEnd ? (
                  <>
                    <span className="font-semibold text-red-800">Phones stop ordering; unsent carts are dropped.</span>
                    <span className="flex shrink-0 gap-2">
                      <Button variant="secondary" onClick={() => setConfirmEnd(false)}>
                        Keep
                      </Button>
                      <Button variant="danger" disabled={end.isPending} onClick={() => end.mutate()}>
                        {end.isPending ? "Ending…" : "Yes, end it"}
                      </Button>
                    </span>
                  </>
                ) : (
                  <>
                    <Button variant="danger" onClick={() => setConfirmEnd(true)}>
                      End guest ordering
                    </Button>
                    <Button onClick={close}>Done</Button>
                  </>
                )}
              </div>
            ) : undefined
          }
        >
          {error && (
            <p role="alert" className="mb-3 font-semibold text-red-700">
              {error}
            </p>
          )}
          {session ? (
            <SessionPanel session={session} />
          ) : (
            <ModeChoice pending={start.isPending || start.isSuccess} onPick={start.mutate} />
          )}
        </Modal>
      )}
    </>
  );
}

function ModeChoice({ pending, onPick }: { pending: boolean; onPick: (mode: Mode) => void }) {
  return (
    <div className="space-y-3">
      <p className="text-lg">How will this table order from their phones?</p>
      <div className="grid grid-cols-2 gap-3">
        {MODES.map((m) => (
          <button
            key={m.mode}
            type="button"
            disabled={pending}
            data-mode={m.mode}
            onClick={() => onPick(m.mode)}
            className="flex min-h-32 flex-col items-start justify-center gap-1 rounded-2xl border-2 border-gray-300 bg-white p-4 text-left hover:border-violet-600 hover:bg-violet-50 disabled:opacity-50"
          >
            <span className="text-2xl font-black">{m.title}</span>
            <span className="text-base text-gray-700">{m.hint}</span>
          </button>
        ))}
      </div>
      {pending && <p className="text-gray-600">Opening…</p>}
    </div>
  );
}

function SessionPanel({ session }: { session: GuestSessionView }) {
  const mode = MODES.find((m) => m.mode === session.mode);
  return (
    <div className="space-y-4 text-center">
      <p className="text-lg font-semibold">Guests scan the QR card on the table and enter this PIN</p>
      <p
        data-testid="guest-pin"
        aria-label={`PIN ${session.pin.split("").join(" ")}`}
        className="font-mono text-8xl font-black leading-none tracking-[0.3em] text-violet-900 tabular-nums"
      >
        {session.pin}
      </p>
      <p className="text-base text-gray-700">
        {mode?.title} · {mode?.hint.toLowerCase()}
      </p>
      <section aria-label="Who joined" className="rounded-xl bg-gray-50 p-3 text-left" aria-live="polite">
        <h3 className="mb-2 text-sm font-bold uppercase tracking-wide text-gray-600">
          Joined ({session.members.length})
        </h3>
        {session.members.length === 0 ? (
          <p className="text-gray-600">No phones yet — waiting for the first guest.</p>
        ) : (
          <ul className="flex flex-wrap gap-2" data-testid="guest-members">
            {session.members.map((m) => (
              <li key={m.id} className="rounded-full bg-violet-100 px-3 py-1 font-semibold text-violet-900">
                {m.nickname}
              </li>
            ))}
          </ul>
        )}
      </section>
      {session.pendingSubmissions > 0 && (
        <p className="rounded-lg bg-amber-100 px-3 py-2 font-semibold text-amber-950">
          {session.pendingSubmissions === 1
            ? "1 guest order is waiting in the floor screen's tray"
            : `${session.pendingSubmissions} guest orders are waiting in the floor screen's tray`}
        </p>
      )}
      {session.guestUrl && <p className="break-all text-sm text-gray-500">No card? {session.guestUrl}</p>}
    </div>
  );
}
