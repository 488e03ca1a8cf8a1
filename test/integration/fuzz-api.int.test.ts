// Generated inputs against every /api/v1 route handler and every server action, in process,
// on the real database (issue 7 #5): no input may produce a 5xx (or an INTERNAL action result),
// and an answer of 4xx must leave every table exactly as it was. The session, the per-user rate
// limit and Next's cache/navigation helpers are stubbed; everything else is the real code.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Ctx } from "@/lib/auth/context";
import type { z } from "zod";
import { arbitraryFor, hostile, jsonSchemaOf, withHostileLeaf } from "./support/input-arbitrary";
import { ctxFor, resetDb, seedFixture, testDb } from "./helpers";

const state = vi.hoisted(() => ({ ctx: null as Ctx | null }));
vi.mock("@/lib/auth/session", () => ({
  currentCtx: async () => state.ctx,
  requireUser: async () => state.ctx,
}));
vi.mock("@/lib/ops/rate-limit", async (original) => ({
  ...(await original<typeof import("@/lib/ops/rate-limit")>()),
  limiter: () => ({ limit: async () => ({ success: true, remaining: 1000, reset: 0 }) }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, unstable_cache: <T>(fn: T) => fn }));
class Navigated extends Error {}
vi.mock("next/navigation", async (original) => ({
  ...(await original<typeof import("next/navigation")>()),
  redirect: (to: string) => {
    throw new Navigated(to);
  },
  notFound: () => {
    throw new Navigated("not-found");
  },
}));

const ROOT = path.resolve(__dirname, "../..");
const RUNS = Number(process.env.FUZZ_RUNS ?? 12);
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

type RouteHandler = ((req: NextRequest, segment: { params: Promise<Record<string, string>> }) => Promise<Response>) & {
  schemas?: { params?: z.ZodType; query?: z.ZodType; body?: z.ZodType };
};
type ActionFn = ((raw: unknown) => Promise<unknown>) & { schema?: z.ZodType };

/** Files named `name`, or ending in `-${name}` (checks-actions.ts beside a page's actions.ts). */
function findFiles(dir: string, name: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && (e.name === name || e.name.endsWith(`-${name}`)))
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)))
    .sort();
}

let admin: Ctx, manager: Ctx;
let ids: string[] = [];
const fingerprint = async () => (await testDb().$queryRaw<{ f: string }[]>`SELECT fuzz_fingerprint() AS f`)[0].f;

beforeAll(async () => {
  await resetDb();
  await seedFixture();
  [admin, manager] = await Promise.all([ctxFor("admin@demo.kitchen"), ctxFor("manager@demo.kitchen")]);
  // A digest of every row of every table: equal before and after ⇔ nothing was written.
  // A constant statement: no interpolation, and the table names go through format('%I').
  await testDb().$executeRaw`
    CREATE OR REPLACE FUNCTION fuzz_fingerprint() RETURNS text LANGUAGE plpgsql AS $$
    DECLARE r record; acc text := ''; h text;
    BEGIN
      FOR r IN SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations' ORDER BY tablename LOOP
        -- A refused sign-in (the token endpoint's password grant) is audited by design (ADR 0010): not a write to count.
        EXECUTE format('SELECT md5(coalesce(string_agg(t::text, ''|'' ORDER BY t::text), '''')) FROM %I t %s', r.tablename,
          CASE WHEN r.tablename = 'AuditLog' THEN 'WHERE t.action NOT LIKE ''auth.sign_in.%''' ELSE '' END) INTO h;
        acc := acc || r.tablename || ':' || h || ';';
      END LOOP;
      RETURN md5(acc);
    END $$`;
  const db = testDb();
  const rows = await Promise.all([
    db.order.findMany({ select: { id: true }, take: 5 }),
    db.orderItem.findMany({ select: { id: true }, take: 5 }),
    db.menuItem.findMany({ select: { id: true }, take: 5 }),
    db.menuCategory.findMany({ select: { id: true }, take: 3 }),
    db.modifierGroup.findMany({ select: { id: true }, take: 3 }),
    db.modifier.findMany({ select: { id: true }, take: 3 }),
    db.availabilityWindow.findMany({ select: { id: true }, take: 2 }),
    db.ingredient.findMany({ select: { id: true }, take: 5 }),
    db.supplier.findMany({ select: { id: true }, take: 2 }),
    db.purchaseOrder.findMany({ select: { id: true }, take: 3 }),
    db.stockCount.findMany({ select: { id: true }, take: 2 }),
    db.diningTable.findMany({ select: { id: true }, take: 5 }),
    db.kitchenStation.findMany({ select: { id: true }, take: 3 }),
    db.location.findMany({ select: { id: true } }),
  ]);
  ids = rows.flat().map((r) => r.id);
});

