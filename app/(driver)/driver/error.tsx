"use client";

import { ErrorPanel } from "@/components/ui/error-panel";

export default function DriverError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorPanel what="Your deliveries" error={error} retry={retry} autoRetrySeconds={15} />;
}
