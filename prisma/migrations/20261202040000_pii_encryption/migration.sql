-- PII at rest (ADR 0043). SQL cannot encrypt: the new columns start empty and the plaintext
-- "phone"/"email" stay until the backfill (scripts/db migrateDatabase, server start, npm run pii:rotate)
-- moves each row into phoneEnc/phoneHash/emailEnc/emailHash and clears them.

-- DropIndex
DROP INDEX "Guest_locationId_phone_key";

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "contactPhoneEnc" TEXT,
ADD COLUMN     "erasedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Guest" ADD COLUMN     "emailEnc" TEXT,
ADD COLUMN     "emailHash" TEXT,
ADD COLUMN     "erasedAt" TIMESTAMP(3),
ADD COLUMN     "phoneEnc" TEXT,
ADD COLUMN     "phoneHash" TEXT;

-- CreateIndex
CREATE INDEX "Guest_locationId_emailHash_idx" ON "Guest"("locationId", "emailHash");

-- CreateIndex
CREATE UNIQUE INDEX "Guest_locationId_phoneHash_key" ON "Guest"("locationId", "phoneHash");

