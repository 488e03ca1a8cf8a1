"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useState, type FormEvent } from "react";
import { Field, inputClass } from "@/components/admin/form-field";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/http/action";
import type { WaitlistListing } from "@/lib/waitlist/list-waitlist";
import {
  addWaitlistEntryAction,
  listWaitlistAction,
  markWaitlistEntryLeftAction,
  notifyWaitlistEntryAction,
  seatWaitlistEntryAction,
} from "../../waitlist-actions";
import { useHostSelection } from "./host-selection";

type Entry = WaitlistListing["entries"][number];
type Added = { name: string; quotedMinutes: number; link: string };

class ActionError extends Error {
  constructor(
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
  }
}

function unwrap<T>(r: ActionResult<T>): T {
  if (!r.ok)
    throw new ActionError(r.fieldErrors ? (Object.values(r.fieldErrors).flat()[0] ?? r.error) : r.error, r.fieldErrors);
  return r.data;
}

const minutes = (n: number | null) => (n === null ? "—" : `${n} min`);

/**
 * The host stand's waitlist: the queue (name, size, waited / quoted, notes, notified), adding a
 * walk-in with its quote before and after and the party's status link, Notify / Seat / Left, the
 * messages to say in person, and how close today's quotes were. Seat hands the party to the floor
 * plan (useHostSelection); a small table picker seats without it.
 */
export function WaitlistPanel({ locationId }: { locationId: string }) {
  const queryClient = useQueryClient();
  const list = useQuery({
    queryKey: ["waitlist"],
    queryFn: async () => unwrap(await listWaitlistAction({})),
    // Minutes waited move on their own; floor events invalidate this too.
    refetchInterval: 60_000,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["waitlist"] });

  return (
    <section aria-labelledby="waitlist-heading" data-location-id={locationId} className="flex flex-col gap-4">
      <header className="flex items-baseline justify-between gap-2">
        <h2 id="waitlist-heading" className="text-lg font-bold">
          Waitlist
          {list.data ? (
            <span className="ml-2 text-base font-semibold text-gray-600">{list.data.entries.length}</span>
          ) : null}
        </h2>
        {list.data && <AccuracyStat accuracy={list.data.accuracy} />}
      </header>

      <AddWalkIn onAdded={refresh} />

      {list.data && list.data.messages.length > 0 && <Relay messages={list.data.messages} />}

      {list.isPending ? (
        <p className="text-gray-600" role="status">
          Loading the waitlist…
        </p>
      ) : list.isError ? (
        <div role="alert" className="rounded-lg border border-red-300 bg-red-50 p-3 text-red-800">
          Could not load the waitlist ({list.error.message}).{" "}
          <Button variant="secondary" onClick={() => list.refetch()}>
            Try again
          </Button>
        </div>
      ) : list.data.entries.length === 0 ? (
        <p className="rounded-lg border-2 border-dashed border-gray-300 p-4 text-center text-gray-600">
          Nobody is waiting.
        </p>
      ) : (
        <ol className="flex flex-col gap-2" aria-label="Parties waiting, in order">
          {list.data.entries.map((e) => (
            <QueueRow key={e.id} entry={e} tables={list.data.tables} onChanged={refresh} />
          ))}
        </ol>
      )}
    </section>
  );
}

function AccuracyStat({ accuracy }: { accuracy: WaitlistListing["accuracy"] }) {
  if (!accuracy.seated) return <p className="text-sm text-gray-600">No quotes to check yet today</p>;
  const err = accuracy.averageErrorMinutes ?? 0;
  const share = Math.round((accuracy.withinFiveShare ?? 0) * 100);
  return (
    <p className="text-sm text-gray-700" title="Quoted against actual waits of parties seated today">
      Quotes today: {err > 0 ? "+" : ""}
      {err} min avg · {share}% within ±5 min ({accuracy.seated} seated)
    </p>
  );
}

function Relay({ messages }: { messages: WaitlistListing["messages"] }) {
  return (
    <div role="status" className="flex flex-col gap-2 rounded-lg border border-amber-400 bg-amber-50 p-3">
      <h3 className="text-sm font-semibold uppercase tracking-wide text-amber-900">Tell in person</h3>
      <ul className="flex flex-col gap-1">
        {messages.map((m) => (
          <li key={m.id} className="font-semibold text-amber-950">
            {m.status === "FAILED"
              ? `SMS failed — tell ${m.guestFirstName} in person: your table is ready`
              : `Tell ${m.guestFirstName}: your table is ready`}
          </li>
        ))}
      </ul>
    </div>
  );
}

