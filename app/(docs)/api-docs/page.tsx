import type { Metadata } from "next";
import Link from "next/link";
import { openApiDocument, OPENAPI_PATH } from "@/lib/openapi/build-document";
import { groupByTag, MethodBadge } from "./_components/operation-view";

export const metadata: Metadata = { title: "API reference" };

/**
 * The /api/v1 reference, rendered from the OpenAPI document on the server (public, like the
 * document): every endpoint by section here, parameters and schemas on each section's page.
 */
export default function ApiDocsPage() {
  const doc = openApiDocument();
  const byTag = groupByTag(doc.paths);
  const count = [...byTag.values()].flat().length;
  return (
    <main className="mx-auto max-w-6xl px-6 py-8">
      <header className="mb-8 space-y-3">
        <h1 className="text-3xl font-bold">{doc.info.title}</h1>
        <p className="max-w-3xl text-gray-700">{doc.info.description}</p>
        <p className="text-sm text-gray-700">
          {count} operations in {byTag.size} sections · OpenAPI {doc.openapi} document:{" "}
          <a href={OPENAPI_PATH} className="font-mono font-semibold text-sky-800 underline">
            {OPENAPI_PATH}
          </a>
        </p>
      </header>
      <div className="columns-1 gap-8 lg:columns-2">
        {[...byTag.entries()].map(([tag, entries]) => (
          <section key={tag} aria-labelledby={`tag-${tag}`} className="mb-8 break-inside-avoid">
            <h2 id={`tag-${tag}`} className="mb-2 border-b border-gray-300 pb-1 text-xl font-bold">
              <Link href={`/api-docs/${tag}`} className="hover:underline focus-visible:outline-2">
                {tag}
              </Link>
            </h2>
            <ul className="space-y-1">
              {entries.map(({ method, path, op }) => (
                <li key={method + path}>
                  <Link
                    href={`/api-docs/${tag}?op=${op.operationId}#${op.operationId}`}
                    className="flex items-baseline gap-3 rounded px-1 py-0.5 hover:bg-gray-200 focus-visible:outline-2"
                  >
                    <MethodBadge method={method} />
                    <span className="min-w-0">
                      <code className="block truncate font-mono text-sm font-semibold">
                        {path.replace(/^\/api\/v1/, "")}
                      </code>
                      <span className="block text-sm text-gray-700">{op.summary}</span>
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </main>
  );
}
