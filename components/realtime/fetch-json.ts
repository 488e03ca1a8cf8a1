"use client";

/** An API error as our route handlers send it: `{ error: { code, message, fieldErrors } }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
  }
}

/** GET JSON from our API for TanStack Query (same-origin cookie session). */
export async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, {
    credentials: "same-origin",
    cache: "no-store",
    ...init,
    headers: { accept: "application/json", ...init?.headers },
  });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as {
      error?: { code?: string; message?: string; fieldErrors?: Record<string, string[]> };
    } | null;
    throw new ApiError(
      res.status,
      body?.error?.code ?? "HTTP_" + res.status,
      body?.error?.message ?? res.statusText,
      body?.error?.fieldErrors,
    );
  }
  return (await res.json()) as T;
}
