-- AlterTable
ALTER TABLE "Payment" ADD COLUMN     "driverShiftId" TEXT;

-- CreateIndex
CREATE INDEX "Payment_driverShiftId_idx" ON "Payment"("driverShiftId");

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_driverShiftId_fkey" FOREIGN KEY ("driverShiftId") REFERENCES "DriverShift"("id") ON DELETE SET NULL ON UPDATE CASCADE;

