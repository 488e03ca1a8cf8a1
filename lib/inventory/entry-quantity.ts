import { AppError } from "../errors";
import { QuantityTooLargeError, toMilli, type Milli } from "./quantity";
import { toBaseMilli, type BaseUnitCode } from "./units";

/** "2.5" + "kg" → base milli for a G ingredient; a unit that does not fit is a field error on `unit`. */
export function entryToBase(quantity: string, unit: string | undefined | null, base: BaseUnitCode): Milli {
  try {
    return unit ? toBaseMilli(toMilli(quantity), unit, base) : toMilli(quantity);
  } catch (error) {
    if (error instanceof QuantityTooLargeError)
      throw new AppError("VALIDATION", "That quantity is too large", { quantity: ["Too large to record"] });
    throw new AppError("VALIDATION", "That unit does not fit this ingredient", { unit: [(error as Error).message] });
  }
}
