"use client";

import { createContext, useContext, useMemo, useState, type ReactNode } from "react";

/**
 * The party the host is about to seat, shared by the host stand's panels: the reservation
 * timeline or the waitlist selects a party, the floor plan highlights the suggested tables and
 * seats it with one tap through `seat`, which the selecting panel supplies. The panels never
 * import each other.
 */
export type HostParty = {
  kind: "reservation" | "waitlist";
  id: string;
  name: string;
  partySize: number;
  /** Seats the party at these tables (one, or several to be merged); throws an Error with a message. */
  seat: (tableIds: string[]) => Promise<void>;
};

type HostSelection = {
  party: HostParty | null;
  select: (party: HostParty | null) => void;
};

const Context = createContext<HostSelection | null>(null);

export function HostSelectionProvider({ children }: { children: ReactNode }) {
  const [party, select] = useState<HostParty | null>(null);
  const value = useMemo(() => ({ party, select }), [party]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useHostSelection(): HostSelection {
  const value = useContext(Context);
  if (!value) throw new Error("useHostSelection outside HostSelectionProvider");
  return value;
}
