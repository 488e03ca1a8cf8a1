# syntax=docker/dockerfile:1
# Production images of the kitchen platform, two targets of one build (docs/adr/0044):
#   runtime (default)  the app: Next's standalone server (`node server.js`), health at /api/health/ready
#   tools              `migrate` (prisma migrate deploy, once per release) and `realtime` (the
#                      Pusher-protocol server): they need prisma and tsx, which the app does not
#   docker build -t kitchen-platform .  &&  docker build --target tools -t kitchen-platform-tools .
# Both run as the image's `node` user (uid 1000) on a read-only root filesystem: the only writable
# paths are /tmp and /app/.next/cache (mount a tmpfs or volume there). See docs/runbook.md.

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

# ---- build: next build with standalone output, then drop dev dependencies for the tools image ----
FROM deps AS build
COPY . .
ENV NEXT_OUTPUT=standalone
RUN npx next build \
 && npm prune --omit=dev --no-audit --no-fund \
 && npm cache clean --force

# ---- tools: migrations and the realtime server (pruned node_modules, no .next) ----
FROM ${NODE_IMAGE} AS tools
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1
WORKDIR /app
COPY --from=build --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/generated ./generated
COPY --from=build --chown=root:root /app/prisma ./prisma
COPY --from=build --chown=root:root /app/realtime-server ./realtime-server
COPY --from=build --chown=root:root /app/scripts/realtime-server.ts ./scripts/realtime-server.ts
COPY --from=build --chown=root:root /app/lib/env-schema.mjs ./lib/env-schema.mjs
COPY --from=build --chown=root:root /app/package.json /app/prisma.config.ts /app/tsconfig.json ./
COPY --chown=root:root deploy/docker/entrypoint.sh /usr/local/bin/kitchen-entrypoint
RUN chmod 0755 /usr/local/bin/kitchen-entrypoint
USER node
EXPOSE 6001
HEALTHCHECK --interval=15s --timeout=5s --start-period=10s --retries=3 CMD ["kitchen-entrypoint", "healthcheck"]
ENTRYPOINT ["kitchen-entrypoint"]
CMD ["realtime"]

# ---- runtime: the standalone server only (traced node_modules, static assets, migrations) ----
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0
WORKDIR /app
COPY --from=build --chown=root:root /app/.next/standalone ./
COPY --from=build --chown=root:root /app/.next/static ./.next/static
COPY --from=build --chown=root:root /app/public ./public
# /api/health/ready compares prisma/migrations with _prisma_migrations (also traced; copied to be sure).
COPY --from=build --chown=root:root /app/prisma/migrations ./prisma/migrations
COPY --chown=root:root deploy/docker/entrypoint.sh /usr/local/bin/kitchen-entrypoint
# Nothing in /app is writable by `node` except Next's cache directory.
RUN chmod 0755 /usr/local/bin/kitchen-entrypoint \
 && mkdir -p .next/cache && chown -R node:node .next/cache
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 CMD ["kitchen-entrypoint", "healthcheck"]
ENTRYPOINT ["kitchen-entrypoint"]
CMD ["app"]
