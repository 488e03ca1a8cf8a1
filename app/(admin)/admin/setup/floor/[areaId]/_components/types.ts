import type { CreateTableInput, UpdateTableInput } from "@/lib/tables/table-fields";

export type TableShape = "SQUARE" | "ROUND" | "RECT";

/** A table as GET /api/v1/areas/:id sends it (dates as strings). */
export type PlanTable = {
  id: string;
  areaId: string;
  label: string;
  seats: number;
  shape: TableShape;
  posX: number;
  posY: number;
  width: number;
  height: number;
  rotation: number;
  archivedAt: string | null;
  hasOpenOrder: boolean;
};
export type AreaPlan = { id: string; name: string; archivedAt: string | null; tables: PlanTable[] };
export type CreateInput = CreateTableInput;
export type TableChangesInput = UpdateTableInput["changes"];

export const SHAPE_LABEL: Record<TableShape, string> = { SQUARE: "Square", ROUND: "Round", RECT: "Rectangle" };
