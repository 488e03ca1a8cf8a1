#!/bin/sh
# Container entrypoint: `app` (default), `migrate`, `realtime`, or any other command as given.
# MIGRATE_ON_START=true makes `app` migrate first (single-instance setups); with two or more
# instances run `migrate` once as its own step (compose service, Helm hook) instead.
set -eu
cd /app

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
  *)
    exec "$@"
    ;;
esac
