"use client";

import { useState, useTransition } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { fetchJson } from "@/components/realtime/fetch-json";
import type { Jsonify } from "@/lib/jsonify";
import type { PrintJobRow } from "@/lib/printing/list-print-jobs";
import { retryPrintJobAction } from "../actions";

type Job = Jsonify<PrintJobRow>;

const STATE: Record<Job["status"], { tone: "gray" | "blue" | "green" | "red" | "amber"; label: string }> = {
  QUEUED: { tone: "amber", label: "queued" },
  PRINTING: { tone: "blue", label: "printing" },
  PRINTED: { tone: "green", label: "printed" },
  FAILED: { tone: "red", label: "failed" },
  CANCELLED: { tone: "gray", label: "cancelled" },
};

const KIND: Record<Job["kind"], string> = {
  GUEST_CHECK: "Guest check",
  RECEIPT: "Receipt",
  KITCHEN_CHIT: "Kitchen chit",
  CASH_UP: "Cash-up",
  END_OF_DAY: "End of day",
  TEST: "Test page",
};

const time = (iso: string) =>
  new Date(iso).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit" });

/** The print queue, refreshed every 3 s: state, attempts, the last error; Retry a failed job, Re-print a printed one. */
export function PrintQueue({ initialJobs }: { initialJobs: Job[] }) {
  const queryClient = useQueryClient();
  const { data: jobs, isError } = useQuery({
    queryKey: ["print-jobs"],
    queryFn: () => fetchJson<{ jobs: Job[] }>("/api/v1/print-jobs?limit=50").then((r) => r.jobs),
    initialData: initialJobs,
    refetchInterval: 3_000,
  });
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, start] = useTransition();
  const retry = (job: Job) =>
    start(async () => {
      const r = await retryPrintJobAction({ id: job.id });
      setMessage(
        r.ok
          ? { ok: true, text: `${job.status === "PRINTED" ? "Re-print" : "Retry"} queued: ${job.title}` }
          : { ok: false, text: r.error },
      );
      await queryClient.invalidateQueries({ queryKey: ["print-jobs"] });
    });

  return (
    <section aria-labelledby="queue-h" className="space-y-3">
      <div className="flex items-baseline justify-between gap-3">
        <h2 id="queue-h" className="text-lg font-semibold">
          Print queue
        </h2>
        <p className="text-xs text-gray-600">
          {isError ? "Could not refresh: retrying…" : "Refreshes every 3 seconds"}
        </p>
      </div>
      {message && (
        <p
          role={message.ok ? "status" : "alert"}
          className={`rounded-lg p-3 text-sm font-medium ${message.ok ? "bg-green-50 text-green-800" : "bg-red-50 text-red-800"}`}
        >
          {message.text}
        </p>
      )}
      {jobs.length === 0 ? (
        <p className="rounded-xl border-2 border-dashed border-gray-300 p-6 text-center text-gray-600">
          Nothing printed yet. Jobs appear here as soon as they are queued.
        </p>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-gray-200 bg-white">
          <table className="w-full text-sm" aria-label="Print jobs">
            <thead>
              <tr className="border-b border-gray-200 text-left">
                <th scope="col" className="p-3">
                  Queued
                </th>
                <th scope="col" className="p-3">
                  Job
                </th>
                <th scope="col" className="p-3">
                  Printer
                </th>
                <th scope="col" className="p-3">
                  State
                </th>
                <th scope="col" className="p-3 text-right">
                  Attempts
                </th>
                <th scope="col" className="p-3">
                  Last error
                </th>
                <th scope="col" className="p-3">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {jobs.map((j) => {
                const st = STATE[j.status];
                return (
                  <tr
                    key={j.id}
                    className="border-b border-gray-100 last:border-0"
                    data-testid="print-job"
                    data-status={j.status}
                  >
                    <td className="p-3 whitespace-nowrap tabular-nums text-gray-700">{time(j.createdAt)}</td>
                    <td className="p-3">
                      <span className="font-medium">{j.title}</span>
                      <span className="block text-xs text-gray-600">{KIND[j.kind]}</span>
                    </td>
                    <td className="p-3">{j.printerName}</td>
                    <td className="p-3 whitespace-nowrap">
                      <Badge tone={st.tone}>{st.label}</Badge>
                      {j.status === "QUEUED" && j.attempts > 0 && (
                        <span className="block text-xs text-gray-600">next try {time(j.nextAttemptAt)}</span>
                      )}
                      {j.status === "PRINTED" && j.printedAt && (
                        <span className="block text-xs text-gray-600">at {time(j.printedAt)}</span>
                      )}
                    </td>
                    <td className="p-3 text-right tabular-nums">{j.attempts}</td>
                    <td className="max-w-xs p-3 text-red-700">{j.lastError ?? ""}</td>
                    <td className="p-2 text-right">
                      {(j.status === "FAILED" || (j.status === "QUEUED" && j.attempts > 0)) && (
                        <Button
                          variant="secondary"
                          disabled={pending}
                          onClick={() => retry(j)}
                          aria-label={`Retry ${j.title}`}
                        >
                          Retry
                        </Button>
                      )}
                      {j.status === "PRINTED" && (
                        <Button
                          variant="ghost"
                          disabled={pending}
                          onClick={() => retry(j)}
                          aria-label={`Re-print ${j.title}`}
                        >
                          Re-print
                        </Button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
