import "server-only";
import { z } from "zod";
import { PERMISSIONS, type Permission } from "../auth/permissions";
import { ROUTE_MODULES } from "./route-modules.generated";
import { errorBodySchema, RESPONSE_MEDIA_TYPES, RESPONSE_SCHEMAS } from "./responses";

// The OpenAPI 3.1 document of /api/v1 (docs/adr/0038), built from what every route hands to
// route(): its permission and the zod schemas of params, query and body (JSON Schema by zod's
// own toJSONSchema, draft 2020-12 = OpenAPI 3.1's dialect), plus lib/openapi/responses.ts.

export type JsonSchema = { [key: string]: unknown };
export type Parameter = {
  name: string;
  in: "path" | "query" | "header";
  required: boolean;
  description?: string;
  schema: JsonSchema;
};
export type Operation = {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  security?: Record<string, string[]>[];
  parameters?: Parameter[];
  requestBody?: { required: boolean; content: Record<string, { schema: JsonSchema }> };
  responses: Record<
    string,
    { $ref: string } | { description: string; content?: Record<string, { schema: JsonSchema }> }
  >;
  "x-permission"?: string;
  "x-roles"?: readonly string[];
};
export type OpenApiDocument = {
  openapi: string;
  info: { title: string; version: string; description: string };
  tags: { name: string }[];
  paths: Record<string, Partial<Record<Lowercase<Method>, Operation>>>;
  components: {
    schemas: Record<string, JsonSchema>;
    responses: Record<string, { description: string; content: Record<string, { schema: JsonSchema }> }>;
    securitySchemes: Record<string, JsonSchema>;
  };
  security: Record<string, string[]>[];
};

export const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Method = (typeof METHODS)[number];
type Described = {
  schemas?: { permission?: Permission; params?: z.ZodType; query?: z.ZodType; body?: z.ZodType };
  successStatus?: number;
};

export const OPENAPI_PATH = "/api/v1/openapi.json";

const ERRORS = {
  BadRequest: ["400", "The input is invalid (VALIDATION, with fieldErrors), or the body is not JSON."],
  Unauthenticated: ["401", "No valid session cookie or bearer token."],
  Forbidden: ["403", "The role may not do this, or a cookie request came from another site."],
  NotFound: ["404", "No such resource at this location (another location's id is a 404 too)."],
  Conflict: ["409", "The resource is not in a state that allows this (INVALID_STATE, CONFLICT, …)."],
  RateLimited: ["429", "Too many requests: wait for Retry-After seconds."],
  Unavailable: ["503", "The database is briefly unavailable: nothing was saved, retry after Retry-After."],
} as const;

/** A zod schema as an inline JSON Schema; its $defs move to components (refs rewritten). */
function toJsonSchema(schema: z.ZodType, io: "input" | "output", defs: Record<string, JsonSchema>, prefix: string) {
  const json = z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" }) as JsonSchema;
  delete json.$schema;
  const local = (json.$defs ?? {}) as Record<string, JsonSchema>;
  delete json.$defs;
  const names = Object.fromEntries(Object.keys(local).map((k) => [k, `${prefix}_${k}`]));
  const rewrite = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(rewrite);
    if (!node || typeof node !== "object") return node;
    return Object.fromEntries(
      Object.entries(node).map(([k, v]) => {
        if (k === "$ref" && typeof v === "string" && v.startsWith("#/$defs/")) {
          return [k, `#/components/schemas/${names[v.slice("#/$defs/".length)]}`];
        }
        return [k, rewrite(v)];
      }),
    );
  };
  for (const [k, v] of Object.entries(local)) defs[names[k]] = rewrite(v) as JsonSchema;
  return rewrite(json) as JsonSchema;
}

/** `/api/v1/orders/{orderId}/checks` + post → `postOrdersOrderIdChecks`. */
function operationId(method: Method, path: string): string {
  const words = path
    .replace(/^\/api\/v1\//, "")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  return method.toLowerCase() + words.map((w) => w[0].toUpperCase() + w.slice(1)).join("");
}

const SHAPE = /^(\{(?:[^{}]|\{[^{}]*\})*\}|\([^()]*\)|\[[^\]]*\]|\?\S*|\||[→—:–-])\s*/;

