-- AlterTable
ALTER TABLE "Check" ADD COLUMN     "deliveryFeeCents" INTEGER NOT NULL DEFAULT 0;


-- Backfill: before this column a check's fee was what its stored total held beyond its other
-- figures (the reports summed it so). Open checks too: their stored figures come from the same
-- refresh, and closing an order marks settled open checks PAID without re-freezing them.
UPDATE "Check"
SET "deliveryFeeCents" = GREATEST(0, "totalCents" - "subtotalCents" + "discountCents" + "compCents" - "serviceChargeCents" - "taxCents")
WHERE status IN ('PAID', 'OPEN')
  AND "totalCents" - "subtotalCents" + "discountCents" + "compCents" - "serviceChargeCents" - "taxCents" > 0;

ALTER TABLE "Check" ADD CONSTRAINT "Check_deliveryFeeCents_nonnegative" CHECK ("deliveryFeeCents" >= 0);
