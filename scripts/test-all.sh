#!/usr/bin/env bash
# The whole suite, as CI runs it: types, lint, format, unit, integration (real PostgreSQL + Redis),
# production build, end-to-end in Chromium. Installs/starts what is missing, then prints
# one summary line "N passed, N failed" counted from the runners' own reports.
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
mkdir -p reports
step() { printf '\n\033[1m== %s ==\033[0m\n' "$*"; }
SECONDS=0

step "Toolchain"
[ -d node_modules ] || npm install --no-audit --no-fund

if [ ! -x /usr/bin/chromium ] && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  step "Installing Debian's Chromium for Playwright"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null || echo "chromium install failed; Playwright will try its own browser"
fi
if ! command -v yamllint >/dev/null && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  step "Installing Debian's yamllint"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq yamllint >/dev/null || echo "yamllint install failed"
fi

# Services: start the machine's PostgreSQL and Redis if they are installed but down.
if command -v pg_isready >/dev/null && ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null && command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ]; then
  step "Starting PostgreSQL"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true
fi
if command -v redis-server >/dev/null && ! (command -v redis-cli >/dev/null && redis-cli -h 127.0.0.1 ping >/dev/null 2>&1); then
  step "Starting Redis"
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no >/dev/null || true
fi

# Use the machine's PostgreSQL when it answers; otherwise the tests start an embedded one.
if [ -z "${TEST_DATABASE_URL:-}" ] && command -v pg_isready >/dev/null && pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  for user in "$(id -un)" postgres; do
    if psql "postgresql://$user@127.0.0.1:5432/postgres" -Atqc "select 1" >/dev/null 2>&1; then
      export TEST_DATABASE_URL="postgresql://$user@127.0.0.1:5432/postgres"; break
    fi
  done
fi
echo "database for tests: ${TEST_DATABASE_URL:-embedded PostgreSQL (no server found)}"
if command -v redis-cli >/dev/null && redis-cli -h 127.0.0.1 ping >/dev/null 2>&1; then
  export REDIS_TEST_URL="redis://127.0.0.1:6379"
fi
echo "redis for tests: ${REDIS_TEST_URL:-none (Redis-backed tests are skipped)}"

source scripts/stop-postmaster.sh

status=0
failed_steps=()
fail() { status=1; failed_steps+=("$1"); }
step "Type check"
npx tsc --noEmit || fail "type check"

step "Lint (ESLint: Next, React hooks, TypeScript rules; no warnings allowed)"
npm run --silent lint || fail lint

step "Format (Prettier, 120 columns)"
npm run --silent format:check || fail format

step "YAML lint (yamllint: compose, Helm chart values, Prometheus)"
bash scripts/lint-yaml.sh || fail "yaml lint"

step "Dependency audit (npm audit: high/critical outside .ci/audit-allowlist.json)"
# An unreachable registry is a printed skip (exit 0), never a red build.
node scripts/audit-deps.mjs || fail "dependency audit"

step "Unit and integration tests (vitest)"
rm -f reports/vitest.json
npx vitest run --reporter=default --reporter=json --outputFile.json=reports/vitest.json || fail vitest

step "Production build"
rm -f reports/e2e-results.json
if npx next build; then
  step "End-to-end tests (Playwright, Chromium)"
  CI=${CI:-true} npx playwright test || fail playwright
  # Playwright kills the web server's process group hard; an embedded PostgreSQL it started
  # (machines without a PostgreSQL service) would outlive it. Stop exactly that server: its pid
  # is the first line of postmaster.pid in its data directory. SIGINT = fast shutdown.
  stop_postmaster "$PWD/.data/e2e-postgres"
else
  echo "build failed: end-to-end tests not run"; fail build
fi

step "Summary"
node scripts/test-summary.mjs reports/vitest.json reports/e2e-results.json || fail summary
if [ ${#failed_steps[@]} -gt 0 ]; then echo "FAILED steps: ${failed_steps[*]}"; else echo "all steps passed"; fi
echo "took ${SECONDS}s"
exit $status
