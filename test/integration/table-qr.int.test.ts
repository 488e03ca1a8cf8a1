// Table QR codes (ADR 0034): a manager rotates a table's token (the old card stops finding the
// table at once, audited without the token) and prints the cards as a PDF, through the use cases
// and the REST routes in process on the real database (session stubbed).
import { NextRequest } from "next/server";
import { PDFDocument } from "pdf-lib";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Ctx } from "@/lib/auth/context";
import { rotateQrToken } from "@/lib/tables/rotate-qr-token";
import { listTableCards, tableCardsPdf } from "@/lib/tables/table-cards";
import { tableGuestUrl } from "@/lib/tables/table-url";
import { pdfPageTexts } from "@/test/support/pdf-text";
import { buildLocation, type BuiltLocation } from "./builders/location";
import { buildTables } from "./builders/tables";
import { expectAppError, resetDb, testDb } from "./helpers";

const state = vi.hoisted(() => ({ ctx: null as Ctx | null }));
vi.mock("@/lib/auth/session", () => ({
  currentCtx: async () => state.ctx,
  requireUser: async () => state.ctx,
}));
vi.mock("@/lib/ops/rate-limit", async (original) => ({
  ...(await original<typeof import("@/lib/ops/rate-limit")>()),
  limiter: () => ({ limit: async () => ({ success: true, remaining: 1000, reset: 0 }) }),
}));

let loc: BuiltLocation;
let other: BuiltLocation;
let t: Record<string, string>;
let patio: Record<string, string>;
let otherTables: Record<string, string>;

const req = (method: string, url = "http://localhost:3000/x") => new NextRequest(url, { method });
const seg = (params: Record<string, string> = {}) => ({ params: Promise.resolve(params) });
const tokenOf = async (id: string) =>
  (await testDb().diningTable.findUniqueOrThrow({ where: { id }, select: { qrToken: true } })).qrToken;
const findByToken = (qrToken: string) => testDb().diningTable.findUnique({ where: { qrToken }, select: { id: true } });

beforeAll(async () => {
  await resetDb();
  [loc, other] = await Promise.all([buildLocation({ name: "Bistro Qr" }), buildLocation()]);
  // Seven in the dining room (two pages of six), two on the patio.
  t = await buildTables(loc.id, ["1", "2", "3", "4", "5", "6", "10"], { area: "Dining room" });
  patio = await buildTables(loc.id, ["P1", "P2"], { area: "Patio" });
  otherTables = await buildTables(other.id, ["1"]);
});

describe("rotating a table's QR token", () => {
  it("gives the table a new 32-byte base64url token; the old one finds nothing; the audit has no token", async () => {
    const old = await tokenOf(t["1"]);
    expect(await findByToken(old)).toEqual({ id: t["1"] });
    const r = await rotateQrToken(loc.ctx.MANAGER, { id: t["1"] });
    expect(r.qrToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(r.qrToken, "base64url")).toHaveLength(32);
    expect(r.url).toBe(tableGuestUrl(r.qrToken));
    expect(r.url.endsWith(`/t/${r.qrToken}`)).toBe(true);
    expect(await tokenOf(t["1"])).toBe(r.qrToken);
    expect(await findByToken(old)).toBeNull();
    expect(await findByToken(r.qrToken)).toEqual({ id: t["1"] });

    const audits = await testDb().auditLog.findMany({ where: { action: "table.qr_rotated", entityId: t["1"] } });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      locationId: loc.id,
      actorId: loc.staff.MANAGER.userId,
      entityType: "DiningTable",
      details: { label: "1" },
    });
    const stored = JSON.stringify(audits[0]);
    expect(stored).not.toContain(old);
    expect(stored).not.toContain(r.qrToken);
  });

  it("never repeats a token", async () => {
    const tokens = new Set<string>();
    for (let i = 0; i < 5; i++) tokens.add((await rotateQrToken(loc.ctx.ADMIN, { id: t["2"] })).qrToken);
    expect(tokens.size).toBe(5);
  });

  it("is refused to staff who do not set up the floor, and changes nothing", async () => {
    const before = await tokenOf(t["3"]);
    for (const role of ["SERVER", "HOST", "CHEF", "CASHIER"] as const) {
      await expectAppError(rotateQrToken(loc.ctx[role], { id: t["3"] }), "FORBIDDEN");
    }
    expect(await tokenOf(t["3"])).toBe(before);
  });

  it("answers 404 for another location's table (and leaves its token alone)", async () => {
    const before = await tokenOf(otherTables["1"]);
    await expectAppError(rotateQrToken(loc.ctx.MANAGER, { id: otherTables["1"] }), "NOT_FOUND");
    await expectAppError(rotateQrToken(loc.ctx.MANAGER, { id: "no-such-table" }), "NOT_FOUND");
    expect(await tokenOf(otherTables["1"])).toBe(before);
  });
});

