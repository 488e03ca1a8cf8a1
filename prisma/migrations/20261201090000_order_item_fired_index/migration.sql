-- Reports over a period of fired lines (learned prep times, kitchen performance; issue 14).
CREATE INDEX "OrderItem_locationId_firedAt_idx" ON "OrderItem"("locationId", "firedAt");
