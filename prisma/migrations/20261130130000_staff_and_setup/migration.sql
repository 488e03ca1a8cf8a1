-- Staff, shifts and restaurant setup (issue 10): location settings, archiving, PINs, password resets,
-- enrolled devices, schedules, time clock and checklists.

-- CreateEnum
CREATE TYPE "ChecklistKind" AS ENUM ('OPENING', 'CLOSING', 'PREP', 'OTHER');

-- AlterTable
ALTER TABLE "Location" ADD COLUMN     "archivedAt" TIMESTAMP(3),
ADD COLUMN     "businessDayCutoffHour" INTEGER NOT NULL DEFAULT 4,
ADD COLUMN     "coursesUsed" "Course"[] DEFAULT ARRAY['DRINKS', 'STARTERS', 'MAINS', 'DESSERTS']::"Course"[],
ADD COLUMN     "maxWeeklyShiftMinutes" INTEGER NOT NULL DEFAULT 2880,
ADD COLUMN     "overtimeWeeklyMinutes" INTEGER NOT NULL DEFAULT 2400,
ADD COLUMN     "serviceChargeRules" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "taxId" TEXT;

-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "hourlyRateCents" INTEGER,
ADD COLUMN     "pinFailedCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "pinHash" TEXT,
ADD COLUMN     "pinLockedUntil" TIMESTAMP(3),
ADD COLUMN     "pinSetAt" TIMESTAMP(3),
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "KitchenStation" ADD COLUMN     "archivedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "FloorArea" ADD COLUMN     "archivedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "DiningTable" ADD COLUMN     "archivedAt" TIMESTAMP(3),
ADD COLUMN     "rotation" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Shift" DROP COLUMN "breakMinutes",
DROP COLUMN "clockInAt",
DROP COLUMN "clockOutAt",
ADD COLUMN     "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "notes" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "publishedAt" TIMESTAMP(3),
ADD COLUMN     "stationId" TEXT,
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateTable
CREATE TABLE "PasswordResetToken" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "issuedById" TEXT,
    "ip" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PasswordResetToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EnrolledDevice" (
    "id" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "enrolledById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "EnrolledDevice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TimePunch" (
    "id" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "shiftId" TEXT,
    "clockInAt" TIMESTAMP(3) NOT NULL,
    "clockOutAt" TIMESTAMP(3),
    "deviceId" TEXT,
    "correctedAt" TIMESTAMP(3),
    "correctedById" TEXT,
    "correctionReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TimePunch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TimeBreak" (
    "id" TEXT NOT NULL,
    "punchId" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3),
    "paid" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "TimeBreak_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Checklist" (
    "id" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "ChecklistKind" NOT NULL DEFAULT 'OTHER',
    "stationId" TEXT,
    "role" "Role",
    "dueMinutes" INTEGER,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Checklist_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChecklistTask" (
    "id" TEXT NOT NULL,
    "checklistId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "archivedAt" TIMESTAMP(3),

    CONSTRAINT "ChecklistTask_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TaskCompletion" (
    "id" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,
    "taskId" TEXT NOT NULL,
    "businessDate" DATE NOT NULL,
    "completedById" TEXT NOT NULL,
    "completedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TaskCompletion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PasswordResetToken_tokenHash_key" ON "PasswordResetToken"("tokenHash");

-- CreateIndex
CREATE INDEX "PasswordResetToken_userId_createdAt_idx" ON "PasswordResetToken"("userId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "EnrolledDevice_tokenHash_key" ON "EnrolledDevice"("tokenHash");

-- CreateIndex
CREATE INDEX "EnrolledDevice_locationId_idx" ON "EnrolledDevice"("locationId");

-- CreateIndex
CREATE INDEX "TimePunch_locationId_clockInAt_idx" ON "TimePunch"("locationId", "clockInAt");

-- CreateIndex
CREATE INDEX "TimePunch_userId_clockInAt_idx" ON "TimePunch"("userId", "clockInAt");

-- CreateIndex
CREATE INDEX "TimeBreak_punchId_idx" ON "TimeBreak"("punchId");

-- CreateIndex
CREATE INDEX "Checklist_locationId_idx" ON "Checklist"("locationId");

-- CreateIndex
CREATE INDEX "ChecklistTask_checklistId_idx" ON "ChecklistTask"("checklistId");

-- CreateIndex
CREATE INDEX "TaskCompletion_locationId_businessDate_idx" ON "TaskCompletion"("locationId", "businessDate");

-- CreateIndex
CREATE UNIQUE INDEX "TaskCompletion_taskId_businessDate_key" ON "TaskCompletion"("taskId", "businessDate");

-- AddForeignKey
ALTER TABLE "PasswordResetToken" ADD CONSTRAINT "PasswordResetToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PasswordResetToken" ADD CONSTRAINT "PasswordResetToken_issuedById_fkey" FOREIGN KEY ("issuedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EnrolledDevice" ADD CONSTRAINT "EnrolledDevice_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EnrolledDevice" ADD CONSTRAINT "EnrolledDevice_enrolledById_fkey" FOREIGN KEY ("enrolledById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Shift" ADD CONSTRAINT "Shift_stationId_fkey" FOREIGN KEY ("stationId") REFERENCES "KitchenStation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TimePunch" ADD CONSTRAINT "TimePunch_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TimePunch" ADD CONSTRAINT "TimePunch_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TimePunch" ADD CONSTRAINT "TimePunch_correctedById_fkey" FOREIGN KEY ("correctedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TimePunch" ADD CONSTRAINT "TimePunch_shiftId_fkey" FOREIGN KEY ("shiftId") REFERENCES "Shift"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TimeBreak" ADD CONSTRAINT "TimeBreak_punchId_fkey" FOREIGN KEY ("punchId") REFERENCES "TimePunch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Checklist" ADD CONSTRAINT "Checklist_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Checklist" ADD CONSTRAINT "Checklist_stationId_fkey" FOREIGN KEY ("stationId") REFERENCES "KitchenStation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChecklistTask" ADD CONSTRAINT "ChecklistTask_checklistId_fkey" FOREIGN KEY ("checklistId") REFERENCES "Checklist"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskCompletion" ADD CONSTRAINT "TaskCompletion_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskCompletion" ADD CONSTRAINT "TaskCompletion_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "ChecklistTask"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskCompletion" ADD CONSTRAINT "TaskCompletion_completedById_fkey" FOREIGN KEY ("completedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Rules Prisma cannot express.
CREATE EXTENSION IF NOT EXISTS btree_gist;

ALTER TABLE "Location" ADD CONSTRAINT "Location_business_day_cutoff" CHECK ("businessDayCutoffHour" BETWEEN 0 AND 23);
ALTER TABLE "Location" ADD CONSTRAINT "Location_labour_rules" CHECK ("maxWeeklyShiftMinutes" > 0 AND "overtimeWeeklyMinutes" > 0);
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_rate_nonnegative" CHECK ("hourlyRateCents" IS NULL OR "hourlyRateCents" >= 0);
ALTER TABLE "DiningTable" ADD CONSTRAINT "DiningTable_rotation_range" CHECK ("rotation" BETWEEN 0 AND 359);
ALTER TABLE "Checklist" ADD CONSTRAINT "Checklist_due_range" CHECK ("dueMinutes" IS NULL OR "dueMinutes" BETWEEN 0 AND 1439);

-- A person is in one place at a time: their shifts never overlap, at any location.
ALTER TABLE "Shift" ADD CONSTRAINT "Shift_ends_after_start" CHECK ("endsAt" > "startsAt");
ALTER TABLE "Shift" ADD CONSTRAINT "Shift_no_overlap"
  EXCLUDE USING gist ("userId" WITH =, tsrange("startsAt", "endsAt") WITH &&);

-- One open punch per person; punches never overlap; a punch ends after it starts.
ALTER TABLE "TimePunch" ADD CONSTRAINT "TimePunch_out_after_in" CHECK ("clockOutAt" IS NULL OR "clockOutAt" > "clockInAt");
CREATE UNIQUE INDEX "TimePunch_one_open_per_user" ON "TimePunch"("userId") WHERE "clockOutAt" IS NULL;
ALTER TABLE "TimePunch" ADD CONSTRAINT "TimePunch_no_overlap"
  EXCLUDE USING gist ("userId" WITH =, tsrange("clockInAt", COALESCE("clockOutAt", 'infinity'::timestamp)) WITH &&);

ALTER TABLE "TimeBreak" ADD CONSTRAINT "TimeBreak_end_after_start" CHECK ("endedAt" IS NULL OR "endedAt" > "startedAt");
CREATE UNIQUE INDEX "TimeBreak_one_open_per_punch" ON "TimeBreak"("punchId") WHERE "endedAt" IS NULL;
