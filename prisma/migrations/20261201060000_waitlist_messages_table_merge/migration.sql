-- The waitlist had no screen or API yet; its only rows are demo-seed samples without a guest.
DELETE FROM "WaitlistEntry";

-- CreateEnum
CREATE TYPE "MessageChannel" AS ENUM ('SMS', 'EMAIL', 'HOST_SCREEN');

-- CreateEnum
CREATE TYPE "MessageStatus" AS ENUM ('SENT', 'FAILED', 'SHOWN');

-- DropIndex
DROP INDEX "WaitlistEntry_locationId_status_idx";

-- AlterTable
ALTER TABLE "Location" ADD COLUMN     "onlineBooking" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "onlineMaxPartySize" INTEGER NOT NULL DEFAULT 8;

-- AlterTable
ALTER TABLE "DiningTable" ADD COLUMN     "mergedIntoId" TEXT;

-- AlterTable
ALTER TABLE "Reservation" ADD COLUMN     "bookingKey" TEXT;

-- AlterTable
ALTER TABLE "WaitlistEntry" DROP COLUMN "guestName",
DROP COLUMN "phone",
ADD COLUMN     "createdById" TEXT,
ADD COLUMN     "guestId" TEXT NOT NULL,
ADD COLUMN     "leftAt" TIMESTAMP(3),
ADD COLUMN     "reservationId" TEXT,
ADD COLUMN     "tokenHash" TEXT NOT NULL,
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ALTER COLUMN "quotedMinutes" DROP DEFAULT;

-- CreateTable
CREATE TABLE "GuestMessage" (
    "id" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,
    "guestId" TEXT NOT NULL,
    "channel" "MessageChannel" NOT NULL,
    "provider" TEXT NOT NULL,
    "status" "MessageStatus" NOT NULL,
    "body" TEXT NOT NULL,
    "providerRef" TEXT,
    "error" TEXT,
    "waitlistEntryId" TEXT,
    "reservationId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GuestMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "GuestMessage_locationId_createdAt_idx" ON "GuestMessage"("locationId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Reservation_locationId_bookingKey_key" ON "Reservation"("locationId", "bookingKey");

-- CreateIndex
CREATE UNIQUE INDEX "WaitlistEntry_tokenHash_key" ON "WaitlistEntry"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "WaitlistEntry_reservationId_key" ON "WaitlistEntry"("reservationId");

-- CreateIndex
CREATE INDEX "WaitlistEntry_locationId_status_createdAt_idx" ON "WaitlistEntry"("locationId", "status", "createdAt");

-- AddForeignKey
ALTER TABLE "DiningTable" ADD CONSTRAINT "DiningTable_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "DiningTable"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WaitlistEntry" ADD CONSTRAINT "WaitlistEntry_guestId_fkey" FOREIGN KEY ("guestId") REFERENCES "Guest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WaitlistEntry" ADD CONSTRAINT "WaitlistEntry_reservationId_fkey" FOREIGN KEY ("reservationId") REFERENCES "Reservation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GuestMessage" ADD CONSTRAINT "GuestMessage_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GuestMessage" ADD CONSTRAINT "GuestMessage_guestId_fkey" FOREIGN KEY ("guestId") REFERENCES "Guest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GuestMessage" ADD CONSTRAINT "GuestMessage_waitlistEntryId_fkey" FOREIGN KEY ("waitlistEntryId") REFERENCES "WaitlistEntry"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GuestMessage" ADD CONSTRAINT "GuestMessage_reservationId_fkey" FOREIGN KEY ("reservationId") REFERENCES "Reservation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Checks Prisma cannot express.
ALTER TABLE "WaitlistEntry" ADD CONSTRAINT "WaitlistEntry_partySize_check" CHECK ("partySize" BETWEEN 1 AND 100);
ALTER TABLE "WaitlistEntry" ADD CONSTRAINT "WaitlistEntry_quotedMinutes_check" CHECK ("quotedMinutes" BETWEEN 0 AND 600);
ALTER TABLE "DiningTable" ADD CONSTRAINT "DiningTable_mergedIntoId_check" CHECK ("mergedIntoId" IS NULL OR "mergedIntoId" <> "id");
ALTER TABLE "Location" ADD CONSTRAINT "Location_onlineMaxPartySize_check" CHECK ("onlineMaxPartySize" BETWEEN 1 AND 100);
