"use client";

import { useState, useTransition } from "react";
import type { FieldErrors } from "@/lib/errors";
import { formatCents } from "@/lib/money";
import { countTotal, DENOMINATIONS, dollarsToCents, varianceWords } from "@/lib/cash/drawer-math";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Field, describedBy, inputClass } from "@/components/admin/form-field";
import { cashMovementAction, closeDrawerAction, openDrawerAction } from "../actions";

export type DrawerItem = {
  id: string;
  name: string;
  status: "OPEN" | "CLOSED";
  openedAt: string;
  openedBy: string | null;
  openedById: string;
  openingFloatCents: number;
  payInsCents: number;
  payOutsCents: number;
  cashSalesCents: number | null;
  expectedCents: number | null;
  countedCents: number | null;
  varianceCents: number | null;
  movements: {
    id: string;
    kind: "PAY_IN" | "PAY_OUT";
    amountCents: number;
    reason: string;
    actor: string | null;
    createdAt: string;
  }[];
};

type Result = { ok: true; data: unknown } | { ok: false; error: string; fieldErrors?: FieldErrors };

/** One form's submit: pending, the server's field errors and message. */
function useSubmit() {
  const [pending, start] = useTransition();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const run = (call: () => Promise<Result>, done: (data: DrawerItem) => void) =>
    start(async () => {
      const r = await call();
      if (r.ok) {
        setErrors({});
        setMessage(null);
        done(JSON.parse(JSON.stringify(r.data)) as DrawerItem);
      } else {
        setErrors(r.fieldErrors ?? {});
        setMessage(r.error);
      }
    });
  return { pending, errors, message, run };
}

function ErrorLine({ message }: { message: string | null }) {
  return message ? (
    <p role="alert" className="font-medium text-red-700">
      {message}
    </p>
  ) : null;
}

export function CashDrawers({
  initial,
  myUserId,
  seesExpected,
  currency,
  timeZone,
}: {
  initial: DrawerItem[];
  myUserId: string;
  seesExpected: boolean;
  currency: string;
  timeZone: string;
}) {
  const [drawers, setDrawers] = useState(initial);
  const [closed, setClosed] = useState<DrawerItem | null>(null);
  const [opening, setOpening] = useState(initial.length === 0);
  const money = (c: number) => formatCents(c, currency);
  const time = (iso: string) =>
    new Intl.DateTimeFormat("en-US", { timeZone, hour: "numeric", minute: "2-digit" }).format(new Date(iso));
  const replace = (d: DrawerItem) => setDrawers((all) => all.map((x) => (x.id === d.id ? d : x)));

  return (
    <div className="space-y-4">
      {closed && (
        <section
          role="status"
          data-testid="drawer-closed"
          className={`rounded-xl border-2 p-5 ${closed.varianceCents === 0 ? "border-green-600 bg-green-50" : "border-amber-500 bg-amber-50"}`}
        >
          <h2 className="text-xl font-bold">{closed.name} is closed</h2>
          <dl className="mt-3 grid grid-cols-3 gap-4 text-lg">
            <div>
              <dt className="text-sm text-gray-600">Counted</dt>
              <dd className="font-bold tabular-nums">{money(closed.countedCents ?? 0)}</dd>
            </div>
            <div>
              <dt className="text-sm text-gray-600">Expected</dt>
              <dd className="font-bold tabular-nums">{money(closed.expectedCents ?? 0)}</dd>
            </div>
            <div>
              <dt className="text-sm text-gray-600">Variance</dt>
              <dd className="font-bold tabular-nums" data-testid="drawer-variance">
                {varianceWords(closed.varianceCents ?? 0, money)}
              </dd>
            </div>
          </dl>
          <Button variant="secondary" className="mt-4" onClick={() => setClosed(null)}>
            Done
          </Button>
        </section>
      )}

      {drawers.length === 0 && !opening && (
        <EmptyState title="No drawer is open">Open one with its float before taking cash.</EmptyState>
      )}
      {opening ? (
        <OpenDrawerForm
          suggestedName={drawers.length ? "" : "Front till"}
          onCancel={drawers.length ? () => setOpening(false) : undefined}
          onOpened={(d) => {
            setDrawers((all) => [...all, d]);
            setOpening(false);
            setClosed(null);
          }}
        />
      ) : (
        <Button variant="secondary" onClick={() => setOpening(true)} data-testid="open-another-drawer">
          Open a drawer
        </Button>
      )}

      {drawers.map((d) => (
        <DrawerCard
          key={d.id}
          drawer={d}
          mine={d.openedById === myUserId}
          seesExpected={seesExpected}
          money={money}
          time={time}
          onChanged={replace}
          onClosed={(c) => {
            setDrawers((all) => all.filter((x) => x.id !== c.id));
            setClosed(c);
          }}
        />
      ))}
    </div>
  );
}

