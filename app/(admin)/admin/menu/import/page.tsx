import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";

import { MENU_CSV_COLUMNS, MENU_CSV_REQUIRED } from "@/lib/menu/menu-csv";
import { Card } from "@/components/ui/card";
import { MENU_TABS, SectionTabs } from "@/components/admin/section-tabs";
import { CsvImport } from "@/components/admin/csv-import";

export const metadata: Metadata = { title: "Import / export menu" };

export default async function MenuImportPage() {
  await requireUser("menu.edit");
  return (
    <div className="max-w-4xl space-y-4">
      <h1 className="text-2xl font-bold">Menu</h1>
      <SectionTabs label="Menu sections" tabs={MENU_TABS} current="import" />
      <Card title="Export">
        <p className="mb-3 text-sm text-gray-600">
          The whole menu as CSV, in the same columns the import reads: edit it in a spreadsheet and import it back.
        </p>
        <a
          href="/api/v1/menu/export"
          className="inline-flex min-h-11 items-center rounded-lg border border-gray-300 bg-white px-4 font-semibold hover:bg-gray-50"
        >
          Download menu.csv
        </a>
      </Card>
      <Card title="Import">
        <div className="mb-3 space-y-1 text-sm text-gray-600">
          <p>
            Items are matched by name (case does not matter): existing ones are updated, new ones created. Categories,
            stations, modifier groups and windows must exist already.
          </p>
          <p>
            Columns: <code className="text-xs">{MENU_CSV_COLUMNS.join(", ")}</code> (required:{" "}
            {MENU_CSV_REQUIRED.join(", ")}). Lists (allergens, tags, groups) are separated by semicolons; prices like
            12.50; tax rate in % (blank = default).
          </p>
          <p>A file with any bad row changes nothing: fix the rows listed and upload again.</p>
        </div>
        <CsvImport kind="menu" endpoint="/api/v1/menu/import" />
      </Card>
    </div>
  );
}
