import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";

import { INGREDIENT_CSV_COLUMNS, INGREDIENT_CSV_REQUIRED } from "@/lib/inventory/ingredient-csv";
import { Card } from "@/components/ui/card";
import { INVENTORY_TABS, SectionTabs } from "@/components/admin/section-tabs";
import { CsvImport } from "@/components/admin/csv-import";

export const metadata: Metadata = { title: "Import / export ingredients" };

export default async function InventoryImportPage() {
  await requireUser("inventory.manage");
  return (
    <div className="max-w-4xl space-y-4">
      <h1 className="text-2xl font-bold">Inventory</h1>
      <SectionTabs label="Inventory sections" tabs={INVENTORY_TABS} current="import" />
      <Card title="Export">
        <p className="mb-3 text-sm text-gray-600">
          Every ingredient with its units, cost, par, reorder point, supplier and stock on hand, in the columns the
          import reads.
        </p>
        <a
          href="/api/v1/inventory/export"
          className="inline-flex min-h-11 items-center rounded-lg border border-gray-300 bg-white px-4 font-semibold hover:bg-gray-50"
        >
          Download ingredients.csv
        </a>
      </Card>
      <Card title="Import ingredients and stock">
        <div className="mb-3 space-y-1 text-sm text-gray-600">
          <p>
            Ingredients are matched by name (case does not matter): existing ones are updated, new ones created.
            Suppliers must exist already.
          </p>
          <p>
            Columns: <code className="text-xs">{INGREDIENT_CSV_COLUMNS.join(", ")}</code> (required:{" "}
            {INGREDIENT_CSV_REQUIRED.join(", ")}). base_unit is g, ml or each; purchase_unit_size is how many base units
            one purchase unit holds; cost like 12.50. on_hand (optional) sets the stock level through an adjustment on
            the ledger; leave it blank to keep the current level.
          </p>
          <p>A file with any bad row changes nothing: fix the rows listed and upload again.</p>
        </div>
        <CsvImport kind="ingredients" endpoint="/api/v1/inventory/import" />
      </Card>
    </div>
  );
}
