-- The public booking page asks parties larger than it books to call: the restaurant's own number.
-- AlterTable
ALTER TABLE "Location" ADD COLUMN     "phone" TEXT;

ALTER TABLE "Location" ADD CONSTRAINT "Location_phone_length" CHECK ("phone" IS NULL OR char_length("phone") BETWEEN 1 AND 40);
