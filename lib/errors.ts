/** One error type for every use case; transports map `code` to a status. */
export const errorStatus = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  /** A guest's table PIN was not accepted (same answer whether or not the table has a session). */
  PIN_REFUSED: 401,
  /** A guest endpoint without a joined phone's cookie. */
  GUEST_SESSION_REQUIRED: 401,
  /** An online-ordering endpoint without a verified customer's cookie. */
  CUSTOMER_SESSION_REQUIRED: 401,
  /** A blocked customer or phone asked for what the block forbids. */
  CUSTOMER_BLOCKED: 403,
  /** A delivery address outside every delivery area. */
  OUTSIDE_DELIVERY_AREA: 422,
  /** An online order below its delivery area's minimum (the message says how much is missing). */
  BELOW_MINIMUM_ORDER: 422,
  /** The requested online-order slot (or ASAP's) is full: the kitchen takes no more orders then. */
  SLOT_FULL: 409,
  FORBIDDEN: 403,
  CROSS_SITE_REQUEST: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_STATE: 409,
  IN_PROGRESS: 409,
  /** A guest cart edit made on an older version of the cart (the answer carries the current one). */
  VERSION_CONFLICT: 409,
  /** Another phone at the table is sending the shared cart. */
  CHECKOUT_IN_PROGRESS: 409,
  OUT_OF_STOCK: 409,
  UNAVAILABLE_ITEM: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  IDEMPOTENCY_MISMATCH: 422,
  LOCKED: 423,
  /** The table's guest session has closed. */
  SESSION_ENDED: 410,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  NOT_READY: 503,
  /** A dependency (the database) is down or timing out: transient, retry later. */
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;
export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors?: FieldErrors,
    readonly details?: Record<string, unknown>,
    /** Response headers the transport sends with the error (Retry-After, RateLimit…). */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export const notFound = (what = "Resource") => new AppError("NOT_FOUND", `${what} not found`);
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}
