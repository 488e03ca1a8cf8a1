"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { ApiError, fetchJson } from "@/components/realtime/fetch-json";
import { FLAG_LABELS, type PunchFlag } from "@/lib/timeclock/timesheet-math";

type PunchView = {
  punchId: string;
  since: string;
  clockOutAt: string | null;
  onBreakSince: string | null;
  shift: { startsAt: string; endsAt: string } | null;
  flags: PunchFlag[];
  workedMinutes: number;
};
type Person = { userId: string; name: string; role: string; punch: PunchView | null };
type Board = { timeZone: string; me: string; people: Person[] };
type Action = "clock-in" | "clock-out" | "break-start" | "break-end";
type Result = { action: Action; person: { userId: string; name: string }; punch: PunchView };

const KEY = ["time-clock"];
const DONE: Record<Action, string> = {
  "clock-in": "clocked in",
  "clock-out": "clocked out",
  "break-start": "started a break",
  "break-end": "is back from break",
};

/** "Clock in/out" in the floor and kitchen headers: pick your name, type your PIN, punch. */
export function TimeClockButton({ dark = false }: { dark?: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        className={`min-h-11 shrink-0 rounded-lg px-4 font-bold ${dark ? "bg-gray-800 text-lg text-white hover:bg-gray-700" : "border border-gray-300 bg-white hover:bg-gray-50"}`}
        data-testid="time-clock-open"
      >
        Clock in/out
      </button>
      {open && <TimeClockDialog dark={dark} onClose={() => setOpen(false)} />}
    </>
  );
}

