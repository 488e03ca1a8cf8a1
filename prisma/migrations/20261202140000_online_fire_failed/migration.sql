-- AlterTable
ALTER TABLE "OnlineOrder" ADD COLUMN     "fireFailedAt" TIMESTAMP(3),
ADD COLUMN     "fireFailedReason" TEXT;

-- A failed fire always says why.
ALTER TABLE "OnlineOrder" ADD CONSTRAINT "OnlineOrder_fire_failed_reason"
  CHECK (("fireFailedAt" IS NULL) = ("fireFailedReason" IS NULL));