afterAll(async () => {
  const { flushPublishes } = await import("@/lib/realtime/publish");
  await flushPublishes();
});

/** The body: mostly schema-shaped, sometimes with a hostile leaf, sometimes not JSON at all. */
function bodyArbitrary(schema: z.ZodType | undefined): fc.Arbitrary<string | null> {
  const shaped = arbitraryFor(jsonSchemaOf(schema), ids);
  return fc.oneof(
    { weight: 5, arbitrary: shaped.map((v) => JSON.stringify(v)) },
    {
      weight: 4,
      arbitrary: fc
        .tuple(shaped, fc.nat(), hostile)
        .map(([v, n, h]) => JSON.stringify(withHostileLeaf(v, n, h)) ?? "null"),
    },
    { weight: 1, arbitrary: fc.constantFrom("null", "[]", "{", '"text"', "", "\u0000", '{"a":"\\ud800"}') },
    { weight: 1, arbitrary: fc.constant(null) },
  );
}

function paramArbitrary(names: string[]): fc.Arbitrary<Record<string, string>> {
  const value = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...ids) },
    { weight: 1, arbitrary: fc.constantFrom("x", "%00", "\u0000", "a".repeat(200), "../admin", "0") },
  );
  return fc.record(Object.fromEntries(names.map((n) => [n, value])));
}

function queryArbitrary(schema: z.ZodType | undefined): fc.Arbitrary<Record<string, string>> {
  const shaped = arbitraryFor(jsonSchemaOf(schema), ids).map((v) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, typeof x === "string" ? x : JSON.stringify(x)]))
      : {},
  );
  return fc.oneof(
    shaped,
    fc
      .tuple(shaped, fc.constantFrom("after", "limit", "station", "from", "to", "status", "q"), hostile)
      .map(([q, k, h]) => ({ ...q, [k]: String(h) })),
  );
}

describe("every /api/v1 route", () => {
  const files = findFiles("app/api/v1", "route.ts");

  it("finds the routes", () => {
    expect(files.length).toBeGreaterThan(40);
  });

  for (const file of files) {
    const urlPath = "/" + path.dirname(file).replace(/^app\//, "");
    const paramNames = [...urlPath.matchAll(/\[([^\]]+)\]/g)].map((m) => m[1]);
    it(`${urlPath}: no 5xx, nothing written on 4xx`, async () => {
      const mod = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Partial<
        Record<(typeof METHODS)[number], RouteHandler>
      >;
      const handlers = METHODS.filter((m) => typeof mod[m] === "function");
      expect(handlers.length).toBeGreaterThan(0);
      for (const method of handlers) {
        const handler = mod[method]!;
        const input = fc.record({
          params: paramArbitrary(paramNames),
          query: queryArbitrary(handler.schemas?.query),
          body: method === "GET" ? fc.constant(null) : bodyArbitrary(handler.schemas?.body),
          asAdmin: fc.boolean(),
          key: fc.oneof(fc.uuid(), fc.constantFrom("", "bad key", "x".repeat(300))),
        });
        type Input = typeof input extends fc.Arbitrary<infer T> ? T : never;
        await fc.assert(
          fc.asyncProperty(input, async ({ params, query, body, asAdmin, key }) => {
            state.ctx = { ...(asAdmin ? admin : manager), requestId: crypto.randomUUID() };
            const url = new URL(
              `http://localhost${urlPath.replace(/\[([^\]]+)\]/g, (_, n: string) => encodeURIComponent(params[n]))}`,
            );
            for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
            const headers: Record<string, string> = {
              "content-type": "application/json",
              origin: "http://localhost",
              "sec-fetch-site": "same-origin",
            };
            if (key) headers["idempotency-key"] = key;
            const req = new NextRequest(url, { method, headers, ...(body === null ? {} : { body }) });
            const before = await fingerprint();
            const res = await handler(req, { params: Promise.resolve(params) });
            const text = await res.text();
            expect(
              res.status,
              `${method} ${url.pathname}${url.search} ${body ?? ""} → ${res.status} ${text.slice(0, 300)}`,
            ).toBeLessThan(500);
            if (res.status >= 400)
              expect(await fingerprint(), `${method} ${url.pathname} answered ${res.status} but wrote`).toBe(before);
          }),
          {
            numRuns: RUNS,
            endOnFailure: true,
            // Always tried: the inputs that once made routes answer 500.
            examples: ["null", '{"name":"a\\u0000b"}', '{"reason":"\\ud800"}', "[]"].map((body): [Input] => [
              {
                params: Object.fromEntries(paramNames.map((n) => [n, ids[0]])),
                query: { after: "1000000000000000" },
                body: method === "GET" ? null : body,
                asAdmin: true,
                key: "",
              },
            ]),
          },
        );
      }
    }, 120_000);
  }
});

