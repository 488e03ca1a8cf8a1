import { Badge } from "@/components/ui/badge";

const TONE = { DRAFT: "gray", SENT: "blue", PARTIALLY_RECEIVED: "amber", RECEIVED: "green", CANCELLED: "red" } as const;

export function PoStatusBadge({ status }: { status: keyof typeof TONE | string }) {
  return <Badge tone={TONE[status as keyof typeof TONE] ?? "gray"}>{status.toLowerCase().replace("_", " ")}</Badge>;
}