/**
 * The summary from the route's doc comment: its first sentence without the leading
 * `METHOD /api/v1/...` and input shapes (the document lists those); else one made from the path.
 */
function summaryOf(method: Method, path: string, doc: string): { summary: string; description?: string } {
  let text = doc.replace(new RegExp(`^${method}(\\s+/\\S*)?\\s*`), "").trim();
  for (let before = ""; before !== text;) [before, text] = [text, text.replace(SHAPE, "")];
  const first =
    text
      .match(/^.*?[.!?;](\s|$)/)?.[0]
      ?.trim()
      .replace(/[;.]$/, "") ?? text;
  if (first.length > 3) {
    const summary = first.length > 120 ? first.slice(0, 117) + "…" : first;
    return { summary: summary[0].toUpperCase() + summary.slice(1), description: doc || undefined };
  }
  const segments = path.split("/").slice(3);
  const last = segments.at(-1) ?? "";
  const isItem = last.startsWith("{");
  const resource = segments.filter((s) => !s.startsWith("{")).at(-1) ?? "api";
  const isAction = !isItem && segments.length > 1 && segments.at(-2)!.startsWith("{");
  const summary =
    method === "GET"
      ? isItem
        ? `Read one of ${resource}`
        : `List ${resource}`
      : method === "POST"
        ? isAction
          ? resource[0].toUpperCase() + resource.slice(1)
          : `Create in ${resource}`
        : method === "DELETE"
          ? `Delete (archive) one of ${resource}`
          : `${method === "PUT" ? "Replace" : "Update"} one of ${resource}`;
  return { summary, ...(doc ? { description: doc } : {}) };
}

function parametersOf(
  where: "path" | "query",
  schema: z.ZodType | undefined,
  defs: Record<string, JsonSchema>,
  prefix: string,
): Parameter[] {
  if (!schema) return [];
  const json = toJsonSchema(schema, "input", defs, prefix);
  // A union of shapes (e.g. preset | from/to): each name once, required only when always required.
  const shapes = (json.properties ? [json] : ((json.anyOf ?? json.oneOf ?? []) as JsonSchema[])).filter(
    (s) => s.properties,
  );
  const properties: Record<string, JsonSchema> = Object.assign({}, ...shapes.map((s) => s.properties));
  const required = new Set(
    Object.keys(properties).filter((name) => shapes.every((s) => ((s.required ?? []) as string[]).includes(name))),
  );
  return Object.entries(properties).map(([name, s]) => ({
    name,
    in: where,
    required: where === "path" || required.has(name),
    ...(typeof s.description === "string" ? { description: s.description } : {}),
    schema: s,
  }));
}

/** Reports answer CSV for `format=csv` (or `Accept: text/csv`). */
function offersCsv(query: z.ZodType | undefined): boolean {
  if (!query) return false;
  const json = z.toJSONSchema(query, { io: "input", unrepresentable: "any" }) as {
    properties?: Record<string, { enum?: unknown[] }>;
  };
  return json.properties?.format?.enum?.includes("csv") ?? false;
}

