// Inputs for the fuzz of every route and action: values shaped by the zod schema's JSON Schema
// (so most get past the outer shape and reach the use case), real ids from the database where a
// field names one, and hostile values (NUL, lone surrogates, 2³¹, huge decimals, null, wrong
// types) swapped in at random places.
import fc from "fast-check";
import { z } from "zod";

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  enum?: unknown[];
  const?: unknown;
  minimum?: number;
  maximum?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
};

export const HOSTILE_VALUES: unknown[] = [
  "\u0000",
  "a\u0000b",
  "lone \uD800 surrogate",
  "\uDFFF",
  "",
  " ",
  "x".repeat(5000),
  '\'; DROP TABLE "Order"; --',
  "<script>alert(1)</script>",
  "../../etc/passwd",
  "1e999",
  "99999999999.999",
  "-1",
  "NaN",
  2147483647,
  2147483648,
  -2147483649,
  9007199254740993,
  1e308,
  -1,
  0,
  0.5,
  99999999999.999,
  1000000000000000,
  null,
  true,
  [],
  {},
  [null],
  { __proto__: { admin: true } },
];

export const hostile = fc.constantFrom(...HOSTILE_VALUES);

/** A JSON Schema of the schema's input side, or null when zod cannot describe it. */
export function jsonSchemaOf(schema: z.ZodType | undefined): JsonSchema | null {
  if (!schema) return null;
  try {
    return z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
  } catch {
    return null;
  }
}

/** Values that mostly fit `schema`, with ids drawn from `ids` for fields named like ids. */
export function arbitraryFor(schema: JsonSchema | null, ids: string[], name = "", depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 6) return fc.jsonValue({ maxDepth: 2 });
  const isIdField = /(^id$|Id$|Ids$|^ids$)/.test(name);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants?.length) return fc.oneof(...variants.map((v) => arbitraryFor(v, ids, name, depth + 1)));
  if (schema.allOf?.length) return arbitraryFor(Object.assign({}, ...schema.allOf), ids, name, depth + 1);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case "object": {
      const props = schema.properties ?? {};
      const required = new Set(schema.required ?? []);
      const shape: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, v] of Object.entries(props)) shape[k] = arbitraryFor(v, ids, k, depth + 1);
      const keys = Object.keys(props);
      return fc.record(shape, { requiredKeys: keys.filter((k) => required.has(k) || Math.random() < 0.7) });
    }
    case "array": {
      const item = schema.items ? arbitraryFor(schema.items, ids, name, depth + 1) : fc.jsonValue({ maxDepth: 1 });
      return fc.array(item, { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 4, 4) });
    }
    case "string": {
      if (isIdField && ids.length) return fc.oneof(fc.constantFrom(...ids), fc.stringMatching(/^[a-z0-9]{20,25}$/));
      if (schema.format === "date")
        return fc
          .date({ min: new Date("2020-01-01"), max: new Date("2030-12-31"), noInvalidDate: true })
          .map((d) => d.toISOString().slice(0, 10));
      if (schema.pattern) {
        try {
          return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length <= (schema.maxLength ?? 200));
        } catch {
          /* fall through */
        }
      }
      return fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 40, 40) });
    }
    case "integer":
    case "number": {
      const min = Math.max(schema.minimum ?? -1000, -1e9);
      const max = Math.min(schema.maximum ?? 1000, 1e9);
      return type === "integer"
        ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
        : fc.double({ min, max, noNaN: true });
    }
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Replace one leaf (or the whole value) with a hostile value, at a random path. */
export function withHostileLeaf(value: unknown, pick: number, replacement: unknown): unknown {
  const paths: (string | number)[][] = [[]];
  const walk = (v: unknown, path: (string | number)[]) => {
    if (v && typeof v === "object") {
      for (const [k, child] of Array.isArray(v) ? v.map((c, i) => [i, c] as const) : Object.entries(v)) {
        paths.push([...path, k]);
        walk(child, [...path, k]);
      }
    }
  };
  walk(value, []);
  const path = paths[pick % paths.length];
  if (path.length === 0) return replacement;
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let cur = copy;
  for (const k of path.slice(0, -1)) cur = cur[k] as Record<string | number, unknown>;
  cur[path[path.length - 1]] = replacement;
  return copy;
}
