import "server-only";
import { AppError } from "../errors";
import { metrics } from "../observability/metrics";

type Kind = "password" | "pin";

function outcomeOf(error: unknown): string {
  if (!(error instanceof AppError)) return "error";
  if (error.code === "LOCKED") return "locked";
  if (error.code === "RATE_LIMITED") return "rate_limited";
  return "failure";
}

/** Runs a sign-in or PIN attempt and counts its outcome in `auth_attempts_total`. */
export async function countedAuthAttempt<T>(kind: Kind, attempt: () => Promise<T>): Promise<T> {
  try {
    const result = await attempt();
    metrics().authAttempts.inc({ kind, outcome: "success" });
    return result;
  } catch (error) {
    metrics().authAttempts.inc({ kind, outcome: outcomeOf(error) });
    throw error;
  }
}
