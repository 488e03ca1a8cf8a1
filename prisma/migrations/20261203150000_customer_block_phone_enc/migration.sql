-- AlterTable
ALTER TABLE "CustomerBlock" ADD COLUMN     "phoneEnc" TEXT;

