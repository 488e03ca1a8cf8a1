-- CreateIndex
CREATE INDEX "OrderItem_locationId_voidedAt_idx" ON "OrderItem"("locationId", "voidedAt");

