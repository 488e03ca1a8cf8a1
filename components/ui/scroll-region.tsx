import type { ReactNode } from "react";

/**
 * A box that may scroll. It is focusable and named, so keyboard users can scroll it with the arrow
 * keys even when nothing inside it takes focus (a table of figures, a ticket of fired lines).
 */
export function ScrollRegion({
  label,
  className = "",
  children,
  testId,
}: {
  label: string;
  className?: string;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      data-testid={testId}
      className={`focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 ${className}`}
    >
      {children}
    </div>
  );
}
