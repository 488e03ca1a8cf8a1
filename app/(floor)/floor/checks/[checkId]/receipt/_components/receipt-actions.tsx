"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { printReceiptAction } from "../actions";

/** Print from the browser, download the PDF, or send the same receipt to the location's receipt printer. */
export function ReceiptActions({
  checkId,
  backHref,
  canSendToPrinter,
}: {
  checkId: string;
  backHref: string;
  canSendToPrinter: boolean;
}) {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, start] = useTransition();
  const send = () =>
    start(async () => {
      const r = await printReceiptAction({ checkId });
      setMessage(r.ok ? { ok: true, text: `Sent to ${r.data.printerName}` } : { ok: false, text: r.error });
    });
  return (
    <div className="mx-auto flex w-full max-w-3xl flex-col gap-3 print:hidden">
      <div className="flex flex-wrap justify-center gap-2">
        <Button type="button" onClick={() => window.print()}>
          Print
        </Button>
        <a
          href={`/api/v1/checks/${checkId}/receipt.pdf`}
          className="inline-flex min-h-11 items-center justify-center rounded-lg border border-gray-300 bg-white px-4 font-semibold text-gray-900 hover:bg-gray-50"
          download
        >
          Download PDF
        </a>
        {canSendToPrinter && (
          <Button type="button" variant="secondary" disabled={pending} onClick={send}>
            {pending ? "Sending…" : "Send to receipt printer"}
          </Button>
        )}
        <Link
          href={backHref}
          className="inline-flex min-h-11 items-center justify-center rounded-lg px-4 font-semibold text-gray-700 hover:bg-gray-200"
        >
          Back to the table
        </Link>
      </div>
      {message && (
        <p
          role={message.ok ? "status" : "alert"}
          className={`rounded-lg p-3 text-center text-sm font-medium ${message.ok ? "bg-green-50 text-green-800" : "bg-red-50 text-red-800"}`}
        >
          {message.text}
        </p>
      )}
    </div>
  );
}
