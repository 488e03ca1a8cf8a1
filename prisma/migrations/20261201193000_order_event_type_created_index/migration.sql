-- CreateIndex
CREATE INDEX "OrderEvent_locationId_type_createdAt_idx" ON "OrderEvent"("locationId", "type", "createdAt");
