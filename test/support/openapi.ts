// Reading the OpenAPI document in tests: JSON pointers, every $ref in it, and an ajv (JSON Schema
// draft 2020-12, OpenAPI 3.1's dialect) that validates a value against one operation's response.
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import type { OpenApiDocument } from "@/lib/openapi/build-document";

export function resolvePointer(root: unknown, ref: string): unknown {
  if (!ref.startsWith("#")) return undefined;
  const parts = ref
    .slice(1)
    .split("/")
    .filter(Boolean)
    .map((p) => decodeURIComponent(p).replace(/~1/g, "/").replace(/~0/g, "~"));
  let node: unknown = root;
  for (const part of parts) {
    if (!node || typeof node !== "object" || !(part in node)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** Every `$ref` string in the document, with where it sits. */
export function refsIn(node: unknown, at = "#"): { at: string; ref: string }[] {
  if (Array.isArray(node)) return node.flatMap((v, i) => refsIn(v, `${at}/${i}`));
  if (!node || typeof node !== "object") return [];
  return Object.entries(node).flatMap(([k, v]) =>
    k === "$ref" && typeof v === "string" ? [{ at, ref: v }] : refsIn(v, `${at}/${k}`),
  );
}

const pointer = (...parts: string[]) => "#/" + parts.map((p) => p.replace(/~/g, "~0").replace(/\//g, "~1")).join("/");

/** A validator of response bodies against the document's schemas (its components resolve too). */
export function responseValidator(doc: OpenApiDocument) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema({ $id: "openapi", components: doc.components, paths: doc.paths } as object);

  /** The schema of `status` and `mediaType` for the operation (a $ref'd response followed), or undefined. */
  function schemaPointer(method: string, path: string, status: number, mediaType = "application/json") {
    const op = doc.paths[path]?.[method.toLowerCase() as "get"];
    if (!op) throw new Error(`${method} ${path} is not in the document`);
    const found = op.responses[String(status)] as { $ref?: string } | undefined;
    const response = found?.$ref ? (resolvePointer(doc, found.$ref) as typeof found) : found;
    const content = (response as { content?: Record<string, unknown> } | undefined)?.content;
    if (!content?.[mediaType]) return undefined;
    if (found!.$ref) return `openapi${found!.$ref}/content/${mediaType.replace("/", "~1")}/schema`;
    return (
      "openapi" +
      pointer("paths", path, method.toLowerCase(), "responses", String(status), "content", mediaType, "schema")
    );
  }

  return {
    /** Null when valid; else ajv's errors as text. Fails when the status is not documented. */
    check(method: string, path: string, status: number, body: unknown, mediaType = "application/json"): string | null {
      const ref = schemaPointer(method, path, status, mediaType);
      if (!ref) return `${method} ${path}: status ${status} with ${mediaType} is not documented`;
      const validate = ajv.getSchema(ref) ?? ajv.compile({ $ref: ref });
      return validate(body) ? null : ajv.errorsText(validate.errors, { dataVar: "body" });
    },
  };
}
