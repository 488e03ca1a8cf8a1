import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

// A config file turns off Prisma's own .env loading, so load it here (without overriding).
for (const file of [".env.local", ".env"]) {
  const p = path.join(process.cwd(), file);
  if (!existsSync(p)) continue;
  for (const line of readFileSync(p, "utf8").split("\n")) {
    const m = /^\s*([A-Z0-9_]+)\s*=\s*(.*)\s*$/.exec(line);
    if (m && process.env[m[1]] === undefined) process.env[m[1]] = m[2].replace(/^["']|["']$/g, "");
  }
}

// `prisma generate` needs no database, but without a URL the CLI falls back to downloading
// Rust engines (impossible offline). A placeholder keeps it on the JS engine.
process.env.DATABASE_URL ??= "postgresql://placeholder@127.0.0.1:5432/placeholder";

type ScriptAdapter = {
  client: { query(sql: string): Promise<unknown> };
  onError(error: unknown): never;
  executeScript(script: string): Promise<void>;
};

/**
 * adapter-pg's executeScript splits migrations on every ";", which breaks function bodies
 * ($$ … $$). Postgres' simple-query protocol runs a whole multi-statement script in one
 * round trip (and one implicit transaction), so send it unsplit. See docs/adr/0001.
 */
class ScriptSafePrismaPg extends PrismaPg {
  override async connect() {
    const adapter = await super.connect();
    const raw = adapter as unknown as ScriptAdapter;
    raw.executeScript = async (script: string) => {
      try {
        await raw.client.query(script);
      } catch (error) {
        raw.onError(error);
      }
    };
    return adapter;
  }
}

export default defineConfig({
  schema: "prisma/schema.prisma",
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => (console.error("ALT CONFIG"), new ScriptSafePrismaPg({ connectionString: process.env.DATABASE_URL, idleTimeoutMillis: 200 })),
});
