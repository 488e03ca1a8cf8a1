import type { FormHTMLAttributes, ReactNode } from "react";
import type { SaveMessage } from "./use-save-state";

// The frame of the console's client-side editors (purchase order, receiving, recipe, modifier
// group, availability window): a form that saves through a server action, and its button row.

/** The browser's own validation is off (the server's field messages show instead); submitting runs `onSave`. */
export function EditorForm({
  onSave,
  ...props
}: Omit<FormHTMLAttributes<HTMLFormElement>, "onSubmit" | "noValidate"> & { onSave: () => void }) {
  return (
    <form
      {...props}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSave();
      }}
    />
  );
}

/** The editor's buttons, then the outcome of the last save: a status, or an alert when it failed. */
export function EditorActions({ message, children }: { message: SaveMessage | null; children: ReactNode }) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      {children}
      {message && (
        <span
          role={message.ok ? "status" : "alert"}
          className={`text-sm font-medium ${message.ok ? "text-green-700" : "text-red-700"}`}
        >
          {message.text}
        </span>
      )}
    </div>
  );
}
