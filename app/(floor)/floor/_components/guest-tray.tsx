"use client";

import Link from "next/link";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { fetchJson } from "@/components/realtime/fetch-json";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/http/action";
import type { Jsonify } from "@/lib/jsonify";
import type { listGuestRequests } from "@/lib/guest/guest-requests";
import type { listGuestSubmissions } from "@/lib/guest/decide-guest-submission";
import { formatCents } from "@/lib/money";
import {
  acknowledgeGuestRequestAction,
  approveGuestSubmissionAction,
  rejectGuestSubmissionAction,
} from "../guest-actions";

type Submission = Jsonify<Awaited<ReturnType<typeof listGuestSubmissions>>[number]>;
type Request = Jsonify<Awaited<ReturnType<typeof listGuestRequests>>[number]>;

const SUBMISSIONS = ["guest-tray", "submissions"] as const;
const REQUESTS = ["guest-tray", "requests"] as const;
/** Arrived this recently: the card stands out (no sound on the floor). */
const NEW_FOR_MS = 90_000;
const DECLINE_REASONS = ["Kitchen is closing", "An item is sold out", "Your server will come by"];

async function unwrap<T>(p: Promise<ActionResult<T>>): Promise<T> {
  const res = await p;
  if (!res.ok) throw new Error(res.error);
  return res.data;
}

/**
 * A one-tap mutation on a tray list: the card leaves at once (onMutate), comes back with the
 * error when the server refuses (onError), and the list refetches either way.
 */
function useTrayMutation<V extends { id: string }, T>(
  key: readonly string[],
  fn: (vars: V) => Promise<ActionResult<T>>,
  onError: (message: string) => void,
  onSuccess?: (data: T) => void,
) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (vars: V) => unwrap(fn(vars)),
    onMutate: async (vars) => {
      await qc.cancelQueries({ queryKey: key });
      const before = qc.getQueryData<{ id: string }[]>(key);
      qc.setQueryData<{ id: string }[]>(key, (list) => list?.filter((x) => x.id !== vars.id));
      return { before };
    },
    onError: (e, _vars, context) => {
      if (context?.before) qc.setQueryData(key, context.before);
      onError(e instanceof Error ? e.message : "Couldn't reach the server. Try again.");
    },
    onSuccess,
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: key });
      void qc.invalidateQueries({ queryKey: ["floor"] });
    },
  });
}

/**
 * Guest orders waiting for a server's tap and the tables' "call the server" / "bill, please",
 * at the top of /floor. Live via the floor channel's guest.changed (use-floor-realtime) plus a
 * poll; hidden while there is nothing to do.
 */
