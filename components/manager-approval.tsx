"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { PinPad } from "@/components/ui/pin-pad";
import type { ApprovalInput } from "@/lib/staff/approval-schema";

export type ApproverView = { userId: string; name: string; role: string };

/**
 * A manager approves on the device in hand, without switching who is signed in: pick the manager,
 * they type their PIN (or their email and password when they have no PIN here). The parent sends
 * the approval with the action itself (the server verifies both in one request) and passes back
 * the answer: `error` for the pad, `shake` bumped on a wrong PIN. Reused by voids, comps, refunds.
 */
export function ManagerApproval({
  approvers,
  onApprove,
  pending,
  error,
  shake = 0,
  submitLabel = "Approve",
}: {
  approvers: ApproverView[];
  onApprove: (approval: ApprovalInput) => void;
  pending: boolean;
  error: string | null;
  shake?: number;
  submitLabel?: string;
}) {
  const [chosen, setChosen] = useState<ApproverView | null>(approvers.length === 1 ? approvers[0] : null);
  const [mode, setMode] = useState<"pin" | "password">(approvers.length ? "pin" : "password");

  function onPassword(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    e.stopPropagation();
    const form = new FormData(e.currentTarget);
    onApprove({ email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") });
  }

  if (mode === "password")
    return (
      <form onSubmit={onPassword} className="space-y-3" noValidate data-testid="approval-password">
        <p className="font-semibold">A manager signs this off with their email and password.</p>
        <div>
          <label htmlFor="approver-email" className="mb-1 block text-sm font-medium">
            Manager&apos;s email
          </label>
          <input
            id="approver-email"
            name="email"
            type="email"
            autoComplete="off"
            className="min-h-12 w-full rounded-xl border-2 border-gray-300 px-3 text-lg"
          />
        </div>
        <div>
          <label htmlFor="approver-password" className="mb-1 block text-sm font-medium">
            Manager&apos;s password
          </label>
          <input
            id="approver-password"
            name="password"
            type="password"
            autoComplete="off"
            className="min-h-12 w-full rounded-xl border-2 border-gray-300 px-3 text-lg"
          />
        </div>
        {error && (
          <p role="alert" className="font-semibold text-red-700">
            {error}
          </p>
        )}
        <div className="flex flex-wrap items-center justify-between gap-2">
          {approvers.length > 0 ? (
            <button type="button" onClick={() => setMode("pin")} className="min-h-11 font-semibold underline">
              Use a manager&apos;s PIN instead
            </button>
          ) : (
            <span />
          )}
          <Button type="submit" disabled={pending}>
            {pending ? "Checking…" : submitLabel}
          </Button>
        </div>
      </form>
    );

  return (
    <div className="space-y-3" data-testid="approval-pin">
      <fieldset>
        <legend className="mb-2 font-semibold">Which manager approves?</legend>
        <div className="flex flex-wrap gap-2">
          {approvers.map((a) => (
            <button
              key={a.userId}
              type="button"
              aria-pressed={chosen?.userId === a.userId}
              onClick={() => setChosen(a)}
              className={`min-h-12 rounded-xl border-2 px-4 text-lg font-semibold ${chosen?.userId === a.userId ? "border-gray-900 bg-gray-900 text-white" : "border-gray-300 bg-white"}`}
            >
              {a.name}
            </button>
          ))}
        </div>
      </fieldset>
      {chosen ? (
        <PinPad
          key={chosen.userId}
          label={`${chosen.name}, enter your PIN`}
          onSubmit={(pin) => onApprove({ approverId: chosen.userId, pin })}
          pending={pending}
          error={error}
          shake={shake}
          submitLabel={submitLabel}
          compact
        />
      ) : (
        error && (
          <p role="alert" className="font-semibold text-red-700">
            {error}
          </p>
        )
      )}
      <button type="button" onClick={() => setMode("password")} className="min-h-11 font-semibold underline">
        No PIN? Use the manager&apos;s email and password
      </button>
    </div>
  );
}
