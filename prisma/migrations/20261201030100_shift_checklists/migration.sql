-- CreateTable
CREATE TABLE "ShiftChecklist" (
    "shiftId" TEXT NOT NULL,
    "checklistId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ShiftChecklist_pkey" PRIMARY KEY ("shiftId","checklistId")
);

-- CreateIndex
CREATE INDEX "ShiftChecklist_checklistId_idx" ON "ShiftChecklist"("checklistId");

-- AddForeignKey
ALTER TABLE "ShiftChecklist" ADD CONSTRAINT "ShiftChecklist_shiftId_fkey" FOREIGN KEY ("shiftId") REFERENCES "Shift"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShiftChecklist" ADD CONSTRAINT "ShiftChecklist_checklistId_fkey" FOREIGN KEY ("checklistId") REFERENCES "Checklist"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A shift and the checklist handed to it belong to one location: the database refuses a mix.
CREATE FUNCTION "ShiftChecklist_same_location"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (SELECT "locationId" FROM "Shift" WHERE "id" = NEW."shiftId")
     IS DISTINCT FROM (SELECT "locationId" FROM "Checklist" WHERE "id" = NEW."checklistId") THEN
    RAISE EXCEPTION 'ShiftChecklist_same_location: shift % and checklist % are at different locations',
      NEW."shiftId", NEW."checklistId" USING ERRCODE = '23514';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "ShiftChecklist_same_location" BEFORE INSERT OR UPDATE ON "ShiftChecklist"
  FOR EACH ROW EXECUTE FUNCTION "ShiftChecklist_same_location"();
