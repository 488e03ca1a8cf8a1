-- CreateEnum
CREATE TYPE "ReservationSource" AS ENUM ('HOST', 'PHONE', 'ONLINE', 'WALK_IN');

-- CreateEnum
CREATE TYPE "ReservationTag" AS ENUM ('BIRTHDAY', 'ANNIVERSARY', 'VIP', 'ALLERGY', 'REGULAR', 'BUSINESS', 'ACCESSIBILITY', 'HIGH_CHAIR');

-- AlterEnum
ALTER TYPE "ReservationStatus" ADD VALUE 'ARRIVED';

-- AlterTable
ALTER TABLE "Location" ADD COLUMN     "country" TEXT NOT NULL DEFAULT 'US',
ADD COLUMN     "reservationDurations" JSONB NOT NULL DEFAULT '{"2":90,"4":105,"6":120,"8":150}';

-- CreateTable
CREATE TABLE "Guest" (
    "id" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "phone" TEXT,
    "email" TEXT,
    "visitCount" INTEGER NOT NULL DEFAULT 0,
    "noShowCount" INTEGER NOT NULL DEFAULT 0,
    "notes" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Guest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServicePeriod" (
    "id" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "daysOfWeek" INTEGER[],
    "startMinute" INTEGER NOT NULL,
    "endMinute" INTEGER NOT NULL,
    "slotMinutes" INTEGER NOT NULL DEFAULT 15,
    "maxCoversPerSlot" INTEGER NOT NULL DEFAULT 20,
    "maxPartiesPerSlot" INTEGER NOT NULL DEFAULT 5,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ServicePeriod_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReservationTable" (
    "reservationId" TEXT NOT NULL,
    "tableId" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "ReservationTable_pkey" PRIMARY KEY ("reservationId","tableId")
);

-- AlterTable (guest and table columns are moved below, after the backfill)
ALTER TABLE "Reservation" ADD COLUMN     "allergyNotes" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "arrivedAt" TIMESTAMP(3),
ADD COLUMN     "cancelTokenHash" TEXT,
ADD COLUMN     "cancelledAt" TIMESTAMP(3),
ADD COLUMN     "completedAt" TIMESTAMP(3),
ADD COLUMN     "confirmedAt" TIMESTAMP(3),
ADD COLUMN     "createdById" TEXT,
ADD COLUMN     "guestId" TEXT,
ADD COLUMN     "noShowAt" TIMESTAMP(3),
ADD COLUMN     "orderId" TEXT,
ADD COLUMN     "seatedAt" TIMESTAMP(3),
ADD COLUMN     "source" "ReservationSource" NOT NULL DEFAULT 'HOST',
ADD COLUMN     "tags" "ReservationTag"[] DEFAULT ARRAY[]::"ReservationTag"[];