describe("every server action", () => {
  // Server-action modules only ("use server"), not hooks such as use-pad-actions.ts.
  const files = findFiles("app", "actions.ts").filter((f) =>
    readFileSync(path.join(ROOT, f), "utf8").trimStart().startsWith('"use server"'),
  );

  it("finds the actions", () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
  });

  for (const file of files) {
    it(`${file}: never INTERNAL, nothing written when refused`, async () => {
      const mod = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, unknown>;
      const actions = Object.entries(mod).filter((e): e is [string, ActionFn] => typeof e[1] === "function");
      expect(actions.length).toBeGreaterThan(0);
      for (const [name, fn] of actions) {
        const shaped = arbitraryFor(jsonSchemaOf(fn.schema), ids);
        const input = fc.oneof(
          { weight: 4, arbitrary: shaped },
          { weight: 3, arbitrary: fc.tuple(shaped, fc.nat(), hostile).map(([v, n, h]) => withHostileLeaf(v, n, h)) },
          {
            weight: 2,
            arbitrary: fc
              .dictionary(
                fc.constantFrom(
                  "id",
                  "name",
                  "price",
                  "quantity",
                  "reason",
                  "orderId",
                  "ingredientId",
                  "counted",
                  "unit",
                  "csv",
                ),
                fc.oneof(fc.string(), hostile.map(String)),
              )
              .map(formData),
          },
          { weight: 1, arbitrary: hostile },
        );
        await fc.assert(
          fc.asyncProperty(input, fc.boolean(), async (raw, asAdmin) => {
            state.ctx = { ...(asAdmin ? admin : manager), requestId: crypto.randomUUID() };
            const before = await fingerprint();
            let result: unknown;
            try {
              // Form actions take (boundId?, prevState, formData): a client can send anything for each.
              const args = fn.length >= 3 ? [ids[0], undefined, raw] : fn.length === 2 ? [undefined, raw] : [raw];
              result = await (fn as (...a: unknown[]) => Promise<unknown>)(...args);
            } catch (error) {
              if (error instanceof Navigated) return; // redirect() after a successful write
              throw new Error(`${name} threw for ${describeInput(raw)}: ${String(error)}`);
            }
            const r = result as { ok?: boolean; code?: string; error?: string } | undefined;
            if (!r || typeof r !== "object" || !("ok" in r)) return; // not an action result (e.g. a form state)
            expect(r.code, `${name}(${describeInput(raw)}) → ${r.error}`).not.toBe("INTERNAL");
            if (r.ok === false) expect(await fingerprint(), `${name} refused (${r.code}) but wrote`).toBe(before);
          }),
          { numRuns: RUNS, endOnFailure: true },
        );
      }
    }, 180_000);
  }
});

function formData(fields: Record<string, string>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  return fd;
}

function describeInput(raw: unknown): string {
  if (raw instanceof FormData) return `FormData ${JSON.stringify(Object.fromEntries(raw))}`;
  return JSON.stringify(raw)?.slice(0, 300) ?? String(raw);
}
