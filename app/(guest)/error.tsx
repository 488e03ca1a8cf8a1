"use client";

import { ErrorPanel } from "@/components/ui/error-panel";

export default function GuestError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorPanel what="This page" error={error} retry={retry} />;
}
