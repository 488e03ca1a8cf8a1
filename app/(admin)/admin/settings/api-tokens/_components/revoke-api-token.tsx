"use client";

import { ConfirmRevokeButton } from "@/components/admin/confirm-revoke-button";
import { revokeApiTokenAction } from "../actions";

/** Revoke asks once more (the integration stops working at its next request), then ends it at once. */
export function RevokeApiToken({ tokenId, name }: { tokenId: string; name: string }) {
  return <ConfirmRevokeButton name={name} revoke={() => revokeApiTokenAction({ tokenId })} />;
}
