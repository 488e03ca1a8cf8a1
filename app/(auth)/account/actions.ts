"use server";

import { action } from "@/lib/http/action";

import { changePassword, changePasswordSchema } from "@/lib/staff/change-password";
import { signOutEverywhere, signOutEverywhereSchema } from "@/lib/auth/sign-out-everywhere";

export const changePasswordAction = action(
  { permission: "staff.signedIn", input: changePasswordSchema },
  changePassword,
);

export const signOutEverywhereAction = action(
  { permission: "staff.signedIn", input: signOutEverywhereSchema },
  signOutEverywhere,
);
