"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { checkMenuCsv } from "@/lib/menu/menu-csv";
import { checkIngredientCsv } from "@/lib/inventory/ingredient-csv";
import { mergeRowErrors, type RowError } from "@/lib/csv/validate-rows";
import { Button } from "@/components/ui/button";

type Phase =
  | { step: "idle" }
  | { step: "reading"; pct: number }
  | { step: "checked"; rows: number; errors: RowError[] }
  | { step: "uploading"; pct: number; dryRun: boolean }
  | { step: "working"; dryRun: boolean }
  | { step: "done"; dryRun: boolean; report: Record<string, number | boolean> }
  | { step: "failed"; message: string; errors: RowError[] };

const MAX_SHOWN = 200;

/**
 * CSV import with a visible progress: reading the file, checking every row in the browser
 * (the same rules the server applies), then at once a dry run on the server, which adds what
 * only the database knows (unknown category, station, supplier…): one report lists every row's
 * problems, format and references together. Import is offered once that check passes, and is
 * all or nothing.
 */
export function CsvImport({ kind, endpoint }: { kind: "menu" | "ingredients"; endpoint: string }) {
  const router = useRouter();
  const [phase, setPhase] = useState<Phase>({ step: "idle" });
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const input = useRef<HTMLInputElement>(null);

  function choose(f: File | undefined) {
    if (!f) return;
    if (f.size > 5 * 1024 * 1024) {
      setPhase({ step: "failed", message: "The file is larger than 5 MB; split it into smaller files.", errors: [] });
      return;
    }
    const reader = new FileReader();
    reader.onprogress = (e) =>
      e.lengthComputable && setPhase({ step: "reading", pct: Math.round((e.loaded / e.total) * 100) });
    reader.onerror = () => setPhase({ step: "failed", message: "The file could not be read.", errors: [] });
    reader.onload = () => {
      const text = String(reader.result ?? "");
      setFile({ name: f.name, text });
      // Let the progress bar paint before the (synchronous) check of a large file.
      setTimeout(() => {
        const check = kind === "menu" ? checkMenuCsv(text) : checkIngredientCsv(text);
        // A file whose header is wrong has nothing more to learn from the server.
        if (check.errors.some((e) => e.line === 1))
          setPhase({ step: "checked", rows: check.raw.length, errors: check.errors });
        else upload(true, text, check.errors);
      }, 30);
    };
    setPhase({ step: "reading", pct: 0 });
    reader.readAsText(f);
  }

  function upload(dryRun: boolean, text = file?.text, local: RowError[] = []) {
    if (text === undefined) return;
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `${endpoint}${dryRun ? "?dryRun=1" : ""}`);
    xhr.setRequestHeader("content-type", "text/csv");
    xhr.upload.onprogress = (e) =>
      e.lengthComputable && setPhase({ step: "uploading", pct: Math.round((e.loaded / e.total) * 100), dryRun });
    xhr.upload.onload = () => setPhase({ step: "working", dryRun });
    xhr.onerror = () =>
      setPhase({
        step: "failed",
        message: "The upload failed (network). Nothing was imported; try again.",
        errors: local,
      });
    xhr.onload = () => {
      let body: {
        error?: { message?: string; rowErrors?: RowError[]; fieldErrors?: Record<string, string[]> };
      } & Record<string, number | boolean> = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        /* not JSON: handled below */
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        setPhase({ step: "done", dryRun, report: body });
        if (!dryRun) router.refresh();
      } else {
        const fe = body.error?.fieldErrors ? Object.values(body.error.fieldErrors).flat().join(" ") : "";
        setPhase({
          step: "failed",
          message: `${body.error?.message ?? `The server answered ${xhr.status}`}${fe ? `: ${fe}` : ""}`,
          errors: mergeRowErrors(local, body.error?.rowErrors ?? []),
        });
      }
    };
    setPhase({ step: "uploading", pct: 0, dryRun });
    xhr.send(text);
  }

  const busy = phase.step === "reading" || phase.step === "uploading" || phase.step === "working";
  const errors = phase.step === "checked" || phase.step === "failed" ? phase.errors : [];
  return (
    <div className="space-y-3" data-testid={`csv-import-${kind}`}>
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={`csv-${kind}`} className="sr-only">
          CSV file
        </label>
        <input
          id={`csv-${kind}`}
          ref={input}
          type="file"
          accept=".csv,text/csv"
          disabled={busy}
          onChange={(e) => choose(e.target.files?.[0])}
          className="block text-sm file:mr-3 file:min-h-11 file:rounded-lg file:border-0 file:bg-gray-900 file:px-4 file:font-semibold file:text-white"
        />
        {file && phase.step === "done" && phase.dryRun && (
          <Button onClick={() => upload(false)} data-testid="csv-import-run">
            Import {String(phase.report.rows ?? "")} row{phase.report.rows === 1 ? "" : "s"}
          </Button>
        )}
      </div>

      <div aria-live="polite" className="space-y-2">
        {phase.step === "reading" && <Progress label={`Reading ${file?.name ?? "file"}`} pct={phase.pct} />}
        {phase.step === "uploading" && (
          <Progress label={phase.dryRun ? "Uploading for a check" : "Uploading"} pct={phase.pct} />
        )}
        {phase.step === "working" && (
          <Progress
            label={phase.dryRun ? "Checking every row against current data…" : "Importing in one transaction…"}
            pct={null}
          />
        )}
        {phase.step === "done" && (
          <p
            role="status"
            className="rounded-lg bg-green-50 p-3 text-sm font-medium text-green-800"
            data-testid="csv-import-done"
          >
            {phase.dryRun ? "Every row checks out against current data. Importing would give: " : "Imported: "}
            {Object.entries(phase.report)
              .filter(([k, v]) => typeof v === "number" && k !== "rows")
              .map(([k, v]) => `${v} ${k.replace(/([A-Z])/g, " $1").toLowerCase()}`)
              .join(", ")}
            .{phase.dryRun && " Nothing written yet."}
          </p>
        )}
        {(phase.step === "checked" && phase.errors.length > 0) || phase.step === "failed" ? (
          <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-3" data-testid="csv-import-errors">
            <p className="font-semibold text-red-800">
              {errors.some((e) => e.line > 1)
                ? `${new Set(errors.map((e) => e.line)).size} row(s) need fixing; nothing will be imported until the file is clean.`
                : phase.step === "failed"
                  ? phase.message
                  : "The file cannot be read as this CSV; nothing will be imported."}
            </p>
            {errors.length > 0 && (
              <table className="mt-2 w-full text-sm">
                <thead className="text-left text-red-900">
                  <tr>
                    <th className="py-1 pr-3">Line</th>
                    <th className="py-1 pr-3">Column</th>
                    <th className="py-1">Problem</th>
                  </tr>
                </thead>
                <tbody>
                  {errors.slice(0, MAX_SHOWN).map((e, i) => (
                    <tr key={i} className="border-t border-red-100">
                      <td className="py-1 pr-3 tabular-nums">{e.line}</td>
                      <td className="py-1 pr-3">{e.column ?? "—"}</td>
                      <td className="py-1">{e.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {errors.length > MAX_SHOWN && (
              <p className="mt-1 text-sm text-red-800">…and {errors.length - MAX_SHOWN} more.</p>
            )}
          </div>
        ) : null}
      </div>
    </div>
  );
}

function Progress({ label, pct }: { label: string; pct: number | null }) {
  return (
    <div>
      <p className="mb-1 text-sm font-medium">
        {label}
        {pct !== null && ` ${pct} %`}
      </p>
      <div
        className="h-3 w-full overflow-hidden rounded-full bg-gray-200"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct ?? undefined}
      >
        <div
          className={`h-full rounded-full bg-brand-600 ${pct === null ? "w-1/3 animate-pulse" : ""}`}
          style={pct === null ? undefined : { width: `${pct}%` }}
        />
      </div>
    </div>
  );
}
