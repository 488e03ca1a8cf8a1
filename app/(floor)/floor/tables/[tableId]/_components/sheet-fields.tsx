"use client";

import type { Course } from "@/generated/prisma/enums";
import { Button } from "@/components/ui/button";
import { COURSES, COURSE_LABEL } from "@/lib/menu/courses";
import { GUEST_ALLERGIES } from "./allergens";
import { MAX_NOTES, seatChoices } from "./sheet-rules";

// The item sheet's line fields below the modifiers: quantity, seat, course and kitchen notes.

export function QuantityStepper({ quantity, onStep }: { quantity: number; onStep: (step: -1 | 1) => void }) {
  return (
    <div>
      <p className="mb-2 text-lg font-bold">Quantity</p>
      <div className="flex items-center gap-2">
        <Button variant="secondary" className="min-w-14 text-2xl" aria-label="Fewer" onClick={() => onStep(-1)}>
          −
        </Button>
        <span className="w-10 text-center text-2xl font-black" aria-live="polite" data-testid="sheet-quantity">
          {quantity}
        </span>
        <Button variant="secondary" className="min-w-14 text-2xl" aria-label="More" onClick={() => onStep(1)}>
          +
        </Button>
      </div>
    </div>
  );
}

export function SeatSelect({
  seat,
  seats,
  onChange,
}: {
  seat: number | null;
  seats: number;
  onChange: (seat: number | null) => void;
}) {
  return (
    <div>
      <label htmlFor="sheet-seat" className="mb-2 block text-lg font-bold">
        Seat
      </label>
      <select
        id="sheet-seat"
        value={seat ?? ""}
        onChange={(e) => onChange(e.target.value ? Number(e.target.value) : null)}
        className="min-h-14 w-full rounded-xl border-2 border-gray-300 px-3 text-lg"
      >
        <option value="">Shared / table</option>
        {seatChoices(seats, seat).map((n) => (
          <option key={n} value={n}>
            Seat {n}
          </option>
        ))}
      </select>
    </div>
  );
}

export function CoursePicker({
  course,
  courses = COURSES,
  onChange,
}: {
  course: Course;
  courses?: readonly Course[];
  onChange: (course: Course) => void;
}) {
  return (
    <fieldset>
      <legend className="mb-2 text-lg font-bold">Course</legend>
      <div className="grid grid-cols-4 gap-2">
        {(courses.includes(course) ? courses : [...courses, course]).map((c) => (
          <button
            key={c}
            type="button"
            role="radio"
            aria-checked={course === c}
            onClick={() => onChange(c)}
            className={`min-h-12 rounded-xl border-2 font-semibold ${course === c ? "border-gray-900 bg-gray-900 text-white" : "border-gray-300"}`}
          >
            {COURSE_LABEL[c]}
          </button>
        ))}
      </div>
    </fieldset>
  );
}

export function KitchenNotes({
  notes,
  onChange,
  onAllergy,
}: {
  notes: string;
  onChange: (notes: string) => void;
  onAllergy: (label: string) => void;
}) {
  return (
    <div>
      <label htmlFor="sheet-notes" className="mb-2 block text-lg font-bold">
        Notes for the kitchen
      </label>
      <textarea
        id="sheet-notes"
        value={notes}
        maxLength={MAX_NOTES}
        onChange={(e) => onChange(e.target.value)}
        rows={2}
        className="w-full rounded-xl border-2 border-gray-300 p-3 text-lg"
        placeholder="e.g. no onions, sauce on the side"
      />
      <p className="mt-2 text-sm font-semibold text-gray-600">
        Guest allergy (adds a warning the kitchen cannot miss):
      </p>
      <div className="mt-1 flex flex-wrap gap-2">
        {GUEST_ALLERGIES.map((a) => (
          <button
            key={a}
            type="button"
            onClick={() => onAllergy(a)}
            className="min-h-11 rounded-full border-2 border-red-300 px-3 text-sm font-semibold text-red-800"
          >
            {a}
          </button>
        ))}
      </div>
    </div>
  );
}
