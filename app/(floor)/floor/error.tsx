"use client";

import { ErrorPanel } from "@/components/ui/error-panel";

export default function FloorError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorPanel what="The floor" error={error} retry={retry} />;
}
