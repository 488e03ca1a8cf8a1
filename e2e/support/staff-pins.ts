import { E2E_CONTROL_PORT } from "./e2e-env";

/** Give a demo staff member a quick-switch PIN at the demo restaurant (through the e2e server's control port). */
export async function setDemoPin(email: string, pin: string): Promise<void> {
  const res = await fetch(`http://127.0.0.1:${E2E_CONTROL_PORT}/staff/pin`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, pin }),
  });
  if (!res.ok) throw new Error(`setting the PIN of ${email} failed: ${res.status}`);
}