-- CreateIndex
CREATE INDEX "Guest_locationId_name_idx" ON "Guest"("locationId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Guest_locationId_phone_key" ON "Guest"("locationId", "phone");

-- CreateIndex
CREATE INDEX "ServicePeriod_locationId_idx" ON "ServicePeriod"("locationId");

-- CreateIndex
CREATE INDEX "ReservationTable_locationId_startsAt_idx" ON "ReservationTable"("locationId", "startsAt");

-- CreateIndex
CREATE INDEX "ReservationTable_tableId_startsAt_idx" ON "ReservationTable"("tableId", "startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "Reservation_cancelTokenHash_key" ON "Reservation"("cancelTokenHash");

-- CreateIndex
CREATE INDEX "Reservation_guestId_idx" ON "Reservation"("guestId");

-- AddForeignKey
ALTER TABLE "Guest" ADD CONSTRAINT "Guest_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServicePeriod" ADD CONSTRAINT "ServicePeriod_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reservation" ADD CONSTRAINT "Reservation_guestId_fkey" FOREIGN KEY ("guestId") REFERENCES "Guest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reservation" ADD CONSTRAINT "Reservation_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReservationTable" ADD CONSTRAINT "ReservationTable_reservationId_fkey" FOREIGN KEY ("reservationId") REFERENCES "Reservation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReservationTable" ADD CONSTRAINT "ReservationTable_tableId_fkey" FOREIGN KEY ("tableId") REFERENCES "DiningTable"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReservationTable" ADD CONSTRAINT "ReservationTable_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Existing reservations (demo data only: nothing used them) move to the new shape: one guest per
-- distinct name and phone (a 10-digit US number becomes E.164, anything else is dropped), the
-- table becomes a ReservationTable row (its times are filled in by the trigger below).
INSERT INTO "Guest" ("id", "locationId", "name", "phone", "email")
SELECT DISTINCT ON (r."locationId", COALESCE(g.e164, r."guestName"))
  'g' || md5(r."id"), r."locationId", r."guestName", g.e164, lower(r."email")
FROM "Reservation" r
CROSS JOIN LATERAL (
  SELECT CASE WHEN length(regexp_replace(COALESCE(r."phone", ''), '[^0-9]', '', 'g')) = 10
    THEN '+1' || regexp_replace(r."phone", '[^0-9]', '', 'g') END AS e164
) g
ORDER BY r."locationId", COALESCE(g.e164, r."guestName"), r."createdAt";

UPDATE "Reservation" r SET "guestId" = g."id"
FROM "Guest" g
WHERE g."locationId" = r."locationId"
  AND (g."phone" = '+1' || regexp_replace(COALESCE(r."phone", ''), '[^0-9]', '', 'g') OR (g."phone" IS NULL AND g."name" = r."guestName"));

ALTER TABLE "Reservation" ALTER COLUMN "guestId" SET NOT NULL;

-- Rules Prisma cannot express.
ALTER TABLE "Location" ADD CONSTRAINT "Location_country_code" CHECK ("country" ~ '^[A-Z]{2}$');
ALTER TABLE "Location" ADD CONSTRAINT "Location_reservation_durations_object" CHECK (jsonb_typeof("reservationDurations") = 'object');
ALTER TABLE "Guest" ADD CONSTRAINT "Guest_counts_nonnegative" CHECK ("visitCount" >= 0 AND "noShowCount" >= 0);
ALTER TABLE "Guest" ADD CONSTRAINT "Guest_phone_e164" CHECK ("phone" IS NULL OR "phone" ~ '^\+[1-9][0-9]{6,14}$');
ALTER TABLE "Guest" ADD CONSTRAINT "Guest_name_present" CHECK (length(btrim("name")) > 0);
ALTER TABLE "ServicePeriod" ADD CONSTRAINT "ServicePeriod_minutes_range" CHECK (
  "startMinute" BETWEEN 0 AND 1439 AND "endMinute" BETWEEN 1 AND 1440 AND "endMinute" > "startMinute");
ALTER TABLE "ServicePeriod" ADD CONSTRAINT "ServicePeriod_slot_range" CHECK ("slotMinutes" BETWEEN 5 AND 120);
ALTER TABLE "ServicePeriod" ADD CONSTRAINT "ServicePeriod_pacing_positive" CHECK ("maxCoversPerSlot" > 0 AND "maxPartiesPerSlot" > 0);
ALTER TABLE "ServicePeriod" ADD CONSTRAINT "ServicePeriod_days_range" CHECK (
  cardinality("daysOfWeek") > 0 AND "daysOfWeek" <@ ARRAY[0, 1, 2, 3, 4, 5, 6]);
ALTER TABLE "Reservation" ADD CONSTRAINT "Reservation_party_size_range" CHECK ("partySize" BETWEEN 1 AND 50);
ALTER TABLE "Reservation" ADD CONSTRAINT "Reservation_duration_range" CHECK ("durationMinutes" BETWEEN 15 AND 480);
ALTER TABLE "ReservationTable" ADD CONSTRAINT "ReservationTable_ends_after_start" CHECK ("endsAt" > "startsAt");

-- A table row copies its reservation's time and whether it still holds the table; the location
-- must be the reservation's and the table's (no booking of another location's table).
CREATE FUNCTION reservation_table_sync() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE r RECORD;
BEGIN
  SELECT "locationId", "startsAt", "durationMinutes", "status" INTO r FROM "Reservation" WHERE "id" = NEW."reservationId";
  IF NOT FOUND THEN RETURN NEW; END IF; -- the foreign key refuses it
  IF r."locationId" <> NEW."locationId" OR NOT EXISTS (
    SELECT 1 FROM "DiningTable" t WHERE t."id" = NEW."tableId" AND t."locationId" = NEW."locationId") THEN
    RAISE EXCEPTION 'table and reservation belong to different locations' USING ERRCODE = '23514',
      CONSTRAINT = 'ReservationTable_same_location';
  END IF;
  NEW."startsAt" := r."startsAt";
  NEW."endsAt" := r."startsAt" + make_interval(mins => r."durationMinutes");
  NEW."active" := r."status"::text NOT IN ('CANCELLED', 'NO_SHOW', 'COMPLETED');
  RETURN NEW;
END $$;
CREATE TRIGGER "ReservationTable_sync" BEFORE INSERT OR UPDATE ON "ReservationTable"
  FOR EACH ROW EXECUTE FUNCTION reservation_table_sync();

-- A change of time, length or status re-copies into the reservation's table rows (the
-- exclusion constraint then checks the new times).
CREATE FUNCTION reservation_tables_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "ReservationTable" SET "locationId" = "locationId" WHERE "reservationId" = NEW."id";
  RETURN NULL;
END $$;
CREATE TRIGGER "Reservation_tables_follow" AFTER UPDATE OF "startsAt", "durationMinutes", "status" ON "Reservation"
  FOR EACH ROW EXECUTE FUNCTION reservation_tables_follow();

INSERT INTO "ReservationTable" ("reservationId", "tableId", "locationId", "startsAt", "endsAt")
SELECT "id", "tableId", "locationId", "startsAt", "startsAt" + make_interval(mins => "durationMinutes")
FROM "Reservation" WHERE "tableId" IS NOT NULL;

ALTER TABLE "Reservation" DROP CONSTRAINT "Reservation_tableId_fkey";
ALTER TABLE "Reservation" DROP COLUMN "email", DROP COLUMN "guestName", DROP COLUMN "phone", DROP COLUMN "tableId";

-- No double-booking: two active bookings of one table never overlap (half-open ranges, so
-- 18:00–19:30 and 19:30–21:00 may follow each other). Times are UTC timestamps (Prisma's
-- TIMESTAMP(3)), hence tsrange, like Shift_no_overlap.
ALTER TABLE "ReservationTable" ADD CONSTRAINT "ReservationTable_no_double_booking"
  EXCLUDE USING gist ("tableId" WITH =, tsrange("startsAt", "endsAt") WITH &&) WHERE ("active");
