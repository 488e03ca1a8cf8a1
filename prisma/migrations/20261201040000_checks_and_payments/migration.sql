-- CreateEnum
CREATE TYPE "PaymentState" AS ENUM ('UNPAID', 'PARTLY_PAID', 'PAID');

-- CreateEnum
CREATE TYPE "CheckStatus" AS ENUM ('OPEN', 'PAID', 'VOIDED');

-- CreateEnum
CREATE TYPE "DiscountKind" AS ENUM ('PERCENT', 'AMOUNT');

-- CreateEnum
CREATE TYPE "TenderType" AS ENUM ('CASH', 'CARD', 'HOUSE_ACCOUNT');

-- CreateEnum
CREATE TYPE "PrinterKind" AS ENUM ('RECEIPT', 'KITCHEN');

-- CreateEnum
CREATE TYPE "PrintJobKind" AS ENUM ('GUEST_CHECK', 'RECEIPT', 'KITCHEN_CHIT', 'CASH_UP', 'END_OF_DAY', 'TEST');

-- CreateEnum
CREATE TYPE "PrintJobStatus" AS ENUM ('QUEUED', 'PRINTING', 'PRINTED', 'FAILED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "CashMovementKind" AS ENUM ('PAY_IN', 'PAY_OUT');

-- AlterEnum
ALTER TYPE "TableStatus" ADD VALUE 'NEEDS_BUSSING';

-- AlterTable
ALTER TABLE "Location" ADD COLUMN     "bussingStep" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "discountLimits" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "tenders" "TenderType"[] DEFAULT ARRAY['CASH', 'CARD']::"TenderType"[],
ADD COLUMN     "tipSuggestionsBps" INTEGER[] DEFAULT ARRAY[1500, 1800, 2000]::INTEGER[];

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "dueCents" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "paidCents" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "paymentState" "PaymentState" NOT NULL DEFAULT 'UNPAID';

-- CreateTable
CREATE TABLE "Check" (
    "id" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "label" TEXT NOT NULL DEFAULT '',
    "status" "CheckStatus" NOT NULL DEFAULT 'OPEN',
    "subtotalCents" INTEGER NOT NULL DEFAULT 0,
    "discountCents" INTEGER NOT NULL DEFAULT 0,
    "compCents" INTEGER NOT NULL DEFAULT 0,
    "serviceChargeCents" INTEGER NOT NULL DEFAULT 0,
    "serviceChargeName" TEXT,
    "taxCents" INTEGER NOT NULL DEFAULT 0,
    "totalCents" INTEGER NOT NULL DEFAULT 0,
    "taxLines" JSONB NOT NULL DEFAULT '[]',
    "paidCents" INTEGER NOT NULL DEFAULT 0,
    "tipCents" INTEGER NOT NULL DEFAULT 0,
    "refundedCents" INTEGER NOT NULL DEFAULT 0,
    "serviceChargeWaived" BOOLEAN NOT NULL DEFAULT false,
    "paidAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Check_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CheckLine" (
    "id" TEXT NOT NULL,
    "checkId" TEXT NOT NULL,
    "orderItemId" TEXT NOT NULL,
    "parts" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "CheckLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DiscountReason" (
    "id" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "comp" BOOLEAN NOT NULL DEFAULT false,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "archivedAt" TIMESTAMP(3),

    CONSTRAINT "DiscountReason_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CheckDiscount" (
    "id" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,
    "checkId" TEXT NOT NULL,
    "orderItemId" TEXT,
    "kind" "DiscountKind" NOT NULL,
    "value" INTEGER NOT NULL,
    "comp" BOOLEAN NOT NULL DEFAULT false,
    "reason" TEXT NOT NULL,
    "amountCents" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT NOT NULL,
    "approvedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removedAt" TIMESTAMP(3),
    "removedById" TEXT,

    CONSTRAINT "CheckDiscount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Payment" (
    "id" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "checkId" TEXT NOT NULL,
    "tender" "TenderType" NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "tipCents" INTEGER NOT NULL DEFAULT 0,
    "tenderedCents" INTEGER,
    "changeCents" INTEGER NOT NULL DEFAULT 0,
    "provider" TEXT NOT NULL DEFAULT 'external-terminal',
    "cardBrand" TEXT,
    "cardLast4" TEXT,
    "reference" TEXT,
    "refundedCents" INTEGER NOT NULL DEFAULT 0,
    "refundedTipCents" INTEGER NOT NULL DEFAULT 0,
    "drawerSessionId" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Payment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Refund" (
    "id" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,
    "paymentId" TEXT NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "tipCents" INTEGER NOT NULL DEFAULT 0,
    "reason" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "approvedById" TEXT,
    "drawerSessionId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Refund_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CashDrawerSession" (
    "id" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "openedById" TEXT NOT NULL,
    "openedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "openingFloatCents" INTEGER NOT NULL,
    "closedById" TEXT,
    "closedAt" TIMESTAMP(3),
    "countedCents" INTEGER,
    "expectedCents" INTEGER,
    "varianceCents" INTEGER,
    "note" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "CashDrawerSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CashMovement" (
    "id" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "kind" "CashMovementKind" NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CashMovement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Printer" (
    "id" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "host" TEXT NOT NULL,
    "port" INTEGER NOT NULL DEFAULT 9100,
    "kind" "PrinterKind" NOT NULL DEFAULT 'RECEIPT',
    "stationId" TEXT,
    "lineWidth" INTEGER NOT NULL DEFAULT 48,
    "archivedAt" TIMESTAMP(3),
    "lastOkAt" TIMESTAMP(3),
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Printer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PrintJob" (
    "id" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,
    "printerId" TEXT NOT NULL,
    "kind" "PrintJobKind" NOT NULL,
    "title" TEXT NOT NULL,
    "document" JSONB NOT NULL,
    "status" "PrintJobStatus" NOT NULL DEFAULT 'QUEUED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "printedAt" TIMESTAMP(3),

    CONSTRAINT "PrintJob_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Check_locationId_paidAt_idx" ON "Check"("locationId", "paidAt");

-- CreateIndex
CREATE INDEX "Check_locationId_status_idx" ON "Check"("locationId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Check_orderId_number_key" ON "Check"("orderId", "number");

-- CreateIndex
CREATE INDEX "CheckLine_orderItemId_idx" ON "CheckLine"("orderItemId");

-- CreateIndex
CREATE UNIQUE INDEX "CheckLine_checkId_orderItemId_key" ON "CheckLine"("checkId", "orderItemId");

-- CreateIndex
CREATE UNIQUE INDEX "DiscountReason_locationId_name_key" ON "DiscountReason"("locationId", "name");

-- CreateIndex
CREATE INDEX "CheckDiscount_checkId_idx" ON "CheckDiscount"("checkId");

-- CreateIndex
CREATE INDEX "Payment_checkId_idx" ON "Payment"("checkId");

-- CreateIndex
CREATE INDEX "Payment_locationId_createdAt_idx" ON "Payment"("locationId", "createdAt");

-- CreateIndex
CREATE INDEX "Refund_paymentId_idx" ON "Refund"("paymentId");

-- CreateIndex
CREATE INDEX "Refund_locationId_createdAt_idx" ON "Refund"("locationId", "createdAt");

-- CreateIndex
CREATE INDEX "CashDrawerSession_locationId_openedAt_idx" ON "CashDrawerSession"("locationId", "openedAt");

-- CreateIndex
CREATE INDEX "CashMovement_sessionId_idx" ON "CashMovement"("sessionId");

-- CreateIndex
CREATE UNIQUE INDEX "Printer_locationId_name_key" ON "Printer"("locationId", "name");

-- CreateIndex
CREATE INDEX "PrintJob_status_nextAttemptAt_idx" ON "PrintJob"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "PrintJob_locationId_createdAt_idx" ON "PrintJob"("locationId", "createdAt");

-- AddForeignKey
ALTER TABLE "Check" ADD CONSTRAINT "Check_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Check" ADD CONSTRAINT "Check_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckLine" ADD CONSTRAINT "CheckLine_checkId_fkey" FOREIGN KEY ("checkId") REFERENCES "Check"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckLine" ADD CONSTRAINT "CheckLine_orderItemId_fkey" FOREIGN KEY ("orderItemId") REFERENCES "OrderItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DiscountReason" ADD CONSTRAINT "DiscountReason_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckDiscount" ADD CONSTRAINT "CheckDiscount_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckDiscount" ADD CONSTRAINT "CheckDiscount_checkId_fkey" FOREIGN KEY ("checkId") REFERENCES "Check"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckDiscount" ADD CONSTRAINT "CheckDiscount_orderItemId_fkey" FOREIGN KEY ("orderItemId") REFERENCES "OrderItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_checkId_fkey" FOREIGN KEY ("checkId") REFERENCES "Check"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_drawerSessionId_fkey" FOREIGN KEY ("drawerSessionId") REFERENCES "CashDrawerSession"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Refund" ADD CONSTRAINT "Refund_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Refund" ADD CONSTRAINT "Refund_paymentId_fkey" FOREIGN KEY ("paymentId") REFERENCES "Payment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Refund" ADD CONSTRAINT "Refund_drawerSessionId_fkey" FOREIGN KEY ("drawerSessionId") REFERENCES "CashDrawerSession"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CashDrawerSession" ADD CONSTRAINT "CashDrawerSession_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CashMovement" ADD CONSTRAINT "CashMovement_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CashMovement" ADD CONSTRAINT "CashMovement_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "CashDrawerSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Printer" ADD CONSTRAINT "Printer_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Printer" ADD CONSTRAINT "Printer_stationId_fkey" FOREIGN KEY ("stationId") REFERENCES "KitchenStation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PrintJob" ADD CONSTRAINT "PrintJob_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PrintJob" ADD CONSTRAINT "PrintJob_printerId_fkey" FOREIGN KEY ("printerId") REFERENCES "Printer"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Orders already in the database owe what their items total (no discounts existed).
UPDATE "Order" SET "dueCents" = "totalCents";

-- Money is never negative and never absurd ($1,000,000.00 per amount, like orders).
ALTER TABLE "Check" ADD CONSTRAINT "Check_amounts_sane" CHECK (
  "number" >= 1 AND "subtotalCents" >= 0 AND "discountCents" >= 0 AND "compCents" >= 0
  AND "serviceChargeCents" >= 0 AND "taxCents" >= 0 AND "totalCents" >= 0 AND "paidCents" >= 0
  AND "tipCents" >= 0 AND "refundedCents" >= 0 AND "totalCents" <= 100000000);
ALTER TABLE "CheckLine" ADD CONSTRAINT "CheckLine_parts_positive" CHECK ("parts" BETWEEN 1 AND 1000);
ALTER TABLE "CheckDiscount" ADD CONSTRAINT "CheckDiscount_value_sane" CHECK (
  "value" > 0 AND "amountCents" >= 0 AND ("kind" <> 'PERCENT' OR "value" <= 10000) AND "value" <= 100000000);
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_amounts_sane" CHECK (
  "amountCents" > 0 AND "amountCents" <= 100000000 AND "tipCents" >= 0 AND "tipCents" <= 100000000
  AND "changeCents" >= 0 AND "refundedCents" BETWEEN 0 AND "amountCents"
  AND "refundedTipCents" BETWEEN 0 AND "tipCents"
  AND ("tenderedCents" IS NULL OR "tenderedCents" = "amountCents" + "changeCents")
  AND ("tender" = 'CASH' OR "changeCents" = 0)
  AND ("tender" = 'CARD' OR "tipCents" = 0)
  AND ("cardLast4" IS NULL OR "cardLast4" ~ '^[0-9]{4}$'));
ALTER TABLE "Refund" ADD CONSTRAINT "Refund_amounts_sane" CHECK (
  "amountCents" >= 0 AND "tipCents" >= 0 AND "amountCents" + "tipCents" > 0);
ALTER TABLE "CashDrawerSession" ADD CONSTRAINT "CashDrawerSession_amounts_sane" CHECK (
  "openingFloatCents" BETWEEN 0 AND 100000000 AND ("countedCents" IS NULL OR "countedCents" BETWEEN 0 AND 100000000));
ALTER TABLE "CashMovement" ADD CONSTRAINT "CashMovement_amount_positive" CHECK ("amountCents" BETWEEN 1 AND 100000000);
ALTER TABLE "Printer" ADD CONSTRAINT "Printer_port_valid" CHECK ("port" BETWEEN 1 AND 65535 AND "lineWidth" BETWEEN 24 AND 64);
ALTER TABLE "Order" ADD CONSTRAINT "Order_paid_sane" CHECK ("dueCents" >= 0 AND "paidCents" >= 0);

-- One open session per drawer.
CREATE UNIQUE INDEX "CashDrawerSession_one_open" ON "CashDrawerSession" ("locationId", "name") WHERE "closedAt" IS NULL;

-- Every order has its first check (new orders get it when they open).
INSERT INTO "Check" ("id", "locationId", "orderId", "number", "subtotalCents", "taxCents", "totalCents", "updatedAt")
SELECT 'chk' || md5(o."id"), o."locationId", o."id", 1, o."subtotalCents", o."taxCents", o."totalCents", now()
FROM "Order" o WHERE NOT EXISTS (SELECT 1 FROM "Check" c WHERE c."orderId" = o."id");
