import "server-only";
import type { Tx } from "../db";

/**
 * One more refused, failed or uncollected cash-on-delivery order for a customer (the driver app
 * calls it inside its own transaction). The console suggests a block from
 * Location.codFailuresBeforeBlockSuggestion on.
 */
export async function recordCodFailure(tx: Pick<Tx, "customer">, customerId: string): Promise<{ codFailures: number }> {
  return tx.customer.update({
    where: { id: customerId },
    data: { codFailures: { increment: 1 } },
    select: { codFailures: true },
  });
}
