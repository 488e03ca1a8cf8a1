"use client";

import { useCallback, useEffect, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { formatCents } from "@/lib/money";
import { publicApi } from "./public-api";

export type SavedAddress = {
  id: string;
  label: string;
  street: string;
  unit: string | null;
  notes: string | null;
  latitude: number;
  longitude: number;
  area: { id: string; name: string; feeCents: number; minimumCents: number; travelMinutes: number } | null;
};

const inputClass =
  "mt-1 block min-h-11 w-full rounded-lg border border-gray-300 px-3 focus:border-gray-900 focus:outline-none";
const EMPTY = { label: "", street: "", unit: "", notes: "", latitude: "", longitude: "" };

/**
 * The signed-in customer's delivery addresses (GET/POST/DELETE /api/public/addresses): pick one
 * when `selectable`, add one (coordinates typed or picked: no geocoding yet), delete one. An
 * address outside every delivery area is refused with the server's message.
 */
export function AddressBook({
  selectable = false,
  selectedId,
  onSelect,
}: {
  selectable?: boolean;
  selectedId?: string | null;
  onSelect?: (address: SavedAddress) => void;
}) {
  const ids = useId();
  const [addresses, setAddresses] = useState<SavedAddress[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [form, setForm] = useState(EMPTY);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    setLoadError(null);
    const r = await publicApi<{ addresses: SavedAddress[] }>("/api/public/addresses");
    if (r.ok) {
      setAddresses(r.data.addresses);
      if (r.data.addresses.length === 0) setAdding(true);
    } else setLoadError(r.error.message);
  }, []);

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the component owns its list: it loads it on mount (the state is set when the fetch resolves)
    void load();
  }, [load]);

  async function save() {
    setError(null);
    setFieldErrors({});
    const lat = Number.parseFloat(form.latitude);
    const lng = Number.parseFloat(form.longitude);
    setBusy(true);
    const r = await publicApi<{ address: SavedAddress }>("/api/public/addresses", {
      method: "POST",
      body: {
        label: form.label,
        street: form.street,
        unit: form.unit || null,
        notes: form.notes || null,
        latitude: Number.isFinite(lat) ? lat : form.latitude,
        longitude: Number.isFinite(lng) ? lng : form.longitude,
      },
    });
    setBusy(false);
    if (!r.ok) {
      setError(r.error.message);
      setFieldErrors(r.error.fieldErrors);
      return;
    }
    setAddresses((list) => [r.data.address, ...(list ?? [])]);
    setForm(EMPTY);
    setAdding(false);
    if (selectable) onSelect?.(r.data.address);
  }

  async function remove(id: string) {
    setError(null);
    const r = await publicApi<{ deleted: true }>(`/api/public/addresses/${encodeURIComponent(id)}`, {
      method: "DELETE",
    });
    if (!r.ok) return setError(r.error.message);
    setAddresses((list) => (list ?? []).filter((a) => a.id !== id));
  }

  const field = (name: keyof typeof EMPTY, label: string, extra: Record<string, string | number> = {}) => (
    <label htmlFor={`${ids}-${name}`} className="block text-sm font-semibold">
      {label}
      <input
        id={`${ids}-${name}`}
        className={inputClass}
        value={form[name]}
        onChange={(e) => setForm((f) => ({ ...f, [name]: e.target.value }))}
        aria-invalid={fieldErrors[name] ? true : undefined}
        aria-describedby={fieldErrors[name] ? `${ids}-${name}-error` : undefined}
        {...extra}
      />
      {fieldErrors[name] && (
        <span id={`${ids}-${name}-error`} className="mt-1 block text-xs font-medium text-red-700">
          {fieldErrors[name][0]}
        </span>
      )}
    </label>
  );

  if (loadError)
    return (
      <div role="alert" className="space-y-2 rounded-xl border border-red-200 bg-red-50 p-4 text-sm text-red-800">
        <p>{loadError}</p>
        <Button variant="secondary" onClick={() => void load()}>
          Try again
        </Button>
      </div>
    );
  if (addresses === null)
    return (
      <p className="text-sm text-gray-600" role="status" data-testid="addresses-loading">
        Loading your addresses…
      </p>
    );

  return (
    <div className="space-y-4">
      {addresses.length > 0 && (
        <ul className="space-y-2" data-testid="address-list">
          {addresses.map((a) => {
            const selected = selectable && a.id === selectedId;
            return (
              <li
                key={a.id}
                className={`flex items-start gap-2 rounded-xl border p-3 ${selected ? "border-gray-900 bg-gray-50" : "border-gray-200 bg-white"}`}
                data-testid="address-item"
                data-address-id={a.id}
              >
                {selectable ? (
                  <button
                    type="button"
                    className="min-h-11 flex-1 text-left disabled:cursor-not-allowed disabled:opacity-60"
                    aria-pressed={selected}
                    disabled={!a.area}
                    onClick={() => onSelect?.(a)}
                    data-testid="address-select"
                  >
                    <AddressText a={a} />
                  </button>
                ) : (
                  <div className="flex-1">
                    <AddressText a={a} />
                  </div>
                )}
                <Button
                  variant="ghost"
                  aria-label={`Delete ${a.label || a.street}`}
                  onClick={() => void remove(a.id)}
                  data-testid="address-delete"
                >
                  Delete
                </Button>
              </li>
            );
          })}
        </ul>
      )}
      {adding ? (
        <form
          className="space-y-3 rounded-xl border border-gray-200 bg-white p-4"
          onSubmit={(e) => {
            e.preventDefault();
            if (!busy) void save();
          }}
        >
          <h3 className="font-bold">New address</h3>
          {field("label", "Label (optional, e.g. Home)", { maxLength: 40 })}
          {field("street", "Street and number", {
            maxLength: 200,
            autoComplete: "street-address",
            "data-testid": "address-street",
          })}
          {field("unit", "Flat, floor or unit (optional)", { maxLength: 60 })}
          {field("notes", "Notes for the driver (optional)", { maxLength: 300 })}
          <div className="grid grid-cols-2 gap-3">
            {field("latitude", "Latitude", { inputMode: "decimal", "data-testid": "address-lat" })}
            {field("longitude", "Longitude", { inputMode: "decimal", "data-testid": "address-lng" })}
          </div>
          <div className="flex gap-2">
            <Button type="submit" disabled={busy} className="flex-1" data-testid="address-save">
              {busy ? "Saving…" : "Save address"}
            </Button>
            {addresses.length > 0 && (
              <Button type="button" variant="secondary" onClick={() => setAdding(false)}>
                Cancel
              </Button>
            )}
          </div>
        </form>
      ) : (
        <Button variant="secondary" className="w-full" onClick={() => setAdding(true)} data-testid="address-add">
          Add an address
        </Button>
      )}
      {error && (
        <p role="alert" className="text-sm font-medium text-red-700" data-testid="address-error">
          {error}
        </p>
      )}
    </div>
  );
}

function AddressText({ a }: { a: SavedAddress }) {
  return (
    <span className="block text-sm">
      {a.label && <span className="block font-semibold">{a.label}</span>}
      <span className="block">
        {a.street}
        {a.unit ? `, ${a.unit}` : ""}
      </span>
      {a.notes && <span className="block text-gray-600">“{a.notes}”</span>}
      <span className="mt-1 block text-xs text-gray-600">
        {a.area
          ? `${a.area.name} · delivery ${formatCents(a.area.feeCents)} · minimum ${formatCents(a.area.minimumCents)}`
          : "We don't deliver here any more"}
      </span>
    </span>
  );
}