describe("POST /api/v1/tables/:id/qr-token", () => {
  it("answers { qrToken, url } to a manager; 403 FORBIDDEN to a server; 404 for another location's table", async () => {
    const { POST } = await import("@/app/api/v1/tables/[id]/qr-token/route");
    state.ctx = loc.ctx.MANAGER;
    const old = await tokenOf(t["4"]);
    const ok = await POST(req("POST"), seg({ id: t["4"] }));
    expect(ok.status).toBe(200);
    expect(ok.headers.get("cache-control")).toBe("no-store");
    const body = (await ok.json()) as { qrToken: string; url: string };
    expect(Object.keys(body).sort()).toEqual(["qrToken", "url"]);
    expect(body.url).toBe(tableGuestUrl(body.qrToken));
    expect(await findByToken(old)).toBeNull();

    state.ctx = loc.ctx.SERVER;
    const forbidden = await POST(req("POST"), seg({ id: t["4"] }));
    expect(forbidden.status).toBe(403);
    expect(((await forbidden.json()) as { error: { code: string } }).error.code).toBe("FORBIDDEN");

    state.ctx = loc.ctx.MANAGER;
    const missing = await POST(req("POST"), seg({ id: otherTables["1"] }));
    expect(missing.status).toBe(404);
    expect(await tokenOf(t["4"])).toBe(body.qrToken);
  });
});

describe("table cards", () => {
  it("lists the active tables area by area in natural label order, each with its guest URL and an SVG QR code", async () => {
    const { restaurant, areas, cards } = await listTableCards(loc.ctx.MANAGER, { svg: true });
    expect(restaurant).toBe("Bistro Qr");
    expect(areas.map((a) => a.name).sort()).toEqual(["Dining room", "Patio"]);
    const dining = cards.filter((c) => c.areaName === "Dining room").map((c) => c.label);
    expect(dining).toEqual(["1", "2", "3", "4", "5", "6", "10"]);
    expect(cards).toHaveLength(9);
    for (const c of cards) {
      expect(c.url).toBe(tableGuestUrl(await tokenOf(c.id)));
      expect(c.qrSvg).toMatch(/^data:image\/svg\+xml;base64,/);
      expect(Buffer.from(c.qrSvg!.split(",")[1], "base64").toString()).toContain("<svg");
    }
    const patioOnly = await listTableCards(loc.ctx.MANAGER, { areaId: await areaOf(patio.P1) });
    expect(patioOnly.cards.map((c) => c.label)).toEqual(["P1", "P2"]);
    expect(patioOnly.cards[0].qrSvg).toBeNull();
  });

  it("leaves out archived tables, refuses other roles and another location's area", async () => {
    await testDb().diningTable.update({ where: { id: patio.P2 }, data: { archivedAt: new Date() } });
    try {
      const { cards } = await listTableCards(loc.ctx.MANAGER, { areaId: await areaOf(patio.P1) });
      expect(cards.map((c) => c.label)).toEqual(["P1"]);
    } finally {
      await testDb().diningTable.update({ where: { id: patio.P2 }, data: { archivedAt: null } });
    }
    await expectAppError(listTableCards(loc.ctx.SERVER), "FORBIDDEN");
    await expectAppError(tableCardsPdf(loc.ctx.HOST), "FORBIDDEN");
    await expectAppError(tableCardsPdf(loc.ctx.MANAGER, { areaId: await areaOf(otherTables["1"]) }), "NOT_FOUND");
  });

  it("GET /api/v1/tables/qr-cards is a PDF download: ceil(tables / 6) pages, each card's label and URL on it", async () => {
    const { GET } = await import("@/app/api/v1/tables/qr-cards/route");
    state.ctx = loc.ctx.MANAGER;
    const res = await GET(req("GET", "http://localhost:3000/api/v1/tables/qr-cards"), seg());
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="table-cards\.pdf"$/);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const bytes = new Uint8Array(await res.arrayBuffer());
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(Math.ceil(9 / 6));
    const text = (await pdfPageTexts(bytes)).flat();
    const { cards } = await listTableCards(loc.ctx.MANAGER);
    for (const c of cards) {
      expect(text).toContain(`Table ${c.label}`);
      expect(text).toContain(c.url);
    }

    const areaId = await areaOf(patio.P1);
    const letter = await GET(
      req("GET", `http://localhost:3000/api/v1/tables/qr-cards?areaId=${areaId}&paper=letter`),
      seg(),
    );
    const patioDoc = await PDFDocument.load(new Uint8Array(await letter.arrayBuffer()));
    expect(patioDoc.getPageCount()).toBe(1);
    expect(patioDoc.getPage(0).getSize()).toEqual({ width: 612, height: 792 });

    state.ctx = loc.ctx.SERVER;
    expect((await GET(req("GET", "http://localhost:3000/api/v1/tables/qr-cards"), seg())).status).toBe(403);
    state.ctx = loc.ctx.MANAGER;
    const foreign = await GET(
      req("GET", `http://localhost:3000/api/v1/tables/qr-cards?areaId=${await areaOf(otherTables["1"])}`),
      seg(),
    );
    expect(foreign.status).toBe(404);
  });
});

async function areaOf(tableId: string): Promise<string> {
  return (await testDb().diningTable.findUniqueOrThrow({ where: { id: tableId }, select: { areaId: true } })).areaId;
}
