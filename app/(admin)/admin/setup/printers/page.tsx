import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { listPrinters } from "@/lib/printing/list-printers";
import { listPrintJobs } from "@/lib/printing/list-print-jobs";
import { SETUP_TABS, SectionTabs } from "@/components/admin/section-tabs";
import type { Jsonify } from "@/lib/jsonify";
import { PrinterManager } from "./_components/printer-manager";
import { PrintQueue } from "./_components/print-queue";

export const metadata: Metadata = { title: "Printers" };

/** Dates as the client receives them. */
const jsonify = <T,>(v: T) => JSON.parse(JSON.stringify(v)) as Jsonify<T>;

export default async function PrintersPage() {
  const ctx = await requireUser("payments.setup");
  const [{ printers, stations }, { jobs }] = await Promise.all([listPrinters(ctx), listPrintJobs(ctx, {})]);
  return (
    <div className="max-w-6xl space-y-4">
      <h1 className="text-2xl font-bold">Setup</h1>
      <SectionTabs label="Setup sections" tabs={SETUP_TABS} current="printers" />
      <p className="text-sm text-gray-600">
        Network receipt and kitchen printers (ESC/POS on port 9100: Epson, Star and compatibles). A kitchen printer
        prints a chit for every ticket its station gets. A printer that is off never holds up an order or a payment: its
        jobs wait here and are retried.
      </p>
      <PrinterManager printers={jsonify(printers)} stations={stations} />
      <PrintQueue initialJobs={jsonify(jobs)} />
    </div>
  );
}
