import { customerRoute } from "@/lib/customers/customer-route";
import { deleteAddress } from "@/lib/customers/delete-address";

// DELETE /api/public/addresses/:id — remove one of the signed-in customer's addresses (another's: 404).
export const DELETE = customerRoute({ customer: true }, async ({ customer, params }) =>
  deleteAddress(customer, { id: params.id ?? "" }),
);
