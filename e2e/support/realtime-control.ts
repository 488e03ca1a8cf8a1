import { E2E_CONTROL_PORT } from "./e2e-env";

async function call(action: "stop" | "start" | "status"): Promise<{ up: boolean }> {
  const res = await fetch(`http://127.0.0.1:${E2E_CONTROL_PORT}/realtime/${action}`, {
    method: action === "status" ? "GET" : "POST",
  });
  if (!res.ok) throw new Error(`realtime ${action} failed: ${res.status}`);
  return (await res.json()) as { up: boolean };
}

/** Simulate a realtime outage (the e2e server closes every socket and stops listening). */
export const stopRealtime = () => call("stop");
export const startRealtime = () => call("start");
export const realtimeStatus = () => call("status");