function AddWalkIn({ onAdded }: { onAdded: () => void }) {
  const id = useId();
  const [name, setName] = useState("");
  const [size, setSize] = useState(2);
  const [phone, setPhone] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ActionError | null>(null);
  const [added, setAdded] = useState<Added | null>(null);
  const [copied, setCopied] = useState(false);
  const preview = useQuery({
    queryKey: ["waitlist", "preview", size],
    queryFn: async () => unwrap(await listWaitlistAction({ partySize: size })).preview,
    enabled: size >= 1 && size <= 50,
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      const r = unwrap(await addWaitlistEntryAction({ guestName: name, partySize: size, phone: phone || undefined }));
      setAdded({
        name: r.entry.guest.name,
        quotedMinutes: r.quotedMinutes,
        link: window.location.origin + r.statusPath,
      });
      setCopied(false);
      setName("");
      setPhone("");
      onAdded();
    } catch (e) {
      setError(e instanceof ActionError ? e : new ActionError("Could not add the party; try again"));
    } finally {
      setPending(false);
    }
  }

  const quote = preview.data?.quotedMinutes;
  return (
    <form
      onSubmit={submit}
      aria-labelledby={`${id}-title`}
      className="flex flex-col gap-3 rounded-xl border border-gray-200 bg-white p-4"
      noValidate
    >
      <h3 id={`${id}-title`} className="text-base font-semibold">
        Add walk-in
      </h3>
      <div className="grid grid-cols-[1fr_6rem] gap-3">
        <Field label="Name" htmlFor={`${id}-name`} error={error?.fieldErrors?.guestName}>
          <input
            id={`${id}-name`}
            className={inputClass}
            value={name}
            onChange={(e) => setName(e.target.value)}
            autoComplete="off"
            aria-invalid={!!error?.fieldErrors?.guestName}
            required
          />
        </Field>
        <Field label="Party" htmlFor={`${id}-size`} error={error?.fieldErrors?.partySize}>
          <input
            id={`${id}-size`}
            className={inputClass}
            type="number"
            inputMode="numeric"
            min={1}
            max={50}
            value={size}
            onChange={(e) => setSize(Number(e.target.value))}
            aria-invalid={!!error?.fieldErrors?.partySize}
          />
        </Field>
      </div>
      <Field label="Phone (optional, for a text)" htmlFor={`${id}-phone`} error={error?.fieldErrors?.phone}>
        <input
          id={`${id}-phone`}
          className={inputClass}
          type="tel"
          value={phone}
          onChange={(e) => setPhone(e.target.value)}
          autoComplete="off"
          aria-invalid={!!error?.fieldErrors?.phone}
        />
      </Field>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-gray-700" aria-live="polite" data-testid="quote-preview">
          {preview.isFetching && quote === undefined
            ? "Quoting…"
            : quote === undefined
              ? ""
              : quote === null
                ? `No table seats ${size}`
                : quote === 0
                  ? "Quote now: a table is free"
                  : `Quote now: about ${quote} min`}
        </p>
        <Button type="submit" disabled={pending}>
          {pending ? "Adding…" : "Add to waitlist"}
        </Button>
      </div>
      {error && !error.fieldErrors && (
        <p role="alert" className="text-sm font-medium text-red-700">
          {error.message}
        </p>
      )}
      {added && (
        <div role="status" className="rounded-lg border border-green-300 bg-green-50 p-3 text-green-950">
          <p className="font-semibold">
            {added.name} added — quoted {added.quotedMinutes === 0 ? "no wait" : `${added.quotedMinutes} min`}
          </p>
          <p className="mt-1 text-sm">Their status link (share it now; it is shown only once):</p>
          <div className="mt-1 flex items-center gap-2">
            <input
              readOnly
              aria-label="Status link"
              className={`${inputClass} text-sm`}
              value={added.link}
              onFocus={(e) => e.target.select()}
            />
            <Button
              type="button"
              variant="secondary"
              onClick={async () => {
                await navigator.clipboard?.writeText(added.link).catch(() => undefined);
                setCopied(true);
              }}
            >
              {copied ? "Copied" : "Copy"}
            </Button>
          </div>
        </div>
      )}
    </form>
  );
}

