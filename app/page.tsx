import { redirect } from "next/navigation";
import { currentCtx } from "@/lib/auth/session";
import { homeFor } from "@/lib/auth/roles";

export default async function Home() {
  const ctx = await currentCtx();
  redirect(ctx ? homeFor(ctx.role) : "/login");
}
