"use client";

import { useRef, type KeyboardEvent, type ReactNode } from "react";

export type Segment<T> = { value: T; label: ReactNode; name?: string };

type Props<T> = {
  /** The group's accessible name ("Seat for new items"). */
  label: string;
  /** Shown before the buttons; omit when a surrounding legend already says it. */
  caption?: string;
  options: readonly Segment<T>[];
  value: T;
  onChange: (value: T) => void;
  size?: "md" | "lg";
  className?: string;
  buttonClassName?: string;
};

/**
 * One choice out of a few, as touch-sized buttons: a radio group with one tab stop, arrow keys
 * (and Home/End) to move, the checked option highlighted. Replaces the hand-rolled copies on the
 * order pad (seat, course) and the open-table guest picker.
 */
export function SegmentedControl<T extends string | number | null>({
  label,
  caption,
  options,
  value,
  onChange,
  size = "md",
  className = "flex flex-wrap items-center gap-1",
  buttonClassName = "",
}: Props<T>) {
  const group = useRef<HTMLDivElement>(null);
  const current = Math.max(
    0,
    options.findIndex((o) => o.value === value),
  );

  function move(event: KeyboardEvent<HTMLDivElement>) {
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
    const to =
      event.key === "Home"
        ? 0
        : event.key === "End"
          ? options.length - 1
          : step === undefined
            ? null
            : (current + step + options.length) % options.length;
    if (to === null) return;
    event.preventDefault();
    onChange(options[to].value);
    group.current?.querySelectorAll<HTMLButtonElement>("[role=radio]")[to]?.focus();
  }

  const sizing =
    size === "lg" ? "min-h-16 rounded-xl text-2xl font-black" : "min-h-11 min-w-11 rounded-lg px-2 font-bold";
  return (
    <div ref={group} role="radiogroup" aria-label={label} className={className} onKeyDown={move}>
      {caption && <span className="mr-1 text-sm font-bold text-gray-600">{caption}</span>}
      {options.map((o, i) => {
        const checked = i === current && o.value === value;
        return (
          <button
            key={String(o.value)}
            type="button"
            role="radio"
            aria-checked={checked}
            aria-label={o.name}
            tabIndex={i === current ? 0 : -1}
            onClick={() => onChange(o.value)}
            className={`border-2 ${sizing} ${checked ? "border-gray-900 bg-gray-900 text-white" : "border-gray-300 bg-white"} ${buttonClassName}`}
          >
            {o.label}
          </button>
        );
      })}
    </div>
  );
}
