"use client";

// Placeholder with the real component's props (the customers helper builds the address book); replaced at merge.
export function AddressBook({
  selectable,
  selectedId,
  onSelect,
}: {
  selectable?: boolean;
  selectedId?: string | null;
  onSelect?: (a: { id: string; label: string; areaName: string; feeCents: number; minimumCents: number }) => void;
}) {
  void selectable;
  void selectedId;
  void onSelect;
  return <p data-testid="address-book-placeholder">Saved addresses are not available yet.</p>;
}
