import type { PrintDocument, PrintLine } from "@/lib/printing/document";

const ALIGN = { left: "text-left", center: "text-center", right: "text-right" } as const;

function Line({ line }: { line: PrintLine }) {
  switch (line.kind) {
    case "text": {
      const size = line.size === "double" ? "text-xl" : line.size === "tall" ? "text-base" : "";
      return (
        <p className={`${ALIGN[line.align ?? "left"]} ${line.bold ? "font-bold" : ""} ${size} whitespace-pre-wrap`}>
          {line.text}
        </p>
      );
    }
    case "columns":
      return (
        <p
          className={`flex justify-between gap-3 ${line.bold ? "font-bold" : ""} ${line.size === "tall" ? "text-base" : ""}`}
        >
          <span className="whitespace-pre-wrap">{line.left}</span>
          <span className="shrink-0 tabular-nums">{line.right}</span>
        </p>
      );
    case "separator":
      return (
        <hr
          className={`my-1.5 border-gray-500 ${line.style === "double" ? "border-t-4 border-double" : "border-dashed"}`}
        />
      );
    case "feed":
      return <div style={{ height: `${line.lines * 1.25}em` }} aria-hidden="true" />;
    case "qr":
      return <p className="text-center text-xs break-all">{line.value}</p>;
    case "cut":
      return null;
  }
}

/**
 * A PrintDocument on screen and on paper: the same lines the thermal printer and the PDF get,
 * 80 mm wide in monospace. `@media print` shows only this (see the page's print styles).
 */
export function ReceiptPaper({ doc, label }: { doc: PrintDocument; label: string }) {
  return (
    <article
      data-receipt
      aria-label={label}
      className="mx-auto w-[80mm] bg-white px-[4mm] py-[5mm] font-mono text-[12px] leading-snug text-black shadow-md print:shadow-none"
    >
      {doc.lines.map((line, i) => (
        <Line key={i} line={line} />
      ))}
    </article>
  );
}
