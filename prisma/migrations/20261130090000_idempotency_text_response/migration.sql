-- Replays must be byte-identical: jsonb normalises key order, text keeps the answer as sent.
ALTER TABLE "IdempotencyKey" ALTER COLUMN "responseBody" SET DATA TYPE TEXT USING "responseBody"::text;
