# syntax=docker/dockerfile:1
# Production image of the kitchen platform: one image, three commands.
#   app (default)      next start on $PORT, health at /api/health/ready
#   migrate            prisma migrate deploy (run once per release, before the app starts)
#   realtime           the Pusher-protocol server (npm run realtime), REALTIME_HOST=0.0.0.0
# See docs/adr/0039-deployment.md and docs/runbook.md.

ARG NODE_IMAGE=node:20-bookworm-slim

# ---- deps: every dependency (the build needs the dev ones: Tailwind, TypeScript) ----
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
COPY prisma ./prisma
COPY prisma.config.ts ./
# `npm install`, not `npm ci`: see README "Notes on installing". Install scripts off: the image's
# npm 10 ignores package.json "allowScripts" and would run prisma's engine downloads; the client is
# generated explicitly instead (Rust-free, docs/adr/0001). Native packages come as prebuilt binaries.
RUN npm install --no-audit --no-fund --ignore-scripts \
 && npx prisma generate

# ---- build: next build, then drop dev dependencies ----
FROM deps AS build
COPY . .
RUN npx next build \
 && npm prune --omit=dev --no-audit --no-fund \
 && npm cache clean --force

# ---- runtime: non-root, only what `next start`, the migrator and the realtime server read ----
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000
WORKDIR /app
# The image's own `node` user (uid 1000); nothing in /app is writable by it except .next/cache.
COPY --from=build --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/generated ./generated
COPY --from=build --chown=root:root /app/.next ./.next
COPY --from=build --chown=root:root /app/public ./public
# prisma/: migrate deploy reads it, and /api/health/ready compares it with _prisma_migrations.
COPY --from=build --chown=root:root /app/prisma ./prisma
COPY --from=build --chown=root:root /app/realtime-server ./realtime-server
COPY --from=build --chown=root:root /app/scripts/realtime-server.ts ./scripts/realtime-server.ts
COPY --from=build --chown=root:root /app/lib/env-schema.mjs ./lib/env-schema.mjs
COPY --from=build --chown=root:root \
     /app/package.json /app/package-lock.json /app/next.config.mjs /app/prisma.config.ts /app/tsconfig.json ./
COPY --chown=root:root deploy/docker/entrypoint.sh /usr/local/bin/kitchen-entrypoint
RUN chmod 0755 /usr/local/bin/kitchen-entrypoint \
 && mkdir -p .next/cache && chown -R node:node .next/cache
USER node
EXPOSE 3000 6001
# GET /api/health/ready for the app (the realtime command: its /health), see the entrypoint.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 CMD ["kitchen-entrypoint", "healthcheck"]
ENTRYPOINT ["kitchen-entrypoint"]
CMD ["app"]
