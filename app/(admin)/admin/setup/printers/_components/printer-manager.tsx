"use client";

import { useState, useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Field, NamedOptions, describedBy, inputClass } from "@/components/admin/form-field";
import { useSaveState } from "@/components/admin/use-save-state";
import type { Jsonify } from "@/lib/jsonify";
import type { listPrinters } from "@/lib/printing/list-printers";
import { createPrinterAction, printTestPageAction, updatePrinterAction } from "../actions";

export type PrinterRow = Jsonify<Awaited<ReturnType<typeof listPrinters>>["printers"][number]>;
type Station = { id: string; name: string };

const WIDTHS = [
  { value: 48, label: "80 mm (48)" },
  { value: 42, label: "80 mm (42)" },
  { value: 32, label: "58 mm (32)" },
];

function PrinterForm({
  printer,
  stations,
  onDone,
}: {
  printer: PrinterRow | null;
  stations: Station[];
  onDone?: () => void;
}) {
  const [v, setV] = useState({
    name: printer?.name ?? "",
    host: printer?.host ?? "",
    port: String(printer?.port ?? 9100),
    kind: printer?.kind ?? ("RECEIPT" as "RECEIPT" | "KITCHEN"),
    stationId: printer?.stationId ?? "",
    lineWidth: String(printer?.lineWidth ?? 48),
  });
  const s = useSaveState();
  const fe = s.errors;
  const p = printer?.id ?? "new";
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV((x) => ({ ...x, [k]: e.target.value }));
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    s.start(async () => {
      const fields = {
        name: v.name,
        host: v.host,
        port: Number(v.port),
        kind: v.kind,
        stationId: v.kind === "KITCHEN" ? v.stationId || null : null,
        lineWidth: Number(v.lineWidth),
      };
      const r = printer ? await updatePrinterAction({ id: printer.id, fields }) : await createPrinterAction({ fields });
      if (!r.ok) return s.failed(r);
      s.saved(printer ? "Saved" : "Printer added: print a test page to check it");
      if (!printer) setV((x) => ({ ...x, name: "", host: "" }));
      onDone?.();
    });
  };
  const err = (k: string) => fe[`fields.${k}`] ?? fe[k];
  return (
    <form
      onSubmit={submit}
      noValidate
      className="grid items-start gap-3 sm:grid-cols-6"
      aria-label={printer ? `Edit ${printer.name}` : "New printer"}
    >
      <Field label="Name" htmlFor={`${p}-name`} error={err("name")} className="sm:col-span-2">
        <input
          {...describedBy(`${p}-name`, err("name"))}
          value={v.name}
          onChange={set("name")}
          className={inputClass}
        />
      </Field>
      <Field
        label="Address"
        htmlFor={`${p}-host`}
        error={err("host")}
        hint="e.g. 192.168.1.50"
        className="sm:col-span-2"
      >
        <input
          {...describedBy(`${p}-host`, err("host"))}
          value={v.host}
          onChange={set("host")}
          autoComplete="off"
          spellCheck={false}
          className={inputClass}
        />
      </Field>
      <Field label="Port" htmlFor={`${p}-port`} error={err("port")} hint="Usually 9100">
        <input
          {...describedBy(`${p}-port`, err("port"))}
          inputMode="numeric"
          value={v.port}
          onChange={set("port")}
          className={inputClass}
        />
      </Field>
      <Field label="Paper" htmlFor={`${p}-width`} error={err("lineWidth")} hint="Characters per line">
        <select
          {...describedBy(`${p}-width`, err("lineWidth"))}
          value={v.lineWidth}
          onChange={set("lineWidth")}
          className={inputClass}
        >
          {WIDTHS.map((w) => (
            <option key={w.value} value={w.value}>
              {w.label}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Prints" htmlFor={`${p}-kind`} error={err("kind")} className="sm:col-span-2">
        <select
          {...describedBy(`${p}-kind`, err("kind"))}
          value={v.kind}
          onChange={(e) => setV((x) => ({ ...x, kind: e.target.value as "RECEIPT" | "KITCHEN" }))}
          className={inputClass}
        >
          <option value="RECEIPT">Receipts and guest checks</option>
          <option value="KITCHEN">Kitchen chits for a station</option>
        </select>
      </Field>
      {v.kind === "KITCHEN" && (
        <Field label="Station" htmlFor={`${p}-station`} error={err("stationId")} className="sm:col-span-2">
          <select
            {...describedBy(`${p}-station`, err("stationId"))}
            value={v.stationId}
            onChange={set("stationId")}
            className={inputClass}
          >
            <option value="">Choose a station…</option>
            <NamedOptions items={stations} />
          </select>
        </Field>
      )}
      <div className="flex gap-2 sm:col-span-2 sm:mt-6">
        <Button type="submit" disabled={s.pending}>
          {s.pending ? "Saving…" : printer ? "Save" : "Add printer"}
        </Button>
        {onDone && (
          <Button type="button" variant="ghost" onClick={onDone}>
            Cancel
          </Button>
        )}
      </div>
      {s.message && (
        <p
          role={s.message.ok ? "status" : "alert"}
          className={`text-sm font-medium sm:col-span-6 ${s.message.ok ? "text-green-800" : "text-red-700"}`}
        >
          {s.message.text}
        </p>
      )}
    </form>
  );
}

function health(p: PrinterRow): { tone: "green" | "red" | "gray"; text: string } {
  if (p.archivedAt) return { tone: "gray", text: "archived" };
  if (p.lastError) return { tone: "red", text: "not answering" };
  if (p.lastOkAt) return { tone: "green", text: "last print OK" };
  return { tone: "gray", text: "not used yet" };
}

/** The location's printers: add, edit, archive/restore, print a test page. */
export function PrinterManager({ printers, stations }: { printers: PrinterRow[]; stations: Station[] }) {
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const run = (fn: () => Promise<{ ok: boolean; error?: string }>, done: string) =>
    start(async () => {
      setError(null);
      setNotice(null);
      const r = await fn();
      if (r.ok) setNotice(done);
      else setError(r.error ?? "Failed");
    });
  return (
    <section aria-labelledby="printers-h" className="space-y-3">
      <h2 id="printers-h" className="text-lg font-semibold">
        Printers
      </h2>
      {error && (
        <p role="alert" className="rounded-lg bg-red-50 p-3 text-sm font-medium text-red-800">
          {error}
        </p>
      )}
      {notice && (
        <p role="status" className="rounded-lg bg-green-50 p-3 text-sm font-medium text-green-800">
          {notice}
        </p>
      )}
      {printers.length === 0 ? (
        <p className="rounded-xl border-2 border-dashed border-gray-300 p-6 text-center text-gray-600">
          No printers yet: add the receipt printer at the counter, or a kitchen printer for a station without a screen.
        </p>
      ) : (
        <ul className="divide-y divide-gray-100 rounded-xl border border-gray-200 bg-white" aria-label="Printers">
          {printers.map((p) => {
            const h = health(p);
            return (
              <li key={p.id} className="p-3" data-testid="printer-row" data-name={p.name}>
                {editing === p.id ? (
                  <PrinterForm printer={p} stations={stations} onDone={() => setEditing(null)} />
                ) : (
                  <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
                    <span className={`font-semibold ${p.archivedAt ? "text-gray-500 line-through" : ""}`}>
                      {p.name}
                    </span>
                    <Badge tone={h.tone}>{h.text}</Badge>
                    <span className="text-sm text-gray-700">
                      {p.kind === "KITCHEN" ? `Kitchen · ${p.stationName ?? "no station"}` : "Receipts"} ·{" "}
                      <span className="font-mono">
                        {p.host}:{p.port}
                      </span>{" "}
                      · {p.lineWidth} characters
                    </span>
                    {p.lastError && !p.archivedAt && (
                      <span className="basis-full text-sm text-red-700">Last error: {p.lastError}</span>
                    )}
                    <span className="ml-auto flex flex-wrap gap-1">
                      {!p.archivedAt && (
                        <>
                          <Button
                            variant="secondary"
                            disabled={pending}
                            onClick={() =>
                              run(() => printTestPageAction({ id: p.id }), `Test page queued for ${p.name}`)
                            }
                          >
                            Print test page
                          </Button>
                          <Button variant="secondary" onClick={() => setEditing(p.id)} aria-label={`Edit ${p.name}`}>
                            Edit
                          </Button>
                        </>
                      )}
                      <Button
                        variant="ghost"
                        disabled={pending}
                        aria-label={`${p.archivedAt ? "Restore" : "Archive"} ${p.name}`}
                        onClick={() =>
                          run(
                            () => updatePrinterAction({ id: p.id, archived: !p.archivedAt }),
                            `${p.name} ${p.archivedAt ? "restored" : "archived"}`,
                          )
                        }
                      >
                        {p.archivedAt ? "Restore" : "Archive"}
                      </Button>
                    </span>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <div className="rounded-xl border border-gray-200 bg-white p-4">
        <h3 className="mb-3 font-semibold">New printer</h3>
        <PrinterForm key={printers.length} printer={null} stations={stations} />
      </div>
    </section>
  );
}
