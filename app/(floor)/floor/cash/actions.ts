"use server";

// Server actions of the floor's cash drawer screen: thin — the wrapper checks session, permission
// and input; the cash use cases do the work.
import { action } from "@/lib/http/action";
import { openDrawer } from "@/lib/cash/open-drawer";
import { recordCashMovement } from "@/lib/cash/record-cash-movement";
import { closeDrawer } from "@/lib/cash/close-drawer";
import { cashMovementSchema, closeDrawerSchema, openDrawerSchema } from "@/lib/cash/schemas";

const CASH = ["/floor/cash", "/admin/cash"];

export const openDrawerAction = action(
  { permission: "cash.drawer", input: openDrawerSchema, revalidate: CASH },
  openDrawer,
);
export const cashMovementAction = action(
  { permission: "cash.drawer", input: cashMovementSchema, revalidate: CASH },
  recordCashMovement,
);
export const closeDrawerAction = action(
  { permission: "cash.drawer", input: closeDrawerSchema, revalidate: CASH },
  closeDrawer,
);
