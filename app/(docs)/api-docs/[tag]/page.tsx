import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { openApiDocument, OPENAPI_PATH } from "@/lib/openapi/build-document";
import { groupByTag, OperationView } from "../_components/operation-view";

type Props = { params: Promise<{ tag: string }>; searchParams: Promise<{ op?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `API: ${(await params).tag}` };
}

/** One section of the API reference: each endpoint with its roles, parameters, body and answers. */
export default async function ApiDocsTagPage({ params, searchParams }: Props) {
  const { tag } = await params;
  const { op } = await searchParams;
  const doc = openApiDocument();
  const byTag = groupByTag(doc.paths);
  const entries = byTag.get(tag);
  if (!entries) notFound();
  return (
    <div className="mx-auto flex max-w-7xl gap-8 px-6 py-8">
      <nav aria-label="API sections" className="hidden w-44 shrink-0 lg:block">
        <Link href="/api-docs" className="mb-3 block text-sm font-semibold text-sky-800 underline">
          All endpoints
        </Link>
        <ul className="space-y-0.5 text-sm">
          {[...byTag.keys()].map((t) => (
            <li key={t}>
              <Link
                href={`/api-docs/${t}`}
                aria-current={t === tag ? "page" : undefined}
                className={`block rounded px-2 py-0.5 hover:bg-gray-200 focus-visible:outline-2 ${t === tag ? "bg-gray-900 text-white hover:bg-gray-900" : "text-gray-800"}`}
              >
                {t}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <main className="min-w-0 flex-1">
        <header className="mb-6 space-y-2">
          <p className="text-sm text-gray-700">
            <Link href="/api-docs" className="underline">
              {doc.info.title}
            </Link>{" "}
            ·{" "}
            <a href={OPENAPI_PATH} className="font-mono underline">
              {OPENAPI_PATH}
            </a>
          </p>
          <h1 className="text-3xl font-bold">{tag}</h1>
          <p className="text-sm text-gray-700">
            {entries.length} operations: open one for its roles, parameters, body and answers.
          </p>
        </header>
        <div className="space-y-2">
          {entries.map((e) => (
            <OperationView
              key={e.method + e.path}
              entry={e}
              components={doc.components.schemas}
              open={e.op.operationId === op}
            />
          ))}
        </div>
      </main>
    </div>
  );
}
