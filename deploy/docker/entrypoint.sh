#!/bin/sh
# Container entrypoint: `app` (default), `migrate`, `realtime`, `healthcheck`, or any other command.
# MIGRATE_ON_START=true makes `app` migrate first (single-instance setups); with two or more
# instances run `migrate` once as its own step (compose service, Helm hook) instead.
set -eu
# KITCHEN_HOME: the image's /app, or a checkout when rehearsing outside a container.
cd "${KITCHEN_HOME:-/app}"

migrate() {
  node node_modules/prisma/build/index.js migrate deploy
}

case "${1:-app}" in
  migrate)
    migrate
    ;;
  app)
    if [ "${MIGRATE_ON_START:-false}" = "true" ]; then migrate; fi
    exec node node_modules/next/dist/bin/next start -H 0.0.0.0 -p "${PORT:-3000}"
    ;;
  realtime)
    export REALTIME_HOST="${REALTIME_HOST:-0.0.0.0}"
    exec node node_modules/tsx/dist/cli.mjs scripts/realtime-server.ts
    ;;
  healthcheck)
    # The image's HEALTHCHECK: the app's readiness, or the realtime server's /health when that is
    # what runs as PID 1 (one image, one HEALTHCHECK line for both).
    url="http://127.0.0.1:${PORT:-3000}/api/health/ready"
    if tr '\0' ' ' < /proc/1/cmdline 2>/dev/null | grep -q 'realtime-server'; then
      url="http://127.0.0.1:${REALTIME_PORT:-6001}/health"
    fi
    exec node -e 'fetch(process.argv[1]).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "$url"
    ;;
  *)
    exec "$@"
    ;;
esac