function TimeClockDialog({ dark, onClose }: { dark: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const board = useQuery({ queryKey: KEY, queryFn: () => fetchJson<Board>("/api/v1/time-clock"), staleTime: 0 });
  const [who, setWho] = useState<string | null>(null);
  const [pin, setPin] = useState("");
  const [done, setDone] = useState<Result | null>(null);
  const pinRef = useRef<HTMLInputElement>(null);
  const punch = useMutation({
    mutationFn: (action: Action) =>
      fetchJson<Result>("/api/v1/time-clock", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ action, userId: who, ...(pin ? { pin } : {}) }),
      }),
    onSuccess: (result) => {
      setDone(result);
      setPin("");
      void queryClient.invalidateQueries({ queryKey: KEY });
    },
    onError: () => {
      setPin("");
      pinRef.current?.focus();
    },
  });

  // A finished punch closes itself: the next person walks up to an idle screen.
  useEffect(() => {
    if (!done) return;
    const t = setTimeout(onClose, 6000);
    return () => clearTimeout(t);
  }, [done, onClose]);

  const data = board.data;
  const person = data?.people.find((p) => p.userId === who) ?? null;
  const isMe = !!data && who === data.me;
  const fmt = (iso: string) =>
    new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: data?.timeZone }).format(
      new Date(iso),
    );
  const canSend = !punch.isPending && (isMe || pin.length >= 4);
  const actions: Action[] = !person?.punch
    ? ["clock-in"]
    : person.punch.onBreakSince
      ? ["break-end", "clock-out"]
      : ["break-start", "clock-out"];
  const label: Record<Action, string> = {
    "clock-in": "Clock in",
    "clock-out": "Clock out",
    "break-start": "Start break",
    "break-end": "End break",
  };
  const error =
    punch.error instanceof ApiError ? punch.error.message : punch.error ? "Could not reach the server" : null;
  const surface = dark ? "bg-gray-950 text-white border border-gray-700" : "bg-white text-gray-900";
  const key = dark ? "bg-gray-800 hover:bg-gray-700 text-white" : "bg-gray-100 hover:bg-gray-200";
  const muted = dark ? "text-gray-300" : "text-gray-600";

  const press = (digit: string) => {
    setPin((p) => (p.length < 6 ? p + digit : p));
    pinRef.current?.focus();
  };

  return (
    <div
      className="fixed inset-0 z-50 flex items-center justify-center bg-black/60 p-4"
      onClick={onClose}
      // The kitchen's bump bar listens on the window: keys typed here stay here.
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === "Escape") onClose();
      }}
    >
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby="time-clock-title"
        className={`max-h-full w-[40rem] max-w-full space-y-4 overflow-y-auto rounded-2xl p-6 shadow-xl ${surface}`}
        onClick={(e) => e.stopPropagation()}
        data-testid="time-clock-dialog"
      >
        <div className="flex items-center justify-between gap-4">
          <h2 id="time-clock-title" className="text-2xl font-black">
            {done ? "Done" : person ? person.name : "Time clock: who are you?"}
          </h2>
          <button
            type="button"
            onClick={onClose}
            className={`min-h-11 min-w-11 rounded-lg px-3 font-bold ${key}`}
            aria-label="Close the time clock"
          >
            ✕
          </button>
        </div>

        {done ? (
          <div role="status" className="space-y-2 text-xl" data-testid="time-clock-done">
            <p className="font-bold">
              {done.person.name} {DONE[done.action]} at {fmt(new Date().toISOString())}.
            </p>
            {done.punch.shift && (
              <p className={muted}>
                Scheduled {fmt(done.punch.shift.startsAt)}–{fmt(done.punch.shift.endsAt)}
              </p>
            )}
            <Flags flags={done.punch.flags} />
            <button
              type="button"
              onClick={onClose}
              className={`mt-2 min-h-12 w-full rounded-xl text-lg font-bold ${key}`}
            >
              Close
            </button>
          </div>
        ) : board.isPending ? (
          <p className={muted}>Loading staff…</p>
        ) : board.isError ? (
          <div role="alert" className="space-y-2">
            <p className="font-semibold">Could not load the time clock.</p>
            <button type="button" onClick={() => void board.refetch()} className={`min-h-11 rounded-lg px-4 ${key}`}>
              Try again
            </button>
          </div>
        ) : !person ? (
          data!.people.length === 0 ? (
            <p className={muted}>No staff at this location yet.</p>
          ) : (
            <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3" aria-label="Staff">
              {data!.people.map((p) => (
                <li key={p.userId}>
                  <button
                    type="button"
                    onClick={() => {
                      setWho(p.userId);
                      punch.reset();
                    }}
                    className={`flex min-h-20 w-full flex-col items-start justify-center rounded-xl px-4 py-2 text-left ${key}`}
                    data-testid="time-clock-person"
                  >
                    <span className="text-lg font-bold">{p.name}</span>
                    <span className={`text-sm ${muted}`}>
                      {p.role.toLowerCase()}
                      {p.punch ? (p.punch.onBreakSince ? " · on break" : ` · on since ${fmt(p.punch.since)}`) : ""}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )
        ) : (
          <form
            className="space-y-4"
            onSubmit={(e) => {
              e.preventDefault();
              if (canSend) punch.mutate(actions[0]);
            }}
          >
            <div className={`text-lg ${muted}`} data-testid="time-clock-state">
              {person.punch ? (
                <>
                  <p>
                    {person.punch.onBreakSince
                      ? `On break since ${fmt(person.punch.onBreakSince)}`
                      : `On shift since ${fmt(person.punch.since)}`}
                    {person.punch.shift &&
                      ` · scheduled ${fmt(person.punch.shift.startsAt)}–${fmt(person.punch.shift.endsAt)}`}
                  </p>
                  <Flags flags={person.punch.flags} />
                </>
              ) : (
                <p>Not clocked in.</p>
              )}
            </div>
            <label className="block">
              <span className="block font-semibold">
                PIN{isMe ? " (not needed: you are signed in on this screen)" : ""}
              </span>
              <input
                ref={pinRef}
                autoFocus
                type="password"
                inputMode="numeric"
                autoComplete="off"
                pattern="[0-9]*"
                maxLength={6}
                value={pin}
                onChange={(e) => setPin(e.target.value.replace(/\D/g, "").slice(0, 6))}
                aria-invalid={!!punch.error}
                aria-describedby={error ? "time-clock-error" : undefined}
                className={`mt-1 min-h-14 block w-full rounded-xl border-2 px-4 text-center text-3xl tracking-[0.5em] ${dark ? "border-gray-600 bg-black" : "border-gray-300"}`}
                data-testid="time-clock-pin"
              />
            </label>
            <div className="grid grid-cols-3 gap-2" aria-label="PIN keypad">
              {["1", "2", "3", "4", "5", "6", "7", "8", "9"].map((d) => (
                <button
                  key={d}
                  type="button"
                  onClick={() => press(d)}
                  className={`min-h-14 rounded-xl text-2xl font-bold ${key}`}
                >
                  {d}
                </button>
              ))}
              <button
                type="button"
                onClick={() => setPin("")}
                className={`min-h-14 rounded-xl text-lg font-bold ${key}`}
              >
                Clear
              </button>
              <button
                type="button"
                onClick={() => press("0")}
                className={`min-h-14 rounded-xl text-2xl font-bold ${key}`}
              >
                0
              </button>
              <button
                type="button"
                onClick={() => setPin((p) => p.slice(0, -1))}
                className={`min-h-14 rounded-xl text-lg font-bold ${key}`}
                aria-label="Delete last digit"
              >
                ⌫
              </button>
            </div>
            {error && (
              <p
                id="time-clock-error"
                role="alert"
                className={`font-semibold ${dark ? "text-red-300" : "text-red-700"}`}
              >
                {error}
              </p>
            )}
            <div className="flex flex-wrap gap-2">
              {actions.map((a, i) => (
                <button
                  key={a}
                  type={i === 0 ? "submit" : "button"}
                  onClick={i === 0 ? undefined : () => canSend && punch.mutate(a)}
                  disabled={!canSend}
                  className={`min-h-14 flex-1 rounded-xl px-4 text-xl font-black disabled:opacity-50 ${
                    a === "clock-out" ? "bg-red-700 text-white" : "bg-emerald-700 text-white"
                  }`}
                  data-testid={`time-clock-${a}`}
                >
                  {punch.isPending && punch.variables === a ? "…" : label[a]}
                </button>
              ))}
              <button
                type="button"
                onClick={() => {
                  setWho(null);
                  setPin("");
                  punch.reset();
                }}
                className={`min-h-14 rounded-xl px-4 text-lg font-bold ${key}`}
              >
                Not {person.name.split(" ")[0]}?
              </button>
            </div>
          </form>
        )}
      </div>
    </div>
  );
}

function Flags({ flags }: { flags: PunchFlag[] }) {
  if (flags.length === 0) return null;
  return (
    <p className="flex flex-wrap gap-2">
      {flags.map((f) => (
        <span key={f} className="rounded-full bg-amber-400 px-3 py-0.5 text-sm font-bold text-black">
          {FLAG_LABELS[f]}
        </span>
      ))}
    </p>
  );
}
