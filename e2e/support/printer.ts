import { E2E_CONTROL_PORT } from "./e2e-env";

export type PrintedJob = { lines: string[]; cuts: number; qr: string[] };

/** The e2e server's pretend network printer: its TCP port and every job it received, decoded. */
export async function readPrinter(): Promise<{ port: number; jobs: PrintedJob[] }> {
  const res = await fetch(`http://127.0.0.1:${E2E_CONTROL_PORT}/printer`);
  if (!res.ok) throw new Error(`printer read failed: ${res.status}`);
  return (await res.json()) as { port: number; jobs: PrintedJob[] };
}
