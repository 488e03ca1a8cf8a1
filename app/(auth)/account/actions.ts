"use server";

import { action } from "@/lib/http/action";
import { ROLES } from "@/lib/auth/roles";
import { changePassword, changePasswordSchema } from "@/lib/staff/change-password";

export const changePasswordAction = action({ roles: ROLES, input: changePasswordSchema }, changePassword);
