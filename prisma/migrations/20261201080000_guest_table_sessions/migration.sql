-- Guest table sessions (issue 13, ADR 0034). The old GuestSession/GuestCartItem were never used: any rows go.
DELETE FROM "GuestSession";

-- CreateEnum
CREATE TYPE "GuestSubmissionStatus" AS ENUM ('PENDING_APPROVAL', 'SENT', 'REJECTED');

-- CreateEnum
CREATE TYPE "GuestRequestKind" AS ENUM ('CALL_SERVER', 'BILL');

-- AlterEnum
BEGIN;
CREATE TYPE "CartMode_new" AS ENUM ('FAMILY', 'INDIVIDUAL');
ALTER TABLE "GuestSession" ALTER COLUMN "cartMode" DROP DEFAULT;
ALTER TABLE "GuestSession" ALTER COLUMN "cartMode" TYPE "CartMode_new" USING ("cartMode"::text::"CartMode_new");
ALTER TYPE "CartMode" RENAME TO "CartMode_old";
ALTER TYPE "CartMode_new" RENAME TO "CartMode";
DROP TYPE "CartMode_old";
ALTER TABLE "GuestSession" ALTER COLUMN "cartMode" SET DEFAULT 'FAMILY';
COMMIT;

-- DropIndex
DROP INDEX "GuestSession_token_key";

-- AlterTable
ALTER TABLE "Location" ADD COLUMN     "guestOrderApproval" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "DiningTable" ADD COLUMN     "qrToken" TEXT NOT NULL DEFAULT replace((gen_random_uuid())::text, '-'::text, ''::text);

-- AlterTable
ALTER TABLE "OrderItem" ADD COLUMN     "guestLabel" TEXT;

-- AlterTable
ALTER TABLE "GuestSession" DROP COLUMN "failedPinAttempts",
DROP COLUMN "pinHash",
DROP COLUMN "token",
ADD COLUMN     "cartVersion" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "checkoutMemberId" TEXT,
ADD COLUMN     "checkoutUntil" TIMESTAMP(3),
ADD COLUMN     "closedById" TEXT,
ADD COLUMN     "openedById" TEXT,
ADD COLUMN     "pin" TEXT NOT NULL,
ALTER COLUMN "cartMode" SET DEFAULT 'FAMILY';

-- AlterTable
ALTER TABLE "GuestCartItem" DROP COLUMN "guestLabel",
ADD COLUMN     "memberId" TEXT NOT NULL;

-- CreateTable
CREATE TABLE "GuestMember" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "nickname" TEXT NOT NULL,
    "nicknameKey" TEXT NOT NULL,
    "deviceHash" TEXT NOT NULL,
    "cartVersion" INTEGER NOT NULL DEFAULT 0,
    "ip" TEXT,
    "joinedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GuestMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GuestSubmission" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "status" "GuestSubmissionStatus" NOT NULL,
    "lines" JSONB NOT NULL,
    "orderId" TEXT,
    "fireBatch" INTEGER,
    "result" JSONB,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "reason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GuestSubmission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GuestRequest" (
    "id" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "tableId" TEXT NOT NULL,
    "memberId" TEXT,
    "kind" "GuestRequestKind" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acknowledgedAt" TIMESTAMP(3),
    "acknowledgedById" TEXT,

    CONSTRAINT "GuestRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "GuestMember_sessionId_nicknameKey_key" ON "GuestMember"("sessionId", "nicknameKey");

-- CreateIndex
CREATE INDEX "GuestSubmission_status_createdAt_idx" ON "GuestSubmission"("status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "GuestSubmission_sessionId_key_key" ON "GuestSubmission"("sessionId", "key");

-- CreateIndex
CREATE INDEX "GuestRequest_locationId_acknowledgedAt_idx" ON "GuestRequest"("locationId", "acknowledgedAt");

-- CreateIndex
CREATE UNIQUE INDEX "DiningTable_qrToken_key" ON "DiningTable"("qrToken");

-- CreateIndex
CREATE INDEX "GuestSession_locationId_status_idx" ON "GuestSession"("locationId", "status");

-- CreateIndex
CREATE INDEX "GuestCartItem_sessionId_memberId_idx" ON "GuestCartItem"("sessionId", "memberId");

-- AddForeignKey
ALTER TABLE "GuestMember" ADD CONSTRAINT "GuestMember_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "GuestSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GuestCartItem" ADD CONSTRAINT "GuestCartItem_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "GuestMember"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GuestSubmission" ADD CONSTRAINT "GuestSubmission_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "GuestSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GuestSubmission" ADD CONSTRAINT "GuestSubmission_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "GuestMember"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GuestRequest" ADD CONSTRAINT "GuestRequest_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "GuestSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- One live session per table: a new seating gets a new session (and PIN) only after the old one closes.
CREATE UNIQUE INDEX "GuestSession_one_active_per_table" ON "GuestSession"("tableId") WHERE "status" = 'ACTIVE';

ALTER TABLE "GuestSession" ADD CONSTRAINT "GuestSession_pin_check" CHECK ("pin" ~ '^[0-9]{4}$');
ALTER TABLE "GuestSession" ADD CONSTRAINT "GuestSession_closed_check" CHECK (("status" = 'CLOSED') = ("closedAt" IS NOT NULL));
ALTER TABLE "GuestCartItem" ADD CONSTRAINT "GuestCartItem_quantity_check" CHECK ("quantity" BETWEEN 1 AND 50);
ALTER TABLE "GuestMember" ADD CONSTRAINT "GuestMember_nickname_check" CHECK (char_length("nickname") BETWEEN 1 AND 30);
ALTER TABLE "DiningTable" ADD CONSTRAINT "DiningTable_qrToken_check" CHECK (char_length("qrToken") >= 22);
