"use server";

import { publicAction } from "@/lib/http/action";

import { requestPasswordReset, requestPasswordResetSchema } from "@/lib/auth/request-password-reset";

export const requestPasswordResetAction = publicAction({ input: requestPasswordResetSchema }, requestPasswordReset);
