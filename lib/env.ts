import { parseEnv } from "./env-schema.mjs";

export type Env = ReturnType<typeof parseEnv>;

let cached: Env | undefined;

/** The validated environment; throws naming the bad variable. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
