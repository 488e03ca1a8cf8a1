// The OpenAPI document against the file system and against the OpenAPI 3.1 rules we rely on.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { refsIn, resolvePointer, responseValidator } from "@/test/support/openapi";
import { buildOpenApiDocument, METHODS } from "./build-document";
import { render, scanRoutes } from "@/scripts/openapi-routes";

const ROOT = path.resolve(import.meta.dirname, "../..");
const doc = buildOpenApiDocument();

/** `METHOD /api/v1/...` for every exported handler of every route.ts under app/api/v1. */
function routesOnDisk(): string[] {
  return readdirSync(path.join(ROOT, "app/api/v1"), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name === "route.ts")
    .flatMap((e) => {
      const file = path.join(e.parentPath, e.name);
      const source = readFileSync(file, "utf8");
      const url = "/" + path.relative(path.join(ROOT, "app"), path.dirname(file)).split(path.sep).join("/");
      return METHODS.filter((m) => new RegExp(`^export (const|async function|function) ${m}\\b`, "m").test(source)).map(
        (m) => `${m} ${url.replace(/\[([^\]]+)\]/g, "{$1}")}`,
      );
    })
    .sort();
}

function operationsInDocument(): string[] {
  return Object.entries(doc.paths)
    .flatMap(([p, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${p}`))
    .sort();
}

describe("the OpenAPI document", () => {
  it("describes every route file's every method, and nothing else", () => {
    const disk = routesOnDisk();
    expect(disk.length).toBeGreaterThan(100);
    // On failure: npm run openapi:routes (the route list is generated into lib/openapi).
    expect(operationsInDocument()).toEqual(disk);
  });

  it("has an up-to-date generated route list", async () => {
    const file = readFileSync(path.join(ROOT, "lib/openapi/route-modules.generated.ts"), "utf8");
    expect(file, "run npm run openapi:routes").toBe(await render(scanRoutes()));
  });

  it("is OpenAPI 3.1 in shape: version, info, paths, components, security schemes", () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info.title).toBeTruthy();
    expect(doc.info.version).toBeTruthy();
    expect(Object.keys(doc.paths).every((p) => p.startsWith("/api/v1/"))).toBe(true);
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
    expect(doc.components.securitySchemes.cookieAuth).toMatchObject({ type: "apiKey", in: "cookie" });
    expect(doc.components.schemas.Error).toBeTruthy();
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc); // plain JSON, nothing lost on the wire
  });

  it("resolves every $ref", () => {
    const refs = refsIn(doc);
    expect(refs.length).toBeGreaterThan(100);
    const broken = refs.filter(({ ref }) => resolvePointer(doc, ref) === undefined);
    expect(broken).toEqual([]);
  });

  it("gives every operation a unique id, a summary, its path parameters and a 2xx answer", () => {
    const ids = new Set<string>();
    for (const [p, item] of Object.entries(doc.paths)) {
      const templated = [...p.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]).sort();
      for (const [method, op] of Object.entries(item)) {
        const where = `${method} ${p}`;
        expect(ids.has(op.operationId), where).toBe(false);
        ids.add(op.operationId);
        expect(op.summary, where).toBeTruthy();
        const inPath = (op.parameters ?? [])
          .filter((x) => x.in === "path")
          .map((x) => x.name)
          .sort();
        expect(inPath, where).toEqual(templated);
        expect(
          Object.keys(op.responses).some((s) => /^2\d\d$/.test(s)),
          where,
        ).toBe(true);
      }
    }
  });

  it("documents the core routes' answers and the error shape, and every schema compiles (draft 2020-12)", () => {
    const validator = responseValidator(doc);
    for (const [p, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        for (const [status, response] of Object.entries(op.responses)) {
          if ("$ref" in response || !response.content?.["application/json"]) continue;
          // Compiling is enough here: `{}` is no valid answer of most, which is the point of the schemas.
          expect(() => validator.check(method, p, Number(status), {}), `${method} ${p}`).not.toThrow();
        }
      }
    }
    expect(validator.check("GET", "/api/v1/orders", 400, { error: { code: "VALIDATION", message: "x" } })).toBeNull();
    expect(validator.check("GET", "/api/v1/orders", 400, { error: { code: "NOPE", message: "x" } })).not.toBeNull();
    expect(validator.check("GET", "/api/v1/orders", 200, { orders: [{ id: 1 }] })).not.toBeNull();
  });

  it("takes the request schemas from the routes themselves", () => {
    const send = doc.paths["/api/v1/orders/{orderId}/send"].post!;
    expect(send["x-permission"]).toBe("orders.take");
    expect(send.parameters?.map((x) => x.name)).toEqual(["orderId", "Idempotency-Key"]);
    const body = send.requestBody!.content["application/json"].schema as { properties: Record<string, unknown> };
    expect(Object.keys(body.properties)).toContain("items");
    const snapshot = doc.paths["/api/v1/kitchen/snapshot"].get!;
    expect(snapshot.parameters?.find((x) => x.name === "station")).toMatchObject({ in: "query", required: true });
    expect(doc.paths["/api/v1/orders"].post!.responses["201"]).toBeTruthy();
    expect(doc.paths["/api/v1/openapi.json"].get!.security).toEqual([]);
  });
});
