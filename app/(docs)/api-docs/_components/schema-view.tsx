import type { JsonSchema } from "@/lib/openapi/build-document";

// A JSON Schema as a nested list of fields (name, type, required, notes): easier to read than
// raw JSON. $refs show their component's name and open it in place, once per branch.

const MAX_DEPTH = 6;

function refName(schema: JsonSchema): string | null {
  return typeof schema.$ref === "string" ? schema.$ref.split("/").pop()! : null;
}

export function typeLabel(schema: JsonSchema): string {
  const ref = refName(schema);
  if (ref) return ref;
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (Array.isArray(schema.enum)) return schema.enum.map((v) => JSON.stringify(v)).join(" | ");
  const variants = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (variants) return variants.map(typeLabel).join(" | ");
  const type = Array.isArray(schema.type) ? schema.type.join(" | ") : (schema.type as string | undefined);
  if (type === "array" && schema.items) {
    const item = typeLabel(schema.items as JsonSchema);
    return item.includes(" | ") ? `(${item})[]` : `${item}[]`;
  }
  if (!type) return "any";
  return typeof schema.format === "string" ? `${type} (${schema.format})` : type;
}

function constraints(schema: JsonSchema): string[] {
  const out: string[] = [];
  for (const [key, label] of [
    ["minimum", "≥"],
    ["maximum", "≤"],
    ["minLength", "min length"],
    ["maxLength", "max length"],
    ["minItems", "min items"],
    ["maxItems", "max items"],
  ] as const) {
    // zod's int() bounds (±2^53-1) say nothing a reader needs.
    const value = schema[key];
    if (typeof value === "number" && Math.abs(value) < Number.MAX_SAFE_INTEGER) out.push(`${label} ${value}`);
  }
  if (schema.default !== undefined) out.push(`default ${JSON.stringify(schema.default)}`);
  return out;
}

/** The object (or array of objects) whose fields to list below a field, if any. */
function inner(
  schema: JsonSchema,
  components: Record<string, JsonSchema>,
  seen: string[],
): [JsonSchema, string[]] | null {
  const ref = refName(schema);
  if (ref) return seen.includes(ref) || !components[ref] ? null : inner(components[ref], components, [...seen, ref]);
  if (schema.properties) return [schema, seen];
  if (schema.type === "array" && schema.items) return inner(schema.items as JsonSchema, components, seen);
  const variants = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  const objects = variants?.filter((v) => v.type !== "null");
  if (objects?.length === 1) return inner(objects[0], components, seen);
  return null;
}

export function SchemaView({
  schema,
  components,
  depth = 0,
  seen = [],
}: {
  schema: JsonSchema;
  components: Record<string, JsonSchema>;
  depth?: number;
  seen?: string[];
}) {
  const found = inner(schema, components, seen);
  if (!found || depth > MAX_DEPTH) {
    const notes = constraints(schema);
    return (
      <p className="font-mono text-sm text-gray-700">
        {typeLabel(schema)}
        {notes.length ? <span className="ml-2 font-sans text-xs text-gray-600">{notes.join(", ")}</span> : null}
      </p>
    );
  }
  const [object, path] = found;
  const properties = object.properties as Record<string, JsonSchema>;
  const required = new Set((object.required ?? []) as string[]);
  const names = Object.keys(properties);
  if (names.length === 0) return <p className="font-mono text-sm text-gray-700">object</p>;
  return (
    <ul className={depth ? "mt-1 border-l border-gray-200 pl-4" : ""}>
      {names.map((name) => {
        const field = properties[name];
        const notes = constraints(field);
        const child = inner(field, components, path);
        return (
          <li key={name} className="py-0.5 text-sm">
            <code className="font-semibold text-gray-900">{name}</code>
            <span className="ml-2 font-mono text-gray-700">{typeLabel(field)}</span>
            {required.has(name) ? <span className="ml-2 text-xs font-semibold text-red-800">required</span> : null}
            {notes.length ? <span className="ml-2 text-xs text-gray-600">{notes.join(", ")}</span> : null}
            {typeof field.description === "string" ? <p className="text-gray-700">{field.description}</p> : null}
            {child ? <SchemaView schema={field} components={components} depth={depth + 1} seen={path} /> : null}
          </li>
        );
      })}
    </ul>
  );
}
