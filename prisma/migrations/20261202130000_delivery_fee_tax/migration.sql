-- AlterTable
ALTER TABLE "Location" ADD COLUMN     "deliveryFeeTaxRateBps" INTEGER;

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "deliveryFeeTaxRateBps" INTEGER NOT NULL DEFAULT 0;


-- Orders placed before this keep an untaxed fee (the default 0); locations start at their own rate (null).
ALTER TABLE "Location" ADD CONSTRAINT "Location_deliveryFeeTaxRateBps_range"
  CHECK ("deliveryFeeTaxRateBps" IS NULL OR "deliveryFeeTaxRateBps" BETWEEN 0 AND 10000);
ALTER TABLE "Order" ADD CONSTRAINT "Order_deliveryFeeTaxRateBps_range"
  CHECK ("deliveryFeeTaxRateBps" BETWEEN 0 AND 10000);
