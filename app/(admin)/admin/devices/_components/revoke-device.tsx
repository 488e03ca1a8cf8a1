"use client";

import { ConfirmRevokeButton } from "@/components/admin/confirm-revoke-button";
import { revokeDeviceAction } from "../actions";

/**
 * Revoke asks once more (nobody can switch on the device any more, and whoever is signed in there
 * is signed out), then ends it at once.
 */
export function RevokeDevice({ deviceId, name }: { deviceId: string; name: string }) {
  return <ConfirmRevokeButton name={name} revoke={() => revokeDeviceAction({ deviceId })} />;
}
