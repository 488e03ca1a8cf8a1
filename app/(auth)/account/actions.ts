"use server";

import { action } from "@/lib/http/action";
import { ROLES } from "@/lib/auth/roles";
import { changePassword, changePasswordSchema } from "@/lib/staff/change-password";
import { signOutEverywhere, signOutEverywhereSchema } from "@/lib/auth/sign-out-everywhere";

export const changePasswordAction = action({ roles: ROLES, input: changePasswordSchema }, changePassword);

export const signOutEverywhereAction = action({ roles: ROLES, input: signOutEverywhereSchema }, signOutEverywhere);
