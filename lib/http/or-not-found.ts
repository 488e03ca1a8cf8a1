import "server-only";
import { notFound } from "next/navigation";
import { AppError, type ErrorCode } from "../errors";

/** For pages: a use case's NOT_FOUND (or another listed code, e.g. a malformed id) shows the 404 page. */
export async function orNotFound<T>(work: Promise<T>, codes: readonly ErrorCode[] = ["NOT_FOUND"]): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof AppError && codes.includes(error.code)) notFound();
    throw error;
  }
}
