import { describe, expect, it } from "vitest";
import { GRID_COLS, GRID_ROWS, clampToGrid, firstFreeSpot, rotateBy, snapMove } from "./floor-grid";

describe("floor grid", () => {
  it("snaps a drag to whole cells and keeps the table inside the room", () => {
    const box = { posX: 2, posY: 2, width: 2, height: 2 };
    expect(snapMove(box, 61, -29, 40)).toEqual({ ...box, posX: 4, posY: 1 });
    expect(snapMove(box, -1000, -1000, 40)).toEqual({ ...box, posX: 0, posY: 0 });
    expect(snapMove(box, 10_000, 10_000, 40)).toEqual({ ...box, posX: GRID_COLS - 2, posY: GRID_ROWS - 2 });
  });

  it("clamps sizes to 1–6 cells", () => {
    expect(clampToGrid({ posX: 0, posY: 0, width: 0, height: 9 })).toEqual({ posX: 0, posY: 0, width: 1, height: 6 });
  });

  it("turns in 15° steps, wrapping both ways", () => {
    expect(rotateBy(0, 1)).toBe(15);
    expect(rotateBy(0, -1)).toBe(345);
    expect(rotateBy(345, 1)).toBe(0);
    expect(rotateBy(90, 6)).toBe(180);
  });

  it("finds the first free spot for a new table", () => {
    expect(firstFreeSpot([], 2, 2)).toEqual({ posX: 0, posY: 0 });
    expect(firstFreeSpot([{ posX: 0, posY: 0, width: 2, height: 2 }], 2, 2)).toEqual({ posX: 2, posY: 0 });
  });
});
