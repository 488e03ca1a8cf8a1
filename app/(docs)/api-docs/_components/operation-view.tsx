import type { Operation, Parameter } from "@/lib/openapi/build-document";
import { SchemaView } from "./schema-view";

const METHOD_STYLE: Record<string, string> = {
  get: "bg-emerald-100 text-emerald-900",
  post: "bg-sky-100 text-sky-900",
  put: "bg-violet-100 text-violet-900",
  patch: "bg-amber-100 text-amber-900",
  delete: "bg-red-100 text-red-900",
};

export type Entry = { method: string; path: string; op: Operation };

export function MethodBadge({ method }: { method: string }) {
  return (
    <span
      className={`w-16 shrink-0 rounded px-2 py-0.5 text-center font-mono text-xs font-bold uppercase ${METHOD_STYLE[method]}`}
    >
      {method}
    </span>
  );
}

/** Operations by tag, tags in order. */
export function groupByTag(paths: Record<string, Record<string, Operation>>): Map<string, Entry[]> {
  const byTag = new Map<string, Entry[]>();
  for (const [path, item] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(item)) {
      for (const tag of op.tags) byTag.set(tag, [...(byTag.get(tag) ?? []), { method, path, op }]);
    }
  }
  return new Map([...byTag.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

export function OperationView({
  entry,
  components,
  open = false,
}: {
  entry: Entry;
  components: Record<string, Record<string, unknown>>;
  /** The operation a link pointed at (?op=): shown open. */
  open?: boolean;
}) {
  const { method, path, op } = entry;
  const body = op.requestBody?.content["application/json"]?.schema;
  return (
    <details id={op.operationId} open={open} className="scroll-mt-4 rounded-lg border border-gray-200 bg-white">
      <summary className="flex cursor-pointer flex-wrap items-center gap-3 px-4 py-2 focus-visible:outline-2">
        <MethodBadge method={method} />
        <code className="font-mono text-sm font-semibold">{path}</code>
        <span className="text-sm text-gray-700">{op.summary}</span>
      </summary>
      <div className="space-y-4 border-t border-gray-200 px-4 py-3">
        {op.description ? <p className="text-sm text-gray-800">{op.description}</p> : null}
        <p className="text-sm text-gray-800">
          {op["x-roles"] ? (
            <>
              <span className="font-semibold">Roles:</span> {op["x-roles"].join(", ")}{" "}
              <span className="text-gray-600">({op["x-permission"]})</span>
            </>
          ) : (
            <span className="font-semibold">Public: no sign-in needed.</span>
          )}
        </p>
        {op.parameters?.length ? <ParametersView parameters={op.parameters} components={components} /> : null}
        {body ? (
          <div>
            <h3 className="mb-1 text-sm font-bold">Request body (application/json)</h3>
            <SchemaView schema={body} components={components} />
          </div>
        ) : null}
        <div>
          <h3 className="mb-1 text-sm font-bold">Responses</h3>
          <ul className="space-y-2">
            {Object.entries(op.responses).map(([status, response]) => (
              <li key={status} className="text-sm">
                {"$ref" in response ? (
                  <span>
                    <span className="font-mono font-semibold">{status}</span>{" "}
                    <span className="text-gray-700">Error ({response.$ref.split("/").pop()})</span>
                  </span>
                ) : (
                  <>
                    <span className="font-mono font-semibold">{status}</span>{" "}
                    <span className="text-gray-700">
                      {response.description} · {Object.keys(response.content ?? {}).join(", ")}
                    </span>
                    {Object.values(response.content ?? {}).map((c, i) => (
                      <SchemaView key={i} schema={c.schema} components={components} />
                    ))}
                  </>
                )}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </details>
  );
}

function ParametersView({
  parameters,
  components,
}: {
  parameters: Parameter[];
  components: Record<string, Record<string, unknown>>;
}) {
  return (
    <table className="w-full text-left text-sm">
      <caption className="mb-1 text-left text-sm font-bold">Parameters</caption>
      <thead>
        <tr className="border-b border-gray-200 text-gray-700">
          <th scope="col" className="py-1 pr-4 font-semibold">
            Name
          </th>
          <th scope="col" className="py-1 pr-4 font-semibold">
            In
          </th>
          <th scope="col" className="py-1 font-semibold">
            Schema
          </th>
        </tr>
      </thead>
      <tbody>
        {parameters.map((p) => (
          <tr key={p.in + p.name} className="border-b border-gray-100 align-top">
            <td className="py-1 pr-4">
              <code className="font-semibold">{p.name}</code>
              {p.required ? <span className="ml-2 text-xs font-semibold text-red-800">required</span> : null}
            </td>
            <td className="py-1 pr-4 text-gray-700">{p.in}</td>
            <td className="py-1">
              <SchemaView schema={p.schema} components={components} />
              {p.description ? <p className="text-gray-700">{p.description}</p> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
