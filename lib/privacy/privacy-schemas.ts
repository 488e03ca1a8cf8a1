import { z } from "zod";
import { idSchema, text } from "../validation";

export const personIdSchema = z.object({ id: idSchema });
export type PersonIdInput = z.input<typeof personIdSchema>;

/** An erase request: irreversible, so the caller types ERASE and says why (the reason is audited). */
export const eraseRequestSchema = z.object({
  confirm: z.literal("ERASE", { error: "Type ERASE to confirm: this cannot be undone" }),
  reason: text("Say why (e.g. the guest's request by email on 2 Dec)")
    .trim()
    .min(3, "Say why (at least 3 characters)")
    .max(500, "At most 500 characters"),
});
export type EraseRequestInput = z.input<typeof eraseRequestSchema>;

/** What an erased person's name becomes; the row stays so orders and reports keep their links. */
export const ERASED_GUEST_NAME = "Erased guest";
export const ERASED_STAFF_NAME = "Erased staff member";
/** What an erased message's text becomes. */
export const ERASED_TEXT = "[erased]";
