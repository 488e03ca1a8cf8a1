"use server";

import { publicAction } from "@/lib/http/action";

import { resetPassword, resetPasswordSchema } from "@/lib/auth/reset-password";

export const resetPasswordAction = publicAction({ input: resetPasswordSchema }, resetPassword);
