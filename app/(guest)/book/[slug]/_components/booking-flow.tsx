"use client";

import { useEffect, useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { SegmentedControl } from "@/components/ui/segmented-control";
import { useHydrated } from "@/components/ui/use-hydrated";
import { Field, describedBy, inputClass } from "@/components/admin/form-field";
import type { FieldErrors } from "@/lib/errors";
import { clockText } from "@/lib/reservations/guest-format";
import { bookOnlineAction, findOnlineTimesAction } from "../booking-actions";
import { BookingConfirmation, type Confirmation } from "./booking-confirmation";

type Restaurant = { slug: string; name: string; phone: string | null; maxParty: number };
type Time = { time: string; startsAt: string };
type Times =
  { state: "loading" } | { state: "ready"; list: Time[]; empty: string | null } | { state: "error"; message: string };

const OCCASIONS = [
  { value: "", label: "None" },
  { value: "BIRTHDAY", label: "Birthday" },
  { value: "ANNIVERSARY", label: "Anniversary" },
  { value: "BUSINESS", label: "Business meal" },
];

/** The next week as chips ("Today", "Tomorrow", "Sat 14"); later dates through the date field. */
function nearDates(first: string): { value: string; label: string }[] {
  const start = new Date(`${first}T12:00:00Z`);
  return Array.from({ length: 7 }, (_, i) => {
    const d = new Date(start.getTime() + i * 86_400_000);
    const value = d.toISOString().slice(0, 10);
    const label =
      i === 0
        ? "Today"
        : i === 1
          ? "Tomorrow"
          : new Intl.DateTimeFormat("en-US", { timeZone: "UTC", weekday: "short", day: "numeric" }).format(d);
    return { value, label };
  });
}

function longDate(iso: string): string {
  return new Intl.DateTimeFormat("en-US", { timeZone: "UTC", weekday: "long", month: "long", day: "numeric" }).format(
    new Date(`${iso}T12:00:00Z`),
  );
}

export function BookingFlow({
  bookingKey,
  restaurant,
  firstDate,
  lastDate,
}: {
  bookingKey: string;
  restaurant: Restaurant;
  firstDate: string;
  lastDate: string;
}) {
  const hydrated = useHydrated();
  const [party, setParty] = useState(Math.min(2, restaurant.maxParty));
  const [date, setDate] = useState(firstDate);
  const [answer, setAnswer] = useState<{ key: string; times: Times } | null>(null);
  const [time, setTime] = useState<Time | null>(null);
  const [taken, setTaken] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [done, setDone] = useState<Confirmation | null>(null);
  const [reload, setReload] = useState(0);
  const asked = useRef(0);
  const details = useRef<HTMLHeadingElement>(null);

  // The times shown belong to one question (party, day, refresh); until its answer, they are loading.
  const question = `${party}|${date}|${reload}`;
  const times: Times = answer?.key === question ? answer.times : { state: "loading" };
  useEffect(() => {
    const ask = ++asked.current;
    void findOnlineTimesAction({ slug: restaurant.slug, date, partySize: party }).then((r) => {
      if (ask !== asked.current) return; // a newer choice is being answered
      setAnswer({
        key: question,
        times: r.ok
          ? { state: "ready", list: r.data.times, empty: r.data.empty }
          : { state: "error", message: r.fieldErrors?.partySize?.[0] ?? r.fieldErrors?.date?.[0] ?? r.error },
      });
    });
  }, [restaurant.slug, date, party, question]);

  function choose(next: { party?: number; date?: string }) {
    if (next.party !== undefined) setParty(next.party);
    if (next.date !== undefined) setDate(next.date);
    setTime(null);
    setTaken(null);
  }

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!time) return;
    setPending(true);
    setFormError(null);
    const fields = Object.fromEntries(new FormData(e.currentTarget));
    const r = await bookOnlineAction({
      ...fields,
      slug: restaurant.slug,
      bookingKey,
      partySize: party,
      startsAt: time.startsAt,
    });
    setPending(false);
    if (r.ok) {
      setDone(r.data);
      window.scrollTo({ top: 0 });
      return;
    }
    const fe = r.fieldErrors ?? {};
    if (r.code === "CONFLICT" || fe.startsAt) {
      // The time went while the guest typed: fresh times, their details stay in the form.
      setTaken(fe.startsAt?.[0] ?? r.error);
      setTime(null);
      setReload((n) => n + 1);
      document.getElementById("times-heading")?.scrollIntoView({ block: "start" });
      return;
    }
    setErrors(fe);
    setFormError(Object.keys(fe).length ? "Check the fields marked above." : r.error);
  }

  if (done) return <BookingConfirmation booking={done} slug={restaurant.slug} />;

  const dates = nearDates(firstDate);
  const sizes = Array.from({ length: restaurant.maxParty }, (_, i) => i + 1);
  return (
    <div className="space-y-8 p-5">
      <section aria-labelledby="party-heading" className="space-y-3">
        <h2 id="party-heading" className="text-lg font-bold">
          How many guests?
        </h2>
        <SegmentedControl
          label="Number of guests"
          options={sizes.map((n) => ({ value: n, label: String(n), name: n === 1 ? "1 guest" : `${n} guests` }))}
          value={party}
          onChange={(n) => choose({ party: n })}
          className="grid grid-cols-4 gap-2"
          buttonClassName="min-h-12 text-lg"
        />
        <p className="text-sm text-gray-600">
          More than {restaurant.maxParty}?{" "}
          {restaurant.phone ? (
            <>
              Call us at{" "}
              <a href={`tel:${restaurant.phone}`} className="font-semibold underline">
                {restaurant.phone}
              </a>
              .
            </>
          ) : (
            "Call the restaurant."
          )}
        </p>
      </section>

      <section aria-labelledby="date-heading" className="space-y-3">
        <h2 id="date-heading" className="text-lg font-bold">
          Which day?
        </h2>
        <SegmentedControl
          label="Day"
          options={dates.map((d) => ({ value: d.value, label: d.label, name: longDate(d.value) }))}
          value={dates.some((d) => d.value === date) ? date : null}
          onChange={(d) => d && choose({ date: d })}
          className="flex flex-wrap gap-2"
          buttonClassName="min-h-12 px-3 text-sm"
        />
        <div>
          <label htmlFor="date" className="mb-1 block text-sm font-medium text-gray-800">
            Or another date
          </label>
          <input
            id="date"
            type="date"
            min={firstDate}
            max={lastDate}
            value={date}
            onChange={(e) => e.target.value && choose({ date: e.target.value })}
            className={inputClass}
          />
        </div>
      </section>

      <section aria-labelledby="times-heading" className="space-y-3" aria-busy={times.state === "loading"}>
        <h2 id="times-heading" className="scroll-mt-4 text-lg font-bold">
          What time? <span className="font-normal text-gray-600">{longDate(date)}</span>
        </h2>
        {taken && (
          <p role="alert" className="rounded-lg bg-amber-50 p-3 font-medium text-amber-900" data-testid="time-taken">
            {taken}
          </p>
        )}
        {times.state === "loading" && (
          <p role="status" className="text-gray-600">
            Finding free times…
          </p>
        )}
        {times.state === "error" && (
          <p role="alert" className="rounded-lg bg-red-50 p-3 font-medium text-red-800" data-testid="times-error">
            {times.message}
          </p>
        )}
        {times.state === "ready" &&
          (times.list.length === 0 ? (
            <p className="rounded-lg bg-gray-100 p-3 text-gray-700" data-testid="no-times">
              {times.empty ?? "No free times"}. Try another day
              {restaurant.phone ? ` or call us at ${restaurant.phone}` : ""}.
            </p>
          ) : (
            <SegmentedControl
              label="Time"
              options={times.list.map((t) => ({ value: t.startsAt, label: clockText(t.time) }))}
              value={time?.startsAt ?? null}
              onChange={(v) => {
                setTime(times.list.find((t) => t.startsAt === v) ?? null);
                setTaken(null);
              }}
              className="grid grid-cols-3 gap-2"
              buttonClassName="min-h-12"
            />
          ))}
      </section>

      {time && (
        <section aria-labelledby="details-heading" className="space-y-4">
          <h2 id="details-heading" ref={details} className="text-lg font-bold">
            Your details
          </h2>
          <p className="rounded-lg bg-gray-100 p-3 font-medium" data-testid="chosen">
            {party === 1 ? "1 guest" : `${party} guests`} · {longDate(date)} · {clockText(time.time)}
          </p>
          <form onSubmit={submit} noValidate className="space-y-4" aria-label="Your details">
            <Field label="Name" htmlFor="guestName" error={errors.guestName}>
              <input {...describedBy("guestName", errors.guestName)} autoComplete="name" className={inputClass} />
            </Field>
            <Field
              label="Phone"
              htmlFor="phone"
              error={errors.phone}
              hint="A phone number or an email (or both) so we can reach you"
            >
              <input {...describedBy("phone", errors.phone)} type="tel" autoComplete="tel" className={inputClass} />
            </Field>
            <Field label="Email" htmlFor="email" error={errors.email} hint="Your confirmation and cancel link go here">
              <input {...describedBy("email", errors.email)} type="email" autoComplete="email" className={inputClass} />
            </Field>
            <Field label="Occasion" htmlFor="occasion" error={errors.occasion}>
              <select {...describedBy("occasion", errors.occasion)} className={inputClass} defaultValue="">
                {OCCASIONS.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            </Field>
            <Field label="Allergies or dietary needs" htmlFor="allergyNotes" error={errors.allergyNotes}>
              <textarea
                {...describedBy("allergyNotes", errors.allergyNotes)}
                rows={2}
                maxLength={500}
                className={`${inputClass} py-2`}
              />
            </Field>
            <Field label="Anything else we should know?" htmlFor="notes" error={errors.notes}>
              <textarea
                {...describedBy("notes", errors.notes)}
                rows={2}
                maxLength={500}
                className={`${inputClass} py-2`}
              />
            </Field>
            {/* Honeypot: off screen and out of the tab order; people never fill it, form bots do. */}
            <div aria-hidden="true" className="absolute -left-[10000px] h-px w-px overflow-hidden">
              <label htmlFor="website">Website</label>
              <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
            </div>
            {formError && (
              <p role="alert" className="rounded-lg bg-red-50 p-3 font-medium text-red-800" data-testid="booking-error">
                {formError}
              </p>
            )}
            <Button
              type="submit"
              disabled={pending || !hydrated}
              className="h-14 w-full text-lg"
              data-testid="confirm-booking"
            >
              {pending ? "Booking…" : `Book for ${clockText(time.time)}`}
            </Button>
          </form>
        </section>
      )}
    </div>
  );
}
