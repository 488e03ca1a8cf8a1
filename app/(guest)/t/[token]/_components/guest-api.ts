"use client";

import type { Cart } from "./cart-edits";

// The guest surface's JSON (ADR 0034, /api/guest/*), as the phone reads it.

export type GuestSessionJson = {
  session: {
    id: string;
    mode: "FAMILY" | "INDIVIDUAL";
    tableLabel: string;
    locationName: string;
    currency: string;
    approvalRequired: boolean;
    checkout: { memberId: string; nickname: string; until: string } | null;
    channel: string;
  };
  me: { id: string; nickname: string };
  members: { id: string; nickname: string }[];
  order: {
    number: number | string;
    lines: {
      id: string;
      name: string;
      quantity: number;
      guestLabel: string | null;
      modifiers: string[];
      status: LineStatus;
    }[];
  } | null;
  submissions: {
    id: string;
    status: "PENDING_APPROVAL" | "SENT" | "REJECTED";
    memberNickname: string;
    createdAt: string;
    reason: string | null;
  }[];
  requests: { kind: "CALL_SERVER" | "BILL"; createdAt: string; acknowledged: boolean }[];
};

export type LineStatus = "RECEIVED" | "IN_KITCHEN" | "READY" | "SERVED";

export type MenuModifier = { id: string; name: string; priceDeltaCents: number; is86d: boolean };
export type MenuModifierGroup = {
  id: string;
  name: string;
  minSelect: number;
  maxSelect: number;
  modifiers: MenuModifier[];
};
export type MenuItem = {
  id: string;
  name: string;
  description: string | null;
  priceCents: number;
  photoUrl: string | null;
  allergens: string[];
  dietaryTags: string[];
  available: boolean;
  availableFrom: string | null;
  modifierGroups: MenuModifierGroup[];
};
export type GuestMenuJson = { currency: string; categories: { id: string; name: string; items: MenuItem[] }[] };

export type { Cart };

/** An error answer of the guest API, with every field the body carried (attemptsLeft, cart, by…). */
export class GuestApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly body: Record<string, unknown>,
    readonly retryAfterSeconds: number | null,
  ) {
    super(message);
  }
  get fieldErrors(): Record<string, string[]> | undefined {
    return this.body.fieldErrors as Record<string, string[]> | undefined;
  }
}

/** A network failure: the request may or may not have reached the server. */
export class OfflineError extends Error {}

export async function guestFetch<T>(
  url: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: init.method ?? "GET",
      credentials: "same-origin",
      cache: "no-store",
      headers: {
        accept: "application/json",
        ...(init.body !== undefined ? { "content-type": "application/json" } : {}),
        ...init.headers,
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  } catch {
    throw new OfflineError("We can’t reach the restaurant right now.");
  }
  if (res.ok) return (await res.json()) as T;
  const json = (await res.json().catch(() => null)) as { error?: Record<string, unknown> } | null;
  const error = json?.error ?? {};
  const retryAfter = Number(error.retryAfterSeconds ?? res.headers.get("retry-after") ?? NaN);
  throw new GuestApiError(
    res.status,
    typeof error.code === "string" ? error.code : `HTTP_${res.status}`,
    typeof error.message === "string" ? error.message : "Something went wrong. Please try again.",
    error,
    Number.isFinite(retryAfter) ? retryAfter : null,
  );
}

export const guestKeys = {
  session: ["guest", "session"] as const,
  menu: ["guest", "menu"] as const,
  cart: ["guest", "cart"] as const,
};

/** A random id for an edit or an Idempotency-Key (randomUUID needs a secure context; fall back to getRandomValues). */
export function newId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
