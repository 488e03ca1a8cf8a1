// The wrappers against a database that is down: the session resolves (mocked request scope),
// then the first query (the membership check) meets a real refused connection.
import { createServer } from "node:net";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError } from "../errors";

vi.mock("next/headers", async () => {
  const { encode } = await import("next-auth/jwt");
  const value = await encode({
    token: { sub: "u1", locationId: "l1", role: "SERVER", sv: 0, sid: "s1", authAt: Date.now() },
    secret: process.env.NEXTAUTH_SECRET!,
  });
  return {
    headers: async () => new Headers({ "x-forwarded-for": "127.0.0.1" }),
    cookies: async () => ({ get: (name: string) => (name === "next-auth.session-token" ? { value } : undefined) }),
  };
});

let route: typeof import("./route");
let action: typeof import("./action");

beforeAll(async () => {
  const port = await new Promise<number>((resolve) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const p = (srv.address() as { port: number }).port;
      srv.close(() => resolve(p));
    });
  });
  process.env.DATABASE_URL = `postgresql://nobody@127.0.0.1:${port}/down`; // nothing listens there
  route = await import("./route");
  action = await import("./action");
});

const req = (method = "GET", headers: Record<string, string> = {}, body?: string) =>
  new NextRequest("http://localhost:3000/api/v1/me", { method, headers, body });
const noParams = { params: Promise.resolve({}) };

describe("route() when the database is down", () => {
  it("answers 503 UNAVAILABLE with Retry-After, not 500", async () => {
    const handler = route.route({ permission: "orders.take" }, async () => ({ ok: true }));
    const res = await handler(req(), noParams);
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("5");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect((await res.json()).error).toMatchObject({ code: "UNAVAILABLE", retryAfterSeconds: 5 });
  });

  it("still answers 500 for a bug", async () => {
    const res = route.errorResponse(new TypeError("x is undefined"), "req-1");
    expect(res.status).toBe(500);
    expect((await res.json()).error.code).toBe("INTERNAL");
  });
});

describe("action() when the database is down", () => {
  it("returns a clear 'unavailable, try again' result", async () => {
    const run = action.action({ permission: "orders.take", input: z.object({}) }, async () => "done");
    expect(await run({})).toEqual({
      ok: false,
      code: "UNAVAILABLE",
      error: action.UNAVAILABLE_MESSAGE,
      retryAfterSeconds: 5,
    });
  });
});

describe("route(): cross-site and content-type guards run before anything else", () => {
  const handler = () =>
    route.route({ permission: "orders.take", body: z.object({ n: z.number() }) }, async () => ({ ok: true }));

  it("refuses a cross-site POST with 403", async () => {
    const res = await handler()(
      req(
        "POST",
        { "sec-fetch-site": "same-site", origin: "http://localhost:3001", "content-type": "text/plain" },
        '{"n":1}',
      ),
      noParams,
    );
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe("CROSS_SITE_REQUEST");
  });

  it("refuses a POST from another Origin when the browser sends no Sec-Fetch-Site", async () => {
    const res = await handler()(
      req("POST", { host: "localhost:3000", origin: "https://evil.example" }, '{"n":1}'),
      noParams,
    );
    expect(res.status).toBe(403);
  });
});

describe("errorResponse", () => {
  it("sends an AppError's headers (Retry-After on 429) and never lets it be cached", async () => {
    const res = route.errorResponse(
      new AppError("RATE_LIMITED", "Slow down", undefined, undefined, { "Retry-After": "7" }),
      "req-2",
    );
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("7");
    expect(res.headers.get("cache-control")).toBe("no-store");
  });
});

describe("the net under validation", () => {
  it("a database data exception (class 22) answers 400, not 500", async () => {
    const overflow = Object.assign(new Error("numeric field overflow"), { cause: { code: "22003" } });
    const res = route.errorResponse(overflow, "req-2");
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({
      code: "VALIDATION",
      message: "A number is too large to be recorded",
    });
  });
});
