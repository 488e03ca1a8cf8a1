import type { StationSnapshot } from "@/lib/kitchen/get-station-snapshot";
import type { Jsonify } from "./types";

/** A station's snapshot as the browser receives it (dates as strings). */
export type SnapshotView = Jsonify<StationSnapshot>;
