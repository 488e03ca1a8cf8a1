import { randomUUID } from "node:crypto";

/** A short random suffix: built rows get unique names and slugs, so tests never collide. */
export const tag = (): string => randomUUID().slice(0, 8);
