"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import { SegmentedControl } from "@/components/ui/segmented-control";
import { RESERVATION_TAGS } from "@/lib/reservations/schemas";
import {
  createReservationAction,
  findSlotsAction,
  searchGuestsAction,
  updateReservationAction,
} from "../../reservations-actions";
import { timeIn, unwrap, type HostDay, type HostReservation } from "./host-data";
import { tagText } from "./reservation-card";

export type DialogState =
  { mode: "create"; date: string; tableId?: string; time?: string } | { mode: "edit"; reservation: HostReservation };

type Guest = { id: string; name: string; phone: string | null; email: string | null; visitCount: number };
type FieldErrors = Record<string, string[]>;

const INPUT = "min-h-12 w-full rounded-xl border-2 border-gray-300 bg-white px-3 text-lg";
const CHIP = (on: boolean) =>
  `min-h-11 min-w-11 rounded-lg border-2 px-3 text-sm font-semibold ${on ? "border-gray-900 bg-gray-900 text-white" : "border-gray-300 bg-white"}`;

function useDebounced<T>(value: T, ms: number): T {
  const [out, setOut] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setOut(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return out;
}

function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <p id={id} className="mt-1 text-sm font-semibold text-red-700">
      {errors.join(" ")}
    </p>
  );
}

/**
 * Book or edit a reservation: the guest (found as you type, or new), party size, date, a time the
 * slot finder offers with its proposed tables (and why other times are not bookable), the length
 * (by party size unless changed), tables to override the proposal, tags and notes. The server
 * checks everything again; its field errors show beside their fields.
 */
