// Phone verification and customer sessions through the /api/public routes, in process, on the
// real database (ADR 0045): codes are read from a stubbed notifyCustomer, time is moved by
// ageing the stored challenges. Limits per phone and per address, burnt challenges, expiry, no
// account enumeration, sign-out, revoked and erased sessions, CSRF.
import { NextRequest } from "next/server";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { CUSTOMER_COOKIE } from "@/lib/customers/customer-cookie";
import { customerPhoneHash } from "@/lib/customers/customer-contact";
import { buildLocation, type BuiltLocation } from "./builders/location";
import { buildCustomer, enableOnlineOrdering, testPhone } from "./builders/customers";
import { resetDb, testDb } from "./helpers";

const texts = vi.hoisted(() => [] as { to: string; body: string; kind: string }[]);
vi.mock("@/lib/customers/notify-customer", () => ({
  notifyCustomer: async (t: { to: string; body: string; kind: string }) => {
    texts.push(t);
    return { delivered: true };
  },
}));
// The Redis limiters are shared by every run on the machine; the exact limits under test are the
// database's (lib/customers/otp-rules.ts).
vi.mock("@/lib/ops/rate-limit", async (original) => ({
  ...(await original<typeof import("@/lib/ops/rate-limit")>()),
  limiter: () => ({
    policy: { name: "test", quota: 1, windowSeconds: 1 },
    limit: async () => ({ success: true, remaining: 1000, reset: 0 }),
  }),
}));

const otpRoute = () => import("@/app/api/public/otp/route");
const verifyRoute = () => import("@/app/api/public/otp/verify/route");
const sessionRoute = () => import("@/app/api/public/session/route");

let loc: BuiltLocation;
let off: BuiltLocation;
let ipSeq = 0;
const freshIp = () => `203.0.113.${++ipSeq}`;

