import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";

// Markup shared by the console's line editors (purchase order lines, modifier options).

/** A table of editable lines: a caption for screen readers, the column heads, and a last column for row actions. */
export function LineEditorTable({
  caption,
  columns,
  children,
}: {
  caption: string;
  columns: ReactNode[];
  children: ReactNode;
}) {
  return (
    <table className="w-full text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead className="text-left text-gray-600">
        <tr>
          {columns.map((c, i) => (
            <th key={i} className="py-1">
              {c}
            </th>
          ))}
          <th />
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

/** The ✕ that removes one line; `label` names the line ("Remove line 2"). */
export function RemoveLineButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <Button type="button" variant="ghost" aria-label={label} onClick={onClick}>
      ✕
    </Button>
  );
}
