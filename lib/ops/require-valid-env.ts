import { env } from "@/lib/env";

/**
 * Stops the process, naming the bad variable, when the environment is invalid. For the standalone
 * server (the container image), which never runs next.config.mjs's check; Next only logs a
 * throwing instrumentation hook and keeps answering 500s.
 */
export function requireValidEnv(): void {
  try {
    env();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
