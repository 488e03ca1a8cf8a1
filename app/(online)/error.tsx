"use client";

import { ErrorPanel } from "@/components/ui/error-panel";

export default function OnlineError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorPanel what="This page" error={error} retry={retry} />;
}
