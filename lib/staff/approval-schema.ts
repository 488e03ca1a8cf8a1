// No server-only import: the void dialog (and later comps and refunds) build the same shape.
import { z } from "zod";
import { enteredPinSchema } from "./pin-policy";

/** A manager's approval typed on someone else's device: their PIN, or their email and password. */
export const approvalSchema = z.union(
  [
    z.object({ approverId: z.string().min(1, "Choose a manager").max(64), pin: enteredPinSchema }),
    z.object({
      email: z.string().trim().toLowerCase().email("Enter the manager's email").max(254),
      password: z.string().min(1, "Enter the manager's password").max(1024),
    }),
  ],
  { error: "Choose a manager and enter their PIN" },
);
export type ApprovalInput = z.input<typeof approvalSchema>;
