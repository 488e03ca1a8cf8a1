// fetch for the ordering site's same-origin JSON API (/api/public): answers the body or an error
// with the server's message, field errors and extras (attemptsLeft, retryAfterSeconds…).

export type PublicApiError = {
  status: number;
  code: string;
  message: string;
  fieldErrors: Record<string, string[]>;
  details: Record<string, unknown>;
};

export type PublicApiResult<T> = { ok: true; data: T } | { ok: false; error: PublicApiError };

export async function publicApi<T>(
  path: string,
  init: { method?: string; body?: unknown } = {},
): Promise<PublicApiResult<T>> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: init.method ?? "GET",
      headers: init.body === undefined ? undefined : { "content-type": "application/json" },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      credentials: "same-origin",
      cache: "no-store",
    });
  } catch {
    return {
      ok: false,
      error: {
        status: 0,
        code: "NETWORK",
        message: "No connection. Check your signal and try again.",
        fieldErrors: {},
        details: {},
      },
    };
  }
  const json = (await res.json().catch(() => null)) as Record<string, unknown> | null;
  if (res.ok) return { ok: true, data: json as T };
  const e = (json?.error ?? {}) as Record<string, unknown>;
  const { code, message, fieldErrors, ...details } = e;
  return {
    ok: false,
    error: {
      status: res.status,
      code: typeof code === "string" ? code : "INTERNAL",
      message: typeof message === "string" ? message : "Something went wrong. Try again.",
      fieldErrors: (fieldErrors as Record<string, string[]> | undefined) ?? {},
      details,
    },
  };
}
