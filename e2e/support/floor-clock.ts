import { E2E_CONTROL_PORT } from "./e2e-env";

/** Every party at a demo-bistro table has now been seated for `minutes` (through the e2e server's control port). */
export async function seatedFor(minutes: number): Promise<void> {
  const res = await fetch(`http://127.0.0.1:${E2E_CONTROL_PORT}/floor/seated-for`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ minutes }),
  });
  if (!res.ok) throw new Error(`ageing the floor failed: ${res.status}`);
}
