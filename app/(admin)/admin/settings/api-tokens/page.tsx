import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { listApiTokens } from "@/lib/api-tokens/list-api-tokens";
import { getLocation } from "@/lib/locations/get-location";
import { formatZonedDateTime } from "@/lib/time/zoned";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { SETUP_TABS, SectionTabs } from "@/components/admin/section-tabs";
import { CreateApiToken } from "./_components/create-api-token";
import { RevokeApiToken } from "./_components/revoke-api-token";

export const metadata: Metadata = { title: "API tokens" };

/** Personal/integration tokens of this location: made here, shown once, revoked here (ADR 0037). */
export default async function ApiTokensPage() {
  const ctx = await requireUser("apiTokens.manage");
  const [tokens, location] = await Promise.all([listApiTokens(ctx), getLocation(ctx)]);
  const tz = location.timezone;
  return (
    <div className="max-w-5xl space-y-4">
      <h1 className="text-2xl font-bold">Setup</h1>
      <SectionTabs label="Setup sections" tabs={SETUP_TABS} current="api-tokens" />
      <p className="text-gray-600">
        Tokens let an integration (a delivery bridge, a kitchen display app, your own scripts) call the API as you, at
        this location, limited to the scopes you tick and never beyond your role. The secret is shown once.
      </p>
      <CreateApiToken />
      {tokens.length === 0 ? (
        <EmptyState title="No API tokens yet">
          Create one above for each integration, so each can be revoked alone.
        </EmptyState>
      ) : (
        <ScrollRegion label="API tokens" className="overflow-x-auto rounded-xl border border-gray-200 bg-white">
          <table className="w-full text-left" data-testid="api-token-table">
            <thead className="bg-gray-50 text-sm text-gray-500">
              <tr>
                <th className="px-4 py-3">Name</th>
                <th className="px-4 py-3">Scopes</th>
                <th className="px-4 py-3">Created ({tz})</th>
                <th className="px-4 py-3">Last used</th>
                <th className="px-4 py-3">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((t) => (
                <tr key={t.id} className="border-t border-gray-100" data-testid="api-token-row" data-name={t.name}>
                  <td className="px-4 py-3">
                    <span className="font-medium">{t.name}</span>{" "}
                    <code className="text-sm text-gray-500">{t.prefix}…</code>{" "}
                    {t.expired && <Badge tone="red">expired</Badge>}
                  </td>
                  <td className="px-4 py-3 text-sm text-gray-600">{t.scopes.join(" ")}</td>
                  <td className="px-4 py-3 text-gray-600">
                    <time dateTime={t.createdAt.toISOString()}>{formatZonedDateTime(t.createdAt, tz)}</time> by{" "}
                    {t.owner}
                    {t.expiresAt && !t.expired && (
                      <span className="block text-sm">Expires {formatZonedDateTime(t.expiresAt, tz)}</span>
                    )}
                  </td>
                  <td className="px-4 py-3 text-gray-600" data-testid="api-token-last-used">
                    {t.lastUsedAt ? (
                      <time dateTime={t.lastUsedAt.toISOString()}>{formatZonedDateTime(t.lastUsedAt, tz)}</time>
                    ) : (
                      "Never"
                    )}
                  </td>
                  <td className="px-4 py-3">
                    <RevokeApiToken tokenId={t.id} name={t.name} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </div>
  );
}
