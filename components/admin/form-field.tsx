import type { ReactNode } from "react";

// Small form primitives shared by the menu and inventory consoles (server-rendered markup,
// usable from client components too). Errors are tied to inputs with aria-describedby.

export const inputClass =
  "min-h-11 w-full rounded-lg border border-gray-300 bg-white px-3 text-gray-900 aria-[invalid=true]:border-red-500 disabled:bg-gray-100";

export function Field({
  label,
  htmlFor,
  error,
  hint,
  children,
  className = "",
}: {
  label: string;
  htmlFor: string;
  error?: string[] | string;
  hint?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  const errors = typeof error === "string" ? [error] : error;
  return (
    <div className={className}>
      <label htmlFor={htmlFor} className="mb-1 block text-sm font-medium text-gray-800">
        {label}
      </label>
      {children}
      {hint && !errors?.length && (
        <p id={`${htmlFor}-hint`} className="mt-1 text-xs text-gray-500">
          {hint}
        </p>
      )}
      {errors?.length ? (
        <p id={`${htmlFor}-error`} className="mt-1 text-sm font-medium text-red-700" role="alert">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

/** A select's options for records with an id and a name (suppliers, ingredients, stations). */
export function NamedOptions({ items }: { items: readonly { id: string; name: string }[] }) {
  return items.map((o) => (
    <option key={o.id} value={o.id}>
      {o.name}
    </option>
  ));
}

/** Server messages that belong to no single input (a line, a list); nothing when there are none. */
export function ErrorText({ errors, className = "text-sm" }: { errors: string[] | undefined; className?: string }) {
  if (!errors?.length) return null;
  return (
    <p role="alert" className={`${className} text-red-700`}>
      {errors.join(" ")}
    </p>
  );
}

/** Props that wire an input to its Field's error/hint text. */
export function describedBy(id: string, error?: string[] | string) {
  const has = typeof error === "string" ? !!error : !!error?.length;
  return {
    id,
    name: id,
    "aria-invalid": has || undefined,
    "aria-describedby": has ? `${id}-error` : `${id}-hint`,
  } as const;
}

export function FormMessage({
  result,
}: {
  result: { ok: boolean; error?: string; message?: string } | null | undefined;
}) {
  if (!result) return null;
  if (result.ok) {
    return result.message ? (
      <p role="status" className="rounded-lg bg-green-50 p-3 text-sm font-medium text-green-800">
        {result.message}
      </p>
    ) : null;
  }
  return (
    <p role="alert" className="rounded-lg bg-red-50 p-3 text-sm font-medium text-red-800">
      {result.error}
    </p>
  );
}
