"use server";

// The learned prep times page's one write: accept a suggestion (lib/reports, as PUT /api/v1/menu/items/:id/prep-time).
import { action } from "@/lib/http/action";
import { acceptPrepTime, acceptPrepTimeSchema } from "@/lib/reports/learned-prep-times";

export const acceptPrepTimeAction = action(
  { permission: "menu.edit", input: acceptPrepTimeSchema, revalidate: ["/admin/reports/prep-times"] },
  (ctx, input) => acceptPrepTime(ctx, input),
);
