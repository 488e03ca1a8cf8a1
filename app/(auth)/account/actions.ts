"use server";

import { action } from "@/lib/http/action";

import { changePassword, changePasswordSchema } from "@/lib/staff/change-password";
import { signOutEverywhere, signOutEverywhereSchema } from "@/lib/auth/sign-out-everywhere";
import { setMyPin, setMyPinSchema } from "@/lib/staff/set-pin";

export const changePasswordAction = action(
  { permission: "staff.signedIn", input: changePasswordSchema },
  changePassword,
);

export const signOutEverywhereAction = action(
  { permission: "staff.signedIn", input: signOutEverywhereSchema },
  signOutEverywhere,
);

export const setMyPinAction = action({ permission: "staff.signedIn", input: setMyPinSchema }, async (ctx, input) => {
  const { pinSetAt } = await setMyPin(ctx, input);
  return { pinSetAt: pinSetAt.toISOString() };
});