function OpenDrawerForm({
  suggestedName,
  onOpened,
  onCancel,
}: {
  suggestedName: string;
  onOpened: (d: DrawerItem) => void;
  onCancel?: () => void;
}) {
  const [name, setName] = useState(suggestedName);
  const [float, setFloat] = useState("200.00");
  const s = useSubmit();
  return (
    <form
      aria-label="Open a drawer"
      className="grid gap-4 rounded-xl border border-gray-200 bg-white p-5 sm:grid-cols-[1fr_1fr_auto]"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        s.run(() => openDrawerAction({ name, openingFloatCents: dollarsToCents(float) }), onOpened);
      }}
    >
      <Field label="Drawer" htmlFor="drawer-name" error={s.errors.name} hint="The till or terminal, e.g. Bar till">
        <input
          {...describedBy("drawer-name", s.errors.name)}
          value={name}
          onChange={(e) => setName(e.target.value)}
          className={inputClass}
          autoComplete="off"
        />
      </Field>
      <Field label="Opening float ($)" htmlFor="drawer-float" error={s.errors.openingFloatCents}>
        <input
          {...describedBy("drawer-float", s.errors.openingFloatCents)}
          inputMode="decimal"
          value={float}
          onChange={(e) => setFloat(e.target.value)}
          className={inputClass}
        />
      </Field>
      <div className="flex items-end gap-2">
        <Button type="submit" disabled={s.pending} data-testid="open-drawer">
          {s.pending ? "Opening…" : "Open drawer"}
        </Button>
        {onCancel && (
          <Button type="button" variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
        )}
      </div>
      <div className="sm:col-span-3">
        <ErrorLine message={s.message} />
      </div>
    </form>
  );
}

type Mode = null | "PAY_IN" | "PAY_OUT" | "COUNT";

