"use client";

import { useSyncExternalStore } from "react";

const noop = () => () => {};

/**
 * False in the server render and during hydration, true once React owns the page. A form's submit
 * button waits for it: a tap before hydration would submit natively (a GET with the fields in the
 * URL) instead of running the action.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );
}
