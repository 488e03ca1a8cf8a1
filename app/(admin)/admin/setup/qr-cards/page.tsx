import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { orNotFound } from "@/lib/http/or-not-found";
import { listTableCards } from "@/lib/tables/table-cards";
import { CARD_INSTRUCTIONS } from "@/lib/tables/render-table-cards";
import { SETUP_TABS, SectionTabs } from "@/components/admin/section-tabs";
import { EmptyState } from "@/components/ui/empty-state";
import { PrintButton } from "@/components/reports/print-button";
import { RotateQrButton } from "./_components/rotate-qr-button";

export const metadata: Metadata = { title: "Table QR cards" };

const chip = (current: boolean) =>
  `inline-flex min-h-11 items-center rounded-full border px-4 text-sm font-semibold ${
    current ? "border-gray-900 bg-gray-900 text-white" : "border-gray-300 bg-white text-gray-800 hover:bg-gray-50"
  }`;

export default async function QrCardsPage({ searchParams }: { searchParams: Promise<{ areaId?: string }> }) {
  const ctx = await requireUser("setup.manage");
  const { areaId } = await searchParams;
  const { restaurant, areas, cards } = await orNotFound(listTableCards(ctx, { areaId, svg: true }), [
    "NOT_FOUND",
    "VALIDATION",
  ]);
  const pdfHref = `/api/v1/tables/qr-cards${areaId ? `?areaId=${encodeURIComponent(areaId)}` : ""}`;
  return (
    <div className="max-w-6xl space-y-4 print:max-w-none print:space-y-0">
      {/* Printed pages hold the cards only: a 10 mm margin, two across and three down on A4 or Letter. */}
      <style>{"@page { margin: 10mm; }"}</style>
      <div className="space-y-4 print:hidden">
        <h1 className="text-2xl font-bold">Setup</h1>
        <SectionTabs label="Setup sections" tabs={SETUP_TABS} current="qr-cards" />
        <p className="text-sm text-gray-600">
          One card per table: guests scan its QR code and enter the PIN their server gives them when the table is opened
          for guest ordering. If a card goes missing, give that table a new QR code: the old card stops working at once,
          and you print the new one.
        </p>
        <div className="flex flex-wrap items-center justify-between gap-3">
          <nav aria-label="Filter by area" className="flex flex-wrap gap-2">
            <Link href="/admin/setup/qr-cards" aria-current={!areaId ? "page" : undefined} className={chip(!areaId)}>
              All areas
            </Link>
            {areas.map((a) => (
              <Link
                key={a.id}
                href={`/admin/setup/qr-cards?areaId=${encodeURIComponent(a.id)}`}
                aria-current={a.id === areaId ? "page" : undefined}
                className={chip(a.id === areaId)}
              >
                {a.name}
              </Link>
            ))}
          </nav>
          <div className="flex gap-2">
            <a
              href={pdfHref}
              download
              className="inline-flex min-h-11 items-center justify-center rounded-lg border border-gray-300 bg-white px-4 font-semibold text-gray-900 hover:bg-gray-50"
            >
              Download PDF
            </a>
            <PrintButton variant="primary" disabled={cards.length === 0} />
          </div>
        </div>
        <p className="text-sm text-gray-600" data-testid="card-count">
          {cards.length === 1 ? "1 card" : `${cards.length} cards`} · six to a printed page
        </p>
      </div>
      {cards.length === 0 ? (
        <EmptyState title="No tables here yet">
          Add tables on the{" "}
          <Link href="/admin/setup/floor" className="underline">
            floor plan
          </Link>
          ; their cards appear here.
        </EmptyState>
      ) : (
        <ul
          aria-label="Table cards"
          className="grid grid-cols-1 gap-4 md:grid-cols-2 lg:grid-cols-3 print:grid-cols-2 print:gap-0"
        >
          {cards.map((c) => (
            <li
              key={c.id}
              data-testid="table-card"
              data-label={c.label}
              className="flex break-inside-avoid flex-col items-center rounded-xl border-2 border-dashed border-gray-300 bg-white p-5 text-center print:h-[80mm] print:justify-center print:overflow-hidden print:rounded-none print:border print:p-2"
            >
              <p className="text-sm text-gray-600">{restaurant}</p>
              <h2 className="text-3xl font-black tracking-tight print:text-2xl">Table {c.label}</h2>
              {/* eslint-disable-next-line @next/next/no-img-element -- an inline SVG data URL made on the server */}
              <img
                src={c.qrSvg ?? ""}
                alt={`QR code for table ${c.label}`}
                width={176}
                height={176}
                className="my-2 print:my-1 print:h-[38mm] print:w-[38mm]"
              />
              <p className="max-w-60 text-sm font-medium">{CARD_INSTRUCTIONS}</p>
              <p className="mt-1 max-w-full break-all text-xs text-gray-500 print:text-[9px]" data-testid="card-url">
                {c.url}
              </p>
              <div className="mt-3 flex w-full items-center justify-between gap-2 border-t border-gray-200 pt-3 print:hidden">
                <span className="truncate text-sm text-gray-600">{c.areaName}</span>
                <RotateQrButton tableId={c.id} label={c.label} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
