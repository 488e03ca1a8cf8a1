import type { Prisma } from "@/generated/prisma/client";

/** What may be shown of a token anywhere (console list, personal-data export): never its hash. */
export const API_TOKEN_METADATA = {
  id: true,
  name: true,
  prefix: true,
  scopes: true,
  createdAt: true,
  expiresAt: true,
  lastUsedAt: true,
} satisfies Prisma.ApiTokenSelect;
