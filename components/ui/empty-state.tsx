import type { ReactNode } from "react";

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="rounded-xl border-2 border-dashed border-gray-300 p-10 text-center">
      <p className="text-lg font-semibold text-gray-700">{title}</p>
      {children && <div className="mt-2 text-gray-500">{children}</div>}
    </div>
  );
}
