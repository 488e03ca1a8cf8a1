import "server-only";
import { decodeAddressText } from "./customer-contact";
import type { ServingArea } from "./delivery-area-at";

export const ADDRESS_SELECT = {
  id: true,
  label: true,
  streetEnc: true,
  unitEnc: true,
  notesEnc: true,
  latitude: true,
  longitude: true,
  createdAt: true,
} as const;

type AddressRow = {
  id: string;
  label: string;
  streetEnc: string;
  unitEnc: string | null;
  notesEnc: string | null;
  latitude: number;
  longitude: number;
  createdAt: Date;
};

/** A saved address as its customer sees it: decrypted, with the area that serves it now (null: none any more). */
export function addressView(row: AddressRow, area: ServingArea | null) {
  const { streetEnc, unitEnc, notesEnc, ...rest } = row;
  return { ...rest, ...decodeAddressText({ streetEnc, unitEnc, notesEnc }), area };
}
export type AddressView = ReturnType<typeof addressView>;
