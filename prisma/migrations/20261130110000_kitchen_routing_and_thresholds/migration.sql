-- AlterTable
ALTER TABLE "KitchenStation" ADD COLUMN     "lateMinutes" INTEGER,
ADD COLUMN     "showOnExpo" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "warnMinutes" INTEGER;

-- AlterTable
ALTER TABLE "Modifier" ADD COLUMN     "recipeItemId" TEXT,
ADD COLUMN     "removesIngredientId" TEXT,
ADD COLUMN     "stationId" TEXT;

-- AlterTable
ALTER TABLE "OrderItemModifier" ADD COLUMN     "bumpedAt" TIMESTAMP(3),
ADD COLUMN     "stationId" TEXT;

-- CreateIndex
CREATE INDEX "OrderItemModifier_stationId_bumpedAt_idx" ON "OrderItemModifier"("stationId", "bumpedAt");

-- AddForeignKey
ALTER TABLE "Modifier" ADD CONSTRAINT "Modifier_stationId_fkey" FOREIGN KEY ("stationId") REFERENCES "KitchenStation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Modifier" ADD CONSTRAINT "Modifier_recipeItemId_fkey" FOREIGN KEY ("recipeItemId") REFERENCES "MenuItem"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Modifier" ADD CONSTRAINT "Modifier_removesIngredientId_fkey" FOREIGN KEY ("removesIngredientId") REFERENCES "Ingredient"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderItemModifier" ADD CONSTRAINT "OrderItemModifier_stationId_fkey" FOREIGN KEY ("stationId") REFERENCES "KitchenStation"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Hand-written: rules Prisma cannot express.
ALTER TABLE "KitchenStation" ADD CONSTRAINT "KitchenStation_kds_thresholds" CHECK (
  ("warnMinutes" IS NULL) = ("lateMinutes" IS NULL)
  AND ("warnMinutes" IS NULL OR ("warnMinutes" > 0 AND "lateMinutes" > "warnMinutes" AND "lateMinutes" <= 240))
);
-- A removal ("no onions") is made by nobody: it cannot also route to a station or a dish.
ALTER TABLE "Modifier" ADD CONSTRAINT "Modifier_removal_not_routed" CHECK (
  "removesIngredientId" IS NULL OR ("stationId" IS NULL AND "recipeItemId" IS NULL)
);
