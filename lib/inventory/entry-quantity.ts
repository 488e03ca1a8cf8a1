import { AppError } from "../errors";
import { toMilli, type Milli } from "./quantity";
import { toBaseMilli, type BaseUnitCode } from "./units";

/** "2.5" + "kg" → base milli for a G ingredient; a unit that does not fit is a field error on `unit`. */
export function entryToBase(quantity: string, unit: string | undefined | null, base: BaseUnitCode): Milli {
  if (!unit) return toMilli(quantity);
  try {
    return toBaseMilli(toMilli(quantity), unit, base);
  } catch (error) {
    throw new AppError("VALIDATION", "That unit does not fit this ingredient", { unit: [(error as Error).message] });
  }
}
