import "server-only";
import { z } from "zod";
import { db } from "../db";
import { auditAs } from "../audit/record-audit";
import { disconnectRealtimeSessions } from "../realtime/pusher-server";
import type { Ctx } from "./context";
import { revokeSessions } from "./user-sessions";

export const signOutEverywhereSchema = z.object({});
export type SignOutEverywhereInput = z.infer<typeof signOutEverywhereSchema>;

/** "Sign out everywhere": every session of the acting user ends now, this one included. */
export async function signOutEverywhere(ctx: Ctx, _input: SignOutEverywhereInput = {}): Promise<{ revoked: number }> {
  const revoked = await db.$transaction(async (tx) => {
    const ids = await revokeSessions({ userId: ctx.userId }, tx);
    await auditAs(ctx, { action: "auth.sign_out_everywhere", details: { revoked: ids.length } }, tx);
    return ids;
  });
  await disconnectRealtimeSessions(revoked);
  return { revoked: revoked.length };
}
