// The floor plan's grid: tables sit on whole cells, so a tablet and the editor draw the same room
// at any screen size. Pure; read by the editor, the floor view and the use cases.

/** Cells across and down an area. Big enough for a 100-table room at 2×2 cells a table. */
export const GRID_COLS = 32;
export const GRID_ROWS = 24;
/** A table covers 1–6 cells each way. */
export const MAX_TABLE_CELLS = 6;
/** The editor turns tables in steps of this many degrees. */
export const ROTATION_STEP = 15;

export type GridBox = { posX: number; posY: number; width: number; height: number };

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, n));
}

/** Keep a table wholly inside the area. */
export function clampToGrid(box: GridBox): GridBox {
  const width = clamp(Math.round(box.width), 1, MAX_TABLE_CELLS);
  const height = clamp(Math.round(box.height), 1, MAX_TABLE_CELLS);
  return {
    width,
    height,
    posX: clamp(Math.round(box.posX), 0, GRID_COLS - width),
    posY: clamp(Math.round(box.posY), 0, GRID_ROWS - height),
  };
}

/** A drag of (dx, dy) pixels on a grid of `cellPx` cells → the snapped new position. */
export function snapMove(box: GridBox, dx: number, dy: number, cellPx: number): GridBox {
  return clampToGrid({ ...box, posX: box.posX + dx / cellPx, posY: box.posY + dy / cellPx });
}

/** Turn by `steps` rotation steps (negative = anticlockwise), kept in 0–359. */
export function rotateBy(rotation: number, steps: number): number {
  return (((rotation + steps * ROTATION_STEP) % 360) + 360) % 360;
}

/** The first free spot (top-left first) for a new table of this size, or the origin when the room is full. */
export function firstFreeSpot(
  existing: readonly GridBox[],
  width: number,
  height: number,
): { posX: number; posY: number } {
  const taken = (x: number, y: number) =>
    existing.some((b) => x < b.posX + b.width && x + width > b.posX && y < b.posY + b.height && y + height > b.posY);
  for (let y = 0; y + height <= GRID_ROWS; y++) {
    for (let x = 0; x + width <= GRID_COLS; x++) {
      if (!taken(x, y)) return { posX: x, posY: y };
    }
  }
  return { posX: 0, posY: 0 };
}
