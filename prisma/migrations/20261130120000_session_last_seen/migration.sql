-- The idle timeout moves from the JWT to the server-side session row (ADR 0005).
ALTER TABLE "UserSession" ADD COLUMN "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
