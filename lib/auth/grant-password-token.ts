import "server-only";
import { z } from "zod";
import { db } from "../db";
import { AppError } from "../errors";
import { text } from "../validation";
import { countedAuthAttempt } from "./auth-metrics";
import { authenticateStaff, type SignInMeta } from "./authenticate-staff";
import { issueTokenPair, type TokenResponse } from "./issue-token-pair";
import { OAuthError } from "./oauth-error";
import { parseScopeString } from "./scopes";

export const passwordGrantSchema = z.object({
  grant_type: z.literal("password"),
  email: text("Enter the email").trim().toLowerCase().email("Enter a valid email").max(254),
  password: text("Enter the password").min(1, "Enter the password").max(1024),
  /** Space-separated (OAuth): `orders:write kitchen:read`. Missing = every scope. */
  scope: text().max(500).optional(),
  /** The client's label for itself, shown with the session ("Bar iPad"). */
  device: text().trim().max(60, "60 characters at most").optional(),
});
export type PasswordGrantInput = z.infer<typeof passwordGrantSchema>;

/**
 * OAuth2 password grant: the same credential check as the sign-in page (argon2id, lockout,
 * audit, `auth_attempts_total`), which also opens the server-side session the refresh tokens
 * hang on. Wrong credentials and a locked account are both `invalid_grant`.
 */
export async function grantPasswordToken(input: PasswordGrantInput, meta: SignInMeta): Promise<TokenResponse> {
  const parsedScope = parseScopeString(input.scope);
  if ("unknown" in parsedScope)
    throw new OAuthError("invalid_scope", `Unknown scope: ${parsedScope.unknown.join(" ")}`);
  const device = input.device || null;
  let staff;
  try {
    staff = await countedAuthAttempt("password", () =>
      authenticateStaff(
        { email: input.email, password: input.password },
        { ...meta, userAgent: device ? `API client: ${device}` : meta.userAgent },
      ),
    );
  } catch (error) {
    if (error instanceof AppError && ["UNAUTHENTICATED", "LOCKED", "VALIDATION"].includes(error.code))
      throw new OAuthError("invalid_grant", error.message);
    throw error;
  }
  const session = await db.userSession.findUniqueOrThrow({
    where: { id: staff.sessionId },
    select: { expiresAt: true },
  });
  return issueTokenPair(
    {
      userId: staff.id,
      locationId: staff.locationId,
      role: staff.role,
      sessionId: staff.sessionId,
      sessionVersion: staff.sessionVersion,
      expiresAt: session.expiresAt,
    },
    parsedScope.scopes,
    device,
  );
}
