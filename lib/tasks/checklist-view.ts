import type { Prisma } from "@/generated/prisma/client";
import type { ChecklistKind, Role } from "@/generated/prisma/enums";
import { dueTimeOf } from "./schemas";

export const CHECKLIST_SELECT = {
  id: true,
  name: true,
  kind: true,
  stationId: true,
  role: true,
  dueMinutes: true,
  archivedAt: true,
  station: { select: { name: true } },
  tasks: {
    where: { archivedAt: null },
    select: { id: true, label: true },
    orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
  },
} satisfies Prisma.ChecklistSelect;

export type ChecklistRow = {
  id: string;
  name: string;
  kind: ChecklistKind;
  stationId: string | null;
  role: Role | null;
  dueMinutes: number | null;
  archivedAt: Date | null;
  station: { name: string } | null;
  tasks: { id: string; label: string }[];
};

/** A checklist as the editor and the API show it (due time as "HH:MM"). */
export const checklistView = ({ station, dueMinutes, ...c }: ChecklistRow) => ({
  ...c,
  stationName: station?.name ?? null,
  dueTime: dueTimeOf(dueMinutes),
});
