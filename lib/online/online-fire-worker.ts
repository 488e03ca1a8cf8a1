import "server-only";
import { pollingWorker } from "../ops/polling-worker";
import { fireDueOnlineOrders } from "./fire-due-online-orders";

const worker = pollingWorker("online order fire worker", 20_000, async () => (await fireDueOnlineOrders()).more);

/** Started once per server process (instrumentation.ts): fires scheduled online orders when due. */
export const startOnlineFireWorker = worker.start;
export const kickOnlineFireWorker = worker.kick;