function describeOperation(
  method: Method,
  path: string,
  handler: Described,
  doc: string,
  idempotent: boolean,
  defs: Record<string, JsonSchema>,
): Operation {
  const { permission, params, query, body } = handler.schemas ?? {};
  const id = operationId(method, path);
  const pathNames = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
  const fromSchema = parametersOf("path", params, defs, id);
  const pathParams = pathNames.map(
    (name) =>
      fromSchema.find((p) => p.name === name) ?? {
        name,
        in: "path" as const,
        required: true,
        schema: { type: "string" },
      },
  );
  const parameters: Parameter[] = [...pathParams, ...parametersOf("query", query, defs, id)];
  if (idempotent) {
    parameters.push({
      name: "Idempotency-Key",
      in: "header",
      required: true,
      description: "A fresh UUID per intended action; a retry with the same key replays the first answer.",
      schema: { type: "string", format: "uuid" },
    });
  }
  const key = `${method} ${path}`;
  const status = String(handler.successStatus ?? 200);
  const responseSchema = RESPONSE_SCHEMAS[key];
  const mediaTypes = [...(RESPONSE_MEDIA_TYPES[key] ?? ["application/json"])];
  if (offersCsv(query) && !mediaTypes.includes("text/csv")) mediaTypes.push("text/csv");
  const content = Object.fromEntries(
    mediaTypes.map((type) => [
      type,
      {
        schema:
          type !== "application/json"
            ? { type: "string" }
            : responseSchema
              ? toJsonSchema(responseSchema, "output", defs, `${id}Response`)
              : { type: "object" },
      },
    ]),
  );
  const responses: Operation["responses"] = {
    [status]: { description: status === "201" ? "Created" : status === "202" ? "Accepted" : "OK", content },
  };
  const errors: (keyof typeof ERRORS)[] = ["Unauthenticated", "Forbidden", "RateLimited", "Unavailable"];
  if (body || query || idempotent) errors.push("BadRequest");
  if (pathNames.length) errors.push("NotFound");
  if (method !== "GET") errors.push("Conflict");
  for (const e of errors) responses[ERRORS[e][0]] = { $ref: `#/components/responses/${e}` };
  return {
    operationId: id,
    ...summaryOf(method, path, doc),
    tags: [path.split("/")[3] ?? "api"],
    ...(permission ? { "x-permission": permission, "x-roles": PERMISSIONS[permission] } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(body
      ? {
          requestBody: {
            required: true,
            content: { "application/json": { schema: toJsonSchema(body, "input", defs, `${id}Body`) } },
          },
        }
      : {}),
    responses,
  };
}

function selfOperation(): Operation {
  return {
    operationId: "getOpenapiJson",
    summary: "This document (OpenAPI 3.1); public and cacheable.",
    tags: ["openapi"],
    security: [],
    responses: { "200": { description: "OK", content: { "application/json": { schema: { type: "object" } } } } },
  };
}

export function buildOpenApiDocument(): OpenApiDocument {
  const defs: Record<string, JsonSchema> = {};
  const paths: OpenApiDocument["paths"] = { [OPENAPI_PATH]: { get: selfOperation() } };
  for (const route of ROUTE_MODULES) {
    const mod = route.module as Partial<Record<Method, Described>>;
    const docs = route.docs as Partial<Record<Method, string>>;
    for (const method of METHODS) {
      const handler = mod[method];
      if (typeof handler !== "function") continue;
      (paths[route.path] ??= {})[method.toLowerCase() as Lowercase<Method>] = describeOperation(
        method,
        route.path,
        handler,
        docs[method] ?? "",
        route.idempotent,
        defs,
      );
    }
  }
  const tags = [...new Set(Object.values(paths).flatMap((p) => Object.values(p).flatMap((o) => o.tags)))].sort();
  const errorRef = { $ref: "#/components/schemas/Error" };
  return {
    openapi: "3.1.0",
    info: {
      title: "ServiceBell Kitchen API",
      version: "1",
      description:
        "The same use cases and rules as the app. Authenticate with the browser session cookie (unsafe methods must come from the app's own origin) or a bearer access token. Money is integer cents; times are ISO 8601. Errors answer { error: { code, message, fieldErrors? } }.",
    },
    tags: tags.map((name) => ({ name })),
    paths: Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b))),
    components: {
      schemas: { Error: toJsonSchema(errorBodySchema, "output", defs, "Error"), ...defs },
      responses: Object.fromEntries(
        Object.entries(ERRORS).map(([name, [, description]]) => [
          name,
          { description, content: { "application/json": { schema: errorRef } } },
        ]),
      ),
      securitySchemes: {
        cookieAuth: {
          type: "apiKey",
          in: "cookie",
          name: "__Secure-next-auth.session-token",
          description: "The app's session cookie (next-auth.session-token over plain http, in development).",
        },
        bearerAuth: { type: "http", scheme: "bearer", description: "An access token from POST /api/v1/auth/token." },
      },
    },
    security: [{ cookieAuth: [] }, { bearerAuth: [] }],
  };
}

let built: OpenApiDocument | undefined;

/** Built once per process: the routes do not change while it runs. */
export function openApiDocument(): OpenApiDocument {
  return (built ??= buildOpenApiDocument());
}
