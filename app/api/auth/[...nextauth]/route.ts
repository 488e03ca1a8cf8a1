import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/auth-options";
import { throttleSignIn } from "@/lib/auth/sign-in-throttle";

type Segment = { params: Promise<{ nextauth: string[] }> };

const handler = NextAuth(authOptions);

export const GET = handler;

export async function POST(req: NextRequest, segment: Segment) {
  const { nextauth } = await segment.params;
  if (nextauth.join("/") === "callback/credentials") {
    const refused = await throttleSignIn(req);
    if (refused) return refused;
  }
  return handler(req, segment);
}