export function ReservationDialog({
  state,
  day,
  onClose,
  onSaved,
}: {
  state: DialogState;
  /** The frame of the date being viewed (its tables, for the override). */
  day: HostDay | undefined;
  onClose: () => void;
  onSaved: (message: string) => void;
}) {
  const editing = state.mode === "edit" ? state.reservation : null;
  const tz = day?.timezone ?? "UTC";
  const qc = useQueryClient();
  const ids = { search: useId(), name: useId(), phone: useId(), email: useId(), party: useId(), date: useId() };
  const more = { duration: useId(), notes: useId(), allergy: useId(), times: useId(), tables: useId() };

  const [guest, setGuest] = useState<Guest | null>(null);
  const [query, setQuery] = useState("");
  const [guestName, setGuestName] = useState("");
  const [phone, setPhone] = useState("");
  const [email, setEmail] = useState("");
  const [partySize, setPartySize] = useState(editing?.partySize ?? 2);
  const [date, setDate] = useState(state.mode === "create" ? state.date : (day?.date ?? ""));
  /** The chosen start (ISO); for an edit, null keeps the booked time. */
  const [startsAt, setStartsAt] = useState<string | null>(null);
  const [wantedTime] = useState(state.mode === "create" ? (state.time ?? null) : null);
  const [duration, setDuration] = useState(editing ? String(editing.durationMinutes) : "");
  const [tableIds, setTableIds] = useState<string[] | null>(
    editing ? null : state.mode === "create" && state.tableId ? [state.tableId] : null,
  );
  const [tags, setTags] = useState<string[]>(editing?.tags ?? []);
  const [notes, setNotes] = useState(editing?.notes ?? "");
  const [allergyNotes, setAllergyNotes] = useState(editing?.allergyNotes ?? "");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const q = useDebounced(query.trim(), 250);
  const guests = useQuery({
    queryKey: ["reservations", "guest-search", q],
    queryFn: () => unwrap(searchGuestsAction({ q })),
    enabled: !editing && !guest && q.length >= 2,
    staleTime: 30_000,
  });

  const partyOk = Number.isInteger(partySize) && partySize >= 1 && partySize <= 50;
  const slots = useQuery({
    queryKey: ["reservations", "slots", date, partySize],
    queryFn: () => unwrap(findSlotsAction({ date, partySize })),
    enabled: partyOk && /^\d{4}-\d{2}-\d{2}$/.test(date),
  });
  // A time asked for from the timeline (a tap on 19:15) is chosen once the day's slots are known.
  const wanted = wantedTime ? slots.data?.slots.find((s) => s.time === wantedTime) : undefined;
  const chosen = startsAt ?? (editing ? null : (wanted?.startsAt ?? null));
  const chosenSlot = slots.data?.slots.find((s) => s.startsAt === chosen);
  const upcoming = (slots.data?.slots ?? []).filter((s) => s.reason !== "PAST");
  const bookable = upcoming.filter((s) => s.bookable);
  const refused = upcoming.filter((s) => !s.bookable);
  const past = (slots.data?.slots.length ?? 0) - upcoming.length;
  const timeOptions = [
    ...(editing ? [{ value: "keep", label: `Keep ${timeIn(editing.startsAt, tz)}` }] : []),
    ...bookable.map((s) => ({ value: s.startsAt, label: s.time })),
    ...(chosen && !bookable.some((s) => s.startsAt === chosen)
      ? [{ value: chosen, label: chosenSlot?.time ?? timeIn(chosen, tz) }]
      : []),
  ];
  const allTables = (day?.areas ?? []).flatMap((a) => a.tables.map((t) => ({ ...t, area: a.name })));

  function toggleTable(id: string) {
    const now = tableIds ?? [];
    setTableIds(now.includes(id) ? now.filter((x) => x !== id) : [...now, id].slice(-3));
  }

  const describedBy = (key: string, id: string) => (errors[key]?.length ? `${id}-error` : undefined);

  async function submit() {
    setPending(true);
    setError(null);
    setErrors({});
    // An edit sends the length only when changed, so a grown party keeps what it was booked for.
    const durationMinutes =
      duration.trim() && !(editing && Number(duration) === editing.durationMinutes) ? Number(duration) : undefined;
    const common = {
      partySize,
      durationMinutes,
      tableIds: tableIds && tableIds.length ? tableIds : undefined,
      tags: tags as (typeof RESERVATION_TAGS)[number][],
      notes,
      allergyNotes,
    };
    try {
      const res = editing
        ? await updateReservationAction({ id: editing.id, ...common, startsAt: chosen ?? undefined })
        : await createReservationAction({
            ...common,
            startsAt: chosen ?? "",
            ...(guest
              ? { guestId: guest.id }
              : { guestName, phone: phone.trim() || undefined, email: email.trim() || undefined }),
          });
      if (res.ok) {
        void qc.invalidateQueries({ queryKey: ["reservations"] });
        const r = "reservation" in res.data ? res.data.reservation : res.data;
        const tables = r.tables.map((t) => t.label).join(" + ");
        onSaved(
          `${editing ? "Saved" : "Booked"} ${r.guest.name}, ${r.partySize} at ${timeIn(r.startsAt, tz)}${tables ? `, table ${tables}` : ""}`,
        );
      } else {
        setErrors(res.fieldErrors ?? {});
        setError(res.error);
      }
    } catch {
      setError("Couldn't reach the server. Nothing was saved; try again.");
    } finally {
      setPending(false);
    }
  }

  const proposed = chosenSlot?.tables ?? [];
  return (
    <Modal
      title={editing ? `Edit ${editing.guest.name}` : "New reservation"}
      onClose={onClose}
      width="w-[46rem]"
      testId="reservation-dialog"
      footer={
        <div className="flex items-center justify-end gap-2">
          {error && (
            <p role="alert" className="mr-auto min-w-0 text-sm font-semibold text-red-800">
              {error}
            </p>
          )}
          <Button variant="secondary" onClick={onClose}>
            Close
          </Button>
          <Button onClick={submit} disabled={pending} data-testid="save-reservation">
            {pending ? "Saving…" : editing ? "Save changes" : "Book"}
          </Button>
        </div>
      }
    >
      <form
        className="space-y-5"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        {/* Guest */}
        {editing ? (
          <p className="text-lg">
            <span className="font-bold">{editing.guest.name}</span>
            {editing.guest.phone && <span className="text-gray-700"> · {editing.guest.phone}</span>}
          </p>
        ) : guest ? (
          <div className="flex items-center justify-between gap-2 rounded-xl bg-gray-100 p-3">
            <p>
              <span className="font-bold">{guest.name}</span>
              <span className="text-gray-700">
                {guest.phone ? ` · ${guest.phone}` : ""} ·{" "}
                {guest.visitCount ? `${guest.visitCount} visits` : "First visit"}
              </span>
            </p>
            <Button type="button" variant="secondary" onClick={() => setGuest(null)}>
              Change guest
            </Button>
          </div>
        ) : (
          <fieldset className="space-y-3">
            <legend className="mb-1 font-bold">Guest</legend>
            <div>
              <label htmlFor={ids.search} className="mb-1 block text-sm font-semibold">
                Find a guest (name or phone)
              </label>
              <input
                id={ids.search}
                data-autofocus
                type="search"
                autoComplete="off"
                value={query}
                onChange={(e) => setQuery(e.target.value)}
                className={INPUT}
              />
              {q.length >= 2 && (
                <div aria-live="polite" className="mt-1">
                  {guests.isFetching && !guests.data ? (
                    <p className="text-sm text-gray-700">Searching…</p>
                  ) : guests.data?.length ? (
                    <ul className="max-h-40 space-y-1 overflow-y-auto" aria-label="Matching guests">
                      {guests.data.map((g) => (
                        <li key={g.id}>
                          <button
                            type="button"
                            onClick={() => setGuest(g)}
                            className="flex min-h-11 w-full items-center justify-between rounded-lg border border-gray-300 px-3 text-left hover:bg-gray-50"
                          >
                            <span className="font-semibold">{g.name}</span>
                            <span className="text-sm text-gray-700">
                              {g.phone ?? g.email ?? ""} · {g.visitCount ? `${g.visitCount} visits` : "first visit"}
                            </span>
                          </button>
                        </li>
                      ))}
                    </ul>
                  ) : guests.isError ? (
                    <p className="text-sm text-red-700">{guests.error.message}</p>
                  ) : (
                    <p className="text-sm text-gray-700">No guest found: enter a new one below.</p>
                  )}
                </div>
              )}
            </div>
            <div className="grid grid-cols-3 gap-3">
              <div>
                <label htmlFor={ids.name} className="mb-1 block text-sm font-semibold">
                  New guest&apos;s name
                </label>
                <input
                  id={ids.name}
                  value={guestName}
                  onChange={(e) => setGuestName(e.target.value)}
                  aria-invalid={!!errors.guestName}
                  aria-describedby={describedBy("guestName", ids.name)}
                  autoComplete="off"
                  className={INPUT}
                />
                <FieldError id={`${ids.name}-error`} errors={errors.guestName ?? errors.guestId} />
              </div>
              <div>
                <label htmlFor={ids.phone} className="mb-1 block text-sm font-semibold">
                  Phone
                </label>
                <input
                  id={ids.phone}
                  type="tel"
                  value={phone}
                  onChange={(e) => setPhone(e.target.value)}
                  aria-invalid={!!errors.phone}
                  aria-describedby={describedBy("phone", ids.phone)}
                  autoComplete="off"
                  className={INPUT}
                />
                <FieldError id={`${ids.phone}-error`} errors={errors.phone} />
              </div>
              <div>
                <label htmlFor={ids.email} className="mb-1 block text-sm font-semibold">
                  Email
                </label>
                <input
                  id={ids.email}
                  type="email"
                  value={email}
                  onChange={(e) => setEmail(e.target.value)}
                  aria-invalid={!!errors.email}
                  aria-describedby={describedBy("email", ids.email)}
                  autoComplete="off"
                  className={INPUT}
                />
                <FieldError id={`${ids.email}-error`} errors={errors.email} />
              </div>
            </div>
          </fieldset>
        )}

        {/* Party and date */}
        <div className="grid grid-cols-3 items-start gap-4">
          <div>
            <label htmlFor={ids.party} className="mb-1 block text-sm font-semibold">
              Party size
            </label>
            <div className="flex items-center gap-2">
              <Button
                type="button"
                variant="secondary"
                aria-label="One guest fewer"
                disabled={partySize <= 1}
                onClick={() => {
                  setPartySize(Math.max(1, partySize - 1));
                  setStartsAt(null);
                }}
              >
                −
              </Button>
              <input
                id={ids.party}
                type="number"
                inputMode="numeric"
                min={1}
                max={50}
                value={Number.isNaN(partySize) ? "" : partySize}
                onChange={(e) => {
                  setPartySize(e.target.valueAsNumber);
                  setStartsAt(null);
                }}
                aria-invalid={!!errors.partySize}
                aria-describedby={describedBy("partySize", ids.party)}
                className="min-h-12 w-16 rounded-xl border-2 border-gray-300 bg-white px-1 text-center text-lg"
              />
              <Button
                type="button"
                variant="secondary"
                aria-label="One guest more"
                disabled={partySize >= 50}
                onClick={() => {
                  setPartySize(partySize + 1);
                  setStartsAt(null);
                }}
              >
                +
              </Button>
            </div>
            <FieldError id={`${ids.party}-error`} errors={errors.partySize} />
          </div>
          <div>
            <label htmlFor={ids.date} className="mb-1 block text-sm font-semibold">
              Date
            </label>
            <input
              id={ids.date}
              type="date"
              value={date}
              onChange={(e) => {
                setDate(e.target.value);
                setStartsAt(null);
              }}
              className={INPUT}
            />
          </div>
          <div>
            <label htmlFor={more.duration} className="mb-1 block text-sm font-semibold">
              Length (minutes)
            </label>
            <input
              id={more.duration}
              type="number"
              inputMode="numeric"
              min={15}
              max={480}
              step={15}
              placeholder={slots.data ? String(slots.data.durationMinutes) : ""}
              value={duration}
              onChange={(e) => setDuration(e.target.value)}
              aria-invalid={!!errors.durationMinutes}
              aria-describedby={describedBy("durationMinutes", more.duration)}
              className={INPUT}
            />
            <FieldError id={`${more.duration}-error`} errors={errors.durationMinutes} />
          </div>
        </div>

        {/* Time from the slot finder */}
        <div>
          <p id={more.times} className="mb-1 text-sm font-semibold">
            Time
          </p>
          {!partyOk ? (
            <p className="text-gray-700">Enter a party size to see the times.</p>
          ) : slots.isPending ? (
            <p className="text-gray-700">Finding times…</p>
          ) : slots.isError ? (
            <p role="alert" className="font-semibold text-red-800">
              {slots.error.message}
            </p>
          ) : timeOptions.length === 0 ? (
            <p className="text-gray-700">
              {upcoming.length === 0 ? "No service left on this day." : "No time can take this party on this day."}
            </p>
          ) : (
            <SegmentedControl
              label="Time"
              options={timeOptions}
              value={chosen ?? (editing ? "keep" : "")}
              onChange={(v) => setStartsAt(v === "keep" ? null : v)}
              className="flex max-h-40 flex-wrap gap-1 overflow-y-auto"
              buttonClassName="tabular-nums"
            />
          )}
          <FieldError id={`${more.times}-error`} errors={errors.startsAt} />
          {slots.data && (
            <p className="mt-1 text-sm text-gray-700">
              {chosenSlot?.bookable && !tableIds?.length
                ? `Proposed: table ${proposed.map((t) => `${t.label} (${t.seats})`).join(" + ")}. `
                : ""}
              {refused.length > 0 && (
                <>Not bookable: {refused.map((s) => `${s.time} ${(s.message ?? "").toLowerCase()}`).join(" · ")}. </>
              )}
              {past > 0 && `${past} earlier ${past === 1 ? "time has" : "times have"} passed.`}
            </p>
          )}
        </div>

        {/* Tables */}
        <fieldset>
          <legend id={more.tables} className="mb-1 text-sm font-semibold">
            Tables{" "}
            {tableIds?.length ? "(chosen)" : editing ? "(kept or re-proposed)" : "(the proposal unless you pick)"}
          </legend>
          <div className="flex max-h-28 flex-wrap gap-1 overflow-y-auto">
            {allTables.map((t) => (
              <button
                key={t.id}
                type="button"
                aria-pressed={!!tableIds?.includes(t.id)}
                aria-label={`Table ${t.label}, ${t.area}, ${t.seats} seats`}
                onClick={() => toggleTable(t.id)}
                className={CHIP(!!tableIds?.includes(t.id))}
              >
                {t.label}
              </button>
            ))}
          </div>
          <FieldError id={`${more.tables}-error`} errors={errors.tableIds} />
        </fieldset>

        {/* Tags and notes */}
        <fieldset>
          <legend className="mb-1 text-sm font-semibold">Tags</legend>
          <div className="flex flex-wrap gap-1">
            {RESERVATION_TAGS.map((t) => (
              <button
                key={t}
                type="button"
                aria-pressed={tags.includes(t)}
                onClick={() => setTags(tags.includes(t) ? tags.filter((x) => x !== t) : [...tags, t])}
                className={CHIP(tags.includes(t))}
              >
                {tagText(t)}
              </button>
            ))}
          </div>
        </fieldset>
        <div className="grid grid-cols-2 gap-4">
          <div>
            <label htmlFor={more.notes} className="mb-1 block text-sm font-semibold">
              Notes
            </label>
            <textarea
              id={more.notes}
              rows={2}
              maxLength={500}
              value={notes}
              onChange={(e) => setNotes(e.target.value)}
              aria-invalid={!!errors.notes}
              aria-describedby={describedBy("notes", more.notes)}
              className={`${INPUT} py-2`}
            />
            <FieldError id={`${more.notes}-error`} errors={errors.notes} />
          </div>
          <div>
            <label htmlFor={more.allergy} className="mb-1 block text-sm font-semibold">
              Allergies (reach the kitchen)
            </label>
            <textarea
              id={more.allergy}
              rows={2}
              maxLength={500}
              value={allergyNotes}
              onChange={(e) => setAllergyNotes(e.target.value)}
              aria-invalid={!!errors.allergyNotes}
              aria-describedby={describedBy("allergyNotes", more.allergy)}
              className={`${INPUT} py-2`}
            />
            <FieldError id={`${more.allergy}-error`} errors={errors.allergyNotes} />
          </div>
        </div>
        {/* Enter in a field submits; the visible Book button lives in the footer. */}
        <button type="submit" hidden />
      </form>
    </Modal>
  );
}
