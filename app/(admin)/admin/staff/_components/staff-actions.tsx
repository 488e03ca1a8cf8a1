"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/http/action";
import { deactivateStaffAction, issueResetLinkAction, reactivateStaffAction, unlockStaffAction } from "../actions";

type Member = { id: string; name: string; active: boolean; locked: boolean; self: boolean };

/** Account actions on one staff member: reset link (shown once), unlock, deactivate/reactivate. */
export function StaffActions({ member }: { member: Member }) {
  const [pending, start] = useTransition();
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const [link, setLink] = useState<{ url: string; expiresAt: string } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [copied, setCopied] = useState(false);

  function run<T>(act: () => Promise<ActionResult<T>>, done: (data: T) => string) {
    setOutcome(null);
    start(async () => {
      const r = await act();
      setConfirming(false);
      setOutcome(r.ok ? { ok: true, text: done(r.data) } : { ok: false, text: r.error });
    });
  }

  return (
    <section
      aria-labelledby="account-heading"
      className="max-w-xl space-y-4 rounded-xl border border-gray-200 bg-white p-5"
    >
      <h2 id="account-heading" className="text-lg font-bold">
        Account
      </h2>
      <div className="flex flex-wrap gap-2">
        {member.active && (
          <Button
            variant="secondary"
            disabled={pending}
            onClick={() =>
              run(
                () => issueResetLinkAction({ id: member.id }),
                (d) => {
                  setLink({ url: d.link, expiresAt: d.expiresAt });
                  setCopied(false);
                  return `Reset link created and mailed to ${member.name}`;
                },
              )
            }
          >
            Issue reset link
          </Button>
        )}
        {member.locked && (
          <Button
            variant="secondary"
            disabled={pending}
            onClick={() =>
              run(
                () => unlockStaffAction({ id: member.id }),
                () => "Unlocked: they can sign in again",
              )
            }
          >
            Unlock
          </Button>
        )}
        {!member.active && (
          <Button
            variant="secondary"
            disabled={pending}
            onClick={() =>
              run(
                () => reactivateStaffAction({ id: member.id }),
                () => "Reactivated",
              )
            }
          >
            Reactivate
          </Button>
        )}
        {member.active && !member.self && !confirming && (
          <Button variant="danger" disabled={pending} onClick={() => setConfirming(true)}>
            Deactivate
          </Button>
        )}
      </div>
      {confirming && (
        <div role="alertdialog" aria-labelledby="confirm-text" className="space-y-3 rounded-lg bg-red-50 p-4">
          <p id="confirm-text" className="font-medium text-red-900">
            Deactivate {member.name}? They are signed out everywhere at once and cannot sign in until reactivated.
          </p>
          <div className="flex gap-2">
            <Button
              variant="danger"
              autoFocus
              disabled={pending}
              onClick={() =>
                run(
                  () => deactivateStaffAction({ id: member.id }),
                  () => "Deactivated and signed out everywhere",
                )
              }
            >
              Yes, deactivate
            </Button>
            <Button variant="secondary" onClick={() => setConfirming(false)}>
              Keep active
            </Button>
          </div>
        </div>
      )}
      {outcome && (
        <p
          role={outcome.ok ? "status" : "alert"}
          data-testid="staff-action-outcome"
          className={`rounded-lg p-3 text-sm font-medium ${outcome.ok ? "bg-green-50 text-green-800" : "bg-red-50 text-red-800"}`}
        >
          {outcome.text}
        </p>
      )}
      {link && (
        <div className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-4">
          <label htmlFor="reset-link" className="block text-sm font-semibold text-amber-950">
            Reset link, shown only now (expires {new Date(link.expiresAt).toLocaleTimeString()})
          </label>
          <div className="flex gap-2">
            <input
              id="reset-link"
              readOnly
              value={link.url}
              onFocus={(e) => e.currentTarget.select()}
              className="min-h-11 w-full rounded-lg border border-amber-300 bg-white px-3 font-mono text-sm"
            />
            <Button
              variant="secondary"
              onClick={() => void navigator.clipboard?.writeText(link.url).then(() => setCopied(true))}
            >
              {copied ? "Copied" : "Copy"}
            </Button>
          </div>
        </div>
      )}
    </section>
  );
}
