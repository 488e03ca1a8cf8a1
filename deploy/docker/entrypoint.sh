#!/bin/sh
# Container entrypoint of both images (Dockerfile): `app` (default of the runtime image), `migrate`
# and `realtime` (the tools image), `healthcheck`, or any other command.
# Migrations run once per release as their own step (compose service, Helm hook): the runtime image
# carries no prisma CLI, so the app never migrates at start.
set -eu
# KITCHEN_HOME: the image's /app, or a checkout when rehearsing outside a container.
cd "${KITCHEN_HOME:-/app}"

needs() {
  if [ ! -e "$1" ]; then
    echo "kitchen-entrypoint: '$2' needs $1, which this image lacks: run it from the tools image (docker build --target tools)" >&2
    exit 64
  fi
}

case "${1:-app}" in
  migrate)
    needs node_modules/prisma/build/index.js migrate
    exec node node_modules/prisma/build/index.js migrate deploy
    ;;
  app)
    if [ -f server.js ]; then
      # The standalone server binds to $HOSTNAME, which Docker and Kubernetes set to the
      # container's name: listen everywhere instead (the HEALTHCHECK asks 127.0.0.1).
      export HOSTNAME=0.0.0.0
      exec node server.js
    fi
    # A checkout (KITCHEN_HOME) with a regular build.
    exec node node_modules/next/dist/bin/next start -H 0.0.0.0 -p "${PORT:-3000}"
    ;;
  realtime)
    needs node_modules/tsx/dist/cli.mjs realtime
    export REALTIME_HOST="${REALTIME_HOST:-0.0.0.0}"
    exec node node_modules/tsx/dist/cli.mjs scripts/realtime-server.ts
    ;;
  healthcheck)
    # The image's HEALTHCHECK: the app's readiness, or the realtime server's /health when that is
    # what runs as PID 1 (one script, one HEALTHCHECK line for both images).
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