function QueueRow({
  entry,
  tables,
  onChanged,
}: {
  entry: Entry;
  tables: WaitlistListing["tables"];
  onChanged: () => void;
}) {
  const { select, party } = useHostSelection();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [picking, setPicking] = useState(false);
  const selected = party?.kind === "waitlist" && party.id === entry.id;

  async function run(label: string, work: () => Promise<void>) {
    setBusy(label);
    setError(null);
    try {
      await work();
      onChanged();
    } catch (e) {
      setError(e instanceof Error ? e.message : "Something went wrong; try again");
    } finally {
      setBusy(null);
    }
  }

  const seat = async (tableIds: string[]) => {
    unwrap(await seatWaitlistEntryAction({ id: entry.id, tableIds }));
    select(null);
    setPicking(false);
    onChanged();
  };

  const first = entry.guest.name.split(/\s+/)[0];
  return (
    <li
      className={`rounded-xl border bg-white p-3 ${selected ? "border-blue-600 ring-2 ring-blue-300" : "border-gray-200"}`}
      aria-label={`${entry.position}. ${entry.guest.name}, party of ${entry.partySize}`}
    >
      <div className="flex items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="truncate text-base font-semibold">
            <span className="mr-1 text-gray-600">{entry.position}.</span>
            {entry.guest.name} <span className="text-gray-700">· {entry.partySize}</span>
          </p>
          <p className="text-sm text-gray-700">
            Waited {entry.waitedMinutes} min · quoted {minutes(entry.quotedMinutes)}
            {entry.status === "WAITING" &&
              entry.expectedMinutes !== null &&
              (entry.expectedMinutes === 0 ? " · a table is free now" : ` · now ~${minutes(entry.expectedMinutes)}`)}
          </p>
          {entry.notes && <p className="text-sm text-gray-800">{entry.notes}</p>}
        </div>
        {entry.status === "NOTIFIED" && <Badge tone="green">Notified</Badge>}
      </div>
      <div className="mt-2 flex flex-wrap gap-2">
        {entry.status === "WAITING" && (
          <Button
            variant="secondary"
            disabled={!!busy}
            onClick={() =>
              run("notify", async () => {
                const r = unwrap(await notifyWaitlistEntryAction({ id: entry.id }));
                setNotice(
                  r.message.status === "FAILED"
                    ? `SMS failed, tell ${first} in person`
                    : r.message.status === "SHOWN"
                      ? `Tell ${first}: your table is ready`
                      : `Texted ${first}`,
                );
              })
            }
          >
            {busy === "notify" ? "Notifying…" : "Notify"}
          </Button>
        )}
        <Button
          disabled={!!busy}
          onClick={() => {
            select({ kind: "waitlist", id: entry.id, name: entry.guest.name, partySize: entry.partySize, seat });
            setPicking((p) => !p);
          }}
          aria-expanded={picking}
        >
          Seat
        </Button>
        <Button
          variant="ghost"
          disabled={!!busy}
          onClick={() =>
            run("left", async () => {
              unwrap(await markWaitlistEntryLeftAction({ id: entry.id }));
              if (selected) select(null);
            })
          }
        >
          {busy === "left" ? "Removing…" : "Left"}
        </Button>
      </div>
      {notice && (
        <p role="status" className="mt-2 text-sm font-semibold text-amber-900">
          {notice}
        </p>
      )}
      {error && (
        <p role="alert" className="mt-2 text-sm font-medium text-red-700">
          {error}
        </p>
      )}
      {picking && (
        <TablePicker
          entry={entry}
          tables={tables}
          onSeat={(ids) => run("seat", () => seat(ids))}
          onCancel={() => {
            setPicking(false);
            if (selected) select(null);
          }}
          pending={busy === "seat"}
        />
      )}
    </li>
  );
}

/** Seating without the floor plan: pick one to three tables (the suggestion pre-selected). */
function TablePicker({
  entry,
  tables,
  onSeat,
  onCancel,
  pending,
}: {
  entry: Entry;
  tables: WaitlistListing["tables"];
  onSeat: (tableIds: string[]) => void;
  onCancel: () => void;
  pending: boolean;
}) {
  const [chosen, setChosen] = useState<string[]>([]);
  const suggested = entry.expectedMinutes === 0 ? entry.suggestedTableIds : [];
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- pre-select the suggestion when the picker opens
    setChosen(suggested);
    // Only when the picker opens for this entry, not on every refetch.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [entry.id]);
  const seats = tables.filter((t) => chosen.includes(t.id)).reduce((n, t) => n + t.seats, 0);
  const toggle = (id: string) =>
    setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : c.length >= 3 ? c : [...c, id]));
  return (
    <fieldset className="mt-3 rounded-lg border border-gray-200 p-3">
      <legend className="px-1 text-sm font-semibold">Seat at (or tap the floor plan)</legend>
      <div className="flex flex-wrap gap-2">
        {tables.map((t) => {
          const on = chosen.includes(t.id);
          return (
            <button
              key={t.id}
              type="button"
              aria-pressed={on}
              onClick={() => toggle(t.id)}
              className={`min-h-11 min-w-11 rounded-lg border px-3 text-sm font-semibold ${
                on
                  ? "border-blue-700 bg-blue-700 text-white"
                  : t.free
                    ? "border-gray-400 bg-white text-gray-900"
                    : "border-gray-300 bg-gray-100 text-gray-600"
              }`}
              title={t.free ? (t.heldSoon ? "Free, booked soon" : "Free") : "In use"}
            >
              {t.label} <span className="font-normal">({t.seats})</span>
              {!t.free && <span className="sr-only"> in use</span>}
              {t.free && t.heldSoon && <span aria-hidden> ⏰</span>}
            </button>
          );
        })}
      </div>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <Button disabled={!chosen.length || pending} onClick={() => onSeat(chosen)}>
          {pending ? "Seating…" : chosen.length ? `Seat ${entry.partySize} (${seats} seats)` : "Pick a table"}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </fieldset>
  );
}
