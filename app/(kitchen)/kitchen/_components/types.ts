import type { Jsonify } from "@/lib/jsonify";
export type { Jsonify };
