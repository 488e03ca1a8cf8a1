"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, describedBy, inputClass } from "@/components/admin/form-field";
import { useSaveState } from "@/components/admin/use-save-state";
import { copyLocationAction } from "../../../setup/actions";

const slugify = (name: string) =>
  name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);

export function NewLocationForm({
  sources,
  currentId,
}: {
  sources: { id: string; name: string }[];
  currentId: string;
}) {
  const [name, setName] = useState("");
  const [slug, setSlug] = useState("");
  const [slugEdited, setSlugEdited] = useState(false);
  const [sourceLocationId, setSource] = useState(sources.some((s) => s.id === currentId) ? currentId : sources[0]?.id);
  const [includeFloor, setIncludeFloor] = useState(false);
  const [created, setCreated] = useState<{ name: string; counts: Record<string, number> } | null>(null);
  const s = useSaveState();
  const fe = s.errors;
  return (
    <form
      noValidate
      aria-label="New location"
      className="space-y-4 rounded-xl border border-gray-200 bg-white p-4"
      onSubmit={(e) => {
        e.preventDefault();
        s.start(async () => {
          const r = await copyLocationAction({ name, slug, sourceLocationId, includeFloor });
          if (!r.ok) return s.failed(r);
          s.saved(`${name} is open: switch to it with the location menu at the top.`);
          setCreated({ name, counts: r.data.counts });
        });
      }}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Name" htmlFor="loc-name" error={fe.name}>
          <input
            {...describedBy("loc-name", fe.name)}
            value={name}
            onChange={(e) => {
              setName(e.target.value);
              if (!slugEdited) setSlug(slugify(e.target.value));
            }}
            className={inputClass}
          />
        </Field>
        <Field label="Short name (URL)" htmlFor="loc-slug" error={fe.slug} hint="Lower-case letters, digits and dashes">
          <input
            {...describedBy("loc-slug", fe.slug)}
            value={slug}
            onChange={(e) => {
              setSlug(e.target.value);
              setSlugEdited(true);
            }}
            className={inputClass}
          />
        </Field>
        <Field label="Copy from" htmlFor="loc-source" error={fe.sourceLocationId}>
          <select
            {...describedBy("loc-source", fe.sourceLocationId)}
            value={sourceLocationId}
            onChange={(e) => setSource(e.target.value)}
            className={inputClass}
          >
            {sources.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        </Field>
        <label className="flex min-h-11 items-center gap-2 self-end text-sm font-medium">
          <input
            type="checkbox"
            className="h-5 w-5"
            checked={includeFloor}
            onChange={(e) => setIncludeFloor(e.target.checked)}
          />
          Also copy the floor plan (areas and tables)
        </label>
      </div>
      <p className="text-sm text-gray-600">
        Copied: settings, stations, menu categories with their routing, dishes, options and availability windows. Not
        copied: orders, stock and staff. You become the new location&apos;s admin.
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={s.pending || !sourceLocationId}>
          {s.pending ? "Copying…" : "Open the location"}
        </Button>
        {s.message && (
          <p
            role={s.message.ok ? "status" : "alert"}
            className={`text-sm font-medium ${s.message.ok ? "text-green-800" : "text-red-700"}`}
          >
            {s.message.text}
          </p>
        )}
      </div>
      {created && (
        <dl className="grid grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-4" aria-label={`What ${created.name} got`}>
          {Object.entries(created.counts).map(([k, n]) => (
            <div key={k} className="flex justify-between gap-2">
              <dt className="text-gray-600">{k.replace(/([A-Z])/g, " $1").toLowerCase()}</dt>
              <dd className="font-semibold tabular-nums">{n}</dd>
            </div>
          ))}
        </dl>
      )}
    </form>
  );
}
