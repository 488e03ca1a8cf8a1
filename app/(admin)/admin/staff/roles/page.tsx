import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { can, PERMISSIONS, type Permission } from "@/lib/auth/permissions";
import { PERMISSION_DESCRIPTIONS } from "@/lib/auth/permission-descriptions";
import { ROLES, type Role } from "@/lib/auth/roles";
import { ScrollRegion } from "@/components/ui/scroll-region";

export const metadata: Metadata = { title: "Who may do what" };

const roleLabel = (r: Role) => r.charAt(0) + r.slice(1).toLowerCase();

/** The permission table as a matrix, read from lib/auth/permissions.ts: what it shows is what is enforced. */
export default async function RolesPage() {
  const ctx = await requireUser("staff.signedIn");
  const permissions = Object.keys(PERMISSIONS) as Permission[];
  const areas = [...new Set(permissions.map((p) => PERMISSION_DESCRIPTIONS[p].area))];
  return (
    <div className="space-y-4">
      {can(ctx, "staff.manage") && (
        <Link
          href="/admin/staff"
          className="inline-flex min-h-11 items-center text-sm font-semibold text-gray-600 hover:underline"
        >
          ← Staff
        </Link>
      )}
      <h1 className="text-2xl font-bold">Who may do what</h1>
      <p className="max-w-3xl text-gray-700">
        Each role&apos;s permissions, the same at every location. Your role here is{" "}
        <strong>{roleLabel(ctx.role)}</strong>.
      </p>
      <ScrollRegion label="Role table" className="overflow-x-auto rounded-xl border border-gray-200 bg-white">
        <table className="w-full text-left text-sm" data-testid="role-table">
          <caption className="sr-only">Permissions by role</caption>
          <thead className="bg-gray-50 text-gray-600">
            <tr>
              <th scope="col" className="px-4 py-3">
                Permission
              </th>
              {ROLES.map((r) => (
                <th
                  key={r}
                  scope="col"
                  className={`px-3 py-3 text-center ${r === ctx.role ? "bg-brand-50 text-gray-900" : ""}`}
                >
                  {roleLabel(r)}
                </th>
              ))}
            </tr>
          </thead>
          {areas.map((area) => (
            <tbody key={area}>
              <tr className="border-t border-gray-200 bg-gray-50">
                <th
                  scope="colgroup"
                  colSpan={ROLES.length + 1}
                  className="px-4 py-2 text-xs font-semibold uppercase tracking-wide text-gray-600"
                >
                  {area}
                </th>
              </tr>
              {permissions
                .filter((p) => PERMISSION_DESCRIPTIONS[p].area === area)
                .map((p) => (
                  <tr key={p} className="border-t border-gray-100" data-testid="role-row" data-permission={p}>
                    <th scope="row" className="px-4 py-2.5 font-normal">
                      <span className="block text-gray-900">{PERMISSION_DESCRIPTIONS[p].text}</span>
                      <code className="text-xs text-gray-500">{p}</code>
                    </th>
                    {ROLES.map((r) => (
                      <td key={r} className={`px-3 py-2.5 text-center ${r === ctx.role ? "bg-brand-50" : ""}`}>
                        {can(r, p) ? (
                          <span className="font-bold text-green-700" aria-label="yes" role="img">
                            ✓
                          </span>
                        ) : (
                          <span className="text-gray-400" aria-label="no" role="img">
                            –
                          </span>
                        )}
                      </td>
                    ))}
                  </tr>
                ))}
            </tbody>
          ))}
        </table>
      </ScrollRegion>
    </div>
  );
}
