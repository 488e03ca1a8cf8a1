"use client";

import { ErrorPanel } from "@/components/ui/error-panel";

export default function KitchenError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorPanel what="The kitchen screen" error={error} retry={retry} dark autoRetrySeconds={10} />;
}
