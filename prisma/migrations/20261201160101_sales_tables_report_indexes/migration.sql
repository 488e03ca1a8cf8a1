-- CreateIndex
CREATE INDEX "Order_locationId_openedAt_idx" ON "Order"("locationId", "openedAt");

-- CreateIndex
CREATE INDEX "Order_locationId_closedAt_idx" ON "Order"("locationId", "closedAt");

-- CreateIndex
CREATE INDEX "Reservation_orderId_idx" ON "Reservation"("orderId");