export function GuestTray({ currency }: { currency: string }) {
  const submissions = useQuery({
    queryKey: SUBMISSIONS,
    queryFn: () =>
      fetchJson<{ submissions: Submission[] }>("/api/v1/guest-submissions?status=PENDING_APPROVAL").then(
        (r) => r.submissions,
      ),
    refetchInterval: 20_000,
  });
  const requests = useQuery({
    queryKey: REQUESTS,
    queryFn: () => fetchJson<{ requests: Request[] }>("/api/v1/guest-requests").then((r) => r.requests),
    refetchInterval: 20_000,
  });
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(t);
  }, []);
  useEffect(() => {
    if (!message) return;
    const t = setTimeout(() => setMessage(null), 5000);
    return () => clearTimeout(t);
  }, [message]);
  const fail = (text: string) => setMessage({ tone: "error", text });

  const approve = useTrayMutation<{ id: string }, { orderNumber: number }>(
    SUBMISSIONS,
    (v) => approveGuestSubmissionAction({ submissionId: v.id }),
    fail,
    (r) => setMessage({ tone: "ok", text: `Sent to the kitchen · order #${r.orderNumber}` }),
  );
  const decline = useTrayMutation<{ id: string; reason: string }, unknown>(
    SUBMISSIONS,
    (v) => rejectGuestSubmissionAction({ submissionId: v.id, reason: v.reason }),
    fail,
    () => setMessage({ tone: "ok", text: "Declined; the guests see your reason" }),
  );
  const acknowledge = useTrayMutation<{ id: string }, unknown>(
    REQUESTS,
    (v) => acknowledgeGuestRequestAction({ requestId: v.id }),
    fail,
  );

  const subs = submissions.data ?? [];
  const reqs = requests.data ?? [];
  const failed = (submissions.isError && !submissions.data) || (requests.isError && !requests.data);
  if (subs.length === 0 && reqs.length === 0 && !failed && !message) return null;

  return (
    <section
      aria-label="From the tables' phones"
      data-testid="guest-tray"
      className="space-y-2 rounded-2xl border-2 border-violet-600 bg-violet-50 p-3"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-lg font-black text-violet-950">
          From the tables&apos; phones
          {subs.length + reqs.length > 0 && (
            <span className="ml-2 rounded-full bg-violet-700 px-2 py-0.5 text-sm text-white">
              {subs.length + reqs.length}
            </span>
          )}
        </h2>
        {message && (
          <p
            role={message.tone === "error" ? "alert" : "status"}
            className={`font-semibold ${message.tone === "error" ? "text-red-700" : "text-green-800"}`}
          >
            {message.text}
          </p>
        )}
        {failed && (
          <Button
            variant="secondary"
            onClick={() => {
              void submissions.refetch();
              void requests.refetch();
            }}
          >
            Couldn&apos;t load guest orders — retry
          </Button>
        )}
      </div>
      {reqs.length > 0 && (
        <ul className="flex flex-wrap gap-2" aria-label="Guest requests">
          {reqs.map((r) => (
            <RequestChip
              key={r.id}
              request={r}
              fresh={now - new Date(r.createdAt).getTime() < NEW_FOR_MS}
              busy={acknowledge.isPending && acknowledge.variables?.id === r.id}
              onAcknowledge={() => acknowledge.mutate({ id: r.id })}
            />
          ))}
        </ul>
      )}
      {subs.length > 0 && (
        <ul className="grid grid-cols-2 gap-2" aria-label="Guest orders waiting for you">
          {subs.map((s) => (
            <SubmissionCard
              key={s.id}
              submission={s}
              currency={currency}
              now={now}
              onSend={() => approve.mutate({ id: s.id })}
              onDecline={(reason) => decline.mutate({ id: s.id, reason })}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

/** "T4" for a numbered table (how the floor says it), the label itself for "P3" or "Bar 2". */
function tableName(label: string) {
  return /^\d/.test(label) ? `T${label}` : label;
}

function ago(iso: string, now: number) {
  const m = Math.max(0, Math.floor((now - new Date(iso).getTime()) / 60_000));
  return m === 0 ? "just now" : `${m} min ago`;
}

function NewBadge() {
  return (
    <span className="inline-flex items-center gap-1 rounded bg-amber-400 px-1.5 text-xs font-black uppercase text-amber-950">
      <span aria-hidden className="h-2 w-2 rounded-full bg-amber-800 motion-safe:animate-pulse" />
      New
    </span>
  );
}

function RequestChip({
  request: r,
  fresh,
  busy,
  onAcknowledge,
}: {
  request: Request;
  fresh: boolean;
  busy: boolean;
  onAcknowledge: () => void;
}) {
  const bill = r.kind === "BILL";
  return (
    <li
      data-testid="guest-request"
      data-kind={r.kind}
      className={`flex items-center gap-2 rounded-xl bg-white py-1 pl-3 pr-1 shadow-sm ${fresh ? "ring-4 ring-amber-400" : ""}`}
    >
      {fresh && <NewBadge />}
      <Link href={`/floor/tables/${r.tableId}`} className="min-h-11 content-center font-black">
        {tableName(r.tableLabel)}: {bill ? "bill please" : "call server"}
      </Link>
      {r.memberNickname && <span className="text-sm text-gray-600">· {r.memberNickname}</span>}
      <Button variant={bill ? "secondary" : "primary"} disabled={busy} onClick={onAcknowledge}>
        {bill ? "Done" : "On my way"}
      </Button>
    </li>
  );
}

function SubmissionCard({
  submission: s,
  currency,
  now,
  onSend,
  onDecline,
}: {
  submission: Submission;
  currency: string;
  now: number;
  onSend: () => void;
  onDecline: (reason: string) => void;
}) {
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState("");
  const fresh = now - new Date(s.createdAt).getTime() < NEW_FOR_MS;
  return (
    <li
      data-testid="guest-submission"
      className={`flex flex-col gap-2 rounded-xl bg-white p-3 shadow-sm ${fresh ? "ring-4 ring-amber-400" : ""}`}
    >
      <div className="flex items-center justify-between gap-2">
        <p className="min-w-0 truncate">
          <Link href={`/floor/tables/${s.tableId}`} className="text-xl font-black">
            {tableName(s.tableLabel)}
          </Link>{" "}
          <span className="font-semibold">· {s.memberNickname}</span>{" "}
          <span className="text-sm text-gray-600">· {ago(s.createdAt, now)}</span>
        </p>
        {fresh && <NewBadge />}
      </div>
      <ul className="space-y-0.5 text-base">
        {s.lines.map((l, i) => (
          <li key={i}>
            <span className="font-semibold">
              {l.quantity}× {l.name}
            </span>
            {l.modifiers.length > 0 && <span className="text-sm text-gray-600"> · {l.modifiers.join(", ")}</span>}
            {l.notes && <span className="text-sm italic text-amber-800"> · {l.notes}</span>}
          </li>
        ))}
      </ul>
      {declining ? (
        <form
          className="space-y-2"
          onSubmit={(e) => {
            e.preventDefault();
            if (reason.trim()) onDecline(reason.trim());
          }}
        >
          <div className="flex flex-wrap gap-1">
            {DECLINE_REASONS.map((r) => (
              <button
                key={r}
                type="button"
                onClick={() => setReason(r)}
                className={`min-h-11 rounded-lg border px-2 text-sm font-semibold ${reason === r ? "border-gray-900 bg-gray-900 text-white" : "border-gray-300 bg-white"}`}
              >
                {r}
              </button>
            ))}
          </div>
          <label className="block">
            <span className="sr-only">Reason the guests see</span>
            <input
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              maxLength={200}
              placeholder="Reason the guests see"
              className="min-h-11 w-full rounded-lg border border-gray-300 px-3"
            />
          </label>
          <div className="flex justify-end gap-2">
            <Button type="button" variant="ghost" onClick={() => setDeclining(false)}>
              Back
            </Button>
            <Button type="submit" variant="danger" disabled={!reason.trim()}>
              Decline order
            </Button>
          </div>
        </form>
      ) : (
        <div className="flex items-center justify-between gap-2">
          <span className="text-lg font-black">{formatCents(s.totalCents, currency)}</span>
          <span className="flex gap-2">
            <Button variant="secondary" onClick={() => setDeclining(true)}>
              Decline
            </Button>
            <Button onClick={onSend} className="bg-green-700 hover:bg-green-800">
              Send to kitchen
            </Button>
          </span>
        </div>
      )}
    </li>
  );
}
