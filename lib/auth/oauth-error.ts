import type { FieldErrors } from "../errors";

export type OAuthErrorCode =
  | "invalid_request"
  | "invalid_grant"
  | "invalid_scope"
  | "unsupported_grant_type"
  | "slow_down"
  | "temporarily_unavailable";

/** An RFC 6749 §5.2 error of the token endpoint: `{ error, error_description }`, never a 500. */
export class OAuthError extends Error {
  constructor(
    readonly code: OAuthErrorCode,
    message: string,
    readonly status = 400,
    readonly fieldErrors?: FieldErrors,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = "OAuthError";
  }
}
