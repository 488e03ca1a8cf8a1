"use client";

import { useEffect, type RefObject } from "react";

/** A form field the summary can point at: the server's error key, the element's id, its label. */
export type SummaryField = { key: string; id: string; label: string };
export type ErrorSummaryItem = { id: string; label: string; message: string };

/**
 * The field errors in the order the fields appear on the form (so the first item is the first
 * field in error); a key may match a field exactly or by prefix ("allergens.2" → allergens).
 * Errors no field claims are listed last, pointing at the form itself.
 */
export function errorSummaryItems(
  fieldErrors: Record<string, string[]> | undefined,
  fields: readonly SummaryField[],
  formId: string,
): ErrorSummaryItem[] {
  if (!fieldErrors) return [];
  const claimed = new Set<string>();
  const items: ErrorSummaryItem[] = [];
  for (const f of fields) {
    const keys = Object.keys(fieldErrors).filter((k) => k === f.key || k.startsWith(`${f.key}.`));
    const messages = keys.flatMap((k) => fieldErrors[k] ?? []);
    keys.forEach((k) => claimed.add(k));
    if (messages.length) items.push({ id: f.id, label: f.label, message: [...new Set(messages)].join(" ") });
  }
  for (const [k, m] of Object.entries(fieldErrors)) {
    if (!claimed.has(k) && m.length) items.push({ id: formId, label: k, message: m.join(" ") });
  }
  return items;
}

/** Scroll to and focus the first field in error (its element, by id). */
export function focusFirstError(items: readonly ErrorSummaryItem[]) {
  const el = items.map((i) => document.getElementById(i.id)).find((e) => e !== null);
  if (!el) return;
  el.scrollIntoView({ block: "center" });
  el.focus({ preventScroll: true });
}

/** After each failed submit (a new `result` object), move focus to the first field in error. */
export function useFocusFirstError(result: unknown, items: readonly ErrorSummaryItem[]) {
  useEffect(() => {
    if (result && items.length) focusFirstError(items);
    // Only a new server answer moves focus, not a re-render: `items` is left out on purpose.
  }, [result]); // eslint-disable-line react-hooks/exhaustive-deps
}

/**
 * The list of what to fix, at the top of a long form: each error is a link to its field.
 * Announced as an alert; focus itself goes to the first field (see useFocusFirstError).
 */
export function ErrorSummary({
  title,
  items,
  ref,
}: {
  title: string;
  items: readonly ErrorSummaryItem[];
  ref?: RefObject<HTMLDivElement | null>;
}) {
  if (!items.length) return null;
  return (
    <div
      ref={ref}
      role="alert"
      aria-labelledby="error-summary-title"
      className="rounded-lg border border-red-200 bg-red-50 p-4"
      data-testid="error-summary"
    >
      <h2 id="error-summary-title" className="font-semibold text-red-800">
        {title}
      </h2>
      <ul className="mt-2 list-inside list-disc space-y-1 text-sm text-red-800">
        {items.map((i) => (
          <li key={`${i.id}-${i.label}`}>
            <a
              href={`#${i.id}`}
              className="font-medium underline"
              onClick={(e) => {
                const el = document.getElementById(i.id);
                if (!el) return;
                e.preventDefault();
                el.scrollIntoView({ block: "center" });
                el.focus({ preventScroll: true });
              }}
            >
              {i.label}: {i.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
