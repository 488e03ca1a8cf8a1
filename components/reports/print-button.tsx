"use client";

import { Button } from "@/components/ui/button";

/** The browser's print dialog; each page's print styles decide what is left on paper. */
export function PrintButton({ disabled, variant = "secondary" }: { disabled?: boolean; variant?: "primary" | "secondary" }) {
  return (
    <Button
      type="button"
      variant={variant}
      disabled={disabled}
      onClick={() => window.print()}
      className="print:hidden"
      data-testid="print-report"
    >
      Print
    </Button>
  );
}