function DrawerCard({
  drawer: d,
  mine,
  seesExpected,
  money,
  time,
  onChanged,
  onClosed,
}: {
  drawer: DrawerItem;
  mine: boolean;
  seesExpected: boolean;
  money: (c: number) => string;
  time: (iso: string) => string;
  onChanged: (d: DrawerItem) => void;
  onClosed: (d: DrawerItem) => void;
}) {
  const [mode, setMode] = useState<Mode>(null);
  const stats: [string, string][] = [
    ["Opening float", money(d.openingFloatCents)],
    ["Pay-ins", money(d.payInsCents)],
    ["Pay-outs", money(d.payOutsCents)],
  ];
  if (seesExpected && d.cashSalesCents !== null) stats.push(["Cash taken", money(d.cashSalesCents)]);
  if (seesExpected && d.expectedCents !== null) stats.push(["Expected now", money(d.expectedCents)]);
  return (
    <section
      aria-labelledby={`drawer-${d.id}`}
      className="rounded-xl border border-gray-200 bg-white p-5 shadow-sm"
      data-testid="drawer-card"
    >
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id={`drawer-${d.id}`} className="text-xl font-bold">
            {d.name}
          </h2>
          <p className="text-gray-600">
            Opened {time(d.openedAt)} by {mine ? "you" : d.openedBy}
          </p>
        </div>
        <div className="flex flex-wrap gap-2" role="group" aria-label={`${d.name} actions`}>
          <Button variant={mode === "PAY_IN" ? "primary" : "secondary"} onClick={() => setMode("PAY_IN")}>
            Pay in
          </Button>
          <Button variant={mode === "PAY_OUT" ? "primary" : "secondary"} onClick={() => setMode("PAY_OUT")}>
            Pay out
          </Button>
          <Button
            variant={mode === "COUNT" ? "primary" : "secondary"}
            onClick={() => setMode("COUNT")}
            data-testid="count-drawer"
          >
            Count and close
          </Button>
        </div>
      </header>
      <dl className="mt-4 grid grid-cols-2 gap-3 sm:grid-cols-5">
        {stats.map(([label, value]) => (
          <div key={label} className="rounded-lg bg-gray-50 p-3">
            <dt className="text-sm text-gray-600">{label}</dt>
            <dd className="text-lg font-bold tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
      {!seesExpected && (
        <p className="mt-2 text-sm text-gray-600">Count blind: the expected amount shows after you close.</p>
      )}

      {(mode === "PAY_IN" || mode === "PAY_OUT") && (
        <MovementForm
          key={mode}
          drawerId={d.id}
          kind={mode}
          onCancel={() => setMode(null)}
          onDone={(x) => {
            onChanged(x);
            setMode(null);
          }}
        />
      )}
      {mode === "COUNT" && (
        <CountForm drawer={d} money={money} onCancel={() => setMode(null)} onDone={(x) => onClosed(x)} />
      )}

      {d.movements.length > 0 && (
        <div className="mt-4">
          <h3 className="text-sm font-semibold uppercase tracking-wide text-gray-500">Money in and out</h3>
          <ul className="mt-2 divide-y divide-gray-100" data-testid="drawer-movements">
            {d.movements.map((m) => (
              <li key={m.id} className="flex justify-between gap-3 py-2">
                <span>
                  <span className="font-semibold">{m.kind === "PAY_IN" ? "Pay-in" : "Pay-out"}</span> · {m.reason}
                  <span className="text-gray-600">
                    {" "}
                    · {m.actor} at {time(m.createdAt)}
                  </span>
                </span>
                <span className={`font-semibold tabular-nums ${m.kind === "PAY_OUT" ? "text-red-700" : ""}`}>
                  {m.kind === "PAY_OUT" ? "−" : "+"}
                  {money(m.amountCents)}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function MovementForm({
  drawerId,
  kind,
  onDone,
  onCancel,
}: {
  drawerId: string;
  kind: "PAY_IN" | "PAY_OUT";
  onDone: (d: DrawerItem) => void;
  onCancel: () => void;
}) {
  const [amount, setAmount] = useState("");
  const [reason, setReason] = useState("");
  const s = useSubmit();
  const id = `${kind.toLowerCase()}-${drawerId}`;
  return (
    <form
      aria-label={kind === "PAY_IN" ? "Pay in" : "Pay out"}
      noValidate
      className="mt-4 grid gap-4 rounded-lg border border-gray-200 bg-gray-50 p-4 sm:grid-cols-[10rem_1fr_auto]"
      onSubmit={(e) => {
        e.preventDefault();
        s.run(
          () => cashMovementAction({ sessionId: drawerId, kind, amountCents: dollarsToCents(amount), reason }),
          onDone,
        );
      }}
    >
      <Field label="Amount ($)" htmlFor={`${id}-amount`} error={s.errors.amountCents}>
        <input
          {...describedBy(`${id}-amount`, s.errors.amountCents)}
          inputMode="decimal"
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          className={inputClass}
          autoFocus
        />
      </Field>
      <Field
        label="Reason"
        htmlFor={`${id}-reason`}
        error={s.errors.reason}
        hint={kind === "PAY_IN" ? "e.g. Change from the bank" : "e.g. Milk delivery, paid to the driver"}
      >
        <input
          {...describedBy(`${id}-reason`, s.errors.reason)}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          className={inputClass}
        />
      </Field>
      <div className="flex items-end gap-2">
        <Button type="submit" disabled={s.pending} data-testid="save-movement">
          {s.pending ? "Saving…" : kind === "PAY_IN" ? "Record pay-in" : "Record pay-out"}
        </Button>
        <Button type="button" variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
      <div className="sm:col-span-3">
        <ErrorLine message={s.message} />
      </div>
    </form>
  );
}

function CountForm({
  drawer,
  money,
  onDone,
  onCancel,
}: {
  drawer: DrawerItem;
  money: (c: number) => string;
  onDone: (d: DrawerItem) => void;
  onCancel: () => void;
}) {
  const [counts, setCounts] = useState<Record<string, number>>({});
  const [note, setNote] = useState("");
  const s = useSubmit();
  const total = countTotal(counts);
  const set = (cents: number, n: number) =>
    setCounts((c) => ({ ...c, [String(cents)]: Math.max(0, Math.min(100_000, Number.isFinite(n) ? n : 0)) }));
  return (
    <form
      aria-label={`Count ${drawer.name}`}
      noValidate
      className="mt-4 space-y-4 rounded-lg border border-gray-200 bg-gray-50 p-4"
      onSubmit={(e) => {
        e.preventDefault();
        const filled = Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
        s.run(() => closeDrawerAction({ sessionId: drawer.id, countedCents: total, counts: filled, note }), onDone);
      }}
    >
      <h3 className="font-semibold">Count the drawer: notes and coins</h3>
      <div className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3" data-testid="denomination-counter">
        {DENOMINATIONS.map((den) => {
          const n = counts[String(den.cents)] ?? 0;
          const id = `count-${drawer.id}-${den.cents}`;
          return (
            <div key={den.cents} className="flex items-center gap-2 rounded-lg bg-white p-2">
              <label htmlFor={id} className="w-12 font-semibold">
                {den.label}
              </label>
              <Button
                type="button"
                variant="secondary"
                className="w-11 px-0"
                aria-label={`One fewer ${den.label}`}
                onClick={() => set(den.cents, n - 1)}
              >
                −
              </Button>
              <input
                id={id}
                inputMode="numeric"
                value={n === 0 ? "" : String(n)}
                placeholder="0"
                onChange={(e) => set(den.cents, Number(e.target.value.replace(/\D/g, "")))}
                className={`${inputClass} w-16 text-center tabular-nums`}
              />
              <Button
                type="button"
                variant="secondary"
                className="w-11 px-0"
                aria-label={`One more ${den.label}`}
                onClick={() => set(den.cents, n + 1)}
              >
                +
              </Button>
              <span className="ml-auto tabular-nums text-gray-700">{money(n * den.cents)}</span>
            </div>
          );
        })}
      </div>
      <Field label="Note (optional)" htmlFor={`count-note-${drawer.id}`} error={s.errors.note}>
        <input
          {...describedBy(`count-note-${drawer.id}`, s.errors.note)}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          className={inputClass}
        />
      </Field>
      <div className="flex flex-wrap items-center gap-3">
        <p className="text-xl font-bold tabular-nums" data-testid="count-total" aria-live="polite">
          Counted {money(total)}
        </p>
        <Button type="submit" disabled={s.pending} className="ml-auto" data-testid="close-drawer">
          {s.pending ? "Closing…" : `Close ${drawer.name}`}
        </Button>
        <Button type="button" variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
      <ErrorLine message={s.message} />
      {s.errors.countedCents && <ErrorLine message={s.errors.countedCents.join(" ")} />}
    </form>
  );
}
