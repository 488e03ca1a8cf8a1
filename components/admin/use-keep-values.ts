"use client";

import { startTransition, type FormEvent } from "react";

/**
 * React 19 resets a <form action={…}> after every submission, which would wipe what the user
 * typed when the server answers with field errors. Submitting through this handler keeps the
 * values (the `action` prop stays for submissions before hydration).
 */
export function keepValuesOnSubmit(formAction: (fd: FormData) => void) {
  return (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const fd = new FormData(e.currentTarget, (e.nativeEvent as SubmitEvent).submitter);
    startTransition(() => formAction(fd));
  };
}
