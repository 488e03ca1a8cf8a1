"use client";

import { useState, type ReactNode } from "react";
import { PunchForm } from "./punch-form";

/** A punch's row with its "Correct" button; the form opens in a row beneath it. */
export function PunchRow({
  punchId,
  cells,
  clockInAt,
  clockOutAt,
  timeZone,
  name,
}: {
  punchId: string;
  cells: ReactNode;
  clockInAt: string;
  clockOutAt: string;
  timeZone: string;
  name: string;
}) {
  const [editing, setEditing] = useState(false);
  return (
    <>
      <tr className="border-t border-gray-100" data-testid="punch-row" data-punch-id={punchId}>
        {cells}
        <td className="px-3 py-2 text-right">
          <button
            type="button"
            onClick={() => setEditing((v) => !v)}
            aria-expanded={editing}
            className="min-h-11 rounded-lg border border-gray-300 px-3 font-semibold hover:bg-gray-50"
          >
            Correct<span className="sr-only"> the punch of {name}</span>
          </button>
        </td>
      </tr>
      {editing && (
        <tr className="bg-gray-50">
          <td colSpan={99} className="px-3 py-3">
            <PunchForm
              punchId={punchId}
              clockInAt={clockInAt}
              clockOutAt={clockOutAt}
              timeZone={timeZone}
              onDone={() => setEditing(false)}
            />
          </td>
        </tr>
      )}
    </>
  );
}