function req(
  url: string,
  method: string,
  body?: unknown,
  opts: { ip?: string; cookie?: string; origin?: string } = {},
) {
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "x-forwarded-for": opts.ip ?? "198.51.100.7",
  };
  if (opts.cookie) headers.cookie = `${CUSTOMER_COOKIE}=${opts.cookie}`;
  if (opts.origin) headers.origin = opts.origin;
  return new NextRequest(`http://localhost:3000${url}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
const seg = () => ({ params: Promise.resolve({}) });

async function send(phone: string, ip = freshIp(), slug = loc.slug) {
  const { POST } = await otpRoute();
  return POST(req("/api/public/otp", "POST", { locationSlug: slug, phone }, { ip }), seg());
}
async function verify(body: Record<string, unknown>, ip = freshIp()) {
  const { POST } = await verifyRoute();
  return POST(req("/api/public/otp/verify", "POST", { locationSlug: loc.slug, ...body }, { ip }), seg());
}
function lastCode(phone: string): string {
  const t = texts.findLast((x) => x.to === phone);
  const code = t?.body.match(/\b(\d{6})\b/)?.[1];
  if (!code) throw new Error(`no code texted to ${phone}`);
  return code;
}
function cookieOf(res: Response): string {
  const header = res.headers.get("set-cookie") ?? "";
  const m = new RegExp(`${CUSTOMER_COOKIE}=([^;]*)`).exec(header);
  return m?.[1] ?? "";
}
/** Moves a phone's challenges back in time (the 30-second and hourly rules read createdAt). */
async function age(phone: string, seconds: number) {
  await testDb().$executeRaw`
    UPDATE "OtpChallenge" SET "createdAt" = "createdAt" - make_interval(secs => ${seconds}),
      "expiresAt" = "expiresAt" - make_interval(secs => ${seconds})
    WHERE "phoneHash" = ${customerPhoneHash(phone)}`;
}
async function session(cookie: string) {
  const { GET } = await sessionRoute();
  return GET(req("/api/public/session", "GET", undefined, { cookie }), seg());
}

beforeAll(async () => {
  await resetDb();
  loc = await buildLocation({ name: "Online Bistro" });
  await enableOnlineOrdering(loc.id);
  off = await buildLocation();
});
beforeEach(() => {
  texts.length = 0;
});

describe("POST /api/public/otp and /verify", () => {
  it("texts a code, verifies it, creates the customer with a first name and signs them in", async () => {
    const phone = "(207) 555-2001";
    const sent = await send(phone);
    expect(sent.status).toBe(202);
    expect(await sent.json()).toEqual({ sent: true, resendInSeconds: 30 });
    expect(texts).toHaveLength(1);
    expect(texts[0]).toMatchObject({ to: "+12075552001", kind: "OTP" });
    const code = lastCode("+12075552001");
    const stored = await testDb().otpChallenge.findFirstOrThrow({ where: { locationId: loc.id } });
    expect(stored.codeHash).not.toContain(code);

    // A new customer must give a first name; the code is not used up by asking.
    const noName = await verify({ phone, code });
    expect(noName.status).toBe(400);
    expect((await noName.json()).error).toMatchObject({
      needsFirstName: true,
      fieldErrors: { firstName: expect.any(Array) },
    });

    const ok = await verify({ phone, code, firstName: "Grace" });
    expect(ok.status).toBe(200);
    const body = await ok.json();
    expect(body.customer).toMatchObject({ firstName: "Grace", isNew: true });
    const cookie = cookieOf(ok);
    expect(cookie).not.toBe("");
    expect(ok.headers.get("set-cookie")).toMatch(/HttpOnly/i);

    const customer = await testDb().customer.findUniqueOrThrow({ where: { id: body.customer.id } });
    expect(customer.phoneEnc).not.toContain("2075552001");
    expect(customer.phoneHash).toBe(customerPhoneHash("+12075552001"));
    expect(
      await testDb().auditLog.count({ where: { action: "customer.created", entityId: customer.id, actorId: null } }),
    ).toBe(1);

    const me = await session(cookie);
    expect(me.status).toBe(200);
    expect(await me.json()).toEqual({ customer: { id: customer.id, firstName: "Grace", phone: "+1 ••• ••• 2001" } });

    // The code cannot be used twice.
    const again = await verify({ phone, code });
    expect(again.status).toBe(400);
    expect((await again.json()).error.attemptsLeft).toBe(0);
  });

  it("signs a known customer in again without a first name and keeps one customer per phone", async () => {
    const known = await buildCustomer(loc.id, { firstName: "Ada" });
    await send(known.phone);
    const ok = await verify({ phone: known.phone, code: lastCode(known.phone) });
    expect(ok.status).toBe(200);
    expect((await ok.json()).customer).toEqual({ id: known.id, firstName: "Ada", isNew: false });
    expect(await testDb().customer.count({ where: { phoneHash: customerPhoneHash(known.phone) } })).toBe(1);
  });

  it("counts wrong codes and burns the challenge on the fifth (audited); the right code is then refused", async () => {
    const phone = testPhone();
    await send(phone);
    const code = lastCode(phone);
    const wrong = code === "000000" ? "111111" : "000000";
    for (let left = 4; left >= 1; left--) {
      const res = await verify({ phone, code: wrong });
      expect(res.status).toBe(400);
      const { error } = await res.json();
      expect(error).toMatchObject({ code: "VALIDATION", attemptsLeft: left });
      expect(error.fieldErrors.code[0]).toContain(`${left} tr`);
    }
    const fifth = await verify({ phone, code: wrong });
    expect((await fifth.json()).error).toMatchObject({ attemptsLeft: 0 });
    expect(await testDb().auditLog.count({ where: { action: "customer.otp_burnt", locationId: loc.id } })).toBe(1);
    const late = await verify({ phone, code, firstName: "X" });
    expect(late.status).toBe(400);
    expect((await late.json()).error.message).toMatch(/expired or was used up/);
  });

  it("counts parallel wrong guesses each (no more than 5 tries per challenge)", async () => {
    const phone = testPhone();
    await send(phone);
    const code = lastCode(phone);
    const wrong = code === "000000" ? "111111" : "000000";
    const answers = await Promise.all(Array.from({ length: 8 }, () => verify({ phone, code: wrong })));
    expect(answers.every((r) => r.status === 400)).toBe(true);
    const row = await testDb().otpChallenge.findFirstOrThrow({ where: { phoneHash: customerPhoneHash(phone) } });
    expect(row.attempts).toBe(5);
  });

  it("refuses an expired code", async () => {
    const phone = testPhone();
    await send(phone);
    await age(phone, 5 * 60 + 1);
    const res = await verify({ phone, code: lastCode(phone), firstName: "Late" });
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/expired/);
  });

  it("limits resends per phone: 30 s apart, 5 an hour, and 15 minutes' cool-down after 3 burnt codes", async () => {
    const phone = testPhone();
    expect((await send(phone)).status).toBe(202);
    const soon = await send(phone);
    expect(soon.status).toBe(429);
    const body = await soon.json();
    expect(body.error.retryAfterSeconds).toBeGreaterThan(0);
    expect(body.error.retryAfterSeconds).toBeLessThanOrEqual(30);
    expect(soon.headers.get("retry-after")).toBe(String(body.error.retryAfterSeconds));
    for (let i = 2; i <= 5; i++) {
      await age(phone, 31);
      expect((await send(phone)).status).toBe(202);
    }
    await age(phone, 31);
    const sixth = await send(phone);
    expect(sixth.status).toBe(429);
    expect((await sixth.json()).error.message).toMatch(/Too many codes/);

    const burner = testPhone();
    for (let i = 0; i < 3; i++) {
      expect((await send(burner)).status).toBe(202);
      await testDb().otpChallenge.updateMany({
        where: { phoneHash: customerPhoneHash(burner) },
        data: { attempts: 5 },
      });
      await age(burner, 31);
    }
    const cooled = await send(burner);
    expect(cooled.status).toBe(429);
    expect((await cooled.json()).error.message).toMatch(/wrong codes/);
  });

  it("limits sends from one address whatever the phones", async () => {
    const ip = freshIp();
    for (let i = 0; i < 20; i++) expect((await send(testPhone(), ip)).status).toBe(202);
    const refused = await send(testPhone(), ip);
    expect(refused.status).toBe(429);
    expect((await refused.json()).error.message).toMatch(/connection/);
    // Another address is not affected.
    expect((await send(testPhone())).status).toBe(202);
  });

  it("answers a new, a known and a blocked phone alike (no enumeration)", async () => {
    const known = await buildCustomer(loc.id);
    const blocked = await buildCustomer(loc.id);
    await testDb().customerBlock.create({
      data: {
        locationId: loc.id,
        customerId: blocked.id,
        phoneHash: customerPhoneHash(blocked.phone),
        reason: "No-shows",
      },
    });
    const answers = [];
    for (const phone of [testPhone(), known.phone, blocked.phone]) {
      const res = await send(phone);
      answers.push({ status: res.status, body: await res.json() });
    }
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    // And a refusal reads the same for each.
    const refusals = [];
    for (const phone of [testPhone(), known.phone, blocked.phone]) {
      await send(phone);
      const res = await send(phone);
      const body = await res.json();
      refusals.push({ status: res.status, code: body.error.code, message: body.error.message });
    }
    expect(refusals[0].status).toBe(429);
    expect(refusals[1]).toEqual(refusals[0]);
    expect(refusals[2]).toEqual(refusals[0]);
  });

  it("answers 404 for an unknown slug and a location without online ordering; 400 for a bad phone", async () => {
    expect((await send(testPhone(), freshIp(), "no-such-place")).status).toBe(404);
    expect((await send(testPhone(), freshIp(), off.slug)).status).toBe(404);
    const bad = await send("12");
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fieldErrors.phone).toBeDefined();
    const notNumber = await send("555 not a phone");
    expect(notNumber.status).toBe(400);
    const { POST } = await verifyRoute();
    const badCode = await POST(
      req("/api/public/otp/verify", "POST", { locationSlug: loc.slug, phone: testPhone(), code: "12ab" }),
      seg(),
    );
    expect(badCode.status).toBe(400);
    expect((await badCode.json()).error.fieldErrors.code).toBeDefined();
  });

  it("refuses a cross-site request (CSRF)", async () => {
    const { POST } = await otpRoute();
    const res = await POST(
      req(
        "/api/public/otp",
        "POST",
        { locationSlug: loc.slug, phone: testPhone() },
        { origin: "https://evil.example" },
      ),
      seg(),
    );
    expect(res.status).toBe(403);
    expect(texts).toHaveLength(0);
  });
});

describe("GET/DELETE /api/public/session", () => {
  it("answers 401 without a cookie or with a forged one", async () => {
    expect((await session("")).status).toBe(401);
    const c = await buildCustomer(loc.id);
    const [id, secret] = c.cookie.split(".");
    expect((await session(`${id}.${secret}.forged`)).status).toBe(401);
  });

  it("signs out: the session is revoked and the cookie cleared", async () => {
    const c = await buildCustomer(loc.id);
    const { DELETE } = await sessionRoute();
    const out = await DELETE(req("/api/public/session", "DELETE", undefined, { cookie: c.cookie }), seg());
    expect(out.status).toBe(200);
    expect(out.headers.get("set-cookie")).toMatch(new RegExp(`${CUSTOMER_COOKIE}=;`));
    expect((await session(c.cookie)).status).toBe(401);
    expect((await testDb().customerSession.findUniqueOrThrow({ where: { id: c.sessionId } })).revokedAt).not.toBeNull();
  });

  it("refuses a revoked, an expired and an erased customer's session", async () => {
    const revoked = await buildCustomer(loc.id);
    await testDb().customerSession.update({ where: { id: revoked.sessionId }, data: { revokedAt: new Date() } });
    expect((await session(revoked.cookie)).status).toBe(401);
    const expired = await buildCustomer(loc.id);
    await testDb().customerSession.update({
      where: { id: expired.sessionId },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await session(expired.cookie)).status).toBe(401);
    const erased = await buildCustomer(loc.id);
    await testDb().customer.update({ where: { id: erased.id }, data: { erasedAt: new Date() } });
    expect((await session(erased.cookie)).status).toBe(401);
  });

  it("treats a session of another location as none when the site names its slug", async () => {
    const c = await buildCustomer(loc.id);
    const { GET } = await sessionRoute();
    const here = await GET(
      req(`/api/public/session?locationSlug=${loc.slug}`, "GET", undefined, { cookie: c.cookie }),
      seg(),
    );
    expect(here.status).toBe(200);
    const there = await GET(
      req(`/api/public/session?locationSlug=${off.slug}`, "GET", undefined, { cookie: c.cookie }),
      seg(),
    );
    expect(there.status).toBe(401);
  });
});
