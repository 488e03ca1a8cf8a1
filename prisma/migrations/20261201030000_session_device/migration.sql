-- AlterTable
ALTER TABLE "UserSession" ADD COLUMN     "deviceId" TEXT;

-- CreateIndex
CREATE INDEX "UserSession_deviceId_idx" ON "UserSession"("deviceId");

-- AddForeignKey
ALTER TABLE "UserSession" ADD CONSTRAINT "UserSession_deviceId_fkey" FOREIGN KEY ("deviceId") REFERENCES "EnrolledDevice"("id") ON DELETE SET NULL ON UPDATE CASCADE;

